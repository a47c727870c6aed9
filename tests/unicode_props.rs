//! Property tests on hostile Unicode: any printable text (`\PC`) mixed with the characters
//! that Word, PDF extraction and the web put into documents (C0 and C1 controls, escape
//! sequences, bidi controls, zero-width joiners, BOMs, no-break and Unicode spaces, line
//! and paragraph separators, combining marks, CJK, Arabic and Hebrew, emoji, astral
//! letters, long non-ASCII words) and with layout (numbers, list markers, roman headings,
//! hyphens at line ends, form feeds, page numbers). Reading, segmenting, aligning,
//! diffing, every renderer and the lineage never panic; JSON output is valid and the same
//! on every run. The fuzz targets in `fuzz/` go further; these run in every `cargo test`.

use draftdiff::diff::DiffOptions;
use draftdiff::lineage::{Lineage, LineageOptions, Node, blame, summarize, trace};
use draftdiff::read::{self, Encoding, ReadOptions};
use draftdiff::render::{self, Format, Only, Palette, TerminalOptions};
use draftdiff::segment::{self, Layout, SegmentOptions};
use draftdiff::{AlignOptions, Document, Report};
use proptest::prelude::*;

#[rustfmt::skip]
const LAYOUTS: [Layout; 4] = [Layout::Auto, Layout::Pdf, Layout::Blocks, Layout::Lines];

/// Characters that break naive text handling, one or more bytes long in UTF-8.
#[rustfmt::skip]
const HOSTILE: &[&str] = &[
    // C0 controls, DEL, escape sequences (CSI, OSC), C1 controls.
    "\u{0}", "\u{1}", "\u{7}", "\u{8}", "\u{b}", "\u{1b}", "\u{7f}", "\u{1b}[31m", "\u{1b}[2J",
    "\u{1b}]0;title\u{7}", "\u{80}", "\u{85}", "\u{9b}", "\u{9f}",
    // Bidi controls and marks.
    "\u{200e}", "\u{200f}", "\u{202a}", "\u{202b}", "\u{202c}", "\u{202d}", "\u{202e}",
    "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{61c}",
    // Zero-width characters, BOM, soft hyphen.
    "\u{200b}", "\u{200c}", "\u{200d}", "\u{2060}", "\u{feff}", "\u{ad}",
    // Spaces and separators.
    "\u{a0}", "\u{202f}", "\u{2003}", "\u{3000}", "\u{1680}", "\u{2028}", "\u{2029}",
    // Combining marks.
    "\u{301}", "\u{308}", "\u{20dd}", "e\u{301}\u{301}",
    // CJK, Arabic, Hebrew.
    "人", "権", "。", "、", "（", "）", "ا", "ل", "١", "ש", "ם",
    // Emoji, astral letters, the last scalar value.
    "😀", "👩\u{200d}👩\u{200d}👧", "🇫🇷", "❤\u{fe0f}", "𝔘", "𐍈", "\u{10ffff}",
    // Box drawing, replacement character.
    "┌─┐", "│", "\u{fffd}",
];

/// Layout: what makes the segmenter cut, join and mend.
const LAYOUT: &[&str] = &[
    "\n",
    "\n",
    "\n\n",
    "1. ",
    "12.3 ",
    "(a) ",
    "b) ",
    "IV. ",
    "i. ",
    "# ",
    "• ",
    "- ",
    "-\n",
    "\u{c}",
    "   \n",
    "\n 1 A footnote.\n",
    "\nPage 3 of 10\n",
    "\n- 12 -\n",
    "https://x.org/a.pdf\n",
    "\t",
];

#[rustfmt::skip]
const WORDS: &[&str] = &[
    "the", "Council", "organi", "zation", "capacity", "building", "self", "evident", "Secretary",
    "General", "word", "élan", "Côte", "d’Ivoire", "“quoted”", "–",
];

/// A hostile document: printable text, hostile characters, layout and words, mixed.
fn hostile_text(max: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "\\PC{0,6}",
        3 => prop::sample::select(HOSTILE).prop_map(str::to_string),
        3 => prop::sample::select(LAYOUT).prop_map(str::to_string),
        3 => prop::sample::select(WORDS).prop_map(str::to_string),
        1 => (prop::sample::select(&["é", "ж", "人", "𝔘", "a"][..]), 60usize..140)
            .prop_map(|(c, n)| c.repeat(n)),
    ];
    prop::collection::vec(piece, 0..max).prop_map(|p| p.concat())
}

/// The bytes of a hostile text in one of the encodings a reader meets, or damaged.
fn hostile_bytes() -> impl Strategy<Value = Vec<u8>> {
    (
        hostile_text(40),
        0u8..7,
        prop::collection::vec(any::<u8>(), 0..8),
    )
        .prop_map(|(text, how, noise)| {
            let utf16 = |big: bool| -> Vec<u8> {
                text.encode_utf16()
                    .flat_map(|u| {
                        if big {
                            u.to_be_bytes()
                        } else {
                            u.to_le_bytes()
                        }
                    })
                    .collect()
            };
            let mut bytes = match how {
                0 => text.into_bytes(),
                1 => [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat(),
                2 => [b"\xff\xfe".as_slice(), &utf16(false)].concat(),
                3 => [b"\xfe\xff".as_slice(), &utf16(true)].concat(),
                4 => utf16(false),
                5 => text.replace('\n', "\r\n").into_bytes(),
                _ => text.into_bytes().iter().map(|b| b ^ 0x80).collect(),
            };
            // Damage: noise in the middle (odd lengths, lone surrogates, invalid UTF-8).
            let at = bytes.len() / 2;
            bytes.splice(at..at, noise);
            bytes
        })
}

fn doc(path: &str, text: &str, layout: Layout) -> Document {
    segment::segment(path, text, &SegmentOptions::new().layout(layout))
}

fn report(old: &str, new: &str, layout: Layout) -> Report {
    let (old, new) = (doc("old", old, layout), doc("new", new, layout));
    let alignment = draftdiff::align(&old, &new, &AlignOptions::new());
    draftdiff::diff::report(old, new, alignment, &DiffOptions::new())
}

fn json(report: &Report) -> Vec<u8> {
    let mut out = Vec::new();
    render::json(report, &mut out).unwrap();
    out
}

proptest! {
    #[test]
    fn segment_never_panics_on_hostile_text(text in hostile_text(80)) {
        for layout in LAYOUTS {
            let d = doc("p", &text, layout);
            for (i, u) in d.units.iter().enumerate() {
                prop_assert_eq!(u.id, i);
                prop_assert!(u.line >= 1 && u.line <= u.end_line);
                prop_assert_eq!(&u.norm, &segment::normalize(&u.text));
            }
        }
    }

    #[test]
    fn decode_never_panics_on_hostile_bytes(bytes in hostile_bytes()) {
        for encoding in [Encoding::Auto, Encoding::Utf8, Encoding::Windows1252] {
            let options = ReadOptions::new().encoding(encoding);
            let by_ref = read::decode("p", &bytes, &options);
            let by_value = read::decode_vec("p", bytes.clone(), &options);
            prop_assert_eq!(by_ref.is_ok(), by_value.is_ok());
            if let (Ok(a), Ok(b)) = (by_ref, by_value) {
                prop_assert!(!a.contains('\r'));
                prop_assert_eq!(&a, &b);
                doc("p", &a, Layout::Auto);
            }
        }
    }

    #[test]
    fn every_renderer_survives_hostile_text(
        old in hostile_text(50),
        new in hostile_text(50),
        layout in prop::sample::select(&LAYOUTS[..]),
    ) {
        let r = report(&old, &new, layout);
        for format in [Format::Terminal, Format::SideBySide, Format::Json, Format::Markdown] {
            for (width, color) in [(0, true), (1, false), (40, false), (80, true)] {
                let options = TerminalOptions::new().only(vec![Only::Changed, Only::Added]);
                let options = options.width(width);
                let mut out = Vec::new();
                render::render(&r, format, &options, &Palette::new(color), &mut out).unwrap();
                prop_assert!(std::str::from_utf8(&out).is_ok());
            }
            let stat = TerminalOptions::new().stat(true);
            render::render(&r, format, &stat, &Palette::plain(), &mut Vec::new()).unwrap();
        }
    }

    #[test]
    fn json_is_valid_and_deterministic(old in hostile_text(50), new in hostile_text(50)) {
        let first = report(&old, &new, Layout::Auto);
        let out = json(&first);
        let parsed: Result<serde_json::Value, _> = serde_json::from_slice(&out);
        prop_assert!(parsed.is_ok(), "invalid JSON: {}", String::from_utf8_lossy(&out));
        let second = report(&old, &new, Layout::Auto);
        if first.summary.timed_out == 0 && second.summary.timed_out == 0 {
            prop_assert_eq!(out, json(&second));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn lineage_survives_hostile_text(texts in prop::collection::vec(hostile_text(30), 1..4)) {
        let docs: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| doc(&format!("v{i}"), t, Layout::Auto))
            .collect();
        let lineage = Lineage::build(docs, &LineageOptions::new());
        let b = blame(&lineage, &DiffOptions::new());
        prop_assert_eq!(b.units.len(), lineage.versions().last().unwrap().units.len());
        summarize(&lineage);
        for u in 0..lineage.versions()[0].units.len() {
            trace(&lineage, Node::new(0, u), &DiffOptions::new());
        }
    }
}
