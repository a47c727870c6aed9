//! Enumerations decided over the whole document: which of the lines that *look* like the
//! start of paragraph 17, heading IV or item H. really are.
//!
//! Every line whose shape is a number (and whose layout allows a new unit: the line
//! before ends a sentence or is short, or a blank line stands between) is a *candidate*
//! with its value. The chosen candidates are the best-scoring chain through them, found
//! by dynamic programming in one pass: each chosen candidate scores one point; a step from
//! value `v` to a value in `v+1 ..= v+max_jump` is free (drafts skip a number or two where
//! paragraphs were deleted), a restart at the first value costs [`RESTART_COST`] and any
//! other jump [`JUMP_COST`]. A false `1.` in the middle of a long report would have to
//! pay a restart and then a jump back to rejoin the true sequence, so the chain skips it
//! and the numbering of the rest of the document is not derailed.
//!
//! For each candidate the best chain ending there is kept in a map from value to the best
//! (score, candidate), so the pass is O(candidates × max_jump).

use std::collections::HashMap;

use super::mend::FastHash;

/// Points for one chosen candidate (scores are integers for determinism).
const POINT: i64 = 10;

/// Cost of restarting the sequence at its first value: half a candidate, so a document
/// made of several numbered parts (annexes, appended documents) keeps each part, while a
/// lone false `1.` gains nothing by restarting.
pub(crate) const RESTART_COST: i64 = POINT / 2;

/// Cost of any other break in the sequence (a jump back, or forward beyond `max_jump`):
/// two and a half candidates, so a chain breaks only for a run of at least three numbers
/// that agree with each other.
pub(crate) const JUMP_COST: i64 = POINT * 5 / 2;

/// One candidate: where it is and its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// Line number (1-based).
    pub line: usize,
    /// The value of its number (`IV` → 4, `H` → 8).
    pub value: u32,
}

/// How one chosen candidate joined its chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// The first of the document, or after a break.
    Start,
    /// In step with the previous chosen one.
    Next,
    /// The sequence restarted at its first value.
    Restart,
    /// The sequence jumped.
    Jump,
}

/// The rules of one kind of enumeration.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rules {
    /// Largest step forward that is still in sequence.
    pub max_jump: u32,
    /// The first value (1 for `1.`, `I.`, `A.`).
    pub first: u32,
    /// Largest value a chain may start at.
    pub max_start: u32,
    /// Whether the sequence may jump (paragraph numbers of a document that quotes another
    /// may; headings and lettered lists that jump are not the same sequence).
    pub jumps: bool,
}

type FastMap<K, V> = HashMap<K, V, FastHash>;

/// The chosen candidates (indices into `cands`, in order) with how each joined its chain.
pub(crate) fn chain(cands: &[Candidate], rules: Rules) -> Vec<(usize, Step)> {
    if cands.is_empty() {
        return Vec::new();
    }
    let mut score = vec![0i64; cands.len()];
    let mut pred: Vec<Option<usize>> = vec![None; cands.len()];
    let mut how = vec![Step::Start; cands.len()];
    let mut by_value: FastMap<u32, (i64, usize)> = FastMap::default();
    // Best chain ending before the current candidate.
    let mut best: Option<(i64, usize)> = None;
    for (i, c) in cands.iter().enumerate() {
        let mut s = i64::MIN;
        let mut p = None;
        let mut h = Step::Start;
        let mut consider = |cand: i64, from: Option<usize>, step: Step| {
            if cand > s {
                s = cand;
                p = from;
                h = step;
            }
        };
        if c.value <= rules.max_start {
            consider(POINT, None, Step::Start);
        }
        for d in 1..=rules.max_jump.min(c.value) {
            if let Some(&(sc, j)) = by_value.get(&(c.value - d)) {
                consider(sc + POINT, Some(j), Step::Next);
            }
        }
        if let Some((sc, j)) = best {
            if c.value == rules.first {
                consider(sc + POINT - RESTART_COST, Some(j), Step::Restart);
            }
            if rules.jumps {
                consider(sc + POINT - JUMP_COST, Some(j), Step::Jump);
            }
        }
        if s == i64::MIN {
            // Out of reach (a chain cannot start this high): only the best before counts.
            score[i] = i64::MIN;
            continue;
        }
        score[i] = s;
        pred[i] = p;
        how[i] = h;
        let e = by_value.entry(c.value).or_insert((s, i));
        if s >= e.0 {
            *e = (s, i);
        }
        if best.is_none_or(|(b, _)| s >= b) {
            best = Some((s, i));
        }
    }
    let mut out = Vec::new();
    let mut at = best.map(|(_, i)| i);
    while let Some(i) = at {
        out.push((i, how[i]));
        at = pred[i];
    }
    out.reverse();
    out
}

/// The family of a list label, so that `(h)` `(i)` `(j)` are letters and `(i)` `(ii)` are
/// roman numerals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Family {
    /// `a` … `z`, then `aa` … `zz`.
    Letter,
    /// `i`, `ii`, `iii`, …
    Roman,
    /// `1`, `2`, …
    Digit,
    /// `A` … `Z`.
    Upper,
}

/// The value of a list label in `family` (`h` → 8, `aa` → 27, `iv` → 4), if it has one.
pub(crate) fn label_value(label: &str, family: Family) -> Option<u32> {
    let b = label.as_bytes();
    match family {
        Family::Letter => match b {
            [c] if c.is_ascii_lowercase() => Some(u32::from(c - b'a') + 1),
            [c, d] if c == d && c.is_ascii_lowercase() => Some(u32::from(c - b'a') + 27),
            _ => None,
        },
        Family::Upper => match b {
            [c] if c.is_ascii_uppercase() => Some(u32::from(c - b'A') + 1),
            _ => None,
        },
        Family::Roman => {
            if b.iter().all(u8::is_ascii_lowercase) {
                super::start::roman_value(label)
            } else {
                None
            }
        }
        Family::Digit => {
            if !b.is_empty() && b.len() <= 2 && b.iter().all(u8::is_ascii_digit) {
                label.parse().ok()
            } else {
                None
            }
        }
    }
}

/// Paragraph numbers: drafts skip a number or two where paragraphs were deleted (a
/// wrapped line that starts with a year or an amount is far off the sequence).
const ARABIC: Rules = Rules {
    max_jump: 5,
    first: 1,
    max_start: 999,
    jumps: true,
};

/// Roman headings: at most two skipped; a first heading above X is a line starting with
/// an initial (`C. livia`), not heading 100.
const ROMAN: Rules = Rules {
    max_jump: 3,
    first: 1,
    max_start: 10,
    jumps: false,
};

/// Lettered lists and headings (`A.`, `B.`): they start at `A`, at most one letter skipped.
const UPPER: Rules = Rules {
    max_jump: 2,
    first: 1,
    max_start: 1,
    jumps: false,
};

/// Lines shorter than this (bytes) are narrower than any wrapped text: after one, a
/// number one higher than the number that opened it starts the next unit.
const NARROW_LINE: usize = 40;

/// What a chosen candidate starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pick {
    /// A numbered paragraph.
    Arabic,
    /// A roman-numbered heading.
    Roman,
    /// A lettered unit (`H.`, or `I.` after `H.`) with its value.
    Letter(u32),
}

/// Why a line that looks like a unit start was not taken for one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Rejection {
    /// The line before neither ends a sentence nor is short, and no blank line stands
    /// between: the number is part of a wrapped sentence.
    Layout,
    /// It does not fit the sequence chosen for the document (the value before it).
    Sequence(Option<u32>),
}

/// A number rejected, for `segment --explain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rejected {
    pub line: usize,
    pub number: String,
    pub why: Rejection,
}

/// Collects the candidates of one document, line by line (pass 2).
#[derive(Debug)]
pub(crate) struct Collector {
    pdf: bool,
    lines_layout: bool,
    short_line: usize,
    /// The last text line: ends a sentence (or is a heading's title), length.
    prev: Option<(bool, usize)>,
    /// The last text line started a unit numbered (family: 0 arabic, 1 letter, value),
    /// and the same for the line being read (set while reading it).
    prev_number: Option<(u8, u32)>,
    next_number: Option<(u8, u32)>,
    blank: bool,
    arabic: Vec<Candidate>,
    roman: Vec<Candidate>,
    upper: Vec<Candidate>,
    /// Numbers as printed, by line, for the explanation.
    printed: Vec<(usize, String)>,
    /// Lines after a blank line outside PDF text: the assembler takes a paragraph number
    /// there whatever the sequence, so they are never reported as refused.
    block_starts: Vec<usize>,
    rejected: Vec<Rejected>,
}

/// The chosen unit starts of a document.
#[derive(Debug, Default)]
pub(crate) struct Chosen {
    picks: FastMap<usize, Pick>,
    /// The numbers rejected, in line order.
    pub rejected: Vec<Rejected>,
}

impl Chosen {
    /// What line `no` starts, if it was chosen.
    pub fn pick(&self, no: usize) -> Option<Pick> {
        self.picks.get(&no).copied()
    }
}

impl Collector {
    /// A collector for a text of this layout; `short_line` is the length below which a
    /// line counts as short.
    pub fn new(pdf: bool, lines_layout: bool, short_line: usize) -> Collector {
        Collector {
            pdf,
            lines_layout,
            short_line,
            prev: None,
            prev_number: None,
            next_number: None,
            blank: false,
            arabic: Vec::new(),
            roman: Vec::new(),
            upper: Vec::new(),
            printed: Vec::new(),
            block_starts: Vec::new(),
            rejected: Vec::new(),
        }
    }

    /// A blank line.
    pub fn blank(&mut self) {
        self.blank = true;
    }

    /// A line of running text (trimmed).
    pub fn text(&mut self, no: usize, t: &str) {
        let mut heading = false;
        let prev_number = self.prev_number.take();
        if let Some(s) = super::start::parse(t, !self.pdf) {
            // The line before was the whole of the unit numbered one less (`1. a` /
            // `2. b`): a list of one-line units, whatever their punctuation. Only after a
            // narrow line: a full line is more likely wrapped before a number.
            let narrow = self.prev.is_some_and(|(_, len)| len < NARROW_LINE);
            let follows = narrow
                && match s.shape {
                    super::start::Shape::Numbered { major, minor: None } => {
                        prev_number == Some((0, major.wrapping_sub(1)))
                    }
                    super::start::Shape::Letter(v) => prev_number == Some((1, v.wrapping_sub(1))),
                    _ => false,
                };
            heading = matches!(
                s.shape,
                super::start::Shape::Roman(_)
                    | super::start::Shape::Letter(_)
                    | super::start::Shape::Markdown(_)
            );
            let agree = self.lines_layout
                || follows
                || (!self.pdf && self.blank)
                || self
                    .prev
                    .is_none_or(|(terminal, len)| terminal || len < self.short_line);
            let push = |list: &mut Vec<Candidate>, value: u32| {
                if agree {
                    list.push(Candidate { line: no, value });
                }
            };
            let numbered = match s.shape {
                super::start::Shape::Numbered { major, minor: None } => {
                    push(&mut self.arabic, major);
                    if agree {
                        self.next_number = Some((0, major));
                    }
                    true
                }
                super::start::Shape::Roman(v) if !s.rest.starts_with(char::is_lowercase) => {
                    push(&mut self.roman, v);
                    if let Some(l) = s.number.and_then(|n| label_value(n, Family::Upper)) {
                        push(&mut self.upper, l);
                    }
                    true
                }
                super::start::Shape::Letter(v) => {
                    push(&mut self.upper, v);
                    if agree {
                        self.next_number = Some((1, v));
                    }
                    true
                }
                _ => false,
            };
            if numbered {
                if self.lines_layout || (!self.pdf && (self.blank || self.prev.is_none())) {
                    self.block_starts.push(no);
                }
                let number = s.number.unwrap_or("").to_string();
                if agree {
                    self.printed.push((no, number));
                } else {
                    self.rejected.push(Rejected {
                        line: no,
                        number,
                        why: Rejection::Layout,
                    });
                }
            }
        }
        // A heading's title ends where the next unit starts, punctuated or not.
        self.prev = Some((heading || super::style::ends_terminal(t), t.len()));
        self.prev_number = self.next_number.take();
        self.blank = false;
    }

    /// Chooses the sequences.
    pub fn finish(self) -> Chosen {
        let mut picks: FastMap<usize, Pick> = FastMap::default();
        for (i, _) in chain(&self.arabic, ARABIC) {
            picks.insert(self.arabic[i].line, Pick::Arabic);
        }
        // Letters first: `I.` after `H.` is the ninth letter, not heading I.
        for (i, step) in chain(&self.upper, UPPER) {
            let c = self.upper[i];
            let roman_letter = self.roman.binary_search_by_key(&c.line, |r| r.line).is_ok();
            if !roman_letter || step == Step::Next {
                picks.insert(c.line, Pick::Letter(c.value));
            }
        }
        let roman: Vec<Candidate> = self
            .roman
            .iter()
            .filter(|c| !picks.contains_key(&c.line))
            .copied()
            .collect();
        for (i, _) in chain(&roman, ROMAN) {
            picks.insert(roman[i].line, Pick::Roman);
        }
        let mut rejected = self.rejected;
        let mut last: Option<u32> = None;
        let all = self.arabic.iter().chain(&self.roman).chain(&self.upper);
        let mut lines: Vec<usize> = all.map(|c| c.line).collect();
        lines.sort_unstable();
        lines.dedup();
        let printed: FastMap<usize, &str> =
            self.printed.iter().map(|(l, n)| (*l, n.as_str())).collect();
        for line in lines {
            let value = self
                .arabic
                .binary_search_by_key(&line, |c| c.line)
                .ok()
                .map(|i| self.arabic[i].value);
            let forced =
                value.is_some_and(|v| v < 1000) && self.block_starts.binary_search(&line).is_ok();
            match picks.get(&line) {
                Some(Pick::Arabic) => last = value,
                Some(_) => {}
                None if forced => last = value,
                None => rejected.push(Rejected {
                    line,
                    number: printed.get(&line).copied().unwrap_or("").to_string(),
                    why: Rejection::Sequence(if value.is_some() { last } else { None }),
                }),
            }
        }
        rejected.sort_by_key(|r| r.line);
        Chosen { picks, rejected }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chosen(values: &[u32], rules: Rules) -> Vec<u32> {
        let cands: Vec<Candidate> = values
            .iter()
            .enumerate()
            .map(|(i, &value)| Candidate { line: i, value })
            .collect();
        chain(&cands, rules)
            .into_iter()
            .map(|(i, _)| values[i])
            .collect()
    }

    const ARABIC: Rules = Rules {
        max_jump: 5,
        first: 1,
        max_start: u32::MAX,
        jumps: true,
    };

    #[test]
    fn a_false_one_does_not_derail_the_rest() {
        assert_eq!(
            chosen(&[44916, 44917, 1, 44918, 44919, 7, 44920], ARABIC),
            [44916, 44917, 44918, 44919, 44920]
        );
    }

    #[test]
    fn restarts_and_skips_are_kept() {
        assert_eq!(
            chosen(&[1, 2, 3, 1, 2, 4, 5, 9], ARABIC),
            [1, 2, 3, 1, 2, 4, 5, 9]
        );
        // A document that starts in the middle of its numbering.
        assert_eq!(chosen(&[57, 58, 2015, 59], ARABIC), [57, 58, 59]);
    }

    #[test]
    fn letters_and_romans() {
        let upper = Rules {
            max_jump: 2,
            first: 1,
            max_start: 1,
            jumps: false,
        };
        // A B … H I J: I is the ninth letter.
        assert_eq!(
            chosen(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], upper),
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        );
        assert_eq!(label_value("h", Family::Letter), Some(8));
        assert_eq!(label_value("bb", Family::Letter), Some(28));
        assert_eq!(label_value("it", Family::Letter), None);
        assert_eq!(label_value("iv", Family::Roman), Some(4));
        assert_eq!(label_value("J", Family::Upper), Some(10));
    }
}
