//! The environment, read once: the colour decision, the terminal width, where output goes.
//!
//! Colour follows git and ripgrep: `--color always|never` is obeyed as given; `auto` (the
//! default) colours only when the output is a terminal, `NO_COLOR` is unset or empty and
//! `TERM` is not `dumb`, except that `CLICOLOR_FORCE` (set, not empty, not `0`) forces
//! colour on. Output to `-o FILE` is never a terminal (`-o -` is standard output). The decision becomes a
//! [`Palette`]: all plain styles when off, so no escape code can reach a pipe or a file.

use std::cell::{Cell, RefCell};
use std::ffi::OsString;
use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use draftdiff::lineage::GitVersion;
use draftdiff::render::{DEFAULT_WIDTH, MIN_WIDTH, Palette};
use draftdiff::{Document, Error, ReadOptions, SegmentOptions};

use super::target::{Target, is_standard_input, same_file};
use super::{ColorWhen, EncodingArg, GlobalArgs};

/// The widest layout `--width` accepts. No terminal is wider in practice (a 4K screen in a
/// 6-pixel font is 640 columns), and the side-by-side layout pads every line to the full
/// width, so a larger number only multiplies the output: `--width 1000000000` once turned a
/// small diff into gigabytes.
pub const MAX_WIDTH: usize = 1000;

/// Resolved options shared by every subcommand.
#[derive(Debug)]
pub struct Ctx {
    /// The styles of terminal output: coloured, or plain with `[-…-]{+…+}` markers.
    pub palette: Palette,
    /// Columns to lay terminal output out in: `--width`, else the terminal's, else 80.
    pub width: usize,
    /// How to read inputs.
    pub read: ReadOptions,
    /// Where to write, until [`emit`](Self::emit) does.
    target: RefCell<Option<Target>>,
    /// The files read so far (and the working-tree file of `--git`): never written over.
    read_paths: RefCell<Vec<PathBuf>>,
    /// Set when standard output was closed by its reader (`draftdiff … | head`): the
    /// command then exits 0, like diff, whatever it found.
    pipe_closed: Cell<bool>,
}

/// The environment variables the colour decision reads.
#[derive(Debug, Default, Clone)]
pub struct ColorEnv {
    /// `NO_COLOR`.
    pub no_color: Option<OsString>,
    /// `CLICOLOR_FORCE`.
    pub clicolor_force: Option<OsString>,
    /// `TERM`.
    pub term: Option<OsString>,
}

impl ColorEnv {
    /// Reads the three variables from the process environment.
    pub fn from_process() -> ColorEnv {
        ColorEnv {
            no_color: std::env::var_os("NO_COLOR"),
            clicolor_force: std::env::var_os("CLICOLOR_FORCE"),
            term: std::env::var_os("TERM"),
        }
    }
}

/// The colour decision (see the module docs). `terminal`: the output is a terminal.
pub fn decide_color(when: ColorWhen, terminal: bool, env: &ColorEnv) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            let forced = env
                .clicolor_force
                .as_ref()
                .is_some_and(|v| !v.is_empty() && v != "0");
            let no_color = env.no_color.as_ref().is_some_and(|v| !v.is_empty());
            let dumb = env.term.as_ref().is_some_and(|v| v == "dumb");
            forced || (terminal && !no_color && !dumb)
        }
    }
}

impl Ctx {
    /// Reads the environment and the global options once, and prepares the output (see
    /// [`Target`]): a target that cannot be written fails here, before any work.
    pub fn from_env(global: &GlobalArgs) -> Result<Ctx, Error> {
        let target = Target::open(global.output.as_deref())?;
        let stdout_terminal = io::stdout().is_terminal();
        let terminal = target.is_stdout() && stdout_terminal;
        let color = decide_color(global.color, terminal, &ColorEnv::from_process());
        let width = match global.width {
            Some(w) => w,
            // A terminal narrower or wider than draftdiff lays out is used at the nearest
            // width it does lay out.
            None if terminal => terminal_size::terminal_size()
                .map(|(w, _)| usize::from(w.0))
                .unwrap_or(DEFAULT_WIDTH)
                .clamp(MIN_WIDTH, MAX_WIDTH),
            None => DEFAULT_WIDTH,
        };
        let encoding = match global.encoding {
            None => draftdiff::read::Encoding::Auto,
            Some(EncodingArg::Utf8) => draftdiff::read::Encoding::Utf8,
            Some(EncodingArg::Windows1252) => draftdiff::read::Encoding::Windows1252,
        };
        Ok(Ctx {
            palette: Palette::new(color),
            width,
            read: ReadOptions::new().encoding(encoding),
            target: RefCell::new(Some(target)),
            read_paths: RefCell::new(Vec::new()),
            pipe_closed: Cell::new(false),
        })
    }

    /// True when standard output was closed by its reader during [`emit`](Self::emit).
    pub fn pipe_closed(&self) -> bool {
        self.pipe_closed.get()
    }

    /// Reads and segments one input; `-` is standard input.
    pub fn load(&self, path: &str) -> Result<Document, Error> {
        let bytes = if path == "-" {
            draftdiff::read::read_reader_bytes("-", io::stdin().lock())?
        } else {
            self.read_paths.borrow_mut().push(PathBuf::from(path));
            draftdiff::read::read_bytes(path)?
        };
        // Text, Markdown, Word, OpenDocument or PDF: decided from the bytes.
        draftdiff::read::document(path, bytes, &self.read, &SegmentOptions::new())
    }

    /// The versions of `path` from git (`range`: `REV1..REV2`), with a note on standard
    /// error for each commit skipped because its version is not text. The working-tree file
    /// counts as an input: `-o` never writes over it.
    pub fn git_versions(&self, path: &str, range: Option<&str>) -> Result<Vec<GitVersion>, Error> {
        self.read_paths.borrow_mut().push(PathBuf::from(path));
        let history = draftdiff::lineage::git_history(path, range, &self.read)?;
        for skipped in &history.skipped {
            let _ = writeln!(
                io::stderr(),
                "draftdiff: note: skipped commit {}: {}",
                skipped.label(),
                skipped.reason
            );
        }
        Ok(history.versions)
    }

    /// Writes the output produced by `write` where `-o` says (see [`Target`]).
    ///
    /// `inputs` are the input paths. No input, nor any file [`load`](Self::load) or
    /// [`git_versions`](Self::git_versions) read, is ever replaced (same path, another
    /// spelling, a hard or symbolic link, standard input redirected from it): that is
    /// refused before anything is written. A closed pipe on standard output is not an error
    /// (like `diff … | head`).
    pub fn emit(
        &self,
        inputs: &[&str],
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), Error> {
        let target = self.target.borrow_mut().take();
        let (shown, result) = match target {
            None => {
                return Err(Error::Output {
                    path: "-".into(),
                    message: "the output was already written".into(),
                });
            }
            Some(Target::Stdout) => {
                let stdout = io::stdout();
                let mut out = io::BufWriter::new(stdout.lock());
                ("-".to_string(), write(&mut out).and_then(|()| out.flush()))
            }
            Some(Target::Stderr) => {
                let stderr = io::stderr();
                let mut out = io::BufWriter::new(stderr.lock());
                (
                    "/dev/stderr".to_string(),
                    write(&mut out).and_then(|()| out.flush()),
                )
            }
            Some(Target::Through { shown, path }) => {
                let result = fs::OpenOptions::new()
                    .write(true)
                    .open(&path)
                    .and_then(|file| {
                        let mut out = io::BufWriter::new(file);
                        write(&mut out).and_then(|()| out.flush())
                    });
                (shown, result)
            }
            Some(Target::Replace {
                shown,
                path,
                pending,
            }) => {
                self.refuse_inputs(&shown, &path, inputs)?;
                let result = pending.commit(&path, write);
                (shown, result)
            }
        };
        match result {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.pipe_closed.set(true);
                Ok(())
            }
            Err(e) => Err(Error::Output {
                path: shown,
                message: e.to_string(),
            }),
        }
    }

    /// An error when the file at `path` (`-o shown`) is one of the inputs.
    fn refuse_inputs(&self, shown: &str, path: &Path, inputs: &[&str]) -> Result<(), Error> {
        let read = self.read_paths.borrow();
        let named = inputs.iter().map(|&i| (i, Path::new(i)));
        let loaded = read
            .iter()
            .map(|p| (p.to_str().unwrap_or("an input"), p.as_path()));
        for (input, input_path) in named.chain(loaded) {
            let same = if input == "-" {
                is_standard_input(path)
            } else {
                same_file(path, input_path)
            };
            if same {
                let input = if input == "-" {
                    "standard input"
                } else {
                    input
                };
                return Err(Error::Output {
                    path: shown.to_string(),
                    message: format!("it is also an input ({input}); refusing to overwrite it"),
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(no_color: Option<&str>, force: Option<&str>, term: Option<&str>) -> ColorEnv {
        ColorEnv {
            no_color: no_color.map(OsString::from),
            clicolor_force: force.map(OsString::from),
            term: term.map(OsString::from),
        }
    }

    #[test]
    fn colour_rules() {
        let auto = ColorWhen::Auto;
        assert!(decide_color(auto, true, &env(None, None, Some("xterm"))));
        assert!(!decide_color(auto, false, &env(None, None, Some("xterm"))));
        assert!(!decide_color(auto, true, &env(Some("1"), None, None)));
        assert!(decide_color(auto, true, &env(Some(""), None, None)));
        assert!(!decide_color(auto, true, &env(None, None, Some("dumb"))));
        assert!(decide_color(auto, false, &env(None, Some("1"), None)));
        assert!(!decide_color(auto, false, &env(None, Some("0"), None)));
        assert!(!decide_color(auto, false, &env(None, Some(""), None)));
        assert!(decide_color(
            ColorWhen::Always,
            false,
            &env(Some("1"), None, None)
        ));
        assert!(!decide_color(
            ColorWhen::Never,
            true,
            &env(None, Some("1"), None)
        ));
    }
}
