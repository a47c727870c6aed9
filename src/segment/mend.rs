//! Words broken at line ends: drop the hyphen of a broken word (`organi-` / `zation`), keep
//! the hyphen of a real compound (`capacity-` / `building`), deciding from the document's
//! own vocabulary.
//!
//! For each break, the joined form (`organization`) and the hyphenated form
//! (`capacity-building`) are counted where they occur *inside* lines elsewhere in the
//! document (plural and singular counted together). The more frequent form wins. When
//! neither occurs, the hyphen is kept if both halves are words of the document on their own
//! and the first has at least [`MIN_COMPOUND_HEAD`] letters (`self-` / `evident`), else
//! it is dropped (`exam-` / `ple`).

use std::collections::HashMap;

/// Shortest first half of a compound kept when the vocabulary has no evidence: two-letter
/// halves are more often syllables (`in-`/`formation`) than words of a compound.
const MIN_COMPOUND_HEAD: usize = 3;

/// Longest word fragment looked at before a line-end hyphen. Longer runs without a space
/// are not words; bounding the look-back keeps the work per line constant.
pub(crate) const MAX_FRAGMENT: usize = 64;

/// The hasher of the segmenter's maps of short words and lines: foldhash with its fixed
/// seed, so runs are identical.
pub(crate) type FastHash = foldhash::fast::FixedState;

type FastMap<K, V> = HashMap<K, V, FastHash>;

/// If `text` ends with a word broken by a hyphen (`…organi-`), the fragment before the
/// hyphen (`organi`); `None` when it does not or the fragment is too long.
pub(crate) fn broken_head(text: &str) -> Option<&str> {
    let body = text.strip_suffix('-')?;
    let mut start = body.len();
    for (n, (i, c)) in body.char_indices().rev().enumerate() {
        if !c.is_alphabetic() {
            break;
        }
        if n >= MAX_FRAGMENT {
            return None;
        }
        start = i;
    }
    // For "well-known-" only the last part is the head.
    let head = &body[start..];
    (!head.is_empty()).then_some(head)
}

/// The first word of a continuation line, if it starts with a lower-case letter.
pub(crate) fn continuation_tail(line: &str) -> Option<&str> {
    let s = line.trim_start();
    let first = s.chars().next()?;
    if !first.is_lowercase() {
        return None;
    }
    let end = match s
        .char_indices()
        .take(MAX_FRAGMENT)
        .find(|&(_, c)| !c.is_alphabetic())
    {
        Some((i, _)) => i,
        // No word end among the first letters: a short line is all tail; a long one is
        // not a word. (Never cut at a byte count: it may fall inside a character.)
        None if s.len() < MAX_FRAGMENT * 4 => s.len(),
        None => return None,
    };
    let tail = &s[..end];
    (!tail.is_empty() && tail.len() < MAX_FRAGMENT * 4).then_some(tail)
}

/// The decisions for the breaks of one document.
#[derive(Debug, Default)]
pub(crate) struct Mender {
    /// (head, tail) in lower case → keep the hyphen.
    keep: FastMap<(String, String), bool>,
}

/// Collects breaks and counts the vocabulary needed to decide them.
#[derive(Default)]
pub(crate) struct MendBuilder {
    breaks: Vec<(String, String)>,
    counts: FastMap<String, u32>,
    min_len: usize,
    max_len: usize,
    /// For each first byte (lower-cased), a bit per word length (mod 64) of the counted
    /// words: most words of a line are skipped without hashing.
    filter: Vec<u64>,
    buf: String,
}

/// ASCII whitespace, as a table for the tokenizer's inner loops.
const SPACE: [bool; 256] = {
    let mut t = [false; 256];
    t[b' ' as usize] = true;
    t[b'\t' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0x0B] = true;
    t[0x0C] = true;
    t
};

/// `w` without leading and trailing characters that are not letters or digits.
fn trim_word(w: &str) -> &str {
    let b = w.as_bytes();
    let mut s = 0;
    let mut e = b.len();
    while s < e && b[s] < 0x80 && !b[s].is_ascii_alphanumeric() {
        s += 1;
    }
    while e > s && b[e - 1] < 0x80 && !b[e - 1].is_ascii_alphanumeric() {
        e -= 1;
    }
    let w = &w[s..e];
    if w.as_bytes().first().is_some_and(|&c| c >= 0x80)
        || w.as_bytes().last().is_some_and(|&c| c >= 0x80)
    {
        w.trim_matches(|c: char| !c.is_alphanumeric())
    } else {
        w
    }
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

fn variants(w: &str) -> [String; 2] {
    match w.strip_suffix('s') {
        Some(stem) if !stem.is_empty() => [w.to_string(), stem.to_string()],
        _ => [w.to_string(), format!("{w}s")],
    }
}

impl MendBuilder {
    /// Notes a break between `head-` and `tail`.
    pub fn add_break(&mut self, head: &str, tail: &str) {
        self.breaks.push((lower(head), lower(tail)));
    }

    /// True when there is nothing to decide.
    pub fn is_empty(&self) -> bool {
        self.breaks.is_empty()
    }

    /// Prepares the word counts (call after the last `add_break`).
    pub fn prepare(&mut self) {
        self.breaks.sort();
        self.breaks.dedup();
        let mut keys = Vec::new();
        for (h, t) in &self.breaks {
            keys.extend(variants(&format!("{h}{t}")));
            keys.extend(variants(&format!("{h}-{t}")));
            keys.push(h.clone());
            keys.push(t.clone());
        }
        self.min_len = keys.iter().map(String::len).min().unwrap_or(0);
        self.max_len = keys.iter().map(String::len).max().unwrap_or(0);
        self.filter = vec![0; 256];
        for k in keys {
            let b0 = k.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
            self.filter[usize::from(b0)] |= 1u64 << (k.len() & 63);
            // Non-ASCII first letters: their lower-case lead byte may differ, so mark the
            // upper-case form's lead bytes too by marking every lead byte of that length.
            if b0 >= 0x80 {
                for f in self.filter.iter_mut().skip(0x80) {
                    *f |= 1u64 << (k.len() & 63);
                }
            }
            self.counts.insert(k, 0);
        }
    }

    /// Counts the words of one line. `skip_first`: the line continues a broken word, so its
    /// first word is a fragment; the last word is skipped when it ends in a hyphen.
    pub fn count_line(&mut self, line: &str, skip_first: bool) {
        if self.counts.is_empty() {
            return;
        }
        let line = line.trim_end();
        let line = match line.strip_suffix('-') {
            // The broken word at the end is not a word of the vocabulary.
            // Cut after the whole whitespace character: it may be a no-break space or
            // U+2028, more than one byte long.
            Some(body) => {
                let cut = body
                    .char_indices()
                    .rfind(|&(_, c)| c.is_whitespace())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                &line[..cut]
            }
            None => line,
        };
        let bytes = line.as_bytes();
        let mut i = 0;
        let mut first = true;
        loop {
            while i < bytes.len() && SPACE[usize::from(bytes[i])] {
                i += 1;
            }
            let start = i;
            while i < bytes.len() && !SPACE[usize::from(bytes[i])] {
                i += 1;
            }
            if start == i {
                break;
            }
            if std::mem::take(&mut first) && skip_first {
                continue;
            }
            if i - start < self.min_len || i - start > self.max_len + 8 {
                continue;
            }
            // ASCII whitespace never splits a UTF-8 sequence, so this slice is a str.
            let raw = &line[start..i];
            let (b0, bn) = (bytes[start], bytes[i - 1]);
            let w = if b0.is_ascii_alphanumeric() && bn.is_ascii_alphanumeric() {
                raw
            } else {
                trim_word(raw)
            };
            if w.len() < self.min_len || w.len() > self.max_len {
                continue;
            }
            let Some(b0) = w.as_bytes().first().map(u8::to_ascii_lowercase) else {
                continue;
            };
            if self.filter[usize::from(b0)] & (1u64 << (w.len() & 63)) == 0 {
                continue;
            }
            let key: &str = if w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
                self.buf.clear();
                self.buf.extend(w.chars().flat_map(char::to_lowercase));
                &self.buf
            } else {
                w
            };
            if let Some(n) = self.counts.get_mut(key) {
                *n += 1;
            }
        }
    }

    /// Decides every break.
    pub fn finish(self) -> Mender {
        let count = |w: &str| -> u32 {
            variants(w)
                .iter()
                .map(|v| self.counts.get(v).copied().unwrap_or(0))
                .sum()
        };
        let mut keep = FastMap::default();
        for (h, t) in self.breaks {
            let joined = count(&format!("{h}{t}"));
            let hyphenated = count(&format!("{h}-{t}"));
            let k = if joined != hyphenated {
                hyphenated > joined
            } else {
                h.chars().count() >= MIN_COMPOUND_HEAD
                    && self.counts.get(&h).copied().unwrap_or(0) > 0
                    && self.counts.get(&t).copied().unwrap_or(0) > 0
            };
            keep.insert((h, t), k);
        }
        Mender { keep }
    }
}

impl Mender {
    /// Whether to keep the hyphen between `head-` and `tail`.
    pub fn keep_hyphen(&self, head: &str, tail: &str) -> bool {
        self.keep
            .get(&(lower(head), lower(tail)))
            .copied()
            .unwrap_or(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mender(lines: &[&str], breaks: &[(&str, &str)]) -> Mender {
        let mut b = MendBuilder::default();
        for (h, t) in breaks {
            b.add_break(h, t);
        }
        b.prepare();
        for l in lines {
            b.count_line(l, false);
        }
        b.finish()
    }

    #[test]
    fn vocabulary_decides() {
        let m = mender(
            &[
                "the organizations met",
                "on capacity-building today",
                "we did ",
            ],
            &[
                ("organi", "zation"),
                ("capacity", "building"),
                ("exam", "ple"),
            ],
        );
        assert!(!m.keep_hyphen("organi", "zation"));
        assert!(m.keep_hyphen("capacity", "building"));
        assert!(!m.keep_hyphen("exam", "ple"));
    }

    #[test]
    fn default_keeps_compounds_of_known_words() {
        let m = mender(
            &["self reliance is evident to all"],
            &[("self", "evident"), ("in", "formation")],
        );
        assert!(m.keep_hyphen("Self", "evident"));
        assert!(!m.keep_hyphen("in", "formation"));
    }

    #[test]
    fn heads_and_tails() {
        assert_eq!(broken_head("the organi-"), Some("organi"));
        assert_eq!(broken_head("non-"), Some("non"));
        assert_eq!(broken_head("“win-"), Some("win"));
        assert_eq!(broken_head("well-known-"), Some("known"));
        assert_eq!(broken_head("3-"), None);
        assert_eq!(broken_head("the"), None);
        assert_eq!(continuation_tail(" zation of"), Some("zation"));
        assert_eq!(continuation_tail("General"), None);
        assert_eq!(continuation_tail("win”"), Some("win"));
    }
}
