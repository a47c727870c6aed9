//! The edits that turn a generated old version into the new one, each recorded with the old
//! units it descends from.

use super::prose::{Para, Sentence, Tok, Writer};
use super::rng::Rng;
use super::{EditKind, EditRates};

/// A section of the old version: its title, topic words and paragraphs (indices into
/// [`OldDoc::paras`], which are numbered in order, from 1).
#[derive(Debug, Clone)]
pub(crate) struct OldSection {
    pub(crate) title: Sentence,
    pub(crate) topic: Vec<u32>,
    pub(crate) paras: Vec<usize>,
}

/// The old version.
#[derive(Debug, Clone)]
pub(crate) struct OldDoc {
    pub(crate) sections: Vec<OldSection>,
    pub(crate) paras: Vec<Para>,
}

/// A paragraph of the new version and where it comes from.
#[derive(Debug, Clone)]
pub(crate) struct NewPara {
    pub(crate) para: Para,
    /// Old paragraph indices it descends from (empty when added).
    pub(crate) origin: Vec<usize>,
    pub(crate) kind: EditKind,
}

/// A section of the new version.
#[derive(Debug, Clone)]
pub(crate) struct NewSection {
    pub(crate) title: Sentence,
    /// The old section whose heading this is, if any.
    pub(crate) origin: Option<usize>,
    /// Edited, Unchanged or Added.
    pub(crate) kind: EditKind,
    pub(crate) paras: Vec<NewPara>,
}

/// Generates the old version: `n` paragraphs in sections of about `section_len`.
pub(crate) fn old_doc(w: &Writer, rng: &mut Rng, n: usize, section_len: usize) -> OldDoc {
    let mut sections = Vec::new();
    let mut paras = Vec::with_capacity(n);
    let section_len = section_len.max(1);
    while paras.len() < n {
        let topic = w.topic(rng);
        let title = w.title(rng, &topic);
        let len = rng.range(1, 2 * section_len - 1).min(n - paras.len());
        let mut ids = Vec::with_capacity(len);
        for _ in 0..len {
            ids.push(paras.len());
            paras.push(w.paragraph(rng, &topic));
        }
        sections.push(OldSection {
            title,
            topic,
            paras: ids,
        });
    }
    if sections.is_empty() {
        let topic = w.topic(rng);
        sections.push(OldSection {
            title: w.title(rng, &topic),
            topic,
            paras: Vec::new(),
        });
    }
    OldDoc { sections, paras }
}

/// What happens to one old paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Keep,
    Edit,
    Rewrite,
    Split,
    Merge,
    Move,
    Remove,
}

fn roll(rng: &mut Rng, r: &EditRates) -> Fate {
    let mut u = rng.unit();
    for (p, fate) in [
        (r.edited, Fate::Edit),
        (r.rewritten, Fate::Rewrite),
        (r.split, Fate::Split),
        (r.merged, Fate::Merge),
        (r.moved, Fate::Move),
        (r.removed, Fate::Remove),
    ] {
        if u < p {
            return fate;
        }
        u -= p;
    }
    Fate::Keep
}

/// Applies edits to `old` and returns the new version's sections.
pub(crate) fn new_doc(
    w: &Writer,
    rng: &mut Rng,
    old: &OldDoc,
    rates: &EditRates,
) -> Vec<NewSection> {
    let mut out: Vec<NewSection> = Vec::new();
    let mut moving: Vec<(usize, NewPara)> = Vec::new();
    for (si, sec) in old.sections.iter().enumerate() {
        if rng.chance(rates.section_added) {
            out.push(fresh_section(w, rng));
        }
        let drop_heading = !out.is_empty() && rng.chance(rates.heading_removed);
        if !drop_heading {
            let renamed = rng.chance(rates.heading_renamed);
            let title = if renamed {
                edit_title(w, rng, &sec.title, &sec.topic)
            } else {
                sec.title.clone()
            };
            out.push(NewSection {
                title,
                origin: Some(si),
                kind: if renamed {
                    EditKind::Edited
                } else {
                    EditKind::Unchanged
                },
                paras: Vec::new(),
            });
        }
        let target = out.len() - 1;
        let topic = &sec.topic;
        let mut i = 0;
        while i < sec.paras.len() {
            if rng.chance(rates.added) {
                let para = w.paragraph(rng, topic);
                out[target].paras.push(NewPara {
                    para,
                    origin: Vec::new(),
                    kind: EditKind::Added,
                });
            }
            let id = sec.paras[i];
            let para = &old.paras[id];
            let mut fate = roll(rng, rates);
            if fate == Fate::Split && para.sentences.len() < 2 {
                fate = Fate::Edit;
            }
            if fate == Fate::Merge && i + 1 >= sec.paras.len() {
                fate = Fate::Edit;
            }
            i += 1;
            let new = match fate {
                Fate::Keep => vec![NewPara {
                    para: para.clone(),
                    origin: vec![id],
                    kind: EditKind::Unchanged,
                }],
                Fate::Edit => vec![NewPara {
                    para: light_edit(w, rng, para, topic),
                    origin: vec![id],
                    kind: EditKind::Edited,
                }],
                Fate::Rewrite => vec![NewPara {
                    para: rewrite(w, rng, para, topic),
                    origin: vec![id],
                    kind: EditKind::Rewritten,
                }],
                Fate::Split => split(w, rng, para, topic)
                    .into_iter()
                    .map(|p| NewPara {
                        para: p,
                        origin: vec![id],
                        kind: EditKind::Split,
                    })
                    .collect(),
                Fate::Merge => {
                    let extra = if i + 1 < sec.paras.len() && rng.chance(0.3) {
                        2
                    } else {
                        1
                    };
                    let mut origin = vec![id];
                    let mut sentences = para.sentences.clone();
                    for _ in 0..extra {
                        let next = sec.paras[i];
                        origin.push(next);
                        sentences.extend(old.paras[next].sentences.iter().cloned());
                        i += 1;
                    }
                    let mut merged = Para { sentences };
                    if rng.chance(0.5) {
                        merged = light_edit(w, rng, &merged, topic);
                    }
                    vec![NewPara {
                        para: merged,
                        origin,
                        kind: EditKind::Merged,
                    }]
                }
                Fate::Move => {
                    let para = if rng.chance(0.5) {
                        light_edit(w, rng, para, topic)
                    } else {
                        para.clone()
                    };
                    moving.push((
                        target,
                        NewPara {
                            para,
                            origin: vec![id],
                            kind: EditKind::Moved,
                        },
                    ));
                    Vec::new()
                }
                Fate::Remove => Vec::new(),
            };
            out[target].paras.extend(new);
        }
    }
    if rng.chance(rates.section_added) {
        out.push(fresh_section(w, rng));
    }
    // Moves land anywhere else in the document, mostly in another section.
    for (from, para) in moving {
        let mut to = rng.below(out.len());
        if to == from && out.len() > 1 {
            to = (to + 1 + rng.below(out.len() - 1)) % out.len();
        }
        let paras = &mut out[to].paras;
        let mut at = rng.range(0, paras.len());
        // Not between two pieces of one split: they stay consecutive.
        while at > 0
            && at < paras.len()
            && paras[at].kind == EditKind::Split
            && paras[at - 1].kind == EditKind::Split
            && paras[at].origin == paras[at - 1].origin
        {
            at += 1;
        }
        paras.insert(at, para);
    }
    // A section left with no paragraph (all moved or removed) loses its heading too, as an
    // editor would drop it; numbered sections then never skip a number.
    out.retain(|sec| !sec.paras.is_empty());
    out
}

fn fresh_section(w: &Writer, rng: &mut Rng) -> NewSection {
    let topic = w.topic(rng);
    let title = w.title(rng, &topic);
    let n = rng.range(2, 8);
    NewSection {
        title,
        origin: None,
        kind: EditKind::Added,
        paras: (0..n)
            .map(|_| NewPara {
                para: w.paragraph(rng, &topic),
                origin: Vec::new(),
                kind: EditKind::Added,
            })
            .collect(),
    }
}

/// A renamed heading: one or two words changed, added or dropped.
fn edit_title(w: &Writer, rng: &mut Rng, title: &Sentence, topic: &[u32]) -> Sentence {
    let mut t = title.clone();
    for _ in 0..rng.range(1, 2) {
        let at = rng.below(t.len());
        match rng.below(3) {
            0 => t[at] = w.content(rng, topic),
            1 => t.insert(at, w.content(rng, topic)),
            _ if t.len() > 2 => {
                t.remove(at);
            }
            _ => t.push(w.content(rng, topic)),
        }
    }
    t
}

/// Words of a paragraph, counted as the edit budget's base.
fn word_count(para: &Para) -> usize {
    para.sentences.iter().map(|s| s.len()).sum()
}

/// A light edit: a few word substitutions, insertions and deletions (one per ~15 words,
/// at least one), the occasional number changed.
pub(crate) fn light_edit(w: &Writer, rng: &mut Rng, para: &Para, topic: &[u32]) -> Para {
    let mut p = para.clone();
    let ops = 1 + rng.below(word_count(para) / 15 + 1);
    for _ in 0..ops {
        let si = rng.below(p.sentences.len());
        let s = &mut p.sentences[si];
        let at = rng.below(s.len());
        match rng.below(10) {
            0..=4 => match s[at] {
                Tok::Num(n) => s[at] = Tok::Num(n + 1 + rng.below(9) as u32),
                Tok::Comma | Tok::Open | Tok::Close | Tok::Dash => {}
                Tok::Func(_) => s[at] = w.word(rng, topic),
                _ => s[at] = w.content(rng, topic),
            },
            5..=7 => s.insert(at, w.word(rng, topic)),
            _ if s.len() > 8 => {
                s.remove(at);
            }
            _ => s.push(w.content(rng, topic)),
        }
    }
    p
}

/// Share of content words a rewrite replaces.
const REWRITE_CONTENT: f64 = 0.5;
/// Share of function words a rewrite replaces.
const REWRITE_FUNCTION: f64 = 0.6;

/// A heavy rewrite: many words replaced, clauses turned round, sentences reordered, one
/// sentence dropped or a new one added; about half of the content words are kept, as in
/// a real rewrite that keeps the substance.
pub(crate) fn rewrite(w: &Writer, rng: &mut Rng, para: &Para, topic: &[u32]) -> Para {
    let mut sentences: Vec<Sentence> = para
        .sentences
        .iter()
        .map(|s| {
            let mut s: Sentence = s
                .iter()
                .map(|&t| match t {
                    Tok::Func(_) if rng.chance(REWRITE_FUNCTION) => w.word(rng, topic),
                    Tok::Comma => t,
                    t if t.is_content() && rng.chance(REWRITE_CONTENT) => w.content(rng, topic),
                    t => t,
                })
                .collect();
            if s.len() >= 10 && rng.chance(0.5) {
                // Turn the sentence round at a clause boundary: "A B, C D" → "C D, A B".
                s.retain(|&t| t != Tok::Comma);
                let cut = rng.range(s.len() / 3, 2 * s.len() / 3);
                s.rotate_left(cut);
                let at = s.len() - cut;
                s.insert(at, Tok::Comma);
            }
            s
        })
        .collect();
    rng.shuffle(&mut sentences);
    if sentences.len() >= 3 && rng.chance(0.3) {
        let at = rng.below(sentences.len());
        sentences.remove(at);
    }
    if rng.chance(0.4) {
        let at = rng.range(0, sentences.len());
        sentences.insert(at, w.sentence(rng, topic));
    }
    Para { sentences }
}

/// A split: 2–3 consecutive pieces, each taking some of the sentences, some lightly edited
/// or given a new sentence of their own.
pub(crate) fn split(w: &Writer, rng: &mut Rng, para: &Para, topic: &[u32]) -> Vec<Para> {
    let n = para.sentences.len();
    let pieces = if n >= 3 && rng.chance(0.35) { 3 } else { 2 };
    let mut cuts: Vec<usize> = Vec::new();
    while cuts.len() + 1 < pieces {
        let c = rng.range(1, n - 1);
        if !cuts.contains(&c) {
            cuts.push(c);
        }
    }
    cuts.sort_unstable();
    let mut out = Vec::with_capacity(pieces);
    let mut start = 0;
    for end in cuts.into_iter().chain(std::iter::once(n)) {
        let mut piece = Para {
            sentences: para.sentences[start..end].to_vec(),
        };
        if rng.chance(0.4) {
            piece = light_edit(w, rng, &piece, topic);
        }
        if rng.chance(0.25) {
            piece.sentences.push(w.sentence(rng, topic));
        }
        out.push(piece);
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(p: &Para) -> Vec<Tok> {
        let mut v: Vec<Tok> = p
            .sentences
            .iter()
            .flatten()
            .copied()
            .filter(|t| t.is_content())
            .collect();
        v.sort();
        v
    }

    /// Multiset overlap of content tokens, as a share of the old paragraph's.
    fn kept(old: &Para, new: &Para) -> f64 {
        let (a, b) = (content(old), content(new));
        let (mut i, mut j, mut common) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Equal => {
                    common += 1;
                    i += 1;
                    j += 1;
                }
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
            }
        }
        common as f64 / a.len().max(1) as f64
    }

    #[test]
    fn rewrites_keep_roughly_half_the_content_and_light_edits_most() {
        let w = Writer::new(crate::synth::vocab::MIN_INVENTED);
        let mut rng = Rng::new(5);
        let topic = w.topic(&mut rng);
        let (mut heavy, mut light, n) = (0.0, 0.0, 300);
        for _ in 0..n {
            let p = w.paragraph(&mut rng, &topic);
            heavy += kept(&p, &rewrite(&w, &mut rng, &p, &topic));
            light += kept(&p, &light_edit(&w, &mut rng, &p, &topic));
        }
        let (heavy, light) = (heavy / n as f64, light / n as f64);
        assert!((0.35..0.65).contains(&heavy), "rewrite keeps {heavy:.2}");
        assert!(light > 0.85, "light edit keeps {light:.2}");
    }

    #[test]
    fn splits_partition_the_sentences() {
        let w = Writer::new(crate::synth::vocab::MIN_INVENTED);
        let mut rng = Rng::new(9);
        let p = Para {
            sentences: (0..5).map(|_| w.sentence(&mut rng, &[])).collect(),
        };
        for _ in 0..50 {
            let pieces = split(&w, &mut rng, &p, &[]);
            assert!((2..=3).contains(&pieces.len()));
            assert!(pieces.iter().all(|q| !q.sentences.is_empty()));
        }
    }
}
