//! Long output through a pager, as git and delta do it.
//!
//! On a terminal (`--paging auto`, the default) the output goes to `$DRAFTDIFF_PAGER`, else
//! `$PAGER`, else `less -FRX` (`-F` quits at once when the output fits one screen, `-R`
//! shows colours, `-X` leaves the text on the screen). An empty value or `cat` means no
//! pager. Like git, the command is run by the shell, so `PAGER='less -S'` works, and `LESS`
//! is set to `FRX` when unset, so a bare `less` shows colours too.
//!
//! The pager's standard output is the terminal, but draftdiff's is a pipe once the pager
//! runs: the width is measured before (see `Ctx::from_env`) and handed on in `COLUMNS`.
//! When the user quits the pager before the end, the rest of the output has nowhere to go:
//! that is success, as it is for `draftdiff … | head`.

use std::ffi::OsString;
use std::io::{self, Write};
use std::process::{Command, Stdio};

use draftdiff::render::Visible;

/// The pager when neither `DRAFTDIFF_PAGER` nor `PAGER` is set.
pub const DEFAULT_PAGER: &str = "less -FRX";

/// The flags given to `less` through `LESS` when the user has not set it (git's choice).
const LESS_FLAGS: &str = "FRX";

/// The status `sh` exits with when the command is not executable.
const SHELL_CANNOT_EXECUTE: i32 = 126;
/// The status `sh` exits with when the command is not found.
const SHELL_NOT_FOUND: i32 = 127;

/// `--paging`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PagingWhen {
    /// Page when standard output is a terminal.
    Auto,
    /// Page even when standard output is not a terminal (not with `-o FILE`).
    Always,
    /// Never page.
    Never,
}

/// A pager to run, resolved once from the environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    /// The command line, run by the shell.
    command: String,
    /// Columns of the terminal the pager shows the output on.
    width: usize,
    /// `LESS` as the user set it, if they did.
    less: Option<OsString>,
}

/// The pager chosen by `DRAFTDIFF_PAGER`, then `PAGER`, then [`DEFAULT_PAGER`]; `None` when
/// the chosen value is empty or `cat`, or `when` says not to page (`terminal`: standard
/// output is a terminal and is where the output goes).
pub fn decide(
    when: PagingWhen,
    terminal: bool,
    draftdiff_pager: Option<OsString>,
    pager: Option<OsString>,
    less: Option<OsString>,
    width: usize,
) -> Option<Pager> {
    let wanted = match when {
        PagingWhen::Never => false,
        PagingWhen::Always => true,
        PagingWhen::Auto => terminal,
    };
    if !wanted {
        return None;
    }
    let command = match draftdiff_pager.or(pager) {
        Some(value) => value.to_string_lossy().trim().to_string(),
        None => DEFAULT_PAGER.to_string(),
    };
    if command.is_empty() || command == "cat" {
        return None;
    }
    Some(Pager {
        command,
        width,
        less,
    })
}

impl Pager {
    /// Runs the pager and writes the output produced by `write` to it, then waits for the
    /// pager to end. `Ok(true)` when the pager was quit before the end of the output.
    ///
    /// A pager that cannot be started is reported on standard error and the output goes
    /// to standard output instead, so nothing is lost; one the shell cannot find or run is
    /// an error.
    pub fn write(&self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<bool> {
        let mut command = shell_command(&self.command);
        command
            .stdin(Stdio::piped())
            .env("COLUMNS", self.width.to_string());
        if self.less.is_none() {
            command.env("LESS", LESS_FLAGS);
        }
        let mut child = match command.spawn() {
            Ok(child) => child,
            Err(e) => {
                let _ = writeln!(
                    io::stderr(),
                    "draftdiff: warning: cannot run the pager `{}` ({e}); writing to standard output",
                    Visible(&self.command)
                );
                let stdout = io::stdout();
                let mut out = io::BufWriter::new(stdout.lock());
                return closed(write(&mut out).and_then(|()| out.flush()));
            }
        };
        // Ctrl-C in the pager reaches draftdiff too: ignored while the pager runs, so the
        // terminal is left to the pager until it ends (git waits for its pager likewise).
        let _interrupt = ignore_interrupt();
        let result = {
            let stdin = child.stdin.take().expect("stdin was piped");
            let mut out = io::BufWriter::new(stdin);
            write(&mut out).and_then(|()| out.flush())
            // `out` is dropped here: the pager sees the end of its input.
        };
        let status = child.wait()?;
        // The shell's statuses for a command it could not find or run: the output went
        // nowhere, which must not pass for a pager quit early.
        if matches!(status.code(), Some(SHELL_CANNOT_EXECUTE | SHELL_NOT_FOUND)) {
            return Err(io::Error::other(format!(
                "the pager `{}` could not be run ({status}); set DRAFTDIFF_PAGER, or use --paging never",
                Visible(&self.command)
            )));
        }
        closed(result)
    }
}

/// `Ok(true)` for a closed pipe, which is no error.
fn closed(result: io::Result<()>) -> io::Result<bool> {
    match result {
        Ok(()) => Ok(false),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(true),
        Err(e) => Err(e),
    }
}

/// `command` run by the shell, as git runs its pager.
#[cfg(unix)]
fn shell_command(command: &str) -> Command {
    let mut c = Command::new("sh");
    c.arg("-c").arg(command);
    c
}

/// `command` split at spaces (there is no `sh` to run it).
#[cfg(not(unix))]
fn shell_command(command: &str) -> Command {
    let mut words = command.split_whitespace();
    let mut c = Command::new(words.next().unwrap_or("more"));
    c.args(words);
    c
}

/// SIGINT ignored until the returned guard is dropped (it is then handled as before draftdiff
/// started paging: it ends the process).
#[cfg(unix)]
fn ignore_interrupt() -> Option<impl Drop> {
    use std::sync::Arc;
    use std::sync::atomic::AtomicBool;
    struct Guard(signal_hook::SigId);
    impl Drop for Guard {
        fn drop(&mut self) {
            signal_hook::low_level::unregister(self.0);
        }
    }
    let flag = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register(signal_hook::consts::SIGINT, flag)
        .ok()
        .map(Guard)
}

#[cfg(not(unix))]
fn ignore_interrupt() -> Option<()> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(s: &str) -> Option<OsString> {
        Some(OsString::from(s))
    }

    fn command(p: Option<Pager>) -> Option<String> {
        p.map(|p| p.command)
    }

    #[test]
    fn the_order_is_draftdiff_pager_then_pager_then_less() {
        let auto = PagingWhen::Auto;
        assert_eq!(
            command(decide(auto, true, os("most"), os("more"), None, 80)),
            Some("most".into())
        );
        assert_eq!(
            command(decide(auto, true, None, os("more"), None, 80)),
            Some("more".into())
        );
        assert_eq!(
            command(decide(auto, true, None, None, None, 80)),
            Some(DEFAULT_PAGER.into())
        );
    }

    #[test]
    fn empty_or_cat_means_no_pager() {
        for value in ["", "  ", "cat"] {
            assert_eq!(
                decide(PagingWhen::Always, true, os(value), None, None, 80),
                None
            );
            assert_eq!(
                decide(PagingWhen::Auto, true, None, os(value), None, 80),
                None
            );
        }
        // An empty DRAFTDIFF_PAGER wins over PAGER, as GIT_PAGER does.
        assert_eq!(
            decide(PagingWhen::Auto, true, os(""), os("less"), None, 80),
            None
        );
    }

    #[test]
    fn auto_pages_a_terminal_only() {
        assert!(decide(PagingWhen::Auto, true, None, None, None, 80).is_some());
        assert!(decide(PagingWhen::Auto, false, None, None, None, 80).is_none());
        assert!(decide(PagingWhen::Always, false, None, None, None, 80).is_some());
        assert!(decide(PagingWhen::Never, true, None, None, None, 80).is_none());
    }
}
