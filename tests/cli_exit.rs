//! Exit statuses like `git diff`'s through the real binary (0 by default; 1 for different
//! versions only with `--exit-code` or `-q`; 2 trouble; a closed pipe is 0), and `-o FILE`:
//! written whole, never over an input.

use std::io::Read;
use std::process::Stdio;

use assert_cmd::Command;
use predicates::str::contains;

const CASES: &str = "tests/fixtures/cases";

fn draftdiff() -> Command {
    let mut cmd = Command::cargo_bin("draftdiff").expect("binary built");
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    cmd
}

fn pair(case: &str) -> [String; 2] {
    [
        format!("{CASES}/{case}/old.txt"),
        format!("{CASES}/{case}/new.txt"),
    ]
}

#[test]
fn identical_versions_exit_0() {
    for format in ["terminal", "json", "markdown"] {
        draftdiff()
            .args(pair("identical"))
            .args(["--format", format])
            .assert()
            .code(0);
    }
    draftdiff()
        .arg("changelog")
        .args(pair("identical"))
        .assert()
        .code(0);
}

/// Regression: a difference exited 1, as diff does, so the README's first command ended in
/// "process didn't exit successfully" and `set -e` scripts stopped at `changelog`.
#[test]
fn different_versions_exit_0_unless_asked() {
    for case in ["move", "merge", "split", "renumber"] {
        draftdiff().args(pair(case)).assert().code(0);
        draftdiff()
            .arg("changelog")
            .args(pair(case))
            .assert()
            .code(0);
        draftdiff()
            .args(pair(case))
            .arg("--exit-code")
            .assert()
            .code(1)
            .stdout(contains("draftdiff"));
    }
}

#[test]
fn exit_code_gives_0_for_identical_versions() {
    for flag in ["--exit-code", "-q", "--quiet"] {
        draftdiff()
            .args(pair("identical"))
            .arg(flag)
            .assert()
            .code(0);
    }
}

#[test]
fn quiet_prints_nothing_and_implies_exit_code() {
    for flag in ["-q", "--quiet"] {
        for format in ["terminal", "json", "markdown", "html"] {
            draftdiff()
                .args(pair("move"))
                .args([flag, "--format", format])
                .assert()
                .code(1)
                .stdout("")
                .stderr("");
        }
    }
    // Nothing is written to -o either, and the file is left as it was.
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("out.txt");
    std::fs::write(&file, "before").expect("write");
    draftdiff()
        .args(pair("move"))
        .args(["-q", "-o"])
        .arg(&file)
        .assert()
        .code(1);
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "before");
    // Trouble is still 2, with its message.
    draftdiff()
        .args([
            "-q",
            "no/such/file.txt",
            "tests/fixtures/cases/move/new.txt",
        ])
        .assert()
        .code(2)
        .stderr(contains("no/such/file.txt"));
}

/// Regression: `blame`, `log` and `trace` exited 1 when the versions differed, which
/// breaks `set -e` scripts (git blame and git log exit 0).
#[test]
fn lineage_commands_exit_0_when_they_work() {
    let [old, new] = pair("move");
    for args in [
        vec!["blame", &old, &new],
        vec!["log", &old, &new],
        vec!["trace", &old, &new, "--para", "1"],
        vec!["changelog", &old, &new],
        vec!["segment", &old],
    ] {
        draftdiff().args(&args).assert().code(0);
    }
}

/// `--exit-code` and `-q` are the main command's: a command given them is told so.
#[test]
fn exit_code_belongs_to_the_main_command() {
    let [old, new] = pair("move");
    draftdiff()
        .args(["--exit-code", "blame", &old, &new])
        .assert()
        .code(2)
        .stderr(contains("--exit-code"));
}

#[test]
fn trouble_exits_2_with_a_message() {
    draftdiff()
        .args(["no/such/file.txt", "tests/fixtures/cases/move/new.txt"])
        .assert()
        .code(2)
        .stderr(contains("no/such/file.txt"));
    draftdiff()
        .args([CASES, "tests/fixtures/cases/move/new.txt"])
        .assert()
        .code(2)
        .stderr(contains("directory"));
    draftdiff()
        .args(["--format", "nonsense", "a", "b"])
        .assert()
        .code(2);
    draftdiff().arg("only-one-file").assert().code(2);
    draftdiff()
        .args(["-", "-"])
        .write_stdin("x")
        .assert()
        .code(2);
}

#[test]
fn standard_input_is_one_version() {
    let [old, new] = pair("move");
    let text = std::fs::read_to_string(&old).expect("fixture");
    draftdiff()
        .args(["-", &new])
        .write_stdin(text)
        .assert()
        .code(0);
}

#[test]
fn output_file_refuses_an_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let [old, new] = pair("move");
    let copy = dir.path().join("old.txt");
    std::fs::copy(&old, &copy).expect("copy");
    let before = std::fs::read(&copy).expect("read");
    // The same path, another spelling of it, and a hard link to it.
    let dotted = dir.path().join(".").join("old.txt");
    let linked = dir.path().join("hard-link.txt");
    std::fs::hard_link(&copy, &linked).expect("hard link");
    for target in [&copy, &dotted, &linked] {
        draftdiff()
            .arg(&copy)
            .arg(&new)
            .arg("-o")
            .arg(target)
            .assert()
            .code(2)
            .stderr(contains("input"));
        assert_eq!(
            std::fs::read(&copy).expect("read"),
            before,
            "input untouched"
        );
    }
}

#[test]
fn output_file_is_written_whole_and_matches_stdout() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("out.json");
    std::fs::write(&file, "old content that must go entirely").expect("write");
    let [old, new] = pair("merge");
    draftdiff()
        .args([&old, &new, "--format", "json", "-o"])
        .arg(&file)
        .assert()
        .code(0)
        .stdout("");
    let written = std::fs::read(&file).expect("read");
    let out = draftdiff()
        .args([&old, &new, "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(written, out.stdout);
    // No temporary file left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, [std::ffi::OsString::from("out.json")]);
}

#[test]
fn output_file_in_a_missing_directory_is_trouble() {
    let [old, new] = pair("merge");
    draftdiff()
        .args([&old, &new, "-o", "no/such/dir/out.txt"])
        .assert()
        .code(2);
}

#[test]
fn json_is_byte_identical_on_rerun() {
    let run = || {
        draftdiff()
            .args([
                "examples/data/outline-draft.txt",
                "examples/data/final-report.txt",
                "--format",
                "json",
            ])
            .output()
            .expect("runs")
            .stdout
    };
    let first = run();
    assert!(!first.is_empty());
    assert_eq!(first, run());
}

#[test]
fn a_closed_pipe_exits_0() {
    // A new version long enough that its report is far larger than any pipe buffer.
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.txt");
    let text = std::fs::read_to_string("examples/data/final-report.txt").expect("fixture");
    std::fs::write(&big, text.repeat(4)).expect("write");
    let bin = assert_cmd::cargo::cargo_bin("draftdiff");
    let mut child = std::process::Command::new(bin)
        .arg("examples/data/outline-draft.txt")
        .arg(&big)
        .args(["--color", "never"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    // Read a little, then close our end while the report (well over a pipe buffer) is
    // still being written.
    let mut stdout = child.stdout.take().expect("piped");
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("waits");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn report_units_are_the_units_of_segment() {
    let json = |args: &[&str]| -> serde_json::Value {
        let out = draftdiff().args(args).output().expect("runs");
        serde_json::from_slice(&out.stdout).expect("valid JSON")
    };
    let [old, new] = pair("merge");
    let report = json(&[&old, &new, "--format", "json"]);
    assert_eq!(report["version"], draftdiff::render::json::JSON_VERSION);
    for (side, path) in [("old", &old), ("new", &new)] {
        let segment = json(&["segment", path, "--format", "json"]);
        assert_eq!(report[side]["units"], segment["units"], "{side}");
        assert_eq!(report[side]["path"], segment["path"], "{side}");
    }
}

#[cfg(unix)]
#[test]
fn output_file_keeps_the_mode_of_the_file_it_replaces() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("out.txt");
    let [old, new] = pair("move");
    // A new file is readable by others as usual, not owner-only like a temporary file.
    draftdiff()
        .args([&old, &new, "-o"])
        .arg(&file)
        .assert()
        .code(0);
    let mode = std::fs::metadata(&file)
        .expect("written")
        .permissions()
        .mode();
    assert_ne!(mode & 0o600, 0, "{mode:o}");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    draftdiff()
        .args([&old, &new, "-o"])
        .arg(&file)
        .assert()
        .code(0);
    let mode = std::fs::metadata(&file)
        .expect("written")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640);
}

/// Regression: global options given before a subcommand were rejected as conflicting with
/// it (`draftdiff --color never log …` exited 2).
#[test]
fn global_options_may_precede_the_subcommand() {
    let [old, new] = pair("move");
    draftdiff()
        .args(["--color", "never", "log", &old, &new])
        .assert()
        .code(0)
        .stdout(contains("v1"));
    draftdiff()
        .args(["--color", "always", "segment", &old])
        .assert()
        .code(0);
}
