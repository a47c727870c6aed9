//! The colour rules through the real binary: `--color`, `NO_COLOR`, `CLICOLOR_FORCE`,
//! `TERM=dumb`, `--theme` and `COLORFGBG`, and no escape codes in pipes, files, JSON or
//! Markdown.
//!
//! A test's standard output is a pipe, so `auto` must never colour here unless
//! `CLICOLOR_FORCE` says so. (The terminal branch of the rule is unit-tested in
//! `src/cli/output.rs`.)

use assert_cmd::Command;

const OLD: &str = "tests/fixtures/cases/move/old.txt";
const NEW: &str = "tests/fixtures/cases/move/new.txt";
const ESC: char = '\u{1b}';

fn draftdiff() -> Command {
    let mut cmd = Command::cargo_bin("draftdiff").expect("binary built");
    cmd.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("TERM")
        .env_remove("COLORFGBG");
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn a_pipe_gets_no_escape_codes_but_visible_markers() {
    let out = stdout(draftdiff().args([OLD, NEW]));
    assert!(!out.contains(ESC));
    // The one inserted word of the pair, with git-style markers.
    assert!(out.contains("in {+coastal+} fisheries."), "{out}");
}

#[test]
fn color_always_colours_a_pipe() {
    let out = stdout(draftdiff().args([OLD, NEW, "--color", "always"]));
    // The inserted word on a dark green background and underlined (the dark theme), with
    // no markers.
    assert!(
        out.contains("in \u{1b}[38;5;157;48;5;22;4mcoastal\u{1b}[0m fisheries."),
        "{out:?}"
    );
}

/// The inserted word of the pair as the light theme paints it: dark green on light green,
/// underlined.
const LIGHT_INSERT: &str = "in \u{1b}[38;5;22;48;5;194;4mcoastal\u{1b}[0m fisheries.";

#[test]
fn theme_light_is_chosen_by_flag_or_by_colorfgbg() {
    let out = stdout(draftdiff().args([OLD, NEW, "--color=always", "--theme", "light"]));
    assert!(out.contains(LIGHT_INSERT), "{out:?}");
    // auto: a terminal that says black on white (COLORFGBG=0;15) gets the light theme.
    let out = stdout(
        draftdiff()
            .args([OLD, NEW, "--color=always"])
            .env("COLORFGBG", "0;15"),
    );
    assert!(out.contains(LIGHT_INSERT), "{out:?}");
    // An explicit --theme wins over COLORFGBG; white on black is dark.
    for (env, theme) in [("0;15", "dark"), ("15;0", "auto")] {
        let out = stdout(
            draftdiff()
                .args([OLD, NEW, "--color=always", "--theme", theme])
                .env("COLORFGBG", env),
        );
        assert!(!out.contains(LIGHT_INSERT), "{env} {theme}: {out:?}");
        assert!(out.contains("\u{1b}[38;5;157;48;5;22;4mcoastal"), "{out:?}");
    }
    // A theme never colours a pipe by itself.
    let out = stdout(draftdiff().args([OLD, NEW, "--theme", "light"]));
    assert!(!out.contains(ESC));
}

#[test]
fn color_always_beats_no_color() {
    let out = stdout(
        draftdiff()
            .args([OLD, NEW, "--color=always"])
            .env("NO_COLOR", "1"),
    );
    assert!(out.contains(ESC));
}

#[test]
fn color_never_beats_clicolor_force() {
    let out = stdout(
        draftdiff()
            .args([OLD, NEW, "--color", "never"])
            .env("CLICOLOR_FORCE", "1"),
    );
    assert!(!out.contains(ESC));
}

#[test]
fn clicolor_force_colours_a_pipe() {
    let out = stdout(draftdiff().args([OLD, NEW]).env("CLICOLOR_FORCE", "1"));
    assert!(out.contains(ESC));
}

#[test]
fn clicolor_force_zero_or_empty_does_not() {
    for v in ["0", ""] {
        let out = stdout(draftdiff().args([OLD, NEW]).env("CLICOLOR_FORCE", v));
        assert!(!out.contains(ESC), "CLICOLOR_FORCE={v:?}");
    }
}

#[test]
fn no_color_and_dumb_terminals_stay_plain() {
    let out = stdout(draftdiff().args([OLD, NEW]).env("NO_COLOR", "1"));
    assert!(!out.contains(ESC));
    let out = stdout(draftdiff().args([OLD, NEW]).env("TERM", "dumb"));
    assert!(!out.contains(ESC));
}

#[test]
fn json_and_markdown_are_never_coloured() {
    for args in [
        vec![OLD, NEW, "--format", "json", "--color", "always"],
        vec![OLD, NEW, "--format", "markdown", "--color", "always"],
        vec!["changelog", OLD, NEW, "--color", "always"],
    ] {
        let out = stdout(draftdiff().args(&args));
        assert!(!out.contains(ESC), "{args:?}");
        if args.contains(&"json") {
            let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
            assert!(v["version"].is_u64(), "{out}");
        } else {
            assert!(
                out.starts_with(&format!("# Changes from `{OLD}` to `{NEW}`\n")),
                "{out}"
            );
        }
    }
}

#[test]
fn an_output_file_gets_no_escape_codes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("report.txt");
    let code = draftdiff()
        .args([OLD, NEW, "-o"])
        .arg(&file)
        .output()
        .expect("runs")
        .status
        .code();
    assert_eq!(code, Some(0));
    let text = std::fs::read_to_string(&file).expect("written");
    assert!(!text.contains(ESC));
    assert!(text.starts_with("draftdiff "));
}

/// Runs the binary on a pseudo-terminal through `script(1)` with `env_args` set, and
/// returns what it wrote; `None` when `script` is not installed (`.ci/run` installs it, and
/// under CI its absence is a failure, not a skip).
fn on_a_terminal(env_args: &str, extra: &str) -> Option<String> {
    let bin = assert_cmd::cargo::cargo_bin("draftdiff");
    let command = format!(
        // No pager: the colour rules are about what reaches the terminal (cli_pager.rs).
        "env -u NO_COLOR -u CLICOLOR_FORCE TERM=xterm DRAFTDIFF_PAGER= {env_args} {} {OLD} {NEW} {extra}",
        bin.display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .ok()?;
    if !out.status.success() && out.stdout.is_empty() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn auto_colours_a_terminal_unless_told_not_to() {
    let Some(plain_tty) = on_a_terminal("", "") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "script(1) (bsdutils) is missing under CI: .ci/run installs it"
        );
        eprintln!("SKIPPED: script(1) not available: terminal half of the colour rules not run");
        return;
    };
    assert!(plain_tty.contains(ESC), "auto colours a terminal");
    for (env, extra) in [
        ("NO_COLOR=1", ""),
        ("TERM=dumb", ""),
        ("", "--color never"),
        ("", "--format json"),
        ("", "--format markdown"),
    ] {
        let out = on_a_terminal(env, extra).expect("script ran before");
        assert!(!out.contains(ESC), "{env} {extra}");
    }
    // An empty NO_COLOR does not count.
    let out = on_a_terminal("NO_COLOR=", "").expect("script ran before");
    assert!(out.contains(ESC));
}
