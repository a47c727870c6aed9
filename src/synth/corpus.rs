//! A corpus with planted reuse, for measuring [`crate::corpus::sources`].
//!
//! [`corpus`] writes `documents` corpus documents and `drafts` drafts, all on a shared set
//! of topics and with sentences from a stock shared by the whole corpus (as resolutions on
//! one subject share their phrasing), and records which draft units descend from which
//! corpus units:
//!
//! - **models**: a few hundred paragraphs of a few corpus documents (ten per model
//!   document) are each copied into exactly one draft, so that every planted link is one
//!   the truth knows (no copy of a copy);
//! - **edits** of each copy: unchanged, lightly edited, heavily rewritten (about half the
//!   content words replaced, clauses turned round, sentences reordered), split into 2–3
//!   consecutive paragraphs, or merged with the next model paragraph of the same draft;
//! - **the rest**: the other corpus documents and the drafts' own paragraphs are fresh text
//!   on the same topics, with the same stock sentences, and descend from nothing.
//!
//! Documents are plain text, `I.<TAB>Title` headings and `12.<TAB>text` paragraphs, one unit
//! a line, so unit ids are known from the layout. Everything is a pure function of the
//! options.
//!
//! ```
//! use draftdiff::synth::corpus::{CorpusOptions, corpus};
//! let planted = corpus(&CorpusOptions::new(40).models(20).drafts(4));
//! assert_eq!(planted.documents.len(), 40);
//! assert!(planted.links.len() >= 20);
//! ```

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::UnitId;

use super::edit::{light_edit, rewrite, split};
use super::prose::{Para, Sentence, Writer};
use super::rng::Rng;
use super::{roman, vocab};

/// Model paragraphs taken from each model document.
pub const MODELS_PER_DOCUMENT: usize = 10;

/// Paragraphs of a generated document, at least and at most (sections of 4–12).
const PARAGRAPHS: (usize, usize) = (8, 30);

/// Stock sentences shared by the corpus: few enough that each recurs in dozens of documents
/// of a corpus of a few hundred (as "Recalls its resolution …" does in a year of
/// resolutions), which is what makes it stock; a sentence found in two or three documents is
/// reuse, and a source.
const STOCK_SENTENCES: usize = 60;

/// How the corpus is generated.
#[derive(Debug, Clone, PartialEq)]
pub struct CorpusOptions {
    /// Corpus documents (model documents included).
    pub documents: usize,
    /// Model paragraphs copied into drafts.
    pub models: usize,
    /// Drafts that copy them.
    pub drafts: usize,
    /// Topics shared by all documents.
    pub topics: usize,
    /// Share of a paragraph's sentences (after its first) taken from the shared stock.
    pub stock_share: f64,
    /// Seed.
    pub seed: u64,
}

impl CorpusOptions {
    /// `documents` corpus documents, 300 model paragraphs (fewer if the corpus is small),
    /// 60 drafts, 12 topics, a sixth of the sentences from the stock, seed 1.
    pub fn new(documents: usize) -> CorpusOptions {
        CorpusOptions {
            documents,
            models: 300,
            drafts: 60,
            topics: 12,
            stock_share: 1.0 / 6.0,
            seed: 1,
        }
    }

    /// Model paragraphs copied into drafts.
    pub fn models(mut self, n: usize) -> CorpusOptions {
        self.models = n;
        self
    }

    /// Drafts (at least 1).
    pub fn drafts(mut self, n: usize) -> CorpusOptions {
        self.drafts = n.max(1);
        self
    }

    /// Share of sentences from the shared stock.
    pub fn stock_share(mut self, share: f64) -> CorpusOptions {
        self.stock_share = share.clamp(0.0, 1.0);
        self
    }

    /// Seed.
    pub fn seed(mut self, seed: u64) -> CorpusOptions {
        self.seed = seed;
        self
    }
}

/// A generated document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// Its file name (`doc-00042.txt`, `draft-007.txt`).
    pub name: String,
    /// Its text.
    pub text: String,
    /// Its number of units (headings and paragraphs).
    pub units: usize,
}

/// How a planted copy was edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reuse {
    /// Copied as it is.
    Copied,
    /// A few words changed.
    Edited,
    /// Heavily rewritten.
    Rewritten,
    /// One piece of a split.
    Split,
    /// Merged with another model paragraph.
    Merged,
}

/// One planted link: unit `draft_unit` of draft `draft` descends from unit `unit` of corpus
/// document `document` (indexes into [`PlantedCorpus::drafts`] and
/// [`PlantedCorpus::documents`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct PlantedLink {
    /// The draft.
    pub draft: usize,
    /// The unit of the draft.
    pub draft_unit: UnitId,
    /// The corpus document.
    pub document: usize,
    /// Its unit.
    pub unit: UnitId,
    /// The edit.
    pub reuse: Reuse,
}

/// The corpus, the drafts and the truth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlantedCorpus {
    /// Corpus documents.
    pub documents: Vec<Named>,
    /// Drafts.
    pub drafts: Vec<Named>,
    /// Every planted link, sorted.
    pub links: Vec<PlantedLink>,
}

/// A paragraph of a document being built, with the corpus units it descends from.
struct Item {
    para: Para,
    from: Vec<(usize, UnitId)>,
    reuse: Reuse,
}

/// Writes paragraphs on shared topics with shared stock sentences.
struct Author<'a> {
    writer: &'a Writer,
    topics: Vec<Vec<u32>>,
    stock: Vec<Sentence>,
    stock_share: f64,
}

impl Author<'_> {
    fn para(&self, rng: &mut Rng, topic: &[u32]) -> Para {
        let mut p = self.writer.paragraph(rng, topic);
        for s in p.sentences.iter_mut().skip(1) {
            if rng.chance(self.stock_share) {
                *s = rng.pick(&self.stock).clone();
            }
        }
        p
    }

    /// Fresh items in sections: `(title, items)`.
    fn sections(&self, rng: &mut Rng, paragraphs: usize) -> Vec<(Sentence, Vec<Item>)> {
        let mut out = Vec::new();
        let mut left = paragraphs;
        while left > 0 {
            let n = rng.range(4, 12).min(left);
            left -= n;
            let topic = rng.pick(&self.topics).clone();
            let title = self.writer.title(rng, &topic);
            let items = (0..n)
                .map(|_| Item {
                    para: self.para(rng, &topic),
                    from: Vec::new(),
                    reuse: Reuse::Copied,
                })
                .collect();
            out.push((title, items));
        }
        out
    }

    /// Renders sections; returns the text, the unit id of each item (in order) and the
    /// number of units.
    fn render(&self, sections: &[(Sentence, Vec<Item>)]) -> (String, Vec<UnitId>, usize) {
        let mut text = String::new();
        let mut ids = Vec::new();
        let (mut unit, mut number) = (0, 0);
        for (si, (title, items)) in sections.iter().enumerate() {
            let _ = writeln!(
                text,
                "{}.\t{}\n",
                roman(si + 1),
                self.writer.render_title(title)
            );
            unit += 1;
            for item in items {
                number += 1;
                let _ = writeln!(text, "{number}.\t{}\n", self.writer.render_para(&item.para));
                ids.push(unit);
                unit += 1;
            }
        }
        (text, ids, unit)
    }
}

/// Generates the corpus (see the module docs).
pub fn corpus(options: &CorpusOptions) -> PlantedCorpus {
    let mean = (PARAGRAPHS.0 + PARAGRAPHS.1) / 2;
    let writer = Writer::new(vocab::invented_for(options.documents.max(1) * mean));
    let mut rng = Rng::new(options.seed);
    let mut trng = rng.fork(1);
    let topics: Vec<Vec<u32>> = (0..options.topics.max(1))
        .map(|_| writer.topic(&mut trng))
        .collect();
    let stock = (0..STOCK_SENTENCES)
        .map(|_| {
            let topic = trng.pick(&topics).clone();
            writer.sentence(&mut trng, &topic)
        })
        .collect();
    let author = Author {
        writer: &writer,
        topics,
        stock,
        stock_share: options.stock_share,
    };

    // The corpus; model documents spread through it.
    let model_docs = options
        .models
        .div_ceil(MODELS_PER_DOCUMENT)
        .min(options.documents);
    let mut order: Vec<usize> = (0..options.documents).collect();
    rng.fork(2).shuffle(&mut order);
    let mut is_model: Vec<bool> = vec![false; options.documents];
    for &d in &order[..model_docs] {
        is_model[d] = true;
    }
    let mut documents = Vec::with_capacity(options.documents);
    // (document, unit, paragraph, topic of its section)
    let mut models: Vec<(usize, UnitId, Para)> = Vec::new();
    for (d, &model) in is_model.iter().enumerate() {
        let mut drng = rng.fork(1000 + d as u64);
        let n = drng.range(PARAGRAPHS.0, PARAGRAPHS.1);
        let sections = author.sections(&mut drng, n);
        let (text, ids, units) = author.render(&sections);
        if model {
            let paras: Vec<(&Item, UnitId)> = sections
                .iter()
                .flat_map(|(_, items)| items)
                .zip(ids)
                .collect();
            let mut picks: Vec<usize> = (0..paras.len()).collect();
            drng.shuffle(&mut picks);
            picks.truncate(MODELS_PER_DOCUMENT);
            picks.sort_unstable();
            for p in picks {
                if models.len() < options.models {
                    models.push((d, paras[p].1, paras[p].0.para.clone()));
                }
            }
        }
        documents.push(Named {
            name: format!("doc-{d:05}.txt"),
            text,
            units,
        });
    }

    // The drafts: each takes its share of the models, edits them and hides them among its
    // own paragraphs.
    let mut mrng = rng.fork(3);
    mrng.shuffle(&mut models);
    let per_draft = models.len().div_ceil(options.drafts);
    let mut drafts = Vec::with_capacity(options.drafts);
    let mut links = Vec::new();
    for k in 0..options.drafts {
        let mut drng = rng.fork(1_000_000 + k as u64);
        let from = (k * per_draft).min(models.len());
        let to = ((k + 1) * per_draft).min(models.len());
        let mine = &models[from..to];
        let n = drng.range(PARAGRAPHS.0, PARAGRAPHS.1 - 10);
        let mut sections = author.sections(&mut drng, n);
        let topic = author.topics[0].clone();
        let mut planted: Vec<Vec<Item>> = Vec::new();
        let mut i = 0;
        while i < mine.len() {
            let (d, u, ref para) = mine[i];
            let roll = drng.unit();
            let one = |para: Para, reuse: Reuse| {
                vec![Item {
                    para,
                    from: vec![(d, u)],
                    reuse,
                }]
            };
            let group = if roll < 0.15 {
                one(para.clone(), Reuse::Copied)
            } else if roll < 0.5 {
                one(light_edit(&writer, &mut drng, para, &topic), Reuse::Edited)
            } else if roll < 0.7 {
                one(rewrite(&writer, &mut drng, para, &topic), Reuse::Rewritten)
            } else if roll < 0.85 && para.sentences.len() >= 2 {
                split(&writer, &mut drng, para, &topic)
                    .into_iter()
                    .map(|p| Item {
                        para: p,
                        from: vec![(d, u)],
                        reuse: Reuse::Split,
                    })
                    .collect()
            } else if i + 1 < mine.len() {
                let (d2, u2, ref next) = mine[i + 1];
                i += 1;
                let mut merged = para.clone();
                merged.sentences.extend(next.sentences.iter().cloned());
                if drng.chance(0.5) {
                    merged = light_edit(&writer, &mut drng, &merged, &topic);
                }
                vec![Item {
                    para: merged,
                    from: vec![(d, u), (d2, u2)],
                    reuse: Reuse::Merged,
                }]
            } else {
                one(light_edit(&writer, &mut drng, para, &topic), Reuse::Edited)
            };
            planted.push(group);
            i += 1;
        }
        for group in planted {
            let s = drng.below(sections.len());
            let at = drng.range(0, sections[s].1.len());
            let tail = sections[s].1.split_off(at);
            sections[s].1.extend(group);
            sections[s].1.extend(tail);
        }
        let (text, ids, units) = author.render(&sections);
        let items = sections.iter().flat_map(|(_, items)| items);
        for (item, id) in items.zip(ids) {
            for &(document, unit) in &item.from {
                links.push(PlantedLink {
                    draft: k,
                    draft_unit: id,
                    document,
                    unit,
                    reuse: item.reuse,
                });
            }
        }
        drafts.push(Named {
            name: format!("draft-{k:03}.txt"),
            text,
            units,
        });
    }
    links.sort();
    PlantedCorpus {
        documents,
        drafts,
        links,
    }
}

/// Generates the corpus and writes it under `dir`: `corpus/doc-NNNNN.txt`,
/// `drafts/draft-NNN.txt` and `planted.json` (the links, with file names).
///
/// # Errors
/// [`Error::Output`] naming the file that could not be written.
pub fn write_corpus(dir: &Path, options: &CorpusOptions) -> Result<PlantedCorpus> {
    let planted = corpus(options);
    let write = |path: &Path, text: &str| {
        std::fs::write(path, text).map_err(|e| Error::Output {
            path: path.display().to_string(),
            message: e.to_string(),
        })
    };
    for sub in ["corpus", "drafts"] {
        let path = dir.join(sub);
        std::fs::create_dir_all(&path).map_err(|e| Error::Output {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
    }
    for d in &planted.documents {
        write(&dir.join("corpus").join(&d.name), &d.text)?;
    }
    for d in &planted.drafts {
        write(&dir.join("drafts").join(&d.name), &d.text)?;
    }
    #[derive(Serialize)]
    struct Wire<'a> {
        draft: &'a str,
        draft_unit: UnitId,
        document: &'a str,
        unit: UnitId,
        reuse: Reuse,
    }
    let wire: Vec<Wire> = planted
        .links
        .iter()
        .map(|l| Wire {
            draft: &planted.drafts[l.draft].name,
            draft_unit: l.draft_unit,
            document: &planted.documents[l.document].name,
            unit: l.unit,
            reuse: l.reuse,
        })
        .collect();
    let json = serde_json::to_string_pretty(&wire).map_err(|e| Error::Output {
        path: "planted.json".into(),
        message: e.to_string(),
    })?;
    write(&dir.join("planted.json"), &json)?;
    Ok(planted)
}

/// Recall and precision of `found` `(draft unit, corpus file name, corpus unit)` triples of
/// draft `draft` against the planted links: `(true positives, found, planted)`.
pub fn score(
    planted: &PlantedCorpus,
    draft: usize,
    found: &[(UnitId, String, UnitId)],
) -> (usize, usize, usize) {
    let truth: std::collections::BTreeSet<(UnitId, &str, UnitId)> = planted
        .links
        .iter()
        .filter(|l| l.draft == draft)
        .map(|l| {
            (
                l.draft_unit,
                planted.documents[l.document].name.as_str(),
                l.unit,
            )
        })
        .collect();
    let hits = found
        .iter()
        .filter(|(n, path, o)| {
            let name = path.rsplit('/').next().unwrap_or(path);
            truth.contains(&(*n, name, *o))
        })
        .count();
    (hits, found.len(), truth.len())
}
