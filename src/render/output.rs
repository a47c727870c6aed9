//! Where a command's output goes, written once: a [`Target`](crate::render::target::Target) (`-o FILE` or standard
//! output), through a [`Pager`](crate::render::pager::Pager) when there is one, or nowhere (`-q`).
//!
//! A program that shows draftdiff's reports decides once, before any work (so a target
//! that cannot be written fails first), and writes once, naming the inputs that must not be
//! written over:
//!
//! ```no_run
//! use std::path::Path;
//! use draftdiff::render::output::Output;
//! use draftdiff::render::target::Target;
//!
//! let mut output = Output::new(Target::open(Some("report.txt"))?);
//! output.write(&[("old.txt", Path::new("old.txt"))], |w| writeln!(w, "a report"))?;
//! assert!(!output.pipe_closed());
//! # Ok::<(), draftdiff::Error>(())
//! ```

use std::io::{self, Write};
use std::path::Path;

use super::pager::Pager;
use super::target::{Target, Written};
use crate::Error;

/// The output of one command: where it goes and how, until it is written.
#[derive(Debug)]
pub struct Output {
    /// Where to write; `None` once written.
    target: Option<Target>,
    /// The pager standard output goes through, if any.
    pager: Option<Pager>,
    /// Write nothing (`-q`).
    quiet: bool,
    /// Set when the reader closed standard output (`draftdiff … | head`) or quit the pager
    /// before the end.
    pipe_closed: bool,
}

impl Output {
    /// Output to `target`, not paged.
    pub fn new(target: Target) -> Output {
        Output {
            target: Some(target),
            pager: None,
            quiet: false,
            pipe_closed: false,
        }
    }

    /// Shows the output through `pager` when it goes to standard output (a file is never
    /// paged).
    pub fn pager(mut self, pager: Option<Pager>) -> Output {
        self.pager = pager;
        self
    }

    /// Writes nothing (`-q`): the command runs for its exit status alone.
    pub fn quiet(mut self, quiet: bool) -> Output {
        self.quiet = quiet;
        self
    }

    /// True while the output is still to be written to standard output.
    pub fn is_stdout(&self) -> bool {
        self.target.as_ref().is_some_and(Target::is_stdout)
    }

    /// True when standard output was closed by its reader during [`write`](Self::write):
    /// not an error, as for `diff … | head`.
    pub fn pipe_closed(&self) -> bool {
        self.pipe_closed
    }

    /// Writes the output produced by `write`, through the pager when there is one; when
    /// quiet, writes nothing. `inputs` (by name and path) are never written over (see
    /// [`Target::write`]). An output is written once: a second call is an error.
    pub fn write(
        &mut self,
        inputs: &[(&str, &Path)],
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), Error> {
        let target = self.target.take().ok_or_else(|| Error::Output {
            path: "-".into(),
            message: "the output was already written".into(),
        })?;
        if self.quiet {
            return Ok(());
        }
        if let (Some(pager), true) = (&self.pager, target.is_stdout()) {
            self.pipe_closed = pager.write(write).map_err(|e| Error::Output {
                path: "-".into(),
                message: e.to_string(),
            })?;
            return Ok(());
        }
        self.pipe_closed = target.write(inputs, write)? == Written::PipeClosed;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_output_is_written_once_and_quiet_writes_nothing() {
        let mut quiet = Output::new(Target::Stdout).quiet(true);
        assert!(quiet.is_stdout());
        let mut called = false;
        quiet
            .write(&[], |_| {
                called = true;
                Ok(())
            })
            .expect("quiet is no error");
        assert!(!called, "-q writes nothing");
        assert!(!quiet.is_stdout(), "written");
        let again = quiet.write(&[], |_| Ok(())).unwrap_err();
        assert!(again.to_string().contains("already written"), "{again}");
    }

    #[test]
    fn a_file_is_written_and_never_paged() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.txt");
        let pager = Pager::decide(
            super::super::pager::Paging::Always,
            true,
            super::super::pager::PagerEnv {
                draftdiff_pager: Some("false".into()),
                ..Default::default()
            },
            80,
        );
        assert!(pager.is_some());
        let target = Target::open(path.to_str()).expect("opens");
        let mut output = Output::new(target).pager(pager);
        assert!(!output.is_stdout());
        output
            .write(&[], |w| w.write_all(b"report\n"))
            .expect("writes");
        assert_eq!(std::fs::read(&path).expect("written"), b"report\n");
        assert!(!output.pipe_closed());
    }
}
