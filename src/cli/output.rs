//! The environment, read once: the colour decision, the terminal width, the pager, where
//! output goes.
//!
//! Colour is decided by [`decide_color`] from `--color`, whether the output is a terminal
//! (`-o FILE` never is; `-o -` is standard output) and the variables read here, once. The
//! decision becomes a [`Palette`]: all plain styles when off, so no escape code can reach a
//! pipe or a file.

use std::cell::{Cell, RefCell};
use std::io::{self, IsTerminal, Write};
#[cfg(unix)]
use std::os::fd::AsFd;
use std::path::{Path, PathBuf};

use draftdiff::lineage::{GitPair, GitVersion};
use draftdiff::render::target::{Target, Written};
use draftdiff::render::{ColorEnv, Palette, TerminalEnv, Theme, Visible};
use draftdiff::{Document, Error, ReadOptions, SegmentOptions};

use super::compare::ThemeArg;
use super::{ColorWhen, EncodingArg, GlobalArgs, PagingWhen};
use draftdiff::render::pager::{Pager, PagerEnv, Paging};

/// Which of the two versions an input is: `--old-encoding` and the first `--label` act on
/// OLD, `--new-encoding` and the second on NEW.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The first version.
    Old,
    /// The second version.
    New,
}

/// The two versions of `--git`, read ([`Ctx::git_pair`]).
#[derive(Debug)]
pub struct GitSides {
    /// The old version, named by its commit or `--label`.
    pub old: Document,
    /// The new version, named by its commit, "not committed yet" or `--label`.
    pub new: Document,
    /// The day of each version's commit (`None` for the working tree).
    pub days: [Option<String>; 2],
    /// The file, as given.
    pub file: String,
}

/// Resolved options shared by every subcommand.
#[derive(Debug)]
pub struct Ctx {
    /// The styles of terminal output: coloured, or plain with `[-…-]{+…+}` markers.
    pub palette: Palette,
    /// Columns to lay terminal output out in: `--width`, else the terminal's, else 80.
    pub width: usize,
    /// How to read inputs.
    pub read: ReadOptions,
    /// How to read OLD and NEW (`--old-encoding`, `--new-encoding`, else as [`read`](Self::read)).
    read_sides: [ReadOptions; 2],
    /// `--label`: the names OLD and NEW are shown by instead of their paths.
    labels: Vec<String>,
    /// The pager standard output goes through, if any.
    pager: Option<Pager>,
    /// `-q`: write nothing.
    quiet: bool,
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
    /// [`Target`]): a target that cannot be written fails here, before any work. `pages`:
    /// the command's output may go through a pager; `quiet`: nothing is written.
    pub fn from_env(global: &GlobalArgs, pages: bool, quiet: bool) -> Result<Ctx, Error> {
        let target = Target::open(global.output.as_deref())?;
        let stdout_terminal = io::stdout().is_terminal();
        let terminal = target.is_stdout() && stdout_terminal;
        let env = TerminalEnv {
            color: ColorEnv {
                no_color: std::env::var_os("NO_COLOR"),
                clicolor_force: std::env::var_os("CLICOLOR_FORCE"),
                term: std::env::var_os("TERM"),
            },
            colorfgbg: std::env::var_os("COLORFGBG"),
            output_terminal: terminal,
            // Measured here, before any pager takes standard output over.
            columns: terminal_width(target.is_stdout()),
        };
        let color = match global.color {
            ColorWhen::Always => Some(true),
            ColorWhen::Never => Some(false),
            ColorWhen::Auto => None,
        };
        let theme = match global.theme {
            ThemeArg::Light => Some(Theme::Light),
            ThemeArg::Dark => Some(Theme::Dark),
            ThemeArg::Auto => None,
        };
        let width = env.width(global.width);
        let pager = if pages && !quiet && target.is_stdout() {
            let when = match global.paging {
                PagingWhen::Auto => Paging::Auto,
                PagingWhen::Always => Paging::Always,
                PagingWhen::Never => Paging::Never,
            };
            let env = PagerEnv {
                draftdiff_pager: std::env::var_os("DRAFTDIFF_PAGER"),
                pager: std::env::var_os("PAGER"),
                less: std::env::var_os("LESS"),
            };
            Pager::decide(when, stdout_terminal, env, width)
        } else {
            None
        };
        let tracked = if global.original {
            draftdiff::read::TrackedChanges::Original
        } else {
            draftdiff::read::TrackedChanges::Accepted
        };
        let read = ReadOptions::new()
            .encoding(encoding(global.encoding))
            .tracked_changes(tracked);
        let side = |e: Option<EncodingArg>| match e {
            Some(_) => ReadOptions::new()
                .encoding(encoding(e))
                .tracked_changes(tracked),
            None => read.clone(),
        };
        Ok(Ctx {
            palette: env.palette(color, theme),
            width,
            read_sides: [side(global.old_encoding), side(global.new_encoding)],
            read,
            labels: global.label.clone(),
            pager,
            quiet,
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

    /// Reads and segments OLD or NEW, with its own encoding if one was given, and names it
    /// by its `--label` if one was given.
    pub fn load_side(&self, path: &str, side: Side) -> Result<Document, Error> {
        let bytes = self.bytes(path)?;
        self.load_bytes(path, bytes, side)
    }

    /// [`load_side`](Self::load_side) on OLD and NEW, both read and segmented at once
    /// (`read::document_pair`); OLD's error first, as when loaded one after the other.
    pub fn load_pair(&self, old: &str, new: &str) -> Result<(Document, Document), Error> {
        let old_bytes = self.bytes(old)?;
        let new_bytes = match self.bytes(new) {
            Ok(bytes) => bytes,
            Err(e) => {
                self.load_bytes(old, old_bytes, Side::Old)?;
                return Err(e);
            }
        };
        let input = |path, bytes, side: Side| draftdiff::read::Input {
            path,
            bytes,
            options: &self.read_sides[side as usize],
        };
        let (mut old_doc, mut new_doc) = draftdiff::read::document_pair(
            input(old, old_bytes, Side::Old),
            input(new, new_bytes, Side::New),
            &SegmentOptions::new(),
        )?;
        self.relabel(&mut old_doc, Side::Old);
        self.relabel(&mut new_doc, Side::New);
        Ok((old_doc, new_doc))
    }

    /// Names `doc` by the `--label` of its side, if one was given.
    fn relabel(&self, doc: &mut Document, side: Side) {
        if let Some(label) = self.labels.get(side as usize) {
            doc.path.clone_from(label);
        }
    }

    /// The document of OLD's or NEW's bytes, named by its label.
    fn load_bytes(&self, path: &str, bytes: Vec<u8>, side: Side) -> Result<Document, Error> {
        let mut doc = draftdiff::read::document(
            path,
            bytes,
            &self.read_sides[side as usize],
            &SegmentOptions::new(),
        )?;
        self.relabel(&mut doc, side);
        Ok(doc)
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

    /// The two versions `--git VALUES…` names ([`GitPair`]: `FILE`, `REV FILE`,
    /// `REV1..REV2 FILE` or `REV1 REV2 FILE`), as documents named by their commits (or by
    /// `--label`), with each commit's day (`None` for the working tree), and the file, which
    /// counts as an input: `-o` never writes over it.
    pub fn git_pair(&self, values: &[String]) -> Result<GitSides, Error> {
        let pair = GitPair::parse(values)?;
        self.read_paths.borrow_mut().push(PathBuf::from(&pair.path));
        let (old, new) = pair.load(&self.read)?;
        let days = [old.day().map(str::to_string), new.day().map(str::to_string)];
        let mut docs = [old, new].map(|v| v.into_document(&SegmentOptions::new()));
        for (doc, label) in docs.iter_mut().zip(&self.labels) {
            doc.path.clone_from(label);
        }
        let [old, new] = docs;
        Ok(GitSides {
            old,
            new,
            days,
            file: pair.path,
        })
    }

    /// Writes the output produced by `write` where `-o` says (see [`Target`]), through
    /// the pager when there is one; with `-q`, writes nothing.
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
        if self.quiet {
            return Ok(());
        }
        if let (Some(pager), true) = (&self.pager, target.is_stdout()) {
            let closed = pager.write(write).map_err(|e| Error::Output {
                path: "-".into(),
                message: e.to_string(),
            })?;
            self.pipe_closed.set(closed);
            return Ok(());
        }
        if target.write(&inputs, write)? == Written::PipeClosed {
            self.pipe_closed.set(true);
        }
        Ok(())
    }
}

/// The library's encoding for `--encoding` (none: UTF-8, or UTF-16 with a byte-order mark).
fn encoding(arg: Option<EncodingArg>) -> draftdiff::read::Encoding {
    use draftdiff::read::Encoding;
    match arg {
        None => Encoding::Auto,
        Some(EncodingArg::Utf8) => Encoding::Utf8,
        Some(EncodingArg::Windows1252) => Encoding::Windows1252,
        Some(EncodingArg::Utf16Le) => Encoding::Utf16Le,
        Some(EncodingArg::Utf16Be) => Encoding::Utf16Be,
    }
}

/// The columns of the terminal the output is shown on: standard output's when it is a
/// terminal (and the output goes there: `to_stdout`); else, when standard output is a pipe
/// and standard error a terminal (`draftdiff … | less -R`), the terminal's at the end of
/// that pipe, as far as can be told. `None` when the output goes to no terminal.
fn terminal_width(to_stdout: bool) -> Option<usize> {
    if !to_stdout {
        return None;
    }
    if io::stdout().is_terminal() {
        return terminal_size::terminal_size().map(|(w, _)| usize::from(w.0));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let stdout_is_pipe = std::fs::File::from(io::stdout().as_fd().try_clone_to_owned().ok()?)
            .metadata()
            .is_ok_and(|m| m.file_type().is_fifo());
        if stdout_is_pipe && io::stderr().is_terminal() {
            return terminal_size::terminal_size_of(io::stderr()).map(|(w, _)| usize::from(w.0));
        }
    }
    None
}
