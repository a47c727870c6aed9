//! `draftdiff eval --format json`: an alignment scored against a gold lineage, with the
//! wrong and missed links and the start of their texts (`docs/schema/eval.schema.json`).

use serde::Serialize;

use crate::eval::{Explanation, LinkText};

/// The version of the eval JSON, its own since it describes an evaluation rather than
/// documents ([`JSON_VERSION`](super::JSON_VERSION) is the documents' vocabulary); raised on
/// any change that is not an addition.
pub const EVAL_JSON_VERSION: u32 = 1;

/// The files an evaluation read, as the user named them.
#[derive(Debug, Clone, Copy)]
pub struct EvalInputs<'a> {
    /// The gold lineage.
    pub gold: &'a str,
    /// The old version.
    pub old: &'a str,
    /// The new version.
    pub new: &'a str,
}

/// `{"version", "gold", "old", "new", "precision", "recall", "f1", "predicted", "sure",
/// "wrong": [EvalLinkJson], "missed": [EvalLinkJson]}`: the figures are exact ratios, not
/// rounded.
#[derive(Debug, Serialize)]
pub struct EvalJson<'a> {
    /// [`EVAL_JSON_VERSION`].
    pub version: u32,
    /// The gold file.
    pub gold: &'a str,
    /// The old version's file.
    pub old: &'a str,
    /// The new version's file.
    pub new: &'a str,
    /// Predicted links in sure ∪ possible / predicted links.
    pub precision: f64,
    /// Sure links predicted / sure links.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Predicted unit pairs that count.
    pub predicted: usize,
    /// Sure links in the gold.
    pub sure: usize,
    /// Predicted links that are neither sure nor possible.
    pub wrong: Vec<EvalLinkJson<'a>>,
    /// Sure links that were not predicted.
    pub missed: Vec<EvalLinkJson<'a>>,
}

/// One wrong or missed link: `{"old", "new", "old_text", "new_text"}`, a text `null` when
/// its key names no unit.
#[derive(Debug, Serialize)]
pub struct EvalLinkJson<'a> {
    /// The old unit's key (`pN`, `hR`, `LN`).
    pub old: &'a str,
    /// The new unit's key.
    pub new: &'a str,
    /// The start of the old unit's text.
    pub old_text: Option<&'a str>,
    /// The start of the new unit's text.
    pub new_text: Option<&'a str>,
}

impl<'a> EvalJson<'a> {
    /// The wire form of `explanation` of the files `inputs`.
    pub fn new(inputs: EvalInputs<'a>, explanation: &'a Explanation) -> EvalJson<'a> {
        let links = |links: &'a [LinkText]| {
            links
                .iter()
                .map(|l| EvalLinkJson {
                    old: &l.old,
                    new: &l.new,
                    old_text: l.old_text.as_deref(),
                    new_text: l.new_text.as_deref(),
                })
                .collect()
        };
        EvalJson {
            version: EVAL_JSON_VERSION,
            gold: inputs.gold,
            old: inputs.old,
            new: inputs.new,
            precision: explanation.precision,
            recall: explanation.recall,
            f1: explanation.f1,
            predicted: explanation.predicted,
            sure: explanation.sure,
            wrong: links(&explanation.wrong),
            missed: links(&explanation.missed),
        }
    }
}
