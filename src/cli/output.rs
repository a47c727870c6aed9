//! The environment, read once: the colour decision, the terminal width, where output goes.
//!
//! Colour follows git and ripgrep: `--color always|never` is obeyed as given; `auto` (the
//! default) colours only when the output is a terminal, `NO_COLOR` is unset or empty and
//! `TERM` is not `dumb`, except that `CLICOLOR_FORCE` (set, not empty, not `0`) forces
//! colour on. Output to `-o FILE` is never a terminal. The decision becomes a
//! [`Palette`]: all plain styles when off, so no escape code can reach a pipe or a file.

use std::cell::Cell;
use std::ffi::OsString;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use draftdiff::render::{DEFAULT_WIDTH, MIN_WIDTH, Palette};
use draftdiff::{Document, Error, ReadOptions, SegmentOptions};

use super::{ColorWhen, EncodingArg, GlobalArgs};

/// Resolved options shared by every subcommand.
#[derive(Debug)]
pub struct Ctx {
    /// Whether to colour terminal output.
    pub color: bool,
    /// The styles of terminal output: coloured, or plain with `[-…-]{+…+}` markers.
    pub palette: Palette,
    /// Columns to lay terminal output out in: `--width`, else the terminal's, else 80.
    pub width: usize,
    /// How to read inputs.
    pub read: ReadOptions,
    /// Where to write (`None` = standard output).
    pub output: Option<String>,
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
    /// Reads the environment and the global options once.
    pub fn from_env(global: &GlobalArgs) -> Ctx {
        let stdout_terminal = io::stdout().is_terminal();
        let terminal = global.output.is_none() && stdout_terminal;
        let color = decide_color(global.color, terminal, &ColorEnv::from_process());
        let width = match global.width {
            Some(w) => w,
            None if terminal => terminal_size::terminal_size()
                .map(|(w, _)| usize::from(w.0))
                .unwrap_or(DEFAULT_WIDTH),
            None => DEFAULT_WIDTH,
        }
        .max(MIN_WIDTH);
        let encoding = match global.encoding {
            None => draftdiff::read::Encoding::Auto,
            Some(EncodingArg::Utf8) => draftdiff::read::Encoding::Utf8,
            Some(EncodingArg::Windows1252) => draftdiff::read::Encoding::Windows1252,
        };
        Ctx {
            color,
            palette: Palette::new(color),
            width,
            read: ReadOptions::new().encoding(encoding),
            output: global.output.clone(),
            pipe_closed: Cell::new(false),
        }
    }

    /// True when standard output was closed by its reader during [`emit`](Self::emit).
    pub fn pipe_closed(&self) -> bool {
        self.pipe_closed.get()
    }

    /// Reads and segments one input; `-` is standard input.
    pub fn load(&self, path: &str) -> Result<Document, Error> {
        let bytes = if path == "-" {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io("<stdin>", e))?;
            bytes
        } else {
            draftdiff::read::read_bytes(path)?
        };
        // Text, Markdown, Word, OpenDocument or PDF: decided from the bytes.
        draftdiff::read::document(path, bytes, &self.read, &SegmentOptions::new())
    }

    /// Writes the output produced by `write`, to standard output or to `-o FILE`.
    ///
    /// `inputs` are the input paths: an output file that is one of them (same path after
    /// resolving links, or the same file through a hard link) is refused before anything
    /// is written. A file is written whole or not at all: to a temporary file in the same
    /// directory, then renamed over the target. A closed pipe on standard output is not an
    /// error (like `diff … | head`).
    pub fn emit(
        &self,
        inputs: &[&str],
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), Error> {
        if let Some(path) = &self.output {
            return write_file(path, inputs, write);
        }
        let stdout = io::stdout();
        let mut out = io::BufWriter::new(stdout.lock());
        match write(&mut out).and_then(|()| out.flush()) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.pipe_closed.set(true);
                Ok(())
            }
            Err(e) => Err(Error::Output {
                path: "-".into(),
                message: e.to_string(),
            }),
        }
    }
}

/// Writes `-o FILE` whole, refusing to overwrite an input.
fn write_file(
    path: &str,
    inputs: &[&str],
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Error> {
    let fail = |message: String| Error::Output {
        path: path.to_string(),
        message,
    };
    let target = Path::new(path);
    for input in inputs.iter().filter(|&&i| i != "-") {
        if same_file(target, Path::new(input)) {
            return Err(fail(format!(
                "it is also an input ({input}); refusing to overwrite it"
            )));
        }
    }
    if target.is_dir() {
        return Err(fail("it is a directory".into()));
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // The file gets the permissions of the file it replaces, or of a new file (0666 less
    // the umask), not the owner-only mode of a temporary file.
    let permissions = match std::fs::metadata(target) {
        Ok(meta) => Some(meta.permissions()),
        Err(_) => new_file_permissions(),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".draftdiff-");
    if let Some(p) = permissions.clone() {
        builder.permissions(p);
    }
    let mut tmp = builder.tempfile_in(&dir).map_err(|e| {
        fail(format!(
            "cannot create a temporary file in {}: {e}",
            dir.display()
        ))
    })?;
    {
        let mut out = io::BufWriter::new(tmp.as_file_mut());
        write(&mut out)
            .and_then(|()| out.flush())
            .map_err(|e| fail(e.to_string()))?;
    }
    tmp.persist(target).map_err(|e| fail(e.error.to_string()))?;
    Ok(())
}

/// The mode a new file gets: 0666, which the umask then restricts as for any new file.
fn new_file_permissions() -> Option<std::fs::Permissions> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(std::fs::Permissions::from_mode(0o666))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// True when `a` and `b` name the same existing file: same canonical path, or (on Unix)
/// the same device and inode.
fn same_file(a: &Path, b: &Path) -> bool {
    if let (Ok(ca), Ok(cb)) = (a.canonicalize(), b.canonicalize()) {
        if ca == cb {
            return true;
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return ma.dev() == mb.dev() && ma.ino() == mb.ino();
        }
    }
    false
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
