//! The environment, read once: the colour decision, the terminal width, where output goes.
//!
//! Colour is decided by [`decide_color`] from `--color`, whether the output is a terminal
//! (`-o FILE` never is; `-o -` is standard output) and the variables read here, once. The
//! decision becomes a [`Palette`]: all plain styles when off, so no escape code can reach a
//! pipe or a file.

use std::cell::{Cell, RefCell};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use draftdiff::lineage::GitVersion;
use draftdiff::render::target::{Target, Written};
use draftdiff::render::{
    ColorEnv, DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH, Palette, Theme, Visible, decide_color,
};
use draftdiff::{Document, Error, ReadOptions, SegmentOptions};

use super::{ColorWhen, EncodingArg, GlobalArgs};

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

impl Ctx {
    /// Reads the environment and the global options once, and prepares the output (see
    /// [`Target`]): a target that cannot be written fails here, before any work.
    pub fn from_env(global: &GlobalArgs) -> Result<Ctx, Error> {
        let target = Target::open(global.output.as_deref())?;
        let stdout_terminal = io::stdout().is_terminal();
        let terminal = target.is_stdout() && stdout_terminal;
        let env = ColorEnv {
            no_color: std::env::var_os("NO_COLOR"),
            clicolor_force: std::env::var_os("CLICOLOR_FORCE"),
            term: std::env::var_os("TERM"),
        };
        let explicit = match global.color {
            ColorWhen::Always => Some(true),
            ColorWhen::Never => Some(false),
            ColorWhen::Auto => None,
        };
        let color = decide_color(explicit, terminal, &env);
        let theme = match global.theme {
            super::compare::ThemeArg::Light => Theme::Light,
            super::compare::ThemeArg::Dark => Theme::Dark,
            super::compare::ThemeArg::Auto => {
                Theme::from_colorfgbg(std::env::var_os("COLORFGBG").as_deref())
            }
        };
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
            palette: Palette::with_theme(color, theme),
            width,
            read: ReadOptions::new().encoding(encoding),
            target: RefCell::new(Some(target)),
            read_paths: RefCell::new(Vec::new()),
            pipe_closed: Cell::new(false),
        })
    }

    /// True when the output is standard output and that is a terminal (binary formats
    /// refuse it).
    pub fn output_is_terminal(&self) -> bool {
        matches!(*self.target.borrow(), Some(Target::Stdout)) && io::stdout().is_terminal()
    }

    /// True when standard output was closed by its reader during [`emit`](Self::emit).
    pub fn pipe_closed(&self) -> bool {
        self.pipe_closed.get()
    }

    /// Reads and segments one input; `-` is standard input.
    pub fn load(&self, path: &str) -> Result<Document, Error> {
        // Text, Markdown, Word, OpenDocument or PDF: decided from the bytes.
        draftdiff::read::document(path, self.bytes(path)?, &self.read, &SegmentOptions::new())
    }

    /// Reads the bytes of one input; `-` is standard input.
    pub fn bytes(&self, path: &str) -> Result<Vec<u8>, Error> {
        if path == "-" {
            return draftdiff::read::read_reader_bytes("-", io::stdin().lock());
        }
        self.read_paths.borrow_mut().push(PathBuf::from(path));
        draftdiff::read::read_bytes(path)
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
                Visible(&skipped.label()),
                Visible(&skipped.reason.to_string())
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
        let target = self
            .target
            .borrow_mut()
            .take()
            .ok_or_else(|| Error::Output {
                path: "-".into(),
                message: "the output was already written".into(),
            })?;
        let read = self.read_paths.borrow();
        let named = inputs.iter().map(|&i| (i, Path::new(i)));
        let loaded = read
            .iter()
            .map(|p| (p.to_str().unwrap_or("an input"), p.as_path()));
        let inputs: Vec<(&str, &Path)> = named.chain(loaded).collect();
        if target.write(&inputs, write)? == Written::PipeClosed {
            self.pipe_closed.set(true);
        }
        Ok(())
    }
}
