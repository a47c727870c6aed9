//! Markdown read as CommonMark reads it, with `pulldown-cmark` (the CommonMark parser of
//! the Rust ecosystem, with tables): ATX and setext headings are headings, each top-level
//! paragraph, block quote, code block, HTML block and table is one unit kept whole, each
//! item of a top-level list is a list item (its nested content flattened into it), each
//! term of a definition list is a list item with its definition, and thematic breaks are
//! removed. Line numbers come from the parser's source offsets. Heading attributes
//! (`## Loss Detection {#loss-detection}`, as kramdown, pandoc and Python-Markdown write
//! anchors) are not heading text, and a metadata block at the top of the file (see
//! [`front_matter`]) is one unit.
//!
//! Legislation written as Markdown numbers its items in plain paragraphs that CommonMark
//! does not read as lists (`1° Le vendeur…`, `a) Au premier alinéa…`, `1a. bestimmte…`).
//! Such a paragraph is a list item when the document has introduced a list before it: a
//! paragraph ending in `:` or a CommonMark list opened an enumeration, and no heading or
//! sibling of the introducing paragraph closed it since (see [`Enumeration`]). A law's
//! numbered paragraphs (`(1)`, `(2)` Absätze) stay paragraphs: a marker of the introducing
//! paragraph's own style is its sibling, not its item. Such an item's parent is the
//! paragraph that introduced the enumeration, as a CommonMark list item's is.
//!
//! A code of law saved as text in a `.md` file writes its article labels as lone lines
//! (`Article 1101`, Legalize-FR's versions before 2020): a sequence of at least
//! [`MIN_LABELS`] such lines, a word and a number, is read as headings ([`label_templates`]).
//!
//! Used for files named `*.md` / `*.markdown` and for text that shows at least
//! [`MIN_MARKDOWN_KINDS`] kinds of Markdown block syntax, unless it sets its titles with
//! `=` marks ([`MIN_SECTION_MARKS`] lines like `== Installation`): that is AsciiDoc (or
//! wiki) text, whose listing blocks hold `#` comments and whose `----` delimiters stand
//! under a `[source]` line, shapes Markdown would take for an ATX heading and a setext
//! underline.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::normalize::normalize;
use super::start::{self, Shape};
use crate::model::{Artifact, ArtifactKind, Block, Unit, UnitId, UnitKind};

/// Kinds of Markdown block syntax (ATX heading, setext underline, code fence, table
/// delimiter row, block quote) a text must show to be read as Markdown without a `.md`
/// name: two, since one alone (a line starting with `#` or `>`) also occurs in plain text.
pub(crate) const MIN_MARKDOWN_KINDS: usize = 2;

/// Fewest titles set with `=` marks (`== Installation`) that make a text AsciiDoc rather
/// than Markdown: two, as one such line could be a stray line of prose or code.
pub(crate) const MIN_SECTION_MARKS: usize = 2;

/// Whether `text` sets its titles with `=` marks, as AsciiDoc does: at least
/// [`MIN_SECTION_MARKS`] lines like `== Installation`.
pub(crate) fn is_asciidoc(text: &str) -> bool {
    text.lines()
        .filter(|l| super::titles::is_section_mark_title(l))
        .nth(MIN_SECTION_MARKS - 1)
        .is_some()
}

/// True when `path` names a Markdown file or `text` shows enough Markdown syntax.
pub(crate) fn is_markdown(path: &str, text: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".md") || lower.ends_with(".markdown") || lower.ends_with(".mdown") {
        return true;
    }
    !is_asciidoc(text) && syntax_kinds(text) >= MIN_MARKDOWN_KINDS && !is_restructured_text(text)
}

/// Fewest literal-block markers (a line ending in `::` followed by a blank line and an
/// indented line) that make a text reStructuredText without a directive: two, as one could
/// be a line of prose or code.
const MIN_LITERAL_MARKERS: usize = 2;

/// Whether `text`, outside fenced code, writes reStructuredText's own block syntax: an
/// explicit-markup directive (`.. code-block::`, `.. note::`) or [`MIN_LITERAL_MARKERS`]
/// literal-block markers. Such a text underlines its titles with `=` and `-` as Markdown
/// does, and the comment lines of its code (`   # Correct:`) look like ATX headings, but
/// pulldown-cmark would read its directives as paragraphs and its code as headings; the
/// plain-text reader knows both.
pub(crate) fn is_restructured_text(text: &str) -> bool {
    // Both need a `::`: one substring search spares most texts the pass over their lines.
    if !text.contains("::") {
        return false;
    }
    let mut fenced = false;
    let mut literal = 0;
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let s = line.trim();
        if s.starts_with("```") || s.starts_with("~~~") {
            fenced = !fenced;
        }
        if fenced {
            continue;
        }
        if is_directive(s) {
            return true;
        }
        if s.ends_with("::") && lines.next_if(|l| l.trim().is_empty()).is_some() {
            literal += usize::from(lines.peek().is_some_and(|l| l.starts_with([' ', '\t'])));
        }
    }
    literal >= MIN_LITERAL_MARKERS
}

/// `.. name::` with a name of letters, digits, `-`, `_` or `:` (`.. code-block::`,
/// `.. rst:directive::`).
fn is_directive(s: &str) -> bool {
    s.strip_prefix(".. ")
        .and_then(|r| r.split_once("::"))
        .is_some_and(|(name, _)| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ':'))
        })
}

/// How many kinds of Markdown block syntax (ATX heading, setext underline, code fence,
/// table delimiter row, block quote) `text` uses, out of five.
///
/// A line of `~` at least as long as the text line right above it is a reStructuredText
/// title underline (reST requires the underline to reach the end of the title), not the
/// opening of a Markdown code fence: a fence does not measure itself against the line
/// before it, and reST documents underline a third level of titles with `~`.
pub(crate) fn syntax_kinds(text: &str) -> usize {
    let (mut atx, mut setext, mut fence, mut table, mut quote) =
        (false, false, false, false, false);
    let mut prev: &str = "";
    for line in text.lines() {
        let t = line.trim_end();
        let lead = t.len() - t.trim_start().len();
        let s = t.trim_start();
        if lead < 4 {
            let hashes = s.bytes().take_while(|&b| b == b'#').count();
            atx |= (1..=6).contains(&hashes) && s[hashes..].starts_with(' ');
            let rst_underline =
                !prev.is_empty() && s.bytes().all(|b| b == b'~') && s.len() >= prev.chars().count();
            fence |= s.starts_with("```") || s.starts_with("~~~") && !rst_underline;
            quote |= s.starts_with("> ");
            let underline = !s.is_empty()
                && (s.bytes().all(|b| b == b'=') || s.len() >= 3 && s.bytes().all(|b| b == b'-'));
            setext |= !prev.is_empty() && underline;
            table |= s.starts_with('|')
                && s.contains('-')
                && s.bytes().all(|b| matches!(b, b'|' | b'-' | b':' | b' '));
        }
        prev = s;
    }
    [atx, setext, fence, table, quote]
        .iter()
        .filter(|&&k| k)
        .count()
}

/// Whether `text` writes Markdown's inline syntax on some line: a link or image
/// (`[text](target)`), a code span (`` `code` ``) or strong emphasis (`**text**`). A
/// document written in Markdown shows it even where it uses a single kind of block
/// syntax (a changelog of headings and lists); text extracted from a PDF never does.
pub(crate) fn writes_inline_syntax(text: &str) -> bool {
    text.lines().any(|line| {
        line.contains("](") || line.matches('`').count() >= 2 || line.matches("**").count() >= 2
    })
}

/// A unit being built from the events of one top-level block.
struct Building {
    kind: UnitKind,
    number: Option<String>,
    level: u8,
    start: usize,
    text: String,
    /// A plain paragraph (not code, quote, table or HTML), which may be an item.
    plain: bool,
    /// A further paragraph of a list item.
    in_item: bool,
    /// Prose, or a code block or table (a top-level block of that syntax).
    block: Block,
}

/// The style of an enumeration marker, the first word of `text`, if it is one: digits
/// (with a letter suffix, `1a`) become `N`, a run of letters `a` or `A`, punctuation
/// stays (`1°` → `N°`, `(1a)` → `(N)`, `b)` → `a)`). Markers are the list shapes of
/// [`start::parse`] (`1.`, `(a)`, `iv)`, `H.`) and numbers with a degree sign or a letter
/// suffix (`1°`, `1a.`, `(1a)`).
fn marker_style(text: &str) -> Option<String> {
    let token = text.split_whitespace().next()?;
    let mut key = String::new();
    let mut chars = token.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            while chars.next_if(|c| c.is_ascii_digit()).is_some() {}
            while chars.next_if(|c| c.is_ascii_lowercase()).is_some() {}
            key.push('N');
        } else if c.is_alphabetic() {
            let upper = c.is_uppercase();
            while chars.next_if(|c| c.is_alphabetic()).is_some() {}
            key.push(if upper { 'A' } else { 'a' });
        } else {
            key.push(c);
        }
    }
    let shaped = start::parse(text, false).is_some_and(|s| {
        matches!(
            s.shape,
            Shape::Item | Shape::Letter(_) | Shape::Roman(_) | Shape::Numbered { minor: None, .. }
        )
    });
    let numbered = token.len() <= 6 && matches!(key.as_str(), "N°" | "N." | "(N)" | "N)");
    (shaped || numbered).then_some(key)
}

/// An enumeration introduced in the running text, open until a heading or a sibling of
/// the paragraph that introduced it.
#[derive(Default)]
struct Enumeration {
    open: Option<Intro>,
}

/// The paragraph that opened an enumeration.
struct Intro {
    /// The style of its own marker (`None` when it had none): a paragraph of that style
    /// is its sibling, which closes the enumeration, not its item.
    style: Option<String>,
    /// The unit, the parent of the enumeration's items (`None` when a list opened the
    /// enumeration with no paragraph before it).
    id: Option<UnitId>,
}

impl Enumeration {
    /// The kind of a finished top-level plain paragraph that becomes unit `id`, and its
    /// parent when it is an item, updating the enumeration.
    fn paragraph(&mut self, text: &str, id: UnitId) -> (UnitKind, Option<UnitId>) {
        let style = marker_style(text);
        let mut kind = (UnitKind::Paragraph, None);
        match &self.open {
            Some(intro) if style.is_some() && style != intro.style => {
                kind = (UnitKind::ListItem, intro.id);
            }
            Some(intro) if style.is_some() && style == intro.style => self.open = None,
            _ => {}
        }
        if self.open.is_none() && text.trim_end().ends_with(':') {
            self.open = Some(Intro {
                style,
                id: Some(id),
            });
        }
        kind
    }

    /// A CommonMark list starts after `last_paragraph` (of marker style `style`): it opens
    /// an enumeration unless one is open.
    fn list(&mut self, style: Option<String>, last_paragraph: Option<UnitId>) {
        if self.open.is_none() {
            self.open = Some(Intro {
                style,
                id: last_paragraph,
            });
        }
    }
}

impl Building {
    /// An empty unit of `kind` that starts at byte `start`.
    fn new(kind: UnitKind, number: Option<String>, start: usize) -> Building {
        Building {
            kind,
            number,
            level: 0,
            start,
            text: String::new(),
            plain: false,
            in_item: false,
            block: Block::Prose,
        }
    }
}

/// The metadata block at the top of a Markdown file, as Jekyll, Hugo, pandoc and
/// kramdown-rfc write it: a first line `---`, a line of text right under it, and a closing
/// line `---` or `...` (YAML's own end markers; kramdown-rfc closes with `--- abstract` or
/// `--- middle`, a word after the dashes). Returns the byte range of its content lines and
/// where the Markdown after it starts. CommonMark alone reads such a block as a thematic
/// break followed by paragraphs and setext headings (`author:` over a YAML `-` line),
/// so it is cut off before parsing. A `---` further down is left to CommonMark: there it
/// is a thematic break or a setext underline.
pub(super) fn front_matter(text: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = text[bom..].split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let content = bom + first.len();
    let mut at = content;
    for (i, line) in lines.enumerate() {
        let t = line.trim_end();
        if i == 0 && t.is_empty() {
            return None;
        }
        let closing = t == "---"
            || t == "..."
            || t.strip_prefix("--- ").is_some_and(|w| {
                !w.is_empty() && w.chars().all(|c| c.is_alphanumeric() || c == '_')
            });
        if closing {
            return (i > 0).then_some((content..at, at + line.len()));
        }
        at += line.len();
    }
    None
}

/// Fewest lone lines of one label template (`Article #`, `§ #`) that make a sequence of
/// article labels: three, as two lines alike can be a coincidence.
const MIN_LABELS: usize = 3;

/// Longest label line, in characters: a word and a number (`Article L. 111-1 bis`).
const LABEL_MAX_CHARS: usize = 32;

/// The template of a label line, a word followed by a number (`Article 1101`,
/// `Art. 104a`, `§ 232`, `Chapitre IV`, `Article 2 bis`), with its number replaced by `#`
/// and its word lower-cased (`article #`); `None` for any other line. A number is a token
/// holding a digit or an upper-case roman numeral; a lower-case suffix of three letters
/// at most after it (`bis`, `ter`) is part of it. The line ends with no punctuation: a label is no
/// sentence.
pub(crate) fn label_template(line: &str) -> Option<String> {
    let line = line.trim();
    if line.chars().count() > LABEL_MAX_CHARS || line.ends_with(['.', ':', ';', ',', '!', '?']) {
        return None;
    }
    let mut tokens = line.split_whitespace();
    let word = tokens.next()?;
    let is_number = |t: &str| {
        t.bytes().any(|b| b.is_ascii_digit())
            || t.bytes().all(|b| b.is_ascii_uppercase()) && start::roman_value(t).is_some()
    };
    if is_number(word) || word.chars().any(|c| c.is_ascii_punctuation() && c != '.') && word != "§"
    {
        return None;
    }
    if !tokens.next().is_some_and(is_number) {
        return None;
    }
    // One suffix of the number at most (`bis`, `ter`): a word of three letters or more
    // after it makes a title (`Tier 2 target policy`).
    let suffix = tokens.next();
    if tokens.next().is_some()
        || suffix.is_some_and(|t| t.chars().count() > 3 || !t.chars().all(char::is_lowercase))
    {
        return None;
    }
    Some(word.to_lowercase() + " #")
}

/// The templates of the label lines that stand alone between blank lines at least
/// [`MIN_LABELS`] times with different numbers: a code of law saved as text, one `Article
/// 1101` line over each article, its headings' `#` marks lost. CommonMark reads such a line
/// as a paragraph; the sequence over the whole document says it is the heading of what
/// follows. Evidence from the document, no word list: `Artikel`, `Articolul`, `§` and
/// `Rule` are found the same way.
fn label_templates(text: &str) -> std::collections::BTreeSet<String> {
    let lines: Vec<&str> = text.lines().collect();
    let blank = |i: Option<usize>| {
        i.and_then(|i| lines.get(i))
            .is_none_or(|l| l.trim().is_empty())
    };
    // Per template: the distinct label lines, the occurrences, and those the text runs
    // across (the next line starts in lower case).
    let mut seen: std::collections::BTreeMap<
        String,
        (std::collections::BTreeSet<&str>, usize, usize),
    > = Default::default();
    for (i, line) in lines.iter().enumerate() {
        if blank(i.checked_sub(1))
            && blank(Some(i + 1))
            && let Some(template) = label_template(line)
        {
            let next = lines[i + 1..].iter().find(|l| !l.trim().is_empty());
            let runs_on = next.is_some_and(|l| l.trim_start().starts_with(char::is_lowercase));
            let entry = seen.entry(template).or_default();
            entry.0.insert(line.trim());
            entry.1 += 1;
            entry.2 += usize::from(runs_on);
        }
    }
    // A heading starts what follows it. A page number left in PDF text saved as Markdown
    // (`pág. 5`, `Página 3 de 10`) falls where the page ended, often inside a sentence
    // that goes on after it: one label in ten with the text running on is a page count.
    seen.retain(|_, (lines, count, runs_on)| lines.len() >= MIN_LABELS && 10 * *runs_on < *count);
    if seen.is_empty() {
        return Default::default();
    }
    // Page numbers that always fall between sentences are found by their page-regular
    // distances: page furniture, not headings.
    let bare = |p: &str| p.replace('.', "");
    let furniture: Vec<String> = super::furniture::Furniture::find(text)
        .patterns
        .iter()
        .map(|p| bare(&p.pattern))
        .collect();
    seen.into_keys()
        .filter(|template| !furniture.contains(&bare(template)))
        .collect()
}

/// Fewest colons of a container fence (`:::tip`, `:::`).
const CONTAINER_FENCE: usize = 3;

/// `text` with its container fences read as the renderers of the Markdown sites read them
/// (markdown-it-container and VitePress, Docusaurus admonitions, Pandoc fenced divs):
///
/// ```text
/// :::tip Import maps in browsers
/// Import maps are a relatively new browser feature.
/// :::
/// ```
///
/// is a box whose title and content are one unit where the box opens. CommonMark knows no
/// such fence: its definition lists took the opening `:` for a definition, and glued the
/// box to the paragraph before it. So an opening fence (`:::` and a name) becomes its title
/// (what follows the name, or `[Title]` after it; nothing for `::: {.note}`), and a closing
/// fence (colons alone) a blank line; every line stays where it is, so line numbers hold.
/// Only when the text both opens and closes a container, and never inside a code fence.
fn clear_container_fences(text: &str) -> std::borrow::Cow<'_, str> {
    // The fence of a trimmed line: Some(title) for an opening fence, Some("") for a
    // closing one.
    fn fence(line: &str) -> Option<(bool, &str)> {
        let lead = line.len() - line.trim_start_matches(' ').len();
        let s = &line[lead..];
        let colons = s.bytes().take_while(|&b| b == b':').count();
        if lead > 3 || colons < CONTAINER_FENCE {
            return None;
        }
        let rest = s[colons..].trim();
        if rest.is_empty() {
            return Some((false, ""));
        }
        // The name: up to a space or a `[`; a Pandoc attribute block has no title.
        if rest.starts_with('{') {
            return Some((true, ""));
        }
        let end = rest.find([' ', '\t', '[']).unwrap_or(rest.len());
        let name = &rest[..end];
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_alphanumeric() || "-_.".contains(c))
        {
            return None;
        }
        let title = rest[end..].trim();
        let title = match title.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            Some(inner) => inner.trim(),
            None if title.starts_with('{') => "",
            None => title,
        };
        Some((true, title))
    }
    if !text.contains(":::") {
        return text.into();
    }
    let mut fenced = false;
    let mut found: Vec<(usize, usize, bool, &str)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let s = body.trim_start();
        if s.starts_with("```") || s.starts_with("~~~") {
            fenced = !fenced;
        } else if !fenced && let Some((opens, title)) = fence(body) {
            found.push((at, at + body.len(), opens, title));
        }
        at += line.len();
    }
    if !(found.iter().any(|f| f.2) && found.iter().any(|f| !f.2)) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, end, _, title) in found {
        out.push_str(&text[last..start]);
        out.push_str(title);
        last = end;
    }
    out.push_str(&text[last..]);
    out.into()
}

/// Cuts Markdown `text` into units.
pub(crate) fn segment(text: &str) -> (Vec<Unit>, Vec<Artifact>) {
    let text = &*clear_container_fences(text);
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |off: usize| line_starts.partition_point(|&s| s <= off).max(1);
    let mut units: Vec<Unit> = Vec::new();
    let mut artifacts = Vec::new();
    // Open headings: (level, id).
    let mut sections: Vec<(u8, UnitId)> = Vec::new();
    let mut cur: Option<Building> = None;
    // Depth of block containers; a unit is built from what a depth-0 block holds.
    let mut depth = 0usize;
    // Open lists, innermost last, each with the next number of an ordered list; and the
    // paragraph that introduces the outermost one.
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut intro: Option<UnitId> = None;
    let mut last_paragraph: Option<UnitId> = None;
    // The enumeration the running text has introduced, and the marker style of the last
    // top-level paragraph (the introduction of a list that follows it).
    let mut enumeration = Enumeration::default();
    let mut last_style: Option<String> = None;
    let labels = label_templates(text);
    let finish = |mut b: Building,
                  end: usize,
                  units: &mut Vec<Unit>,
                  sections: &mut Vec<(u8, UnitId)>,
                  parent: Option<UnitId>|
     -> UnitId {
        let id = units.len();
        let text: String = b.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if b.in_item {
            // A further paragraph of a list item: an item of its own when it starts with
            // a marker (`a) hinsichtlich`), else a paragraph (a closing `festlegen,`).
            if marker_style(&text).is_some() {
                b.kind = UnitKind::ListItem;
            }
        }
        if b.kind == UnitKind::Heading {
            while sections.last().is_some_and(|&(l, _)| l >= b.level) {
                sections.pop();
            }
        }
        let section = sections.last().map(|&(_, s)| s);
        if b.kind == UnitKind::Heading {
            sections.push((b.level, id));
        }
        units.push(Unit {
            id,
            kind: b.kind,
            block: b.block,
            number: b.number,
            section,
            parent,
            line: line_of(b.start),
            end_line: line_of(end.saturating_sub(1).max(b.start)),
            norm: normalize(&text),
            text,
            source: None,
        });
        id
    };
    // The front matter is one unit; the Markdown after it is parsed alone, its offsets
    // shifted back to the whole text's by `base`.
    let mut base = 0;
    if let Some((content, body)) = front_matter(text) {
        let block = Building {
            text: text[content.clone()].to_string(),
            ..Building::new(UnitKind::Paragraph, None, content.start)
        };
        finish(block, content.end, &mut units, &mut sections, None);
        base = body;
    }
    // Footnotes (`[^1]: …`, as GitHub and the Legalize laws write them): each definition
    // is a footnote unit, and its markers leave the running text.
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let parser = Parser::new_ext(&text[base..], options);
    // Link reference definitions (`[core team]: https://…`) give no event, but they are
    // text of the document: each becomes a paragraph where it stands.
    let mut definitions: Vec<std::ops::Range<usize>> = parser
        .reference_definitions()
        .iter()
        .map(|(_, def)| def.span.start + base..def.span.end + base)
        .collect();
    definitions.sort_by_key(|span| span.start);
    // Definitions on consecutive lines read as one block, like the lines of a paragraph.
    let mut blocks: Vec<std::ops::Range<usize>> = Vec::with_capacity(definitions.len());
    for span in definitions {
        match blocks.last_mut() {
            Some(last) if line_of(span.start) <= line_of(last.end.saturating_sub(1)) + 1 => {
                last.end = last.end.max(span.end);
            }
            _ => blocks.push(span),
        }
    }
    let mut definitions = blocks.into_iter().peekable();
    let definition = |span: std::ops::Range<usize>| Building {
        kind: UnitKind::Paragraph,
        number: None,
        level: 0,
        start: span.start,
        text: text[span].to_string(),
        plain: false,
        in_item: false,
        block: Block::Prose,
    };
    // Depths of the open list items, innermost last.
    let mut items: Vec<usize> = Vec::new();
    // The top-level block is a block quote.
    let mut quote = false;
    // A footnote marker just removed (`negotiations [^1], and`): the space before it goes
    // too when punctuation follows, so the text reads `negotiations, and`.
    let mut after_marker = false;
    for (event, range) in parser.into_offset_iter() {
        let range = range.start + base..range.end + base;
        let marker_before = std::mem::take(&mut after_marker);
        if depth == 0 {
            while let Some(span) = definitions.next_if(|span| span.start < range.start) {
                let end = span.end;
                finish(definition(span), end, &mut units, &mut sections, None);
            }
        }
        match event {
            Event::Start(tag) => {
                let top = depth == 0;
                depth += 1;
                if top {
                    quote = matches!(tag, Tag::BlockQuote(_));
                    let plain = matches!(tag, Tag::Paragraph);
                    let block = match tag {
                        Tag::CodeBlock(_) => Block::Code,
                        Tag::Table(_) => Block::Table,
                        _ => Block::Prose,
                    };
                    let label = match &tag {
                        Tag::FootnoteDefinition(label) => Some(label.to_string()),
                        _ => None,
                    };
                    let kind = match tag {
                        Tag::Heading { level, .. } => {
                            enumeration.open = None;
                            Some((UnitKind::Heading, level as u8))
                        }
                        Tag::List(start) => {
                            lists.push(start);
                            intro = last_paragraph;
                            enumeration.list(last_style.take(), last_paragraph);
                            None
                        }
                        Tag::DefinitionList => None,
                        Tag::FootnoteDefinition(_) => Some((UnitKind::Footnote, 0)),
                        _ => Some((UnitKind::Paragraph, 0)),
                    };
                    if let Some((kind, level)) = kind {
                        cur = Some(Building {
                            kind,
                            number: label,
                            level,
                            start: range.start,
                            text: String::new(),
                            plain,
                            in_item: false,
                            block,
                        });
                    }
                } else if matches!(tag, Tag::DefinitionListTitle) && depth == 2 {
                    // A term starts an entry; its definitions flow into it.
                    if let Some(b) = cur.take() {
                        finish(b, range.start, &mut units, &mut sections, None);
                    }
                    cur = Some(Building::new(UnitKind::ListItem, None, range.start));
                } else if !lists.is_empty() && matches!(tag, Tag::List(_)) {
                    // A nested list: its items are units of their own, as a reader counts
                    // them; the text of the item that holds it ends here.
                    if let Tag::List(start) = tag {
                        lists.push(start);
                    }
                } else if !lists.is_empty() && matches!(tag, Tag::Item) {
                    if let Some(b) = cur.take() {
                        finish(b, range.start, &mut units, &mut sections, intro);
                    }
                    let number = match lists.last_mut() {
                        Some(Some(n)) => {
                            let s = n.to_string();
                            *n += 1;
                            Some(s)
                        }
                        _ => None,
                    };
                    items.push(depth);
                    cur = Some(Building::new(UnitKind::ListItem, number, range.start));
                } else if matches!(tag, Tag::Paragraph)
                    && items.last().is_some_and(|&d| depth == d + 1)
                    && cur.as_ref().is_some_and(|b| !b.text.trim().is_empty())
                {
                    // A further paragraph of a list item (a law's `a)` under `1.`, a
                    // closing "festlegen,") is a unit of its own, as paragraphs are.
                    if let Some(b) = cur.take() {
                        finish(b, range.start, &mut units, &mut sections, intro);
                    }
                    let mut b = Building::new(UnitKind::Paragraph, None, range.start);
                    b.in_item = true;
                    cur = Some(b);
                } else if quote
                    && ((depth == 2 && !inline_start(&tag) && !matches!(tag, Tag::List(_)))
                        || (depth == 3 && matches!(tag, Tag::Item)))
                    && cur.as_ref().is_some_and(|b| !b.text.trim().is_empty())
                {
                    // Each paragraph of a block quote, and each item of a list in it, is a
                    // unit, as unquoted.
                    if let Some(b) = cur.take() {
                        // It ends on the line before the next one's (`>` prefixes aside).
                        let line_start = line_starts[line_of(range.start) - 1];
                        finish(b, line_start, &mut units, &mut sections, None);
                    }
                    let kind = if depth == 3 {
                        UnitKind::ListItem
                    } else {
                        UnitKind::Paragraph
                    };
                    cur = Some(Building::new(kind, None, range.start));
                } else if let Some(b) = cur.as_mut() {
                    // A block quote that opens with a bulleted list quotes a list item
                    // (`> - (a) the holder returns …`, an amending act quoting the points
                    // it inserts); a quoted `> 1.` is a numbered paragraph, as unquoted.
                    if matches!(tag, Tag::List(None))
                        && depth == 2
                        && b.kind == UnitKind::Paragraph
                        && b.text.trim().is_empty()
                        && text[b.start..].starts_with('>')
                    {
                        b.kind = UnitKind::ListItem;
                    }
                    // Nested blocks and table cells flow into the unit, word-separated;
                    // inline markup (`**Term**:`) adds nothing to the text.
                    if !inline_start(&tag) {
                        b.text.push(' ');
                    }
                } else if !lists.is_empty() {
                    // An item's text that goes on after its nested list: a paragraph of
                    // its own rather than lost.
                    cur = Some(Building::new(UnitKind::Paragraph, None, range.start));
                }
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    if matches!(tag, TagEnd::List(_)) {
                        lists.clear();
                        items.clear();
                        intro = None;
                        last_paragraph = None;
                    } else if let Some(mut b) = cur.take() {
                        // A kramdown block attribute list right under a block (`~~~` then
                        // `{: #fig-flow title="Protocol Flow"}`) belongs to that block.
                        if b.plain
                            && is_block_attributes(&text[b.start..range.end])
                            && let Some(last) = units.last_mut()
                            && last.end_line + 1 == line_of(b.start)
                        {
                            last.text.push(' ');
                            last.text.push_str(text[b.start..range.end].trim());
                            last.norm = normalize(&last.text);
                            last.end_line = line_of(range.end.saturating_sub(1).max(b.start));
                            continue;
                        }
                        let mut parent = None;
                        if b.plain {
                            (b.kind, parent) = enumeration.paragraph(&b.text, units.len());
                            last_style = marker_style(&b.text);
                            let one_line = !text[b.start..range.end].trim_end().contains('\n');
                            if b.kind == UnitKind::Paragraph
                                && one_line
                                && label_template(&b.text).is_some_and(|t| labels.contains(&t))
                            {
                                // A heading below all of Markdown's six levels.
                                (b.kind, b.level, parent) = (UnitKind::Heading, 7, None);
                                enumeration.open = None;
                            }
                        }
                        let paragraph = b.kind == UnitKind::Paragraph;
                        let id = finish(b, range.end, &mut units, &mut sections, parent);
                        last_paragraph = paragraph.then_some(id);
                    }
                } else if !lists.is_empty() && tag == TagEnd::Item {
                    items.pop();
                    if let Some(b) = cur.take() {
                        finish(b, range.end, &mut units, &mut sections, intro);
                    }
                } else if !lists.is_empty() && matches!(tag, TagEnd::List(_)) {
                    lists.pop();
                } else if let Some(b) = cur.as_mut()
                    && !inline_end(tag)
                {
                    b.text.push(' ');
                }
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                if let Some(b) = cur.as_mut() {
                    if marker_before && t.starts_with([',', '.', ';', ':', '!', '?', ')']) {
                        b.text.truncate(b.text.trim_end().len());
                    }
                    b.text.push_str(&t);
                }
            }
            Event::FootnoteReference(_) => after_marker = true,
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = cur.as_mut() {
                    b.text.push(' ');
                }
            }
            Event::Rule => artifacts.push(Artifact {
                kind: ArtifactKind::PageBreak,
                line: line_of(range.start),
                text: text[range].trim_end().to_string(),
            }),
            _ => {}
        }
    }
    for span in definitions {
        let end = span.end;
        finish(definition(span), end, &mut units, &mut sections, None);
    }
    (units, artifacts)
}

/// True when `block` is one kramdown block attribute list (`{: #id title="…"}`, `{:.class}`):
/// one line, not an extension (`{::boilerplate bcp14}`, which stands for text).
fn is_block_attributes(block: &str) -> bool {
    let line = block.trim();
    line.starts_with("{:")
        && !line.starts_with("{::")
        && line.ends_with('}')
        && !line.contains('\n')
}

/// True for the tags of inline markup (emphasis, links, images…), which sit inside a
/// line of text: their edges are not word boundaries (`**Term**: text`, `*un*done`).
fn inline_start(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

/// [`inline_start`] for the end of a tag.
fn inline_end(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_blocks_and_tables_are_not_prose() {
        // Lines of the SE-0306 actors pitch (align corpus, dev), and a table.
        let text = "Now, the call to this method (which now must be adorned with \
                    [`await`](https://example.org/await)) is well-formed:\n\n\
                    ```swift\nawait account.deposit(amount: amount)\n```\n\n    \
                    error: actor-isolated property 'balance' is unsafe\n\n\
                    | Tier | Target |\n| --- | --- |\n| 1 | x86_64 |\n";
        let (units, _) = segment(text);
        let blocks: Vec<Block> = units.iter().map(|u| u.block).collect();
        assert_eq!(
            blocks,
            [Block::Prose, Block::Code, Block::Code, Block::Table],
            "{units:#?}"
        );
        assert_eq!(units[1].text, "await account.deposit(amount: amount)");
    }

    #[test]
    fn label_templates_name_a_word_and_a_number() {
        assert_eq!(label_template("Article 1101").as_deref(), Some("article #"));
        assert_eq!(
            label_template("Article L111-1 bis").as_deref(),
            Some("article #")
        );
        assert_eq!(label_template("§ 232a").as_deref(), Some("§ #"));
        assert_eq!(label_template("Chapitre IV").as_deref(), Some("chapitre #"));
        // A sentence, a title with words after its number, a bare number: no labels.
        assert_eq!(label_template("See 3."), None);
        assert_eq!(label_template("Chapter 3 Overview"), None);
        assert_eq!(label_template("Tier 2 target policy"), None);
        assert_eq!(label_template("1101"), None);
    }

    #[test]
    fn a_sequence_of_lone_article_labels_heads_the_articles() {
        // Code civil as Legalize-FR stores its versions before 2020 (`Article N` lines
        // without `#` marks).
        let text = "Article 1101\n\nLe contrat est une convention.\n\nArticle 1102\n\n\
                    Le contrat est synallagmatique.\n\nArticle 1103\n\nIl est unilatéral.\n";
        let (units, _) = segment(text);
        let kinds: Vec<UnitKind> = units.iter().map(|u| u.kind).collect();
        use UnitKind::{Heading, Paragraph};
        assert_eq!(
            kinds,
            [Heading, Paragraph, Heading, Paragraph, Heading, Paragraph]
        );
        assert_eq!(units[3].section, Some(2));
        // Two labels are no sequence; page numbers the text runs on across are no
        // headings.
        let (units, _) = segment("Article 1\n\nText.\n\nArticle 2\n\nText.\n");
        assert!(units.iter().all(|u| u.kind == Paragraph));
        let text = "The budget\n\npág. 1\n\nfor the year.\n\npág. 2\n\nOther.\n\npág. 3\n\nEnd.\n";
        let (units, _) = segment(text);
        assert!(units.iter().all(|u| u.kind == Paragraph), "{units:#?}");
    }

    #[test]
    fn markdown_is_detected_by_name_or_syntax() {
        assert!(is_markdown("README.md", "plain"));
        assert!(is_markdown("x.txt", "# Title\n\nText.\n\n```\ncode\n```\n"));
        assert!(!is_markdown("x.txt", "# Not much\n\nText.\n"));
    }

    #[test]
    fn inline_markup_adds_no_space() {
        // Contributor Covenant 2.0: `**Community Impact**: Use of …` read as
        // "Community Impact : Use of …" when every tag's edge was taken for a word break.
        let text = "**Community Impact**: Use of *inappropriate* language, [see](x).\n\n\
                    Old *un*done ![a figure](f.png)!\n";
        let (units, _) = segment(text);
        let texts: Vec<_> = units.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Community Impact: Use of inappropriate language, see.",
                "Old undone a figure!"
            ]
        );
    }

    #[test]
    fn blocks_become_units() {
        let text = "Title\n=====\n\nIntro:\n\n1. first\n   item\n2. second\n\n> quoted\n> text\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n\n## Sub\n\n```\nfn main() {}\n```\n";
        let (units, artifacts) = segment(text);
        let got: Vec<(&str, Option<&str>, &str, usize)> = units
            .iter()
            .map(|u| {
                (
                    u.kind.as_str(),
                    u.number.as_deref(),
                    u.text.as_str(),
                    u.line,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("heading", None, "Title", 1),
                ("paragraph", None, "Intro:", 4),
                ("list_item", Some("1"), "first item", 6),
                ("list_item", Some("2"), "second", 8),
                ("paragraph", None, "quoted text", 10),
                ("paragraph", None, "a b 1 2", 13),
                ("heading", None, "Sub", 19),
                ("paragraph", None, "fn main() {}", 21),
            ]
        );
        assert_eq!(units[2].parent, Some(1));
        assert_eq!(units[7].section, Some(6));
        assert_eq!(artifacts.len(), 1);
    }

    /// Kind, text and first line of each unit of `text`.
    fn shape(text: &str) -> Vec<(&'static str, String, usize)> {
        segment(text)
            .0
            .into_iter()
            .map(|u| (u.kind.as_str(), u.text, u.line))
            .collect()
    }

    #[test]
    fn front_matter_is_one_unit_even_with_blank_lines_and_yaml_lists() {
        // As kramdown-rfc writes an internet-draft: blank lines inside, an `author:` over
        // a YAML `-` (a setext underline to CommonMark), closed by `--- abstract`.
        let text = "---\ntitle: \"Oblivious HTTP\"\ncategory: std\n\nauthor:\n  -\n    ins: M. Thomson\n\n--- abstract\n\nThis document describes a system.\n";
        assert_eq!(
            shape(text),
            [
                (
                    "paragraph",
                    "title: \"Oblivious HTTP\" category: std author: - ins: M. Thomson".into(),
                    2
                ),
                ("paragraph", "This document describes a system.".into(), 11),
            ]
        );
        // Jekyll's and pandoc's closings, with a byte-order mark before the block.
        for close in ["---", "..."] {
            let text = format!("\u{feff}---\nlayout: default\n{close}\n\n# Title\n");
            assert_eq!(
                shape(&text),
                [
                    ("paragraph", "layout: default".into(), 2),
                    ("heading", "Title".into(), 5),
                ]
            );
        }
    }

    #[test]
    fn dashes_that_open_no_front_matter_stay_commonmark() {
        // A thematic break with a blank line under it, and one further down the text.
        assert_eq!(shape("---\n\nText.\n"), [("paragraph", "Text.".into(), 3)]);
        assert_eq!(
            shape("Intro.\n\n---\nkey: value\n---\n"),
            [
                ("paragraph", "Intro.".into(), 1),
                ("heading", "key: value".into(), 4),
            ]
        );
        // No closing line: not a metadata block.
        assert_eq!(
            shape("---\nJust text.\n"),
            [("paragraph", "Just text.".into(), 2)]
        );
    }

    #[test]
    fn a_block_attribute_list_belongs_to_the_block_above_it() {
        // As kramdown-rfc writes a figure's anchor and title (ietf-oauth-rfc6749-v2-1-15).
        let text = "Flow:\n\n~~~\nA -> B\n~~~\n{: #fig-flow title=\"Flow\"}\n\n{::boilerplate bcp14}\n\n{: #apart}\n";
        let (units, _) = segment(text);
        let shape: Vec<(usize, usize, &str)> = units
            .iter()
            .map(|u| (u.line, u.end_line, u.text.as_str()))
            .collect();
        assert_eq!(
            shape,
            [
                (1, 1, "Flow:"),
                (3, 6, "A -> B {: #fig-flow title=\"Flow\"}"),
                (8, 8, "{::boilerplate bcp14}"),
                (10, 10, "{: #apart}"),
            ]
        );
    }

    #[test]
    fn a_removed_footnote_marker_leaves_no_space_before_punctuation() {
        let text =
            "The negotiations [^1], and the rest [^2] go on.\n\n[^1]: A note.\n\n[^2]: Another.\n";
        let texts: Vec<String> = shape(text).into_iter().map(|(_, t, _)| t).collect();
        assert_eq!(
            texts,
            [
                "The negotiations, and the rest go on.",
                "A note.",
                "Another."
            ]
        );
    }

    #[test]
    fn heading_attributes_are_not_heading_text() {
        let text = "# Loss Detection {#loss-detection}\n\n## Time Threshold {#time-threshold .unnumbered}\n";
        assert_eq!(
            shape(text),
            [
                ("heading", "Loss Detection".into(), 1),
                ("heading", "Time Threshold".into(), 3),
            ]
        );
    }

    #[test]
    fn nested_list_items_are_units_of_their_own() {
        let text = "Intro:\n\n* outer\n    * inner one\n        * innermost\n    * inner two\n\n  after the nested list\n* next\n";
        let (units, _) = segment(text);
        let got: Vec<(&str, &str, usize)> = units
            .iter()
            .map(|u| (u.kind.as_str(), u.text.as_str(), u.line))
            .collect();
        assert_eq!(
            got,
            [
                ("paragraph", "Intro:", 1),
                ("list_item", "outer", 3),
                ("list_item", "inner one", 4),
                ("list_item", "innermost", 5),
                ("list_item", "inner two", 6),
                ("paragraph", "after the nested list", 8),
                ("list_item", "next", 9),
            ]
        );
        assert!(units[1..].iter().all(|u| u.parent == Some(0)));
    }

    #[test]
    fn link_definitions_and_further_item_paragraphs_are_kept_as_units() {
        let text = "Intro\n\n1.  Anforderungen\n\n    a)  hinsichtlich\n\n    festlegen,\n\n[core team]: https://example.org/team\n[PEP]: https://example.org/pep\n";
        let (units, _) = segment(text);
        let got: Vec<(&str, &str, usize)> = units
            .iter()
            .map(|u| (u.kind.as_str(), u.text.as_str(), u.line))
            .collect();
        assert_eq!(
            got,
            [
                ("paragraph", "Intro", 1),
                ("list_item", "Anforderungen", 3),
                ("list_item", "a) hinsichtlich", 5),
                ("paragraph", "festlegen,", 7),
                (
                    "paragraph",
                    "[core team]: https://example.org/team [PEP]: https://example.org/pep",
                    9
                ),
            ]
        );
    }

    #[test]
    fn items_numbered_in_paragraphs_follow_an_introduction() {
        let text = "Les créanciers sont :\n\n1° Le vendeur ;\n\nS'il y a plusieurs ventes,\nle premier est préféré ;\n\n1° bis Le syndicat ;\n\n## § 2\n\n(1) Wer ein Tier hält,\n\n1.  muss es ernähren,\n\n(2) Das Ministerium wird ermächtigt.\n\nFundstelle\n:   BGBl I: 1972, 1277\n";
        let (units, _) = segment(text);
        let got: Vec<(&str, usize)> = units.iter().map(|u| (u.kind.as_str(), u.line)).collect();
        assert_eq!(
            got,
            [
                ("paragraph", 1),
                ("list_item", 3),
                ("paragraph", 5),
                ("list_item", 8),
                ("heading", 10),
                ("paragraph", 12),
                ("list_item", 14),
                ("paragraph", 16),
                ("list_item", 18),
            ]
        );
        assert_eq!(units[8].text, "Fundstelle BGBl I: 1972, 1277");
        // Items numbered in paragraphs belong to the paragraph that introduced them.
        let parents: Vec<Option<UnitId>> = units.iter().map(|u| u.parent).collect();
        assert_eq!(parents[1], Some(0));
        assert_eq!(parents[3], Some(0));
        assert_eq!(parents[6], Some(5));
    }

    #[test]
    fn each_paragraph_and_item_of_a_block_quote_is_a_unit() {
        let text = "Intro.\n\n> First quoted\n> paragraph.\n>\n> Second one.\n\n\
                    > [note]\n> It says:\n> * one\n>   more\n> * two\n>\n> Closing.\n\n\
                    > - (a) an inserted point\n> - (b) and another\n";
        assert_eq!(
            shape(text),
            [
                ("paragraph", "Intro.".to_string(), 1),
                ("paragraph", "First quoted paragraph.".to_string(), 3),
                ("paragraph", "Second one.".to_string(), 6),
                ("paragraph", "[note] It says:".to_string(), 8),
                ("list_item", "one more".to_string(), 10),
                ("list_item", "two".to_string(), 12),
                ("paragraph", "Closing.".to_string(), 14),
                ("list_item", "(a) an inserted point".to_string(), 16),
                ("list_item", "(b) and another".to_string(), 17),
            ]
        );
    }

    #[test]
    fn a_container_is_one_unit_where_it_opens_and_no_definition() {
        // VitePress, markdown-it-container, Docusaurus: a box with its title.
        let text = "Intro paragraph.\n\n:::tip Import maps\nA newer browser feature.\n:::\n\n\
                    :::warning[Production]\nUse the production build.\n:::\n\n\
                    ::: {.note}\nA Pandoc div.\n:::\n\nLast.\n";
        assert_eq!(
            shape(text),
            [
                ("paragraph", "Intro paragraph.".to_string(), 1),
                (
                    "paragraph",
                    "Import maps A newer browser feature.".to_string(),
                    3
                ),
                (
                    "paragraph",
                    "Production Use the production build.".to_string(),
                    7
                ),
                ("paragraph", "A Pandoc div.".to_string(), 12),
                ("paragraph", "Last.".to_string(), 15),
            ]
        );
        // Inside a code fence, or with no fence to close it, colons are text.
        let code = "Intro.\n\n```\n:::tip Not a box\n:::\n```\n";
        assert_eq!(clear_container_fences(code), code);
        let open = "Term\n\n:::tip never closed\n";
        assert_eq!(clear_container_fences(open), open);
    }

    #[test]
    fn restructured_text_is_told_by_its_directives_and_literal_blocks() {
        assert!(is_restructured_text(
            "Title\n=====\n\n.. code-block:: python\n\n   # Correct:\n   x = 1\n"
        ));
        let two_literals = "Yes::\n\n    import os\n\nNo::\n\n    import sys, os\n";
        assert!(is_restructured_text(two_literals));
        // One `::` alone could be prose or code; inside a fence it is the fence's.
        assert!(!is_restructured_text("Yes::\n\n    import os\n"));
        assert!(!is_restructured_text(
            "# Setup\n\n```rst\n.. note::\n\n   Read this.\n```\n"
        ));
        // A Markdown title and a comment line that looks like one: Markdown without the
        // directive, reStructuredText with it.
        let page = "Layout\n======\n\n   # Correct:\n";
        assert!(is_markdown("a.rst", page));
        assert!(!is_markdown(
            "a.rst",
            &format!("{page}\n.. note:: Mind the tabs.\n")
        ));
        assert!(is_markdown(
            "a.md",
            &format!("{page}\n.. note:: Mind the tabs.\n")
        ));
    }

    #[test]
    fn marker_styles() {
        for (text, style) in [
            ("1° Le vendeur", Some("N°")),
            ("1a. bestimmte", Some("N.")),
            ("(1a) Das", Some("(N)")),
            ("b) Le troisième", Some("a)")),
            ("(iv) the", Some("(a)")),
            ("Le vendeur", None),
            ("2015 was", None),
        ] {
            assert_eq!(marker_style(text).as_deref(), style, "{text}");
        }
    }
}
