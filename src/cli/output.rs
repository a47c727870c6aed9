//! The environment, read once into a [`Ctx`]: the variables and standard streams the
//! library's decisions take (`render::TerminalEnv`, `render::pager::PagerEnv`), the global
//! options turned into the library's reading options (`inputs::Inputs`) and output
//! (`render::output::Output`).

use std::cell::RefCell;
use std::io::{self, IsTerminal, Write};
#[cfg(unix)]
use std::os::fd::AsFd;
use std::path::Path;

use draftdiff::inputs::Inputs;
use draftdiff::read::TrackedChanges;
use draftdiff::render::output::Output;
use draftdiff::render::pager::{Pager, PagerEnv};
use draftdiff::render::target::Target;
use draftdiff::render::{ColorEnv, Palette, TerminalEnv, Visible};
use draftdiff::{Error, ReadOptions};

use super::GlobalArgs;

/// Resolved options shared by every subcommand.
#[derive(Debug)]
pub struct Ctx {
    /// The styles of terminal output: coloured, or plain with `[-…-]{+…+}` markers.
    pub palette: Palette,
    /// Columns to lay terminal output out in: `--width`, else the terminal's, else 80.
    pub width: usize,
    /// How inputs are read (`--encoding`, `--original`, `--label`), and the files read.
    pub inputs: Inputs,
    /// Where the output goes (`-o`, the pager, `-q`), until [`emit`](Self::emit) writes it.
    output: RefCell<Output>,
}

impl Ctx {
    /// Reads the environment and the global options once, and prepares the output (see
    /// [`Target`]): a target that cannot be written fails here, before any work. `pages`:
    /// the command's output may go through a pager; `quiet`: nothing is written.
    pub fn from_env(global: &GlobalArgs, pages: bool, quiet: bool) -> Result<Ctx, Error> {
        let var = std::env::var_os;
        let target = Target::open(global.output.as_deref())?;
        let stdout_terminal = io::stdout().is_terminal();
        let env = TerminalEnv {
            color: ColorEnv {
                no_color: var("NO_COLOR"),
                clicolor_force: var("CLICOLOR_FORCE"),
                term: var("TERM"),
            },
            colorfgbg: var("COLORFGBG"),
            output_terminal: target.is_stdout() && stdout_terminal,
            // Measured here, before any pager takes standard output over.
            columns: terminal_width(target.is_stdout()),
        };
        let width = env.width(global.width);
        let pager = (pages && !quiet && target.is_stdout())
            .then(|| {
                let env = PagerEnv {
                    draftdiff_pager: var("DRAFTDIFF_PAGER"),
                    pager: var("PAGER"),
                    less: var("LESS"),
                };
                Pager::decide(global.paging, stdout_terminal, env, width)
            })
            .flatten();
        let tracked = if global.original {
            TrackedChanges::Original
        } else {
            TrackedChanges::Accepted
        };
        let read = |encoding: Option<_>| {
            ReadOptions::new()
                .encoding(encoding.unwrap_or_default())
                .tracked_changes(tracked)
        };
        let inputs = Inputs::new(read(global.encoding))
            .old_options(read(global.old_encoding.or(global.encoding)))
            .new_options(read(global.new_encoding.or(global.encoding)))
            .labels(global.label.clone());
        Ok(Ctx {
            palette: env.palette(global.color, global.theme),
            width,
            inputs,
            output: RefCell::new(Output::new(target).pager(pager).quiet(quiet)),
        })
    }

    /// True when the output is standard output and that is a terminal (binary formats
    /// refuse it).
    pub fn output_is_terminal(&self) -> bool {
        self.output.borrow().is_stdout() && io::stdout().is_terminal()
    }

    /// True when standard output was closed by its reader during [`emit`](Self::emit).
    pub fn pipe_closed(&self) -> bool {
        self.output.borrow().pipe_closed()
    }

    /// Says on standard error which commits git gave that were skipped, and why.
    pub fn note_skipped(&self, skipped: &[draftdiff::lineage::SkippedVersion]) {
        for skipped in skipped {
            let _ = writeln!(
                io::stderr(),
                "draftdiff: note: skipped commit {}: {}",
                Visible(&skipped.label()),
                Visible(&skipped.reason.to_string())
            );
        }
    }

    /// Writes the output produced by `write` where `-o` says, through the pager when there
    /// is one; with `-q`, writes nothing. Neither the `inputs` named nor any file read is
    /// ever replaced (see [`Target`]). A closed pipe on standard output is not an error.
    pub fn emit(
        &self,
        inputs: &[&str],
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), Error> {
        let read = self.inputs.read_paths();
        let named = inputs.iter().map(|&i| (i, Path::new(i)));
        let loaded = read
            .iter()
            .map(|p| (p.to_str().unwrap_or("an input"), p.as_path()));
        let inputs: Vec<(&str, &Path)> = named.chain(loaded).collect();
        self.output.borrow_mut().write(&inputs, write)
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
