//! Shared-stock prose and the edits real heavy revisions make of it.
//!
//! Legal, treaty and UN texts recombine stock sentences and clauses ("in accordance with
//! its resolution 41/7", "the Committee requests the State party to ..."): in a long
//! document the same sentence occurs in many paragraphs, and rare words stop being rare.
//! With [`StockOptions`] the old version is written that way: each paragraph mixes its own
//! sentences with sentences drawn from a stock shared by the whole document (a Zipf-like
//! draw, so a few stock sentences are everywhere), and some of its own sentences end with a
//! stock clause.
//!
//! The new version is made by the edits such revisions make, recorded in the truth:
//! - **spread** ([`EditKind::Split`]): one paragraph's own sentences are dealt out over
//!   2–4 new paragraphs, each keeping a sentence or two and gaining fresh and stock ones;
//!   the pieces are not next to each other (the later ones land further on in the section
//!   or in the next section);
//! - **gather** ([`EditKind::Merged`]): 2–4 consecutive paragraphs become one, which keeps
//!   a sentence or two of each;
//! - unchanged, lightly edited, removed, added paragraphs as in the default generator;
//! - **reorganised sections**: now and then a whole section's new paragraphs are shuffled
//!   (each becomes a [`EditKind::Moved`] link when it leaves its place).
//!
//! Every piece keeps at least one sentence of its own (never only stock), so the truth is
//! knowable from the text, as a careful reader would know it.

use super::EditKind;
use super::edit::{NewPara, NewSection, OldDoc, OldSection, light_edit};
use super::prose::{Para, Sentence, Tok, Writer};
use super::rng::Rng;

/// How shared-stock prose is written and revised.
#[derive(Debug, Clone, PartialEq)]
pub struct StockOptions {
    /// Stock sentences shared by the whole document.
    pub(crate) sentences: usize,
    /// Share of a paragraph's sentences drawn from the stock.
    pub(crate) stock_share: f64,
    /// Share of a paragraph's own sentences that end with a stock clause.
    pub(crate) clause_share: f64,
    /// Probability that an old paragraph is spread over 2–4 new ones.
    pub(crate) spread: f64,
    /// Probability that an old paragraph starts a gathering of 2–4 into one.
    pub(crate) gather: f64,
    /// Probability that an old paragraph is lightly edited.
    pub(crate) edited: f64,
    /// Probability that an old paragraph is removed.
    pub(crate) removed: f64,
    /// Probability that a new paragraph is inserted before an old one.
    pub(crate) added: f64,
    /// Probability that a section's paragraphs are shuffled.
    pub(crate) reorganised: f64,
}

impl Default for StockOptions {
    fn default() -> StockOptions {
        StockOptions::new()
    }
}

impl StockOptions {
    /// 200 stock sentences, a third of each paragraph's sentences from the stock, and the
    /// edit rates of a heavy revision (10% spread, 8% gathered, 2% of sections
    /// reorganised).
    pub fn new() -> StockOptions {
        StockOptions {
            sentences: 200,
            stock_share: 0.33,
            clause_share: 0.2,
            spread: 0.1,
            gather: 0.08,
            edited: 0.15,
            removed: 0.03,
            added: 0.03,
            reorganised: 0.02,
        }
    }
}

/// The stock of one document: whole sentences and trailing clauses.
struct Stock {
    sentences: Vec<Sentence>,
    clauses: Vec<Sentence>,
}

impl Stock {
    fn new(w: &Writer, rng: &mut Rng, n: usize) -> Stock {
        let n = n.max(1);
        Stock {
            sentences: (0..n).map(|_| w.sentence(rng, &[])).collect(),
            clauses: (0..n.div_ceil(2))
                .map(|_| {
                    let mut s = w.sentence(rng, &[]);
                    s.truncate(6);
                    s
                })
                .collect(),
        }
    }

    /// A Zipf-like index below `n`: index `k` drawn with weight about `1 / (k + 1)`.
    fn zipf(rng: &mut Rng, n: usize) -> usize {
        let u = rng.unit();
        (((n as f64 + 1.0).powf(u) - 1.0) as usize).min(n - 1)
    }

    fn sentence(&self, rng: &mut Rng) -> Sentence {
        self.sentences[Stock::zipf(rng, self.sentences.len())].clone()
    }

    fn clause(&self, rng: &mut Rng) -> Sentence {
        self.clauses[Stock::zipf(rng, self.clauses.len())].clone()
    }
}

/// A paragraph of the old version: own sentences (at least one) with stock between them.
struct Written {
    para: Para,
    /// Which sentences are the paragraph's own (not stock).
    own: Vec<bool>,
}

fn own_sentence(
    w: &Writer,
    rng: &mut Rng,
    stock: &Stock,
    topic: &[u32],
    o: &StockOptions,
) -> Sentence {
    let mut s = w.sentence(rng, topic);
    if rng.chance(o.clause_share) {
        s.push(Tok::Comma);
        s.extend(stock.clause(rng));
    }
    s
}

fn paragraph(w: &Writer, rng: &mut Rng, stock: &Stock, topic: &[u32], o: &StockOptions) -> Written {
    let n = rng.range(2, 6);
    let mut sentences = Vec::with_capacity(n);
    let mut own = Vec::with_capacity(n);
    for k in 0..n {
        if k > 0 && rng.chance(o.stock_share) {
            sentences.push(stock.sentence(rng));
            own.push(false);
        } else {
            sentences.push(own_sentence(w, rng, stock, topic, o));
            own.push(true);
        }
    }
    Written {
        para: Para { sentences },
        own,
    }
}

/// The old and new versions of a shared-stock pair (see the module docs).
pub(crate) fn pair(
    w: &Writer,
    rng: &mut Rng,
    n: usize,
    section_len: usize,
    o: &StockOptions,
) -> (OldDoc, Vec<NewSection>) {
    let stock = Stock::new(w, &mut rng.fork(11), o.sentences);
    let mut rng_old = rng.fork(12);
    let mut sections = Vec::new();
    let mut paras = Vec::with_capacity(n);
    let mut owns: Vec<Vec<bool>> = Vec::with_capacity(n);
    let section_len = section_len.max(1);
    while paras.len() < n || sections.is_empty() {
        let topic = w.topic(&mut rng_old);
        let title = w.title(&mut rng_old, &topic);
        let len = rng_old.range(1, 2 * section_len - 1).min(n - paras.len());
        let mut ids = Vec::with_capacity(len);
        for _ in 0..len {
            ids.push(paras.len());
            let written = paragraph(w, &mut rng_old, &stock, &topic, o);
            paras.push(written.para);
            owns.push(written.own);
        }
        sections.push(OldSection {
            title,
            topic,
            paras: ids,
        });
    }
    let old = OldDoc { sections, paras };
    let new = revise(w, &mut rng.fork(13), &old, &owns, &stock, o);
    (old, new)
}

/// The own sentences of old paragraph `id`.
fn own_of(old: &OldDoc, owns: &[Vec<bool>], id: usize) -> Vec<Sentence> {
    old.paras[id]
        .sentences
        .iter()
        .zip(&owns[id])
        .filter(|(_, own)| **own)
        .map(|(s, _)| s.clone())
        .collect()
}

/// A new paragraph around `kept` sentences: fresh and stock sentences added around them.
fn around(
    w: &Writer,
    rng: &mut Rng,
    stock: &Stock,
    topic: &[u32],
    kept: Vec<Sentence>,
    o: &StockOptions,
) -> Para {
    let mut sentences = Vec::new();
    if rng.chance(0.5) {
        sentences.push(own_sentence(w, rng, stock, topic, o));
    }
    sentences.extend(kept);
    if rng.chance(o.stock_share) {
        sentences.push(stock.sentence(rng));
    }
    if rng.chance(0.3) || sentences.is_empty() {
        sentences.push(w.sentence(rng, topic));
    }
    Para { sentences }
}

/// Applies the edits of the module docs.
fn revise(
    w: &Writer,
    rng: &mut Rng,
    old: &OldDoc,
    owns: &[Vec<bool>],
    stock: &Stock,
    o: &StockOptions,
) -> Vec<NewSection> {
    let mut out: Vec<NewSection> = old
        .sections
        .iter()
        .enumerate()
        .map(|(si, sec)| NewSection {
            title: sec.title.clone(),
            origin: Some(si),
            kind: EditKind::Unchanged,
            paras: Vec::new(),
        })
        .collect();
    // Pieces of spread paragraphs waiting for a later place: (section, paragraphs to wait).
    let mut pending: Vec<(usize, usize, NewPara)> = Vec::new();
    for (si, sec) in old.sections.iter().enumerate() {
        let topic = &sec.topic;
        let mut i = 0;
        while i < sec.paras.len() {
            // Pieces whose time has come.
            let mut k = 0;
            while k < pending.len() {
                if pending[k].0 <= si && pending[k].1 == 0 {
                    let (_, _, piece) = pending.remove(k);
                    out[si].paras.push(piece);
                } else {
                    if pending[k].0 <= si {
                        pending[k].1 -= 1;
                    }
                    k += 1;
                }
            }
            if rng.chance(o.added) {
                out[si].paras.push(NewPara {
                    para: around(w, rng, stock, topic, Vec::new(), o),
                    origin: Vec::new(),
                    kind: EditKind::Added,
                });
            }
            let id = sec.paras[i];
            let own = own_of(old, owns, id);
            let u = rng.unit();
            i += 1;
            if u < o.spread && own.len() >= 2 {
                // Deal the own sentences out over 2–4 pieces.
                let pieces = rng.range(2, 4).min(own.len());
                let mut dealt: Vec<Vec<Sentence>> = vec![Vec::new(); pieces];
                for (k, s) in own.into_iter().enumerate() {
                    dealt[k % pieces].push(s);
                }
                for (k, kept) in dealt.into_iter().enumerate() {
                    let piece = NewPara {
                        para: around(w, rng, stock, topic, kept, o),
                        origin: vec![id],
                        kind: EditKind::Split,
                    };
                    if k == 0 {
                        out[si].paras.push(piece);
                    } else {
                        let later = if rng.chance(0.3) && si + 1 < old.sections.len() {
                            si + 1
                        } else {
                            si
                        };
                        pending.push((later, rng.range(1, 3), piece));
                    }
                }
            } else if u < o.spread + o.gather && i < sec.paras.len() {
                let extra = rng.range(1, 3).min(sec.paras.len() - i);
                let mut origin = vec![id];
                let mut kept = Vec::new();
                for id in std::iter::once(id).chain(sec.paras[i..i + extra].iter().copied()) {
                    let own = own_of(old, owns, id);
                    let take = rng.range(1, 2).min(own.len());
                    let from = rng.below(own.len() - take + 1);
                    kept.extend(own[from..from + take].iter().cloned());
                    if id != origin[0] {
                        origin.push(id);
                    }
                }
                i += extra;
                out[si].paras.push(NewPara {
                    para: around(w, rng, stock, topic, kept, o),
                    origin,
                    kind: EditKind::Merged,
                });
            } else if u < o.spread + o.gather + o.edited {
                out[si].paras.push(NewPara {
                    para: light_edit(w, rng, &old.paras[id], topic),
                    origin: vec![id],
                    kind: EditKind::Edited,
                });
            } else if u < o.spread + o.gather + o.edited + o.removed {
                // Removed: nothing descends from it.
            } else {
                out[si].paras.push(NewPara {
                    para: old.paras[id].clone(),
                    origin: vec![id],
                    kind: EditKind::Unchanged,
                });
            }
        }
    }
    // Pieces still waiting go at the end of the last section.
    if let Some(last) = out.last_mut() {
        last.paras.extend(pending.into_iter().map(|p| p.2));
    }
    for (si, sec) in out.iter_mut().enumerate() {
        // A section left empty gets a new paragraph: an empty section tests segmentation
        // (the paragraph numbers skip a section), not alignment.
        if sec.paras.is_empty() {
            let topic = &old.sections[si].topic;
            sec.paras.push(NewPara {
                para: around(w, rng, stock, topic, Vec::new(), o),
                origin: Vec::new(),
                kind: EditKind::Added,
            });
        }
        if sec.paras.len() > 1 && rng.chance(o.reorganised) {
            rng.shuffle(&mut sec.paras);
            for p in &mut sec.paras {
                if matches!(p.kind, EditKind::Unchanged | EditKind::Edited) {
                    p.kind = EditKind::Moved;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::synth::{StockOptions, SynthOptions, generate};

    #[test]
    fn stock_pairs_share_sentences_and_record_spreads_and_gatherings() {
        let pair = generate(&SynthOptions::new(300).seed(5).stock(StockOptions::new()));
        let counts = pair.counts();
        let count = |k| counts.iter().find(|c| c.0 == k).map_or(0, |c| c.1);
        assert!(count(crate::synth::EditKind::Split) > 10, "{counts:?}");
        assert!(count(crate::synth::EditKind::Merged) > 5, "{counts:?}");
        // Stock sentences recur: some sentence of the old text occurs in many paragraphs.
        let mut seen = std::collections::HashMap::new();
        for line in pair.old.lines() {
            for s in line.split(". ") {
                *seen.entry(s.to_string()).or_insert(0) += 1;
            }
        }
        assert!(seen.values().any(|&n| n >= 10));
        // Same options, same bytes.
        let again = generate(&SynthOptions::new(300).seed(5).stock(StockOptions::new()));
        assert_eq!(pair, again);
    }
}
