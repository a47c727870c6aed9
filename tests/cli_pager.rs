//! Paging as git and delta do it, through the real binary on a pseudo-terminal (`script(1)`,
//! as `tests/cli_color.rs` does) with a pager stub: a small script set as the pager that
//! records what it was given on standard input, the `COLUMNS` it was handed and the width
//! of the terminal it shows on.
//!
//! Where `script` is missing the pseudo-terminal tests say SKIPPED, except under CI, where
//! `.ci/run` installs it and its absence is a failure. The tests without a terminal (pipes,
//! `--paging always`, a pager quit early) run everywhere there is a `sh`.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

const OLD: &str = "examples/data/outline-draft.txt";
const NEW: &str = "examples/data/final-report.txt";
const ESC: char = '\u{1b}';

/// A directory with the pager stub `pager` in it; the stub writes `stdin`, `columns` and
/// `size` (the `stty size` of the terminal it runs on, if any) beside itself.
struct Stub {
    dir: tempfile::TempDir,
}

impl Stub {
    fn new() -> Stub {
        let dir = tempfile::tempdir().expect("temp dir");
        let stub = dir.path().join("pager");
        let d = dir.path().display();
        std::fs::write(
            &stub,
            format!(
                "#!/bin/sh\ncat > '{d}/stdin'\nprintf '%s' \"$COLUMNS\" > '{d}/columns'\n\
                 stty size < /dev/tty > '{d}/size' 2>/dev/null\nprintf '%s' \"$LESS\" > '{d}/less'\n"
            ),
        )
        .expect("write stub");
        std::fs::set_permissions(&stub, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        Stub { dir }
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("pager")
    }

    /// What the stub recorded in `name`, or `None` when it never ran.
    fn read(&self, name: &str) -> Option<String> {
        std::fs::read_to_string(self.dir.path().join(name)).ok()
    }

    fn ran(&self) -> bool {
        self.read("stdin").is_some()
    }
}

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("draftdiff")
}

/// Runs `shell_command` in a pseudo-terminal `columns` wide through `script(1)`; `None`
/// when `script` is not installed (a failure under CI).
fn on_a_terminal(columns: usize, shell_command: &str) -> Option<(Option<i32>, String)> {
    let command = format!(
        "stty cols {columns} rows 24; env -u NO_COLOR -u CLICOLOR_FORCE -u LESS TERM=xterm {shell_command}; echo \"[status $?]\""
    );
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env_remove("DRAFTDIFF_PAGER")
        .env_remove("PAGER")
        .output()
        .ok();
    let Some(out) = out.filter(|o| o.status.success() || !o.stdout.is_empty()) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "script(1) (bsdutils) is missing under CI: .ci/run installs it"
        );
        eprintln!("SKIPPED: script(1) not available: the pager's terminal tests not run");
        return None;
    };
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let status = text
        .rsplit_once("[status ")
        .and_then(|(_, rest)| rest.split(']').next())
        .and_then(|s| s.parse().ok());
    Some((status, text))
}

/// `draftdiff OLD NEW extra` with `env` set, as a shell command line.
fn draftdiff(env: &str, extra: &str) -> String {
    format!("{env} {} {OLD} {NEW} {extra}", bin().display())
}

/// Display width of the widest line, escape sequences left out.
fn widest(text: &str) -> usize {
    let plain = strip_escapes(text);
    plain.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

fn strip_escapes(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == ESC {
            // CSI: ESC [ … final byte in @..~
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn a_terminal_pages_through_the_pager_with_its_width_and_colours() {
    let stub = Stub::new();
    let env = format!("DRAFTDIFF_PAGER={}", stub.path().display());
    let Some((status, screen)) = on_a_terminal(80, &draftdiff(&env, "")) else {
        return;
    };
    assert_eq!(status, Some(0), "{screen}");
    let paged = stub.read("stdin").expect("the pager ran");
    // The whole report went to the pager, none of it past it to the terminal.
    assert!(paged.contains("outline-draft.txt"), "{paged:?}");
    assert!(paged.lines().count() > 100, "the whole report");
    assert!(!screen.contains("outline-draft.txt"), "{screen}");
    // Colours reached the pager (it shows them on the terminal), laid out at 80 columns.
    assert!(paged.contains(ESC), "colours arrive at the pager");
    assert!(widest(&paged) <= 80, "{}", widest(&paged));
    assert_eq!(stub.read("columns").as_deref(), Some("80"));
    assert_eq!(stub.read("size").as_deref().map(str::trim), Some("24 80"));
    // `less` shows the colours: LESS is set when the user has not set it.
    assert_eq!(stub.read("less").as_deref(), Some("FRX"));
}

/// Regression: output laid out at 80 columns whatever the terminal's width once it went
/// through a pager.
#[test]
fn the_pager_gets_the_real_width_not_80() {
    let stub = Stub::new();
    let env = format!("PAGER={}", stub.path().display());
    let Some((status, screen)) = on_a_terminal(120, &draftdiff(&env, "")) else {
        return;
    };
    assert_eq!(status, Some(0), "{screen}");
    let paged = stub.read("stdin").expect("PAGER ran");
    assert_eq!(stub.read("columns").as_deref(), Some("120"));
    let widest = widest(&paged);
    assert!(widest > 80 && widest <= 120, "{widest}");
}

#[test]
fn paging_never_and_a_plain_pipe_do_not_page() {
    let stub = Stub::new();
    let env = format!("DRAFTDIFF_PAGER={}", stub.path().display());
    let Some((status, screen)) = on_a_terminal(80, &draftdiff(&env, "--paging never")) else {
        return;
    };
    assert_eq!(status, Some(0));
    assert!(!stub.ran());
    assert!(
        screen.contains("outline-draft.txt"),
        "written to the terminal"
    );
    // No terminal at all: no pager.
    let out = Command::new(bin())
        .args([OLD, NEW])
        .env("DRAFTDIFF_PAGER", stub.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(!stub.ran());
    assert!(String::from_utf8_lossy(&out.stdout).contains("outline-draft.txt"));
}

#[test]
fn empty_or_cat_means_no_pager_and_draftdiff_pager_comes_first() {
    for value in ["", "cat"] {
        let stub = Stub::new();
        let env = format!("DRAFTDIFF_PAGER='{value}' PAGER={}", stub.path().display());
        let Some((status, screen)) = on_a_terminal(80, &draftdiff(&env, "")) else {
            return;
        };
        assert_eq!(status, Some(0));
        assert!(!stub.ran(), "DRAFTDIFF_PAGER={value:?}");
        assert!(screen.contains("outline-draft.txt"), "{screen}");
    }
    let (first, second) = (Stub::new(), Stub::new());
    let env = format!(
        "DRAFTDIFF_PAGER={} PAGER={}",
        first.path().display(),
        second.path().display()
    );
    on_a_terminal(80, &draftdiff(&env, "")).expect("script ran before");
    assert!(first.ran() && !second.ran());
}

/// Regression: `draftdiff … | less -R` came out 80 columns wide in a 120-column pane: with
/// standard output a pipe, the width is the terminal's at the end of it.
#[test]
fn a_pipe_in_a_terminal_gets_the_terminal_width() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("out.txt");
    let command = format!("{} | cat > {}", draftdiff("", ""), file.display());
    let Some((status, _)) = on_a_terminal(120, &command) else {
        return;
    };
    assert_eq!(status, Some(0));
    let text = std::fs::read_to_string(&file).expect("written");
    assert!(!text.contains(ESC), "a pipe is not coloured");
    let widest = widest(&text);
    assert!(widest > 80 && widest <= 120, "{widest}");
}

#[test]
fn paging_always_pages_a_pipe_and_never_a_file() {
    let stub = Stub::new();
    let out = Command::new(bin())
        .args([OLD, NEW, "--paging", "always", "--width", "100"])
        .env("DRAFTDIFF_PAGER", stub.path())
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stdout.is_empty(), "all went to the pager");
    let paged = stub.read("stdin").expect("the pager ran");
    assert!(!paged.contains(ESC), "not a terminal: no colour");
    assert_eq!(stub.read("columns").as_deref(), Some("100"));
    // The same report as without a pager.
    let plain = Command::new(bin())
        .args([OLD, NEW, "--paging", "never", "--width", "100"])
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("runs");
    assert_eq!(paged.as_bytes(), plain.stdout.as_slice());
    // -o FILE is never paged.
    let stub = Stub::new();
    let file = stub.dir.path().join("report.txt");
    let out = Command::new(bin())
        .args([OLD, NEW, "--paging", "always", "-o"])
        .arg(&file)
        .env("DRAFTDIFF_PAGER", stub.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(!stub.ran());
    assert!(Path::new(&file).exists());
}

/// Quitting the pager before the end of a long report is success, with nothing on standard
/// error (the rest of the output has nowhere to go).
#[test]
fn quitting_the_pager_early_is_success() {
    let out = Command::new(bin())
        .args([OLD, NEW, "--paging", "always"])
        .env("DRAFTDIFF_PAGER", "head -c 10 > /dev/null")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // --exit-code still says the versions differ.
    let out = Command::new(bin())
        .args([OLD, NEW, "--paging", "always", "--exit-code"])
        .env("DRAFTDIFF_PAGER", "true")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
}

#[test]
fn a_pager_that_cannot_run_is_trouble_named() {
    let out = Command::new(bin())
        .args([OLD, NEW, "--paging", "always"])
        .env("DRAFTDIFF_PAGER", "/no/such/pager")
        .output()
        .expect("runs");
    // Trouble, named: the report was not shown.
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the pager `/no/such/pager` could not be run"),
        "{stderr}"
    );
}
