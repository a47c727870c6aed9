//! The report of `draftdiff eval` for people: the figures, then each wrong and missed link
//! with the start of both units' texts (already made safe for a terminal by
//! [`eval::preview`](crate::eval::preview)).

use std::io;

use crate::eval::Explanation;

/// Writes `explanation` as text.
///
/// ```
/// use draftdiff::eval::{Gold, explain};
/// use draftdiff::segment::{SegmentOptions, segment};
///
/// let old = segment("old.txt", "The cat sat.\n", &SegmentOptions::new());
/// let new = segment("new.txt", "A dog barked.\n", &SegmentOptions::new());
/// let gold = Gold::from_json("gold.json", r#"{"sure": [["L1", "L1"]]}"#).unwrap();
/// let alignment = draftdiff::align(&old, &new, &draftdiff::AlignOptions::new());
/// let mut out = Vec::new();
/// draftdiff::render::eval_text(&explain(&gold, &old, &new, &alignment), &mut out).unwrap();
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.contains("missed (1):\n  L1 -> L1\n    old: The cat sat.\n    new: A dog barked.\n"));
/// ```
pub fn eval_text(explanation: &Explanation, out: &mut dyn io::Write) -> io::Result<()> {
    let e = explanation;
    writeln!(
        out,
        "precision {:.3}  recall {:.3}  F1 {:.3}  ({} predicted, {} sure, {} wrong, {} missed)",
        e.precision,
        e.recall,
        e.f1,
        e.predicted,
        e.sure,
        e.wrong.len(),
        e.missed.len()
    )?;
    for (title, links) in [("wrong", &e.wrong), ("missed", &e.missed)] {
        if links.is_empty() {
            continue;
        }
        writeln!(out, "\n{title} ({}):", links.len())?;
        for link in links {
            writeln!(out, "  {} -> {}", link.old, link.new)?;
            for (side, text) in [("old", &link.old_text), ("new", &link.new_text)] {
                match text {
                    Some(text) => writeln!(out, "    {side}: {text}")?,
                    None => writeln!(out, "    {side}: (no unit has this key)")?,
                }
            }
        }
    }
    Ok(())
}
