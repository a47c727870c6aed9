//! The report's layout options through the binary: `--width`, `--side-by-side`, `--stat`,
//! `--only`, and the word-comparison flags.

use assert_cmd::Command;

const OLD: &str = "examples/data/outline-draft.txt";
const NEW: &str = "examples/data/final-report.txt";

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("draftdiff")
        .expect("binary built")
        .env_remove("CLICOLOR_FORCE")
        .args([OLD, NEW])
        .args(args)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Lines wider than `width` that could have been wrapped (they hold a space).
fn too_wide(text: &str, width: usize) -> Vec<&str> {
    text.lines()
        .filter(|l| l.chars().count() > width && l.trim().contains(' '))
        .collect()
}

#[test]
fn width_is_obeyed_in_both_layouts() {
    for width in ["60", "80", "132"] {
        let w: usize = width.parse().expect("number");
        let plain = run(&["--width", width]);
        assert!(too_wide(&plain, w).is_empty(), "{:?}", too_wide(&plain, w));
        let sbs = run(&["--width", width, "--side-by-side"]);
        assert!(sbs.contains(" │ "));
        assert!(too_wide(&sbs, w).len() <= 2, "{:?}", too_wide(&sbs, w));
    }
}

#[test]
fn stat_is_the_summary_alone() {
    let out = run(&["--stat"]);
    assert!(out.lines().count() <= 8, "{out}");
    assert!(out.contains("carried over"));
    assert!(!out.contains('←'));
}

#[test]
fn only_keeps_the_named_entries() {
    let added = run(&["--only", "added"]);
    assert!(added.contains("(new)"));
    assert!(!added.contains(" ← "));
    assert!(!added.contains("(removed)"));
    let both = run(&["--only", "removed,moved"]);
    assert!(!both.contains("(new)"));
    for line in both
        .lines()
        .filter(|l| l.contains(" ← ") && !l.starts_with(' '))
    {
        assert!(line.contains("moved"), "{line}");
    }
}

#[test]
fn comparison_flags_change_what_counts() {
    let json = |args: &[&str]| -> serde_json::Value {
        let mut all = vec!["--format", "json"];
        all.extend_from_slice(args);
        serde_json::from_str(&run(&all)).expect("valid JSON")
    };
    let kept = |v: &serde_json::Value| v["summary"]["kept_words"].as_u64().expect("number");
    let base = json(&[]);
    let folded = json(&["--ignore-case", "--ignore-quotes", "--ignore-punctuation"]);
    assert!(
        kept(&folded) >= kept(&base),
        "{} < {}",
        kept(&folded),
        kept(&base)
    );
    assert!(
        kept(&folded) > kept(&base),
        "case and quotes differ somewhere in the pair"
    );
}

// --- the command line itself (issue 13) ---------------------------------------------------

/// The binary with no colour forced and no pager.
fn bare() -> Command {
    let mut cmd = Command::cargo_bin("draftdiff").expect("binary built");
    cmd.env_remove("CLICOLOR_FORCE")
        .env_remove("NO_COLOR")
        .env("DRAFTDIFF_PAGER", "");
    cmd
}

/// Status, standard output and standard error of `draftdiff args`.
fn outcome(args: &[&str]) -> (Option<i32>, String, String) {
    let out = bare().args(args).output().expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Regression: the usage line read `draftdiff [OPTIONS] [OLD] [NEW] <COMMAND>`.
#[test]
fn the_usage_line_reads_right() {
    let (code, help, _) = outcome(&["--help"]);
    assert_eq!(code, Some(0));
    assert!(
        help.contains(
            "Usage: draftdiff [OPTIONS] OLD NEW\n       draftdiff [OPTIONS] <COMMAND> [ARGS]..."
        ),
        "{help}"
    );
    assert!(!help.contains("[OLD] [NEW] <COMMAND>"), "{help}");
    // Two versions, or a command: neither is an error that shows the usage.
    let (code, _, err) = outcome(&[]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("two versions are needed") && err.contains("Usage:"),
        "{err}"
    );
}

/// Regression: `draftdiff A B segment FILE` silently ignored A and B.
#[test]
fn versions_before_a_command_are_an_error() {
    let (code, out, err) = outcome(&[OLD, NEW, "segment", OLD]);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.is_empty());
    assert!(
        err.contains("`draftdiff segment` does not take OLD, NEW"),
        "{err}"
    );
    let (code, _, err) = outcome(&["--stat", "log", OLD, NEW]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--stat"), "{err}");
}

/// Regression: a mistyped command was taken for a file name, with no "did you mean".
#[test]
fn a_mistyped_command_gets_did_you_mean() {
    for (typo, command) in [
        ("segmnet", "segment"),
        ("blam", "blame"),
        ("chnagelog", "changelog"),
    ] {
        for args in [vec![typo, OLD], vec![typo]] {
            let (code, _, err) = outcome(&args);
            assert_eq!(code, Some(2), "{args:?}");
            assert!(
                err.contains(&format!(
                    "there is no file or command `{typo}`; did you mean `draftdiff {command}`?"
                )),
                "{err}"
            );
        }
    }
    // A missing file that looks like no command is reported as a missing file.
    let (code, _, err) = outcome(&["no-such-draft.txt", NEW]);
    assert_eq!(code, Some(2));
    assert!(
        !err.contains("did you mean") && err.contains("no-such-draft.txt"),
        "{err}"
    );
    // A file that is there is read, whatever its name.
    let dir = tempfile::tempdir().expect("temp dir");
    let segmnet = dir.path().join("segmnet");
    std::fs::copy(OLD, &segmnet).expect("copy");
    let out = bare()
        .current_dir(dir.path())
        .arg("segmnet")
        .arg(std::fs::canonicalize(NEW).expect("path"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

/// Regression: `changelog` and `segment` took `--color` and `--width` and ignored them, and
/// `--format json --stat` ignored `--stat`, all without a word.
#[test]
fn options_that_have_no_effect_are_named() {
    for (args, warning) in [
        (
            vec!["changelog", OLD, NEW, "--color", "always"],
            "--color has no effect on `draftdiff changelog`",
        ),
        (
            vec!["changelog", OLD, NEW, "--width", "60"],
            "--width has no effect on `draftdiff changelog`",
        ),
        (
            vec!["segment", OLD, "--width", "60"],
            "--width has no effect on `draftdiff segment`",
        ),
        (
            vec!["--color", "always", "segment", OLD],
            "--color has no effect on `draftdiff segment`",
        ),
        (
            vec![OLD, NEW, "--format", "json", "--stat"],
            "--stat has no effect on --format json",
        ),
        (
            vec![OLD, NEW, "--format", "markdown", "--width", "60"],
            "--width has no effect on --format markdown",
        ),
        (
            vec![OLD, NEW, "--format", "html", "--only", "added"],
            "--only has no effect on --format html",
        ),
        (
            vec![OLD, NEW, "--side-by-side", "--format", "json"],
            "--side-by-side has no effect on --format json",
        ),
        (
            vec![OLD, NEW, "--author", "Me"],
            "--author has no effect on `draftdiff OLD NEW`",
        ),
        (
            vec!["blame", OLD, NEW, "--format", "json", "--color", "always"],
            "--color has no effect on `draftdiff blame` --format other than text",
        ),
        (
            vec!["log", OLD, NEW, "--label", "a"],
            "--label has no effect on `draftdiff log`",
        ),
        (
            vec!["segment", OLD, "--old-encoding", "utf-8"],
            "--old-encoding has no effect on `draftdiff segment`",
        ),
        (
            vec!["completions", "bash", "--encoding", "utf-8"],
            "--encoding has no effect on `draftdiff completions`",
        ),
    ] {
        let (code, _, err) = outcome(&args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert!(
            err.contains(&format!("draftdiff: warning: {warning}; ignored")),
            "{args:?}: {err}"
        );
    }
    // Where every option acts, not a word.
    for args in [
        vec![OLD, NEW, "--color", "always", "--width", "60", "--stat"],
        vec![OLD, NEW, "--format", "json", "--label", "a", "--label", "b"],
        vec!["changelog", OLD, NEW, "--old-encoding", "utf-8"],
        vec!["blame", OLD, NEW, "--color", "never", "--width", "90"],
    ] {
        let (code, _, err) = outcome(&args);
        assert_eq!((code, err.as_str()), (Some(0), ""), "{args:?}");
    }
}

/// The docx redline, unpacked: the title in its core properties.
fn docx_title(args: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("redline.docx");
    let out = bare()
        .args(args)
        .args(["--format", "docx", "-o"])
        .arg(&file)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let bytes = std::fs::read(&file).expect("written");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut core = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("docProps/core.xml").expect("core"),
        &mut core,
    )
    .expect("UTF-8");
    core
}

/// Regression: reports named the versions by their paths only (no `--label` as diff has).
#[test]
fn labels_name_the_versions_in_every_format() {
    let labels = ["--label", "Draft <1>", "--label", "Final & agreed"];
    let with = |extra: &[&str]| {
        let mut args = vec![OLD, NEW];
        args.extend_from_slice(&labels);
        args.extend_from_slice(extra);
        let (code, out, err) = outcome(&args);
        assert_eq!((code, err.as_str()), (Some(0), ""), "{extra:?}");
        assert!(
            !out.contains(OLD) && !out.contains(NEW),
            "{extra:?}: paths shown"
        );
        out
    };
    assert!(with(&[]).starts_with("draftdiff Draft <1> → Final & agreed\n"));
    let json: serde_json::Value = serde_json::from_str(&with(&["--format", "json"])).expect("JSON");
    assert_eq!(json["old"]["path"], "Draft <1>");
    assert_eq!(json["new"]["path"], "Final & agreed");
    assert!(
        with(&["--format", "markdown"])
            .starts_with("# Changes from `Draft <1>` to `Final & agreed`\n")
    );
    assert!(
        with(&["--format", "html"]).contains("draftdiff: Draft &lt;1&gt; → Final &amp; agreed")
    );
    let (code, changelog, _) = outcome(&[
        "changelog",
        OLD,
        NEW,
        labels[0],
        labels[1],
        labels[2],
        labels[3],
    ]);
    assert_eq!(code, Some(0));
    assert!(changelog.starts_with("# Changes from `Draft <1>` to `Final & agreed`\n"));
    let mut args = vec![OLD, NEW];
    args.extend_from_slice(&labels);
    assert!(
        docx_title(&args).contains("<dc:title>Draft &lt;1&gt; → Final &amp; agreed</dc:title>")
    );
    assert!(docx_title(&[OLD, NEW]).contains(&format!("<dc:title>{OLD} → {NEW}</dc:title>")));
    // One label names OLD only, as diff's; a third is an error.
    let (_, out, _) = outcome(&[OLD, NEW, "--label", "Draft"]);
    assert!(
        out.starts_with(&format!("draftdiff Draft → {NEW}\n")),
        "{out}"
    );
    let (code, _, err) = outcome(&[OLD, NEW, "--label", "a", "--label", "b", "--label", "c"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--label is given at most twice"), "{err}");
}

/// Regression: one `--encoding` for both files, so a Windows-1252 old file against a UTF-8
/// new one gave mojibake or an error.
#[test]
fn each_version_may_have_its_own_encoding() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = dir.path().join("old.txt");
    let new = dir.path().join("new.txt");
    std::fs::write(
        &old,
        b"1. The caf\xE9 opens at nine.\n\n2. It closes at six.\n",
    )
    .expect("write");
    std::fs::write(&new, "1. The café opens at ten.\n\n2. It closes at six.\n").expect("write");
    let (old, new) = (old.to_str().expect("UTF-8"), new.to_str().expect("UTF-8"));
    // One encoding for both fails on one side or the other, naming the file.
    let (code, _, err) = outcome(&[old, new]);
    assert_eq!(code, Some(2));
    assert!(err.contains(old) && err.contains("UTF-8"), "{err}");
    let (code, _, err) = outcome(&[old, new, "--encoding", "windows-1252", "--format", "json"]);
    assert_eq!(code, Some(0), "{err}");
    // Each its own: both read right.
    let (code, out, err) = outcome(&[
        old,
        new,
        "--old-encoding",
        "windows-1252",
        "--format",
        "json",
    ]);
    assert_eq!(code, Some(0), "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert!(
        json["old"]["units"][0]["text"]
            .as_str()
            .expect("text")
            .contains("café"),
        "{out}"
    );
    assert!(
        json["new"]["units"][0]["text"]
            .as_str()
            .expect("text")
            .contains("café"),
        "{out}"
    );
    // --new-encoding overrides --encoding for NEW alone.
    let (code, _, err) = outcome(&[
        old,
        new,
        "--encoding",
        "windows-1252",
        "--new-encoding",
        "utf-8",
        "--exit-code",
    ]);
    assert_eq!(code, Some(1), "{err}");
}

/// Regression: a UTF-16 file without a byte-order mark was called "binary", with no hint.
#[test]
fn utf16_without_a_byte_order_mark_gets_a_hint_and_can_be_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("utf16.txt");
    let text = "1. The café opens at nine.\n";
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(&file, bytes).expect("write");
    let path = file.to_str().expect("UTF-8");
    let (code, _, err) = outcome(&["segment", path]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains(path)
            && err.contains("looks like UTF-16 without a byte-order mark")
            && err.contains("try --encoding utf-16le"),
        "{err}"
    );
    let (code, out, err) = outcome(&["segment", path, "--encoding", "utf-16le"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("The café opens"), "{out}");
}

#[test]
fn completions_know_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (code, script, err) = outcome(&["completions", shell]);
        assert_eq!((code, err.as_str()), (Some(0), ""), "{shell}");
        for command in [
            "segment",
            "changelog",
            "trace",
            "blame",
            "log",
            "completions",
            "man",
        ] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
        assert!(
            script.contains("exit-code") && script.contains("paging"),
            "{shell}"
        );
    }
    let (code, _, _) = outcome(&["completions", "tcsh"]);
    assert_eq!(code, Some(2));
}

#[test]
fn the_man_page_parses() {
    let (code, page, err) = outcome(&["man"]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert!(
        page.starts_with(".ie \\n(.g .ds Aq \\(aq") || page.contains(".TH draftdiff 1"),
        "{page}"
    );
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH SUBCOMMANDS"] {
        assert!(page.contains(section), "{section}");
    }
    assert!(
        page.contains("draftdiff\\-segment") || page.contains("draftdiff-segment"),
        "{page}"
    );
    // groff checks it where it is installed (-k: the page is UTF-8).
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("draftdiff.1");
    std::fs::write(&file, &page).expect("write");
    match std::process::Command::new("groff")
        .args(["-k", "-man", "-Tutf8", "-ww", "-z"])
        .arg(&file)
        .output()
    {
        Ok(out) => {
            assert!(out.status.success(), "{out:?}");
            assert!(
                out.stderr.is_empty(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Err(_) => eprintln!("SKIPPED: groff not installed: the man page's structure alone checked"),
    }
}

/// The README's first command (the bundled reference pair) ends in success, and the README
/// says so; the second (`cargo test --all-features`) is this very suite.
#[test]
fn the_readme_commands_end_in_success() {
    let readme = std::fs::read_to_string("README.md").expect("README");
    let first = format!("cargo run --release -- {OLD} {NEW}\ncargo test --all-features\n");
    assert!(
        readme.contains(&first),
        "the two commands moved: update this test"
    );
    let (code, out, err) = outcome(&[OLD, NEW]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert!(out.starts_with(&format!("draftdiff {OLD} → {NEW}")));
    assert!(!readme.contains("exit status: 1\": that is the expected answer"));
}
