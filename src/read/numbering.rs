//! Word's paragraph numbering, rendered as Word renders it, from `word/numbering.xml`.
//!
//! Written by hand: no crate computes list numbers from `numbering.xml`. The model:
//! an *abstract numbering* (`w:abstractNum`) defines up to nine levels, each with a start
//! value (`w:start`), a format (`w:numFmt`: decimal, lowerLetter, upperRoman, bullet, …), a
//! text pattern (`w:lvlText`, `%1.%2.` naming the current values of levels 1 and 2), a
//! restart rule (`w:lvlRestart`) and legal numbering (`w:isLgl`); a *numbering instance*
//! (`w:num`) points at one abstract numbering and may override the start of some levels
//! (`w:lvlOverride/w:startOverride`) or whole levels (`w:lvlOverride/w:lvl`).
//!
//! Counting follows Word: counters belong to the abstract numbering, so two instances of
//! the same abstract numbering continue one another, unless an instance overrides a
//! level's start, which restarts that level where the instance is first used. Numbering a
//! paragraph at level `l` advances level `l` and resets the deeper levels (those whose
//! `w:lvlRestart` allows it), so they start again at their start value.

use std::collections::HashMap;

use super::xml::{NodeId, Tree};

/// Levels a Word list has.
const LEVELS: usize = 9;

/// One level of an abstract numbering.
#[derive(Debug, Clone)]
pub(crate) struct Level {
    start: i64,
    format: String,
    text: String,
    /// Reset this level when a level above `restart` (0-based) advances; `None` = after
    /// any shallower level (the default), `Some(-1)` = never.
    restart: Option<i64>,
    legal: bool,
    /// The paragraph style that carries this level, if any (`w:pStyle`).
    pub style: Option<String>,
}

impl Default for Level {
    fn default() -> Level {
        Level {
            start: 1,
            format: "decimal".into(),
            text: String::new(),
            restart: None,
            legal: false,
            style: None,
        }
    }
}

#[derive(Debug, Clone)]
struct Instance {
    abstract_id: String,
    /// Level → start override.
    starts: HashMap<usize, i64>,
    /// Level → replacement level definition.
    levels: HashMap<usize, Level>,
}

/// A rendered number: the text as Word shows it and whether it is a bullet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rendered {
    /// The label as shown (`"3."`, `"(a)"`, `"•"`, `"1.2.1"`); may be empty.
    pub label: String,
    /// The format of the level (`decimal`, `lowerLetter`, `bullet`, …).
    pub format: String,
    /// The level, 0-based.
    pub level: usize,
}

/// The numbering definitions of one Word file and the counters of one reading of it.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    /// Abstract numberings that only point at a numbering style (`w:numStyleLink`): the
    /// style's name, resolved by [`Numbering::link_styles`].
    links: HashMap<String, String>,
    instances: HashMap<String, Instance>,
    /// Counter values per abstract numbering and level; `None` = not used since reset.
    counters: HashMap<String, [Option<i64>; LEVELS]>,
    /// Instances already used at a level (a start override applies on first use only).
    used: HashMap<(String, usize), ()>,
}

fn parse_level(tree: &Tree, lvl: NodeId) -> Level {
    let mut level = Level::default();
    if let Some(v) = tree.child_val(lvl, "start").and_then(|v| v.parse().ok()) {
        level.start = v;
    }
    if let Some(v) = tree.child_val(lvl, "numFmt") {
        level.format = v.to_string();
    }
    if let Some(v) = tree.child_val(lvl, "lvlText") {
        level.text = v.to_string();
    }
    if let Some(v) = tree
        .child_val(lvl, "lvlRestart")
        .and_then(|v| v.parse::<i64>().ok())
    {
        // `w:lvlRestart` is 1-based: restart after level v; 0 = never.
        level.restart = Some(v - 1);
    }
    if let Some(c) = tree.child(lvl, "isLgl") {
        level.legal = !matches!(tree.attr(c, "val"), Some("0" | "false" | "off"));
    }
    level.style = tree.child_val(lvl, "pStyle").map(str::to_string);
    level
}

fn ilvl(tree: &Tree, lvl: NodeId) -> Option<usize> {
    tree.attr(lvl, "ilvl")
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&l| l < LEVELS)
}

impl Numbering {
    /// Reads the definitions of `numbering.xml`.
    pub fn parse(tree: &Tree) -> Numbering {
        let mut n = Numbering::default();
        let Some(root) = tree.root() else {
            return n;
        };
        for a in tree.children_named(root, "abstractNum") {
            let Some(id) = tree.attr(a, "abstractNumId") else {
                continue;
            };
            let mut levels = vec![Level::default(); LEVELS];
            for lvl in tree.children_named(a, "lvl") {
                if let Some(i) = ilvl(tree, lvl) {
                    levels[i] = parse_level(tree, lvl);
                }
            }
            n.abstracts.insert(id.to_string(), levels);
            if let Some(style) = tree.child_val(a, "numStyleLink") {
                n.links.insert(id.to_string(), style.to_string());
            }
        }
        for num in tree.children_named(root, "num") {
            let (Some(id), Some(abstract_id)) = (
                tree.attr(num, "numId"),
                tree.child_val(num, "abstractNumId"),
            ) else {
                continue;
            };
            let mut inst = Instance {
                abstract_id: abstract_id.to_string(),
                starts: HashMap::new(),
                levels: HashMap::new(),
            };
            for o in tree.children_named(num, "lvlOverride") {
                let Some(i) = ilvl(tree, o) else { continue };
                if let Some(s) = tree
                    .child_val(o, "startOverride")
                    .and_then(|v| v.parse().ok())
                {
                    inst.starts.insert(i, s);
                }
                if let Some(lvl) = tree.child(o, "lvl") {
                    inst.levels.insert(i, parse_level(tree, lvl));
                }
            }
            n.instances.insert(id.to_string(), inst);
        }
        n
    }

    /// Resolves `w:numStyleLink`: an abstract numbering that only names a numbering style
    /// takes the levels of the numbering that style refers to (`style_num`: numbering style
    /// id → numbering instance id), and counts with it, as one list.
    pub fn link_styles(&mut self, style_num: &HashMap<String, String>) {
        let links = std::mem::take(&mut self.links);
        for (abstract_id, style) in &links {
            let Some(target) = style_num
                .get(style)
                .and_then(|num| self.instances.get(num))
                .map(|i| i.abstract_id.clone())
                .filter(|t| t != abstract_id && !links.contains_key(t))
            else {
                continue;
            };
            for inst in self.instances.values_mut() {
                if &inst.abstract_id == abstract_id {
                    inst.abstract_id = target.clone();
                }
            }
        }
    }

    /// The level definition `level` of instance `num`, overrides applied.
    fn level(&self, num: &str, level: usize) -> Option<Level> {
        let inst = self.instances.get(num)?;
        if let Some(l) = inst.levels.get(&level) {
            return Some(l.clone());
        }
        self.abstracts.get(&inst.abstract_id)?.get(level).cloned()
    }

    /// The level of instance `num` whose `w:pStyle` is `style`, for a paragraph numbered
    /// through its style without an explicit level.
    pub fn level_of_style(&self, num: &str, style: &str) -> Option<usize> {
        let inst = self.instances.get(num)?;
        let levels = self.abstracts.get(&inst.abstract_id)?;
        levels
            .iter()
            .position(|l| l.style.as_deref() == Some(style))
    }

    /// Numbers the next paragraph of instance `num` at `level`: advances the counters and
    /// returns the label as Word shows it. `None` for numbering id 0 (numbering removed) or
    /// an unknown instance.
    pub fn next(&mut self, num: &str, level: usize) -> Option<Rendered> {
        if num == "0" || level >= LEVELS {
            return None;
        }
        let inst = self.instances.get(num)?.clone();
        let levels: Vec<Level> = (0..LEVELS)
            .map(|l| self.level(num, l).unwrap_or_default())
            .collect();
        let counters = self
            .counters
            .entry(inst.abstract_id.clone())
            .or_insert([None; LEVELS]);
        // A start override restarts its level where this instance is first used.
        if let Some(&s) = inst.starts.get(&level)
            && self.used.insert((num.to_string(), level), ()).is_none()
        {
            counters[level] = Some(s - 1);
        } else {
            self.used.insert((num.to_string(), level), ());
        }
        let start = inst
            .starts
            .get(&level)
            .copied()
            .unwrap_or(levels[level].start);
        counters[level] = Some(match counters[level] {
            Some(v) => v.saturating_add(1),
            None => start,
        });
        for (deeper, def) in levels.iter().enumerate().skip(level + 1) {
            let resets = match def.restart {
                None => true,
                Some(r) => r >= 0 && (level as i64) <= r,
            };
            if resets {
                counters[deeper] = None;
            }
        }
        let def = &levels[level];
        let values: Vec<i64> = (0..LEVELS)
            .map(|l| {
                counters[l]
                    .unwrap_or_else(|| inst.starts.get(&l).copied().unwrap_or(levels[l].start))
            })
            .collect();
        let label = render(&def.text, &values, &levels, def.legal);
        Some(Rendered {
            label,
            format: def.format.clone(),
            level,
        })
    }
}

/// Fills `%1`…`%9` of `pattern` with the values of those levels in their formats.
fn render(pattern: &str, values: &[i64], levels: &[Level], legal: bool) -> String {
    let mut out = String::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '%'
            && let Some(d) = chars.peek().and_then(|d| d.to_digit(10))
            && (1..=LEVELS as u32).contains(&d)
        {
            chars.next();
            let l = d as usize - 1;
            let format = if legal && levels[l].format != "bullet" {
                "decimal"
            } else {
                levels[l].format.as_str()
            };
            out.push_str(&format_value(values[l], format));
        } else {
            out.push(c);
        }
    }
    out
}

/// One value in a `w:numFmt` format. Unknown formats fall back to decimal, as Word does
/// for formats it cannot show.
pub(crate) fn format_value(v: i64, format: &str) -> String {
    match format {
        "lowerLetter" => letters(v, false),
        "upperLetter" => letters(v, true),
        "lowerRoman" => roman(v).to_lowercase(),
        "upperRoman" => roman(v),
        "decimalZero" if (0..10).contains(&v) => format!("0{v}"),
        "bullet" | "none" => String::new(),
        "ordinal" => format!("{v}{}", ordinal_suffix(v)),
        _ => v.to_string(),
    }
}

fn ordinal_suffix(v: i64) -> &'static str {
    match (v % 10, v % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// Word's letters: a…z, then aa…zz, aaa… (the letter repeated, not base 26).
fn letters(v: i64, upper: bool) -> String {
    if v <= 0 {
        return v.to_string();
    }
    let v = v.min(780) - 1;
    let c = (b'a' + (v % 26) as u8) as char;
    let c = if upper { c.to_ascii_uppercase() } else { c };
    std::iter::repeat_n(c, (v / 26) as usize + 1).collect()
}

/// Roman numerals for 1..=3999 (the segmenter's own table); other values in decimal.
pub(crate) fn roman(v: i64) -> String {
    match u32::try_from(v) {
        Ok(n) if (1..4000).contains(&n) => crate::segment::to_roman(n),
        _ => v.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%3)"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3"/><w:isLgl/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="2">
        <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="0"/>
        <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
      <w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>
      <w:num w:numId="6"><w:abstractNumId w:val="0"/>
        <w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>
    </w:numbering>"#;

    fn numbering() -> Numbering {
        Numbering::parse(&Tree::parse(XML).unwrap())
    }

    fn labels(n: &mut Numbering, seq: &[(&str, usize)]) -> Vec<String> {
        seq.iter()
            .map(|&(num, l)| n.next(num, l).map(|r| r.label).unwrap_or_default())
            .collect()
    }

    #[test]
    fn nested_levels_restart_under_their_parent() {
        let mut n = numbering();
        let got = labels(
            &mut n,
            &[("1", 0), ("1", 1), ("1", 1), ("1", 2), ("1", 0), ("1", 1)],
        );
        assert_eq!(got, ["1.", "(a)", "(b)", "i)", "2.", "(a)"]);
    }

    #[test]
    fn instances_of_one_abstract_continue_unless_restarted() {
        let mut n = numbering();
        let got = labels(&mut n, &[("1", 0), ("1", 0), ("2", 0), ("3", 0), ("3", 0)]);
        assert_eq!(got, ["1.", "2.", "3.", "1.", "2."]);
    }

    #[test]
    fn start_override_sets_the_first_value() {
        let mut n = numbering();
        assert_eq!(labels(&mut n, &[("6", 0), ("6", 0)]), ["10.", "11."]);
    }

    #[test]
    fn multi_level_text_and_legal_numbering() {
        let mut n = numbering();
        let got = labels(&mut n, &[("4", 0), ("4", 1), ("4", 2), ("4", 0), ("4", 1)]);
        assert_eq!(got, ["I.", "I.1.", "1.1.1", "II.", "II.1."]);
    }

    #[test]
    fn bullets_and_removed_numbering() {
        let mut n = numbering();
        assert_eq!(n.next("5", 0).unwrap().label, "•");
        assert_eq!(n.next("5", 0).unwrap().format, "bullet");
        assert!(n.next("0", 0).is_none());
        assert!(n.next("99", 0).is_none());
    }

    #[test]
    fn style_links_share_the_linked_numbering() {
        let xml = r#"<w:numbering xmlns:w="w">
          <w:abstractNum w:abstractNumId="0"><w:styleLink w:val="Legal"/>
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl>
          </w:abstractNum>
          <w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="Legal"/></w:abstractNum>
          <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
          <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
        </w:numbering>"#;
        let mut n = Numbering::parse(&Tree::parse(xml).unwrap());
        n.link_styles(&HashMap::from([("Legal".to_string(), "1".to_string())]));
        assert_eq!(
            labels(&mut n, &[("2", 0), ("1", 0), ("2", 0)]),
            ["A.", "B.", "C."]
        );
    }

    #[test]
    fn formats() {
        assert_eq!(format_value(27, "lowerLetter"), "aa");
        assert_eq!(format_value(28, "upperLetter"), "BB");
        assert_eq!(format_value(14, "upperRoman"), "XIV");
        assert_eq!(format_value(4, "lowerRoman"), "iv");
        assert_eq!(format_value(12, "decimal"), "12");
        assert_eq!(format_value(2, "ordinal"), "2nd");
        assert_eq!(format_value(0, "upperRoman"), "0");
    }
}
