//! Naming one unit of one version on the command line: `K:SELECTOR`.
//!
//! `K` is the version, **1-based** in the order the versions were given (`V1 … Vn`, or the
//! commits in history order with `--git`). The selector names a unit of that version:
//!
//! | selector | the unit |
//! | --- | --- |
//! | `17`, `IV`, `(a)` | printed with that number; in a version with no numbered units, the 17th paragraph |
//! | `L30` | the unit whose lines include line 30 of the file (for unnumbered prose) |
//! | `#5` | the 5th unit in reading order, of any kind |
//!
//! So `--at 3:L41` is the unit on line 41 of the third version and `--para 2` (= `--at 1:2`)
//! the paragraph numbered 2 in the first version, or its second paragraph if it has no numbers.

use crate::error::{Error, Result};
use crate::model::{Document, UnitId, UnitKind};

use super::chain::Node;

/// Which unit of a version: by printed number, by line, or by position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    /// The unit printed with this number; in a version without numbered units, the paragraph
    /// at this 1-based position.
    Number(String),
    /// The unit whose lines include this 1-based line of the file.
    Line(usize),
    /// The unit at this 1-based position in reading order, of any kind.
    Ordinal(usize),
}

/// A unit of a version, as named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitAddress {
    /// The version, 0-based (the text form is 1-based).
    pub version: usize,
    /// The unit in that version.
    pub selector: Selector,
}

impl UnitAddress {
    /// Parses `K:SELECTOR` (`K` 1-based). `what` names the option in errors.
    pub fn parse(text: &str, what: &str) -> Result<UnitAddress> {
        let bad = |message: String| Error::Input {
            path: what.to_string(),
            message,
        };
        let (k, selector) = text.split_once(':').ok_or_else(|| {
            bad(format!(
                "`{text}` is not VERSION:UNIT (e.g. `2:17`, `2:L30`, `2:#5`; versions count from 1)"
            ))
        })?;
        let k: usize = k
            .trim()
            .parse()
            .map_err(|_| bad(format!("`{k}` is not a version number (1, 2, …)")))?;
        if k == 0 {
            return Err(bad("versions count from 1".into()));
        }
        Ok(UnitAddress {
            version: k - 1,
            selector: Selector::parse(selector, what)?,
        })
    }
}

impl Selector {
    /// Parses a selector: `N`, `LN` or `#N`. `what` names the option in errors.
    pub fn parse(text: &str, what: &str) -> Result<Selector> {
        let text = text.trim();
        let bad = |message: String| Error::Input {
            path: what.to_string(),
            message,
        };
        let positive = |digits: &str| -> Option<usize> { digits.parse().ok().filter(|&n| n > 0) };
        if let Some(rest) = text.strip_prefix('L') {
            if let Some(line) = positive(rest) {
                return Ok(Selector::Line(line));
            }
        }
        if let Some(rest) = text.strip_prefix('#') {
            return positive(rest)
                .map(Selector::Ordinal)
                .ok_or_else(|| bad(format!("`{text}`: `#` takes a position from 1")));
        }
        if text.is_empty() {
            return Err(bad(
                "no unit given (a number, `L<line>` or `#<position>`)".into()
            ));
        }
        Ok(Selector::Number(text.trim_end_matches('.').to_string()))
    }

    /// Finds the unit of `doc` this selector names.
    pub fn resolve(&self, doc: &Document) -> Result<UnitId> {
        let missing = |message: String| Error::Input {
            path: doc.path.clone(),
            message,
        };
        match self {
            Selector::Line(line) => doc
                .units
                .iter()
                .find(|u| u.line <= *line && *line <= u.end_line.max(u.line))
                .map(|u| u.id)
                .ok_or_else(|| missing(format!("no unit on line {line}"))),
            Selector::Ordinal(n) => doc
                .units
                .get(n - 1)
                .map(|u| u.id)
                .ok_or_else(|| missing(format!("has {} units, not {n}", doc.units.len()))),
            Selector::Number(number) => {
                let printed = |kind: Option<UnitKind>| -> Vec<&crate::model::Unit> {
                    doc.units
                        .iter()
                        .filter(|u| {
                            u.number.as_deref() == Some(number.as_str())
                                && kind.is_none_or(|k| u.kind == k)
                        })
                        .collect()
                };
                // A paragraph of that number first; else any unit. A number printed on
                // more than one unit (`(a)` in every list) names none of them: say where
                // they are, so the user can pick one by its line.
                let mut found = printed(Some(UnitKind::Paragraph));
                if found.is_empty() {
                    found = printed(None);
                }
                match found.as_slice() {
                    [unit] => return Ok(unit.id),
                    [] => {}
                    many => {
                        let lines: Vec<String> =
                            many.iter().map(|u| format!("L{}", u.line)).collect();
                        return Err(missing(format!(
                            "{} units are numbered {number}: give one by its line ({})",
                            many.len(),
                            lines.join(", ")
                        )));
                    }
                }
                if doc.units.iter().any(|u| u.number.is_some()) {
                    return Err(missing(format!("no unit numbered {number}")));
                }
                if number == "0" {
                    return Err(missing(
                        "has no paragraph 0: paragraphs of unnumbered text count from 1".into(),
                    ));
                }
                let position: usize = number.parse().map_err(|_| {
                    missing(format!(
                        "no unit numbered {number} (units here are unnumbered: give a position, `L<line>` or `#<n>`)"
                    ))
                })?;
                doc.units
                    .iter()
                    .filter(|u| u.kind == UnitKind::Paragraph)
                    .nth(position.saturating_sub(1))
                    .filter(|_| position > 0)
                    .map(|u| u.id)
                    .ok_or_else(|| {
                        let paragraphs = doc
                            .units
                            .iter()
                            .filter(|u| u.kind == UnitKind::Paragraph)
                            .count();
                        let s = if paragraphs == 1 { "" } else { "s" };
                        missing(format!(
                            "has no numbered units and {paragraphs} paragraph{s} (counted from 1), so no paragraph {position}"
                        ))
                    })
            }
        }
    }
}

impl UnitAddress {
    /// Finds the node this address names among `versions`.
    pub fn resolve(&self, versions: &[Document]) -> Result<Node> {
        let doc = versions.get(self.version).ok_or_else(|| Error::Input {
            path: "--at".into(),
            message: format!(
                "version {} does not exist: {} versions were given",
                self.version + 1,
                versions.len()
            ),
        })?;
        Ok(Node::new(self.version, self.selector.resolve(doc)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{SegmentOptions, segment};

    #[test]
    fn parses_the_three_selectors() {
        let a = UnitAddress::parse("2:L30", "--at").unwrap();
        assert_eq!((a.version, a.selector), (1, Selector::Line(30)));
        let a = UnitAddress::parse("1:#5", "--at").unwrap();
        assert_eq!(a.selector, Selector::Ordinal(5));
        let a = UnitAddress::parse("3:17.", "--at").unwrap();
        assert_eq!(a.selector, Selector::Number("17".into()));
        for bad in ["0:1", "x:1", "2", "2:#0", "2:"] {
            assert!(UnitAddress::parse(bad, "--at").is_err(), "{bad}");
        }
    }

    #[test]
    fn resolves_lines_and_positions_in_unnumbered_prose() {
        let doc = segment(
            "d",
            "Alpha is the first paragraph here.\n\nBeta is the second one.\n\nGamma is the third.\n",
            &SegmentOptions::new(),
        );
        assert_eq!(Selector::Line(1).resolve(&doc).unwrap(), 0);
        assert_eq!(Selector::Line(3).resolve(&doc).unwrap(), 1);
        assert!(Selector::Line(2).resolve(&doc).is_err());
        assert_eq!(Selector::Number("3".into()).resolve(&doc).unwrap(), 2);
        assert_eq!(Selector::Ordinal(1).resolve(&doc).unwrap(), 0);
        assert!(Selector::Number("4".into()).resolve(&doc).is_err());
        assert!(Selector::Number("0".into()).resolve(&doc).is_err());
        // Issue 13: `--para 0` said "fewer than 0 paragraphs".
        let zero = Selector::Number("0".into())
            .resolve(&doc)
            .unwrap_err()
            .to_string();
        assert!(zero.contains("count from 1"), "{zero}");
        assert!(!zero.contains("fewer than 0"), "{zero}");
        let four = Selector::Number("4".into())
            .resolve(&doc)
            .unwrap_err()
            .to_string();
        assert!(four.contains("3 paragraphs"), "{four}");
    }

    #[test]
    fn a_number_printed_on_several_units_names_their_lines() {
        // Issue 13: a repeated `(a)` silently named the first list item.
        let doc = segment(
            "d",
            "1. The first paragraph lists:\n\n(a) apples;\n\n(b) pears.\n\n\
             2. The second paragraph lists:\n\n(a) plums;\n\n(b) figs.\n",
            &SegmentOptions::new(),
        );
        let err = Selector::Number("(a)".into())
            .resolve(&doc)
            .unwrap_err()
            .to_string();
        assert!(err.contains("2 units are numbered (a)"), "{err}");
        assert!(err.contains("L3, L9"), "{err}");
        // A number on one unit still names it.
        let two = Selector::Number("2".into()).resolve(&doc).unwrap();
        assert_eq!(doc.units[two].text, "The second paragraph lists:");
    }
}
