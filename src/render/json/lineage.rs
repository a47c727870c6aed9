//! The JSON wire types of `trace`, `blame` and `log`: their own documented types, so the
//! library's model can change without changing the output. Each starts with the same
//! `version` ([`JSON_VERSION`]) as the report, and uses the report's names: a link's shape
//! is `kind`, its word diff a [`DiffJson`], its score rounded to four decimals.
//!
//! Versions are 0-based indices into `versions`; units appear as `segment --format json`
//! gives them (`id`, `kind`, `number`, `line`, `end_line`, `text`), with `id` the unit's index
//! in its version.

use serde::Serialize;

use crate::lineage::{
    Blame, Lineage, Node, StepSummary, Trace, TraceEnd, graph_edges, node_id, node_label,
};
use crate::model::{Document, UnitId};

use super::unit::UnitJson;
use super::{DiffJson, JSON_VERSION, round};

/// One version of the chain: `{"path", "label"}`, and for a version read from git its
/// commit as separate fields, `{"commit", "date", "author", "subject"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionJson {
    /// The file the version was read from, as the user named it.
    pub path: String,
    /// The version's name in text outputs: the path, or for git the short hash and subject
    /// (`not committed yet` for the working tree).
    pub label: String,
    /// The commit, for a version read from git.
    #[serde(flatten)]
    pub git: Option<GitJson>,
}

/// The commit of a version read from git.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GitJson {
    /// The full hash; `null` for the working tree.
    pub commit: Option<String>,
    /// The author date, ISO 8601; `null` for the working tree.
    pub date: Option<String>,
    /// The author's name; `null` for the working tree.
    pub author: Option<String>,
    /// The first line of the commit message; `not committed yet` for the working tree.
    pub subject: String,
}

fn versions(lineage: &Lineage) -> Vec<VersionJson> {
    lineage
        .versions()
        .iter()
        .enumerate()
        .map(|(k, d): (usize, &Document)| {
            let source = lineage.source(k);
            VersionJson {
                path: source.map_or_else(|| d.path.clone(), |s| s.path.clone()),
                label: d.path.clone(),
                git: source.and_then(|s| s.git.as_ref()).map(|g| GitJson {
                    commit: g.commit.clone(),
                    date: g.date.clone(),
                    author: g.author.clone(),
                    subject: g.subject.clone(),
                }),
            }
        })
        .collect()
}

/// The output of `blame --format json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlameJson<'a> {
    /// The version of the JSON format, [`JSON_VERSION`].
    pub version: u32,
    /// The versions, oldest first.
    pub versions: Vec<VersionJson>,
    /// The units of the blamed (last) version, in document order.
    pub units: Vec<BlameUnitJson<'a>>,
}

/// One blamed unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlameUnitJson<'a> {
    /// The unit as `segment` gives it.
    #[serde(flatten)]
    pub unit: UnitJson<'a>,
    /// The version in which its content first appeared.
    pub origin: usize,
    /// The version that last changed it.
    pub last_changed: usize,
    /// Its number of words.
    pub words: usize,
    /// For each version that wrote some of its words: how many and what share.
    pub attribution: Vec<AttributionJson>,
}

/// The words of a unit written in one version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttributionJson {
    /// The version.
    pub version: usize,
    /// Words written in it.
    pub words: usize,
    /// Their share of the unit's words, `0..=1`, rounded to 4 decimals.
    pub share: f64,
}

impl<'a> BlameJson<'a> {
    /// The wire form of a blame of `lineage`.
    pub fn new(lineage: &'a Lineage, blame: &Blame) -> BlameJson<'a> {
        let docs = lineage.versions();
        let units = blame
            .units
            .iter()
            .filter_map(|b| Some((b, docs.get(b.node.version)?.units.get(b.node.unit)?)))
            .map(|(b, unit)| BlameUnitJson {
                unit: UnitJson::from(unit),
                origin: b.origin,
                last_changed: b.last_changed,
                words: b.words(),
                attribution: b
                    .words_by_version
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| **n > 0)
                    .map(|(version, &words)| AttributionJson {
                        version,
                        words,
                        share: round(b.share(version)),
                    })
                    .collect(),
            })
            .collect();
        BlameJson {
            version: JSON_VERSION,
            versions: versions(lineage),
            units,
        }
    }
}

/// The output of `trace --format json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraceJson<'a> {
    /// The version of the JSON format, [`JSON_VERSION`].
    pub version: u32,
    /// The versions, oldest first.
    pub versions: Vec<VersionJson>,
    /// The version of the unit traced.
    pub start_version: usize,
    /// The unit traced.
    pub start: UnitJson<'a>,
    /// The first version holding a unit of the path (where its content first appeared).
    pub first_seen: usize,
    /// For each version, the units on the path.
    pub path: Vec<Vec<UnitJson<'a>>>,
    /// The steps touching the path.
    pub steps: Vec<TraceStepJson<'a>>,
    /// Where the path ends.
    pub end: TraceEndJson,
}

/// One step of a trace.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraceStepJson<'a> {
    /// The old version.
    pub old: usize,
    /// The new version.
    pub new: usize,
    /// True when the step restores units dropped in an earlier version.
    pub restored: bool,
    /// The links on the path.
    pub links: Vec<TraceLinkJson<'a>>,
    /// Ids of the old version's units on the path that have no descendant in the new one.
    pub dropped: Vec<UnitId>,
}

/// One link of a trace, named as in the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraceLinkJson<'a> {
    /// Old unit ids.
    pub old: Vec<UnitId>,
    /// New unit ids.
    pub new: Vec<UnitId>,
    /// The aligner's confidence, rounded to four decimals.
    pub score: f64,
    /// The shape: `one_to_one`, `merge` or `split`.
    pub kind: &'static str,
    /// `unchanged`, `renumbered`, `edited` or `rewritten`, as the aligner judged.
    pub change: &'static str,
    /// True when the unit moved.
    pub moved: bool,
    /// Old unit ids merged in from outside the path.
    pub merged_in: Vec<UnitId>,
    /// New unit ids split off outside the path.
    pub split_off: Vec<UnitId>,
    /// The word diff, as in the report.
    pub diff: DiffJson<'a>,
}

/// Where a trace ends: `{"reached": [ids of the last version]}` or
/// `{"dropped_in": K, "last_seen": K}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum TraceEndJson {
    /// Reached the last version.
    Reached {
        /// Unit ids of the last version.
        reached: Vec<UnitId>,
    },
    /// Dropped.
    Dropped {
        /// First version without the path.
        dropped_in: usize,
        /// Last version with it.
        last_seen: usize,
    },
}

impl<'a> TraceJson<'a> {
    /// The wire form of a trace through `lineage`.
    pub fn new(lineage: &'a Lineage, trace: &'a Trace) -> TraceJson<'a> {
        let docs = lineage.versions();
        let unit = |node: Node| UnitJson::from(&docs[node.version].units[node.unit]);
        let steps = trace
            .steps
            .iter()
            .map(|s| TraceStepJson {
                old: s.old,
                new: s.new,
                restored: s.new > s.old + 1,
                links: s
                    .links
                    .iter()
                    .map(|l| TraceLinkJson {
                        old: l.old.clone(),
                        new: l.new.clone(),
                        score: round(l.score),
                        kind: l.shape.as_str(),
                        change: l.change.as_str(),
                        moved: l.moved,
                        merged_in: l.merged_in.clone(),
                        split_off: l.split_off.clone(),
                        diff: DiffJson::from(&l.diff),
                    })
                    .collect(),
                dropped: s.dropped.clone(),
            })
            .collect();
        TraceJson {
            version: JSON_VERSION,
            versions: versions(lineage),
            start_version: trace.start.version,
            start: unit(trace.start),
            first_seen: trace.first_seen(),
            path: trace
                .members
                .iter()
                .enumerate()
                .map(|(k, units)| units.iter().map(|&u| unit(Node::new(k, u))).collect())
                .collect(),
            steps,
            end: match &trace.end {
                TraceEnd::Reached(units) => TraceEndJson::Reached {
                    reached: units.clone(),
                },
                TraceEnd::Dropped { last_seen, version } => TraceEndJson::Dropped {
                    dropped_in: *version,
                    last_seen: *last_seen,
                },
            },
        }
    }
}

/// The output of `log --format json`: the step summaries and the lineage graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LogJson {
    /// The version of the JSON format, [`JSON_VERSION`].
    pub version: u32,
    /// The versions, oldest first.
    pub versions: Vec<VersionJson>,
    /// One summary per consecutive step.
    pub steps: Vec<StepJson>,
    /// Every unit of every version.
    pub nodes: Vec<NodeJson>,
    /// Every (old unit, new unit) pair of every link.
    pub edges: Vec<EdgeJson>,
}

/// The summary of one step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepJson {
    /// Old version.
    pub old: usize,
    /// New version.
    pub new: usize,
    /// Links.
    pub links: usize,
    /// One-to-one links with the same text and number.
    pub unchanged: usize,
    /// One-to-one links with the same text under a new number.
    pub renumbered: usize,
    /// One-to-one links with changed text.
    pub edited: usize,
    /// Merges.
    pub merged: usize,
    /// Splits.
    pub split: usize,
    /// Moved links.
    pub moved: usize,
    /// New units with no ancestor.
    pub added: usize,
    /// New units restored from an earlier version.
    pub restored: usize,
    /// Old units with no child in the new version.
    pub dropped: usize,
}

impl From<&StepSummary> for StepJson {
    fn from(s: &StepSummary) -> StepJson {
        StepJson {
            old: s.old,
            new: s.new,
            links: s.links,
            unchanged: s.unchanged,
            renumbered: s.renumbered,
            edited: s.edited,
            merged: s.merged,
            split: s.split,
            moved: s.moved,
            added: s.added,
            restored: s.restored,
            dropped: s.dropped,
        }
    }
}

/// One node of the graph: a unit of a version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodeJson {
    /// `v{version}u{unit}`.
    pub id: String,
    /// The version.
    pub version: usize,
    /// The unit id in that version.
    pub unit: UnitId,
    /// The unit's kind.
    pub kind: &'static str,
    /// Its first line.
    pub line: usize,
    /// Its label and first words.
    pub label: String,
}

/// One edge of the graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EdgeJson {
    /// Old node id.
    pub from: String,
    /// New node id.
    pub to: String,
    /// The aligner's confidence, rounded to four decimals.
    pub score: f64,
    /// The link's shape: `one_to_one`, `merge` or `split`.
    pub kind: &'static str,
    /// The aligner's change judgement.
    pub change: &'static str,
    /// True when the unit moved.
    pub moved: bool,
    /// True for a link restoring a unit dropped earlier.
    pub restored: bool,
}

impl LogJson {
    /// The wire form of the log of `lineage`.
    pub fn new(lineage: &Lineage, summaries: &[StepSummary]) -> LogJson {
        let nodes = lineage
            .versions()
            .iter()
            .enumerate()
            .flat_map(|(k, doc)| {
                doc.units.iter().map(move |u| {
                    let node = Node::new(k, u.id);
                    NodeJson {
                        id: node_id(node),
                        version: k,
                        unit: u.id,
                        kind: u.kind.as_str(),
                        line: u.line,
                        label: node_label(lineage, node),
                    }
                })
            })
            .collect();
        let edges = graph_edges(lineage)
            .into_iter()
            .map(|e| {
                let link = lineage.link(e.edge);
                EdgeJson {
                    from: node_id(e.from),
                    to: node_id(e.to),
                    score: round(link.score),
                    kind: link.shape.as_str(),
                    change: link.change.as_str(),
                    moved: link.moved,
                    restored: lineage.step(e.edge).is_revival(),
                }
            })
            .collect();
        LogJson {
            version: JSON_VERSION,
            versions: versions(lineage),
            steps: summaries.iter().map(StepJson::from).collect(),
            nodes,
            edges,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::DiffOptions;
    use crate::lineage::{LineageOptions, blame, summarize};

    #[test]
    fn an_empty_chain_gives_empty_json() {
        let lineage = Lineage::build(Vec::new(), &LineageOptions::new());
        let b = BlameJson::new(&lineage, &blame(&lineage, &DiffOptions::new()));
        assert!(b.units.is_empty() && b.versions.is_empty());
        let l = LogJson::new(&lineage, &summarize(&lineage));
        assert!(l.nodes.is_empty() && l.steps.is_empty());
    }
}
