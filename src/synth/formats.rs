//! Generated documents in the layouts issue 9 measured beyond PDF extraction, each with the
//! units a reader should find: text framed as box art, long lettered lists whose wrapped
//! lines end in "I" or "If", and Markdown (setext and ATX headings, lists, block quotes,
//! tables, code blocks).
//!
//! ```
//! use draftdiff::synth::formats::{self, Format};
//! let doc = formats::generate(Format::Lettered, 3, 20);
//! assert_eq!(doc.truth.len(), 20);
//! assert!(doc.text.starts_with("A. "));
//! ```

use super::pdf::typeset;
use super::prose::Writer;
use super::rng::Rng;

/// A layout to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Paragraphs inside a box of `*` (a rule above and below, each line framed), between
    /// ordinary paragraphs.
    Boxed,
    /// A lettered list `A.` … (up to `Z.`), items wrapped over several lines, some lines
    /// ending in "I" or "If".
    Lettered,
    /// Markdown: a setext title, ATX section headings, paragraphs, bullet lists, block
    /// quotes, tables and code blocks.
    Markdown,
}

/// One unit a reader should find: its kind (`heading`, `paragraph`, `list_item`), its
/// number as printed (if any) and the first words of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// `heading`, `paragraph` or `list_item`.
    pub kind: &'static str,
    /// The number as printed, without its period.
    pub number: Option<String>,
    /// The first three words of the unit's text.
    pub start: String,
}

/// A generated document and the units in it.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The text.
    pub text: String,
    /// The units, in order.
    pub truth: Vec<Expected>,
}

/// Width of wrapped lines.
const WIDTH: usize = 72;

fn first_words(s: &str) -> String {
    s.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

/// Wraps `text` at [`WIDTH`] columns less `indent`.
fn wrap(text: &str, indent: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    let limit = WIDTH - indent;
    for w in text.split_whitespace() {
        let cur = lines.last_mut().expect("one line");
        if !cur.is_empty() && cur.len() + 1 + w.len() > limit {
            lines.push(w.to_string());
        } else {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(w);
        }
    }
    lines
}

/// A paragraph of generated prose.
fn para(writer: &Writer, rng: &mut Rng) -> String {
    let topic = writer.topic(rng);
    typeset(&writer.render_para(&writer.paragraph(rng, &topic)))
}

/// A title of generated prose.
fn title(writer: &Writer, rng: &mut Rng) -> String {
    let topic = writer.topic(rng);
    writer.render_title(&writer.title(rng, &topic))
}

/// Generates a document of `units` units (about; lettered lists stop at `Z`) in `format`.
pub fn generate(format: Format, seed: u64, units: usize) -> Generated {
    let writer = Writer::new(super::vocab::invented_for(units));
    let mut rng = Rng::new(seed);
    let mut text = String::new();
    let mut truth = Vec::new();
    let mut expect = |kind: &'static str, number: Option<String>, body: &str| {
        truth.push(Expected {
            kind,
            number,
            start: first_words(body),
        });
    };
    match format {
        Format::Boxed => {
            for i in 0..units {
                let p = para(&writer, &mut rng);
                if i % 3 == 1 {
                    let inner = WIDTH - 4;
                    text.push_str(&"*".repeat(WIDTH));
                    text.push('\n');
                    for l in wrap(&p, 4) {
                        text.push_str(&format!("* {l:<inner$} *\n"));
                    }
                    text.push_str(&"*".repeat(WIDTH));
                    text.push_str("\n\n");
                } else {
                    for l in wrap(&p, 0) {
                        text.push_str(&l);
                        text.push('\n');
                    }
                    text.push('\n');
                }
                expect("paragraph", None, &p);
            }
        }
        Format::Lettered => {
            for i in 0..units.min(26) {
                let letter = char::from(b'A' + i as u8).to_string();
                let mut p = para(&writer, &mut rng);
                if rng.chance(0.3) {
                    // A line that ends in "If" or "I" just before the wrap.
                    let words: Vec<&str> = p.split_whitespace().collect();
                    let at = (words.len() / 2).max(1);
                    let word = if rng.chance(0.5) { "If" } else { "I" };
                    p = format!(
                        "{}. {word} {}",
                        words[..at].join(" "),
                        words[at..].join(" ")
                    );
                }
                let lines = wrap(&p, letter.len() + 2);
                for (k, l) in lines.iter().enumerate() {
                    if k == 0 {
                        text.push_str(&format!("{letter}. "));
                    }
                    text.push_str(l);
                    text.push('\n');
                }
                expect("list_item", Some(letter), &p);
            }
        }
        Format::Markdown => {
            let t = title(&writer, &mut rng);
            text.push_str(&format!(
                "{t}\n{}\n\n",
                "=".repeat(t.chars().count().max(3))
            ));
            expect("heading", None, &t);
            let mut n = 1;
            while n < units {
                let h = title(&writer, &mut rng);
                text.push_str(&format!("## {h}\n\n"));
                expect("heading", None, &h);
                n += 1;
                let p = para(&writer, &mut rng);
                for l in wrap(&p, 0) {
                    text.push_str(&l);
                    text.push('\n');
                }
                text.push('\n');
                expect("paragraph", None, &p);
                n += 1;
                match rng.below(4) {
                    0 => {
                        for _ in 0..3 {
                            let item = title(&writer, &mut rng);
                            text.push_str(&format!("- {item}\n"));
                            expect("list_item", None, &item);
                            n += 1;
                        }
                    }
                    1 => {
                        let q = para(&writer, &mut rng);
                        for l in wrap(&q, 2) {
                            text.push_str(&format!("> {l}\n"));
                        }
                        expect("paragraph", None, &q);
                        n += 1;
                    }
                    2 => {
                        let (a, b) = (title(&writer, &mut rng), title(&writer, &mut rng));
                        text.push_str(&format!("| {a} | {b} |\n| --- | --- |\n"));
                        for k in 1..=3 {
                            text.push_str(&format!("| {k} | {} |\n", 10 * k));
                        }
                        expect("paragraph", None, &format!("{a} {b}"));
                        n += 1;
                    }
                    _ => {
                        text.push_str(
                            "```\nlet total = items.len();\n\nprintln!(\"{total}\");\n```\n",
                        );
                        expect("paragraph", None, "let total = items.len();");
                        n += 1;
                    }
                }
                text.push('\n');
            }
        }
    }
    Generated { text, truth }
}
