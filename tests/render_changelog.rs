//! The Markdown changelog (`draftdiff changelog`), as a secretariat sends it: snapshots of
//! the reference pair, and the same changelog rendered by pandoc (as GitHub-flavoured
//! Markdown) and checked from the HTML: the correspondence table lists every new unit with
//! its sources, the removed table every removed unit, and every link of the table of
//! contents lands on an anchor.
//!
//! Where pandoc is missing the pandoc test prints SKIPPED on standard error; with
//! `CI=true` it fails instead (`.ci/run` installs pandoc). The rendered page goes to
//! `target/tmp/changelog/reference.html` (not committed).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "support/git.rs"]
mod support_git;
use support_git::{commit, git};

use assert_cmd::cargo::CommandCargoExt;
use draftdiff::diff::{DiffOptions, report};
use draftdiff::model::{Report, UnitKind};
use draftdiff::render::{self, ChangelogOptions, Marks};
use draftdiff::{AlignOptions, ReadOptions, SegmentOptions};

const OLD: &str = "examples/data/outline-draft.txt";
const NEW: &str = "examples/data/final-report.txt";

fn build(old: &str, new: &str) -> Report {
    let old = draftdiff::load(old, &ReadOptions::new(), &SegmentOptions::new()).expect("old loads");
    let new = draftdiff::load(new, &ReadOptions::new(), &SegmentOptions::new()).expect("new loads");
    let alignment = draftdiff::align(&old, &new, &AlignOptions::new());
    report(old, new, alignment, &DiffOptions::new())
}

fn changelog(report: &Report, options: &ChangelogOptions) -> String {
    let mut out = Vec::new();
    render::changelog(report, options, &mut out).expect("renders");
    String::from_utf8(out).expect("utf-8")
}

/// Runs the binary with `args`; returns its exit status, standard output and error.
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("draftdiff")
        .expect("binary built")
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

#[test]
fn reference_changelog_snapshot() {
    let r = build(OLD, NEW);
    insta::assert_snapshot!("reference", changelog(&r, &ChangelogOptions::new()));
}

#[test]
fn reference_changelog_full_snapshot() {
    let r = build(OLD, NEW);
    let options = ChangelogOptions::new()
        .labels("Outline (draft)", "Final report")
        .dates("2018-10", "2019-07")
        .full(true);
    insta::assert_snapshot!("reference_full", changelog(&r, &options));
}

#[test]
fn quotes_are_faithful() {
    // Issue 13: quotes once turned "…" into '…' and dropped the final stop.
    let dir = tempfile::tempdir().expect("temp dir");
    let old = dir.path().join("old.txt");
    let new = dir.path().join("new.txt");
    std::fs::write(&old, "1. The committee met.\n").expect("old");
    std::fs::write(
        &new,
        "1. The committee met.\n\n2. It said \"yes\" and “no” to the plan.\n",
    )
    .expect("new");
    let (code, out, err) = run(&[
        "changelog",
        old.to_str().expect("path"),
        new.to_str().expect("path"),
    ]);
    assert!(code == Some(0) || code == Some(1), "{err}");
    assert!(
        out.contains("“It said \"yes\" and “no” to the plan.”"),
        "{out}"
    );
}

#[test]
fn footnotes_are_listed_where_they_are_cited() {
    let r = build(OLD, NEW);
    let text = changelog(&r, &ChangelogOptions::new().full(true));
    let mut checked = 0;
    for unit in r.new.units.iter().filter(|u| u.kind == UnitKind::Footnote) {
        let Some(parent) = unit.parent else { continue };
        let section = r
            .new
            .unit(parent)
            .section
            .expect("the citing unit has a section");
        let start = text
            .find(&format!("<a id=\"sec-{section}\">"))
            .expect("section anchor");
        let end = text[start + 1..]
            .find("\n## ")
            .map_or(text.len(), |e| start + 1 + e);
        let label = format!("**{}** (", r.new.label(unit.id));
        assert!(
            text[start..end].contains(&label),
            "{label} not in the section of its citing unit {}",
            r.new.label(parent)
        );
        checked += 1;
    }
    // The reference pair's final report cites its footnotes 1, 2 and 3 in the text.
    assert!(checked >= 3, "only {checked} footnotes with a citing unit");
}

#[test]
fn full_text_marks_every_change_and_html_marks_too() {
    let r = build(OLD, NEW);
    let md = changelog(&r, &ChangelogOptions::new().full(true));
    assert!(md.contains("~~") && md.contains("**"), "markdown marks");
    let html = changelog(&r, &ChangelogOptions::new().full(true).marks(Marks::Html));
    assert!(
        html.contains("<del>") && html.contains("<ins>"),
        "html marks"
    );
    assert!(!html.contains("~~"), "no markdown strike with --marks html");
}

#[test]
fn the_command_takes_dates_full_and_marks() {
    let args = [
        "changelog",
        OLD,
        NEW,
        "--full",
        "--marks",
        "html",
        "--date",
        "October 2018",
        "--date",
        "July 2019",
    ];
    let (code, out, err) = run(&args);
    assert!(code == Some(0) || code == Some(1), "{err}");
    assert!(out.contains("| Old | `examples/data/outline-draft.txt` | October 2018 | 45 |"));
    assert!(out.contains("<ins>"));
    assert_eq!(out, run(&args).1, "same inputs, same bytes");
    // One date is ambiguous: which version is it? A clear error, status 2.
    let (code, out, err) = run(&["changelog", OLD, NEW, "--date", "2019"]);
    assert_eq!(code, Some(2), "{out}{err}");
    assert!(err.contains("--date"), "{err}");
}

fn pandoc_present() -> bool {
    Command::new("pandoc")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("changelog");
    std::fs::create_dir_all(&dir).expect("output directory");
    dir
}

/// The text of an HTML fragment: tags dropped, the few entities pandoc writes decoded.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .trim()
        .to_string()
}

/// The body rows of the first table after `anchor`, each as its cells' texts.
fn table_after(html: &str, anchor: &str) -> Vec<Vec<String>> {
    let at = html
        .find(&format!("id=\"{anchor}\""))
        .unwrap_or_else(|| panic!("no anchor {anchor}"));
    let start = at + html[at..].find("<tbody>").expect("a table body");
    let end = start
        + html[start..]
            .find("</tbody>")
            .expect("end of the table body");
    rows_of(&html[start..end])
}

/// The rows of a table body, each as its cells' texts.
fn rows_of(body: &str) -> Vec<Vec<String>> {
    body.split("<tr")
        .skip(1)
        .map(|row| {
            row.split("<td")
                .skip(1)
                .map(|cell| {
                    let cell = &cell[cell.find('>').expect("cell tag") + 1..];
                    text_of(&cell[..cell.find("</td>").expect("end of cell")])
                })
                .collect()
        })
        .collect()
}

#[test]
fn pandoc_renders_the_reference_changelog_with_every_unit_and_working_anchors() {
    if !pandoc_present() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "pandoc is missing, and CI must run this test (.ci/run installs it)"
        );
        eprintln!("SKIPPED: changelog pandoc test: pandoc is not installed");
        return;
    }
    let dir = out_dir();
    let md = dir.join("reference.md");
    let html_path = dir.join("reference.html");
    let (code, out, err) = run(&[
        "changelog",
        OLD,
        NEW,
        "--full",
        "-o",
        md.to_str().expect("path"),
    ]);
    assert!(code == Some(0) || code == Some(1), "{out}{err}");
    let status = Command::new("pandoc")
        .args(["--from", "gfm", "--to", "html5", "--standalone"])
        .args([
            "--metadata",
            "title=Changes to the study on technical assistance",
        ])
        .arg("-o")
        .arg(&html_path)
        .arg(&md)
        .status()
        .expect("pandoc runs");
    assert!(status.success(), "pandoc failed on {}", md.display());
    let html = std::fs::read_to_string(&html_path).expect("pandoc's page");

    let r = build(OLD, NEW);
    let link_of_new = r.link_of_new();
    // Every new unit, in order, with its sources.
    let rows = table_after(&html, "correspondence");
    assert_eq!(rows.len(), r.new.units.len(), "one row per new unit");
    assert_eq!(
        rows.len(),
        146,
        "the reference pair's final report has 146 units"
    );
    for (unit, cells) in r.new.units.iter().zip(&rows) {
        assert_eq!(cells.len(), 4, "{cells:?}");
        assert!(
            cells[0].starts_with(&r.new.label(unit.id)),
            "row {} is {cells:?}",
            unit.id
        );
        match link_of_new[unit.id] {
            None => assert_eq!((cells[1].as_str(), cells[2].as_str()), ("—", "new")),
            Some(link) => {
                let sources: Vec<&str> = cells[1].split(" + ").collect();
                let old = &r.alignment.links[link].old;
                assert_eq!(sources.len(), old.len(), "{cells:?}");
                for (&o, source) in old.iter().zip(&sources) {
                    assert!(source.starts_with(&r.old.label(o)), "{cells:?}");
                }
            }
        }
    }
    // Every removed old unit.
    let removed = table_after(&html, "removed");
    assert_eq!(removed.len(), r.alignment.removed.len());
    for (&o, cells) in r.alignment.removed.iter().zip(&removed) {
        assert!(cells[0].starts_with(&r.old.label(o)), "{cells:?}");
    }
    // Every in-page link lands on an id, and the table of contents has one per section.
    let all_ids: Vec<&str> = html
        .split(" id=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    let ids: HashSet<&str> = all_ids.iter().copied().collect();
    assert_eq!(ids.len(), all_ids.len(), "an id used twice");
    let hrefs: Vec<&str> = html
        .split("href=\"#")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    let headings = r
        .new
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::Heading)
        .count();
    assert!(hrefs.len() >= headings + 2, "{} links", hrefs.len());
    for href in &hrefs {
        assert!(ids.contains(href), "#{href} lands nowhere");
    }
    // The marks became markup: no Markdown left showing.
    let body = &html[html.find("<body").expect("body")..];
    assert!(body.contains("<del>") && body.contains("<strong>"));
    assert!(!text_of(body).contains("~~"), "a strike mark left as text");
    assert!(!text_of(body).contains("**"), "a bold mark left as text");
    assert!(!body.contains("<p>|"), "a table pandoc did not read");
}

/// `git -C dir log -1 --format=FORMAT REV`, trimmed.
fn git_show(dir: &Path, format: &str, rev: &str) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["log", "-1", &format!("--format={format}"), rev])
        .output()
        .expect("git runs");
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .trim()
        .to_string()
}

/// The rows of the changelog's versions table, as pandoc renders them: each row's cells.
fn pandoc_versions_table(markdown: &str) -> Option<Vec<Vec<String>>> {
    if !pandoc_present() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "pandoc is missing, and CI must run this test (.ci/run installs it)"
        );
        eprintln!("SKIPPED: changelog --git pandoc check: pandoc is not installed");
        return None;
    }
    let mut child = Command::new("pandoc")
        .args(["--from", "gfm", "--to", "html5"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("pandoc runs");
    use std::io::Write as _;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(markdown.as_bytes())
        .expect("pandoc reads");
    let out = child.wait_with_output().expect("pandoc ends");
    assert!(out.status.success(), "pandoc failed");
    let html = String::from_utf8(out.stdout).expect("utf-8");
    // The versions table comes right after the title, before any anchor.
    let start = html.find("<tbody>").expect("a table body");
    let end = start + html[start..].find("</tbody>").expect("end of the table");
    let rows = rows_of(&html[start..end]);
    Some(rows)
}

#[test]
fn changelog_takes_its_versions_labels_and_dates_from_git() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    git(dir, &["init", "-q"]);
    commit(
        dir,
        "draft.txt",
        "1. The scope of the study.\n\n2. A paragraph to be cut.\n",
        "First draft",
    );
    commit(dir, "other.txt", "unrelated\n", "Unrelated file");
    commit(
        dir,
        "draft.txt",
        "1. The scope of the whole study.\n",
        "Cut the second paragraph",
    );
    let path = dir.join("draft.txt");
    let path = path.to_str().expect("path");
    let row = |rev: &str, units: usize| {
        let label = format!("{} {}", git_show(dir, "%h", rev), git_show(dir, "%s", rev));
        let day = git_show(dir, "%as", rev);
        format!("| `{label}` | {day} | {units} |")
    };
    let (old_row, new_row) = (row("HEAD~2", 2), row("HEAD", 1));

    // REV1 REV2 FILE and REV1..REV2 FILE: exactly those two commits, labelled and dated
    // by them, with no --label or --date.
    let (code, pair, err) = run(&["changelog", "--git", "HEAD~2", "HEAD", path]);
    assert_eq!(code, Some(0), "{err}");
    assert!(pair.contains("| Version | Name | Date | Units |"), "{pair}");
    assert!(pair.contains(&format!("| Old {old_row}")), "{pair}");
    assert!(pair.contains(&format!("| New {new_row}")), "{pair}");
    assert_eq!(run(&["changelog", "--git", "HEAD~2..HEAD", path]).1, pair);
    // FILE on a clean tree: the last commit against the working tree, which has no date.
    let (_, files, _) = run(&["changelog", "--git", "HEAD", path]);
    assert!(
        files.contains("| New | `not committed yet` | — | 1 |"),
        "{files}"
    );

    // REV FILE and FILE: against the working tree, which has no commit and no date.
    std::fs::write(
        dir.join("draft.txt"),
        "1. The scope of the study, revised.\n",
    )
    .expect("write");
    let (code, tree, err) = run(&["changelog", "--git", "HEAD~2", path]);
    assert_eq!(code, Some(0), "{err}");
    assert!(tree.contains(&format!("| Old {old_row}")), "{tree}");
    assert!(
        tree.contains("| New | `not committed yet` | — | 1 |"),
        "{tree}"
    );
    let (_, last, _) = run(&["changelog", "--git", path]);
    assert!(last.contains(&format!("| Old {new_row}")), "{last}");
    assert!(
        last.contains("| New | `not committed yet` | — | 1 |"),
        "{last}"
    );

    // --label and --date given by hand win over git's.
    let (code, named, err) = run(&[
        "changelog",
        "--git",
        "HEAD~2",
        "HEAD",
        path,
        "--label",
        "Zero draft",
        "--label",
        "Rev. 1",
        "--date",
        "May 2019",
        "--date",
        "June 2019",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        named.starts_with("# Changes from `Zero draft` to `Rev. 1`"),
        "{named}"
    );
    assert!(
        named.contains("| Old | `Zero draft` | May 2019 | 2 |"),
        "{named}"
    );
    assert!(
        named.contains("| New | `Rev. 1` | June 2019 | 1 |"),
        "{named}"
    );

    // Bad revisions are errors naming the file, status 2; files and --git do not mix.
    let (code, _, err) = run(&["changelog", "--git", "nope", "HEAD", path]);
    assert_eq!(code, Some(2));
    assert!(err.contains("draft.txt"), "{err}");
    let (code, _, _) = run(&["changelog", OLD, NEW, "--git", path]);
    assert_eq!(code, Some(2));

    // Rendered by pandoc, the versions table reads as it should.
    if let Some(rows) = pandoc_versions_table(&pair) {
        let cells = |which: &str, rev: &str, units: &str| {
            vec![
                which.to_string(),
                format!("{} {}", git_show(dir, "%h", rev), git_show(dir, "%s", rev)),
                git_show(dir, "%as", rev),
                units.to_string(),
            ]
        };
        assert_eq!(
            rows,
            [cells("Old", "HEAD~2", "2"), cells("New", "HEAD", "1")]
        );
    }
}
