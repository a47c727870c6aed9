//! Where `-o FILE` writes, decided before any work, as a shell decides `> FILE`.
//!
//! The one part of `render/` that touches the process: it writes to standard output or
//! error and, while a temporary file exists, handles SIGINT, SIGTERM and SIGHUP. Only the
//! binary calls it; renderers themselves write to any `&mut dyn Write`.
//!
//! - `-o -`, no `-o`, or a file that already is standard output (`-o /dev/stdout`): standard
//!   output, written as it is (a file opened by `>>` is appended to, not replaced). Likewise
//!   a file that already is standard error (`-o /dev/stderr`) is written through it.
//! - Anything that is not a regular file (a device such as `/dev/null`, a FIFO): opened and
//!   written straight through; it is never replaced.
//! - A regular file, new or existing: written whole or not at all, to a temporary file in
//!   the same directory, which then replaces it. Symbolic links are followed: the file they
//!   point to is written and the link stays. The new file keeps the old one's permissions and
//!   owner (a new file gets 0666 less the umask). draftdiff refuses, before writing anything:
//!   a directory; a read-only file (no write permission for anyone: as root too, draftdiff
//!   does not replace what its owner marked read-only); a file the user may not write; a file
//!   whose owner the new file cannot be given; and any file that is also an input (same path,
//!   another spelling, a hard or symbolic link, or standard input redirected from it).
//! - Interrupted by SIGINT, SIGTERM or SIGHUP, the command removes its temporary file and
//!   exits 128 + the signal's number (130, 143, 129), the status a shell reports.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::Error;

/// The output of a command.
#[derive(Debug)]
pub enum Target {
    /// Standard output.
    Stdout,
    /// Standard error (`-o /dev/stderr`).
    Stderr,
    /// Not a regular file: written in place.
    Through {
        /// As the user gave it, for messages.
        shown: String,
        /// The file, links followed.
        path: PathBuf,
    },
    /// A regular file, written to `pending` and renamed over `path`.
    Replace {
        /// As the user gave it, for messages.
        shown: String,
        /// The file, links followed.
        path: PathBuf,
        /// The temporary file in the same directory.
        pending: Pending,
    },
}

/// How many symbolic links to follow before giving up, as the kernel does (`ELOOP`).
const MAX_LINKS: usize = 40;

impl Target {
    /// Resolves `-o` (`None`: standard output) and prepares a regular file's temporary file.
    pub fn open(output: Option<&str>) -> Result<Target, Error> {
        let Some(shown) = output.filter(|&o| o != "-") else {
            return Ok(Target::Stdout);
        };
        let fail = |message: String| Error::Output {
            path: shown.to_string(),
            message,
        };
        let path = follow_links(Path::new(shown)).map_err(fail)?;
        let meta = match fs::metadata(&path) {
            Ok(meta) => Some(meta),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(fail(e.to_string())),
        };
        let Some(meta) = meta else {
            if path.file_name().is_none() {
                return Err(fail("it is not a file name".into()));
            }
            let pending = Pending::create(&path, None).map_err(fail)?;
            return Ok(Target::Replace {
                shown: shown.to_string(),
                path,
                pending,
            });
        };
        if is_open_as(&meta, io::stdout()) {
            return Ok(Target::Stdout);
        }
        if is_open_as(&meta, io::stderr()) {
            return Ok(Target::Stderr);
        }
        if meta.is_dir() {
            return Err(fail("it is a directory".into()));
        }
        if !meta.is_file() {
            return Ok(Target::Through {
                shown: shown.to_string(),
                path,
            });
        }
        if meta.permissions().readonly() {
            return Err(fail(
                "it is read-only; draftdiff does not replace a read-only file (make it writable, or write elsewhere)".into(),
            ));
        }
        // The test the system makes for a writer (root passes, a plain user may not).
        fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .map_err(|e| fail(e.to_string()))?;
        let pending = Pending::create(&path, Some(&meta)).map_err(fail)?;
        Ok(Target::Replace {
            shown: shown.to_string(),
            path,
            pending,
        })
    }

    /// True for standard output.
    pub fn is_stdout(&self) -> bool {
        matches!(self, Target::Stdout)
    }

    /// Writes the output produced by `write` here. `inputs` are the inputs, by name and
    /// path: a regular file that is one of them is refused before anything is written. A
    /// closed pipe is no error ([`Written::PipeClosed`], like `diff … | head`).
    pub fn write(
        self,
        inputs: &[(&str, &Path)],
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<Written, Error> {
        let (shown, result) = match self {
            Target::Stdout => {
                let stdout = io::stdout();
                let mut out = io::BufWriter::new(stdout.lock());
                ("-".to_string(), write(&mut out).and_then(|()| out.flush()))
            }
            Target::Stderr => {
                let stderr = io::stderr();
                let mut out = io::BufWriter::new(stderr.lock());
                (
                    "/dev/stderr".to_string(),
                    write(&mut out).and_then(|()| out.flush()),
                )
            }
            Target::Through { shown, path } => {
                let result = fs::OpenOptions::new()
                    .write(true)
                    .open(&path)
                    .and_then(|file| {
                        let mut out = io::BufWriter::new(file);
                        write(&mut out).and_then(|()| out.flush())
                    });
                (shown, result)
            }
            Target::Replace {
                shown,
                path,
                pending,
            } => {
                refuse_inputs(&shown, &path, inputs)?;
                let result = pending.commit(&path, write);
                (shown, result)
            }
        };
        match result {
            Ok(()) => Ok(Written::All),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Written::PipeClosed),
            Err(e) => Err(Error::Output {
                path: shown,
                message: e.to_string(),
            }),
        }
    }
}

/// How [`Target::write`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// Everything was written.
    All,
    /// Standard output was closed by its reader.
    PipeClosed,
}

/// An error when the file at `path` (`-o shown`) is one of the `inputs`.
fn refuse_inputs(shown: &str, path: &Path, inputs: &[(&str, &Path)]) -> Result<(), Error> {
    for &(input, input_path) in inputs {
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

/// `path` with every symbolic link in its last component followed (the directories above
/// may be links: the file is still renamed within the directory it is in). The result may
/// not exist: a link to a missing file names the file to create.
fn follow_links(path: &Path) -> Result<PathBuf, String> {
    let mut path = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let to = fs::read_link(&path).map_err(|e| e.to_string())?;
                path = match path.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(path),
        }
    }
    Err("too many levels of symbolic links".into())
}

/// True when `meta` is the file a standard stream (`stream`) already writes to.
#[cfg(unix)]
fn is_open_as(meta: &fs::Metadata, stream: impl std::os::fd::AsFd) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(fd) = stream.as_fd().try_clone_to_owned() else {
        return false;
    };
    fs::File::from(fd)
        .metadata()
        .is_ok_and(|out| out.dev() == meta.dev() && out.ino() == meta.ino())
}

#[cfg(not(unix))]
fn is_open_as<T>(_meta: &fs::Metadata, _stream: T) -> bool {
    false
}

/// A temporary file that replaces its target when [`commit`](Pending::commit)ted, and is
/// removed otherwise: when dropped, or by the signal handler if the process is interrupted.
#[derive(Debug)]
pub struct Pending {
    file: Option<tempfile::NamedTempFile>,
}

/// The temporary file to remove if a signal ends the process (one at a time: a command
/// writes one output).
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

fn pending_path() -> MutexGuard<'static, Option<PathBuf>> {
    PENDING.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Pending {
    /// A temporary file beside `path`, with the permissions and owner of `old` (the file it
    /// will replace), or those of a new file.
    fn create(path: &Path, old: Option<&fs::Metadata>) -> Result<Pending, String> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        install_signal_cleanup();
        let mut builder = tempfile::Builder::new();
        builder.prefix(".draftdiff-");
        if old.is_none() {
            // 0666, which the umask then restricts as for any new file; not the owner-only
            // mode of a temporary file.
            if let Some(mode) = new_file_permissions() {
                builder.permissions(mode);
            }
        }
        // Registered under the lock, so a signal cannot come between creation and
        // registration.
        let mut registered = pending_path();
        let file = builder.tempfile_in(dir).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => format!("no such directory: {}", dir.display()),
            io::ErrorKind::PermissionDenied => {
                format!("permission denied to create a file in {}", dir.display())
            }
            _ => format!("cannot create a temporary file in {}: {e}", dir.display()),
        })?;
        *registered = Some(file.path().to_path_buf());
        drop(registered);
        let pending = Pending { file: Some(file) };
        if let (Some(old), Some(file)) = (old, &pending.file) {
            keep_owner(file.as_file(), old)?;
            file.as_file()
                .set_permissions(old.permissions())
                .map_err(|e| format!("cannot give the new file the old one's permissions: {e}"))?;
        }
        Ok(pending)
    }

    /// Writes the output, makes it durable, and renames it over `path`. On any error the
    /// temporary file is removed and `path` is left as it was.
    pub fn commit(
        mut self,
        path: &Path,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let Some(file) = self.file.as_mut() else {
            return Err(io::Error::other("the output was already written"));
        };
        {
            let mut out = io::BufWriter::new(file.as_file_mut());
            write(&mut out)?;
            out.flush()?;
        }
        file.as_file().sync_all()?;
        let mut registered = pending_path();
        let renamed = match self.file.take() {
            Some(file) => file.persist(path).map(drop).map_err(|e| e.error),
            None => Err(io::Error::other("the output was already written")),
        };
        *registered = None;
        renamed
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        let mut registered = pending_path();
        // Dropping the temporary file removes it.
        if self.file.take().is_some() {
            *registered = None;
        }
    }
}

/// Gives `file` the owner and group of `old`, or says why it cannot.
#[cfg(unix)]
fn keep_owner(file: &fs::File, old: &fs::Metadata) -> Result<(), String> {
    use std::os::unix::fs::MetadataExt;
    let new = file.metadata().map_err(|e| e.to_string())?;
    if (new.uid(), new.gid()) == (old.uid(), old.gid()) {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).map_err(|e| {
        format!(
            "it belongs to user {} and group {}, and the new file cannot be given to them ({e}); refusing to replace it",
            old.uid(),
            old.gid()
        )
    })
}

#[cfg(not(unix))]
fn keep_owner(_file: &fs::File, _old: &fs::Metadata) -> Result<(), String> {
    Ok(())
}

/// The mode a new file gets: 0666, which the umask then restricts as for any new file.
fn new_file_permissions() -> Option<fs::Permissions> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(fs::Permissions::from_mode(0o666))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// On SIGINT, SIGTERM and SIGHUP: remove the pending temporary file, then exit 128 + the
/// signal's number. Installed once, when the first temporary file is made; if the handler
/// cannot be installed the signals keep their default action (the file may then remain).
fn install_signal_cleanup() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        static INSTALLED: std::sync::Once = std::sync::Once::new();
        INSTALLED.call_once(|| {
            let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
            else {
                return;
            };
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    // Holding the lock until exit: the main thread can neither register a
                    // new file nor rename this one away meanwhile.
                    let registered = pending_path();
                    if let Some(path) = registered.as_ref() {
                        let _ = fs::remove_file(path);
                    }
                    std::process::exit(128 + signal);
                }
            });
        });
    }
}

/// True when `a` and `b` name the same existing file: same canonical path, or (on Unix)
/// the same device and inode.
pub fn same_file(a: &Path, b: &Path) -> bool {
    if let (Ok(ca), Ok(cb)) = (a.canonicalize(), b.canonicalize()) {
        if ca == cb {
            return true;
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(ma), Ok(mb)) = (fs::metadata(a), fs::metadata(b)) {
            return ma.dev() == mb.dev() && ma.ino() == mb.ino();
        }
    }
    false
}

/// True when standard input reads the file at `path` (`draftdiff - new < FILE`).
pub fn is_standard_input(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::MetadataExt;
        let stdin = io::stdin();
        let Ok(fd) = stdin.as_fd().try_clone_to_owned() else {
            return false;
        };
        match (fs::File::from(fd).metadata(), fs::metadata(path)) {
            (Ok(i), Ok(p)) => i.is_file() && i.dev() == p.dev() && i.ino() == p.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_followed_to_the_file_they_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("real.txt");
        assert_eq!(follow_links(&file), Ok(file.clone()));
        #[cfg(unix)]
        {
            let link = dir.path().join("link");
            std::os::unix::fs::symlink("real.txt", &link).expect("symlink");
            let twice = dir.path().join("twice");
            std::os::unix::fs::symlink(&link, &twice).expect("symlink");
            assert_eq!(follow_links(&twice), Ok(file));
            let looped = dir.path().join("loop");
            std::os::unix::fs::symlink("loop", &looped).expect("symlink");
            assert!(follow_links(&looped).is_err());
        }
    }
}
