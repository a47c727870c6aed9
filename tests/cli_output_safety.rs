//! `-o FILE` on hostile targets (devices, FIFOs, symlinks, read-only files, files of another
//! user, `-`), interrupted runs, a broken standard error, and `--width` out of range.
//!
//! Device nodes are made by the test itself in a temporary directory (`mknod`, as root), so
//! that no test can replace the real `/dev/full` or `/dev/null`. A test that needs root or a
//! tool that is missing says so on standard error and in its name of what it skipped.

#![cfg(unix)]

use std::ffi::OsStr;
use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

const CASES: &str = "tests/fixtures/cases";

fn draftdiff() -> Command {
    let mut cmd = Command::cargo_bin("draftdiff").expect("binary built");
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    cmd
}

fn pair() -> [String; 2] {
    [
        format!("{CASES}/move/old.txt"),
        format!("{CASES}/move/new.txt"),
    ]
}

/// The report of [`pair`] as written to standard output.
fn expected() -> Vec<u8> {
    let out = draftdiff().args(pair()).output().expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    out.stdout
}

fn is_root() -> bool {
    fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// Makes a character device node `dir/name` with the given major and minor numbers, or
/// says why it cannot.
fn device(dir: &Path, name: &str, major: u32, minor: u32) -> Option<PathBuf> {
    let path = dir.join(name);
    let made = StdCommand::new("mknod")
        .arg(&path)
        .arg("c")
        .arg(major.to_string())
        .arg(minor.to_string())
        .status();
    if made.is_ok_and(|s| s.success()) {
        Some(path)
    } else {
        eprintln!("SKIPPED: cannot make a device node with mknod here (needs root)");
        None
    }
}

fn temp_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".draftdiff-"))
        .collect()
}

#[test]
fn o_dev_full_reports_error_and_stays_a_device() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Our own node for /dev/full (1, 7); without root, the real one, which only root could
    // replace.
    let full = device(dir.path(), "full", 1, 7).unwrap_or_else(|| PathBuf::from("/dev/full"));
    draftdiff()
        .args(pair())
        .arg("-o")
        .arg(&full)
        .assert()
        .code(2)
        .stderr(contains(full.to_string_lossy().as_ref()))
        .stderr(contains("No space left"));
    assert!(
        fs::metadata(&full)
            .expect("exists")
            .file_type()
            .is_char_device()
    );
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn o_dev_null_is_written_through() {
    let dir = tempfile::tempdir().expect("temp dir");
    let Some(null) = device(dir.path(), "null", 1, 3) else {
        return;
    };
    draftdiff()
        .args(pair())
        .arg("-o")
        .arg(&null)
        .assert()
        .code(0)
        .stdout("");
    assert!(
        fs::metadata(&null)
            .expect("exists")
            .file_type()
            .is_char_device()
    );
    assert_eq!(fs::read_dir(dir.path()).expect("list").count(), 1);
}

#[test]
fn o_fifo_is_written_through() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("fifo");
    let made = StdCommand::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let (send, receive) = std::sync::mpsc::channel();
    let reader = fifo.clone();
    std::thread::spawn(move || {
        let _ = send.send(fs::read(&reader));
    });
    draftdiff()
        .args(pair())
        .arg("-o")
        .arg(&fifo)
        .timeout(Duration::from_secs(60))
        .assert()
        .code(0);
    let read = receive
        .recv_timeout(Duration::from_secs(10))
        .expect("the reader of the FIFO got the output (it would block forever otherwise)")
        .expect("read");
    assert_eq!(read, expected());
    assert!(fs::metadata(&fifo).expect("exists").file_type().is_fifo());
}

#[test]
fn o_symlink_is_followed_not_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir(dir.path().join("real")).expect("mkdir");
    let real = dir.path().join("real/report.txt");
    fs::write(&real, "old report\n").expect("write");
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink("real/report.txt", &link).expect("symlink");
    draftdiff()
        .args(pair())
        .arg("-o")
        .arg(&link)
        .assert()
        .code(0);
    assert!(
        fs::symlink_metadata(&link)
            .expect("exists")
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(&real).expect("read"), expected());

    // A link to a file that does not exist yet: the file is created where it points.
    let dangling = dir.path().join("dangling.txt");
    std::os::unix::fs::symlink("real/later.txt", &dangling).expect("symlink");
    draftdiff()
        .args(pair())
        .arg("-o")
        .arg(&dangling)
        .assert()
        .code(0);
    assert!(
        fs::symlink_metadata(&dangling)
            .expect("exists")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read(dir.path().join("real/later.txt")).expect("read"),
        expected()
    );
}

#[test]
fn o_keeps_permissions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("out.txt");
    fs::write(&file, "old\n").expect("write");
    for mode in [0o640, 0o604, 0o755] {
        fs::set_permissions(&file, fs::Permissions::from_mode(mode)).expect("chmod");
        draftdiff()
            .args(pair())
            .arg("-o")
            .arg(&file)
            .assert()
            .code(0);
        let meta = fs::metadata(&file).expect("written");
        assert_eq!(meta.permissions().mode() & 0o7777, mode);
    }
    assert_eq!(fs::read(&file).expect("read"), expected());
}

#[test]
fn o_keeps_the_owner() {
    if !is_root() {
        eprintln!("SKIPPED o_keeps_the_owner: only root can give a file to another user");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("out.txt");
    fs::write(&file, "old\n").expect("write");
    std::os::unix::fs::chown(&file, Some(65534), Some(65534)).expect("chown");
    draftdiff()
        .args(pair())
        .arg("-o")
        .arg(&file)
        .assert()
        .code(0);
    let meta = fs::metadata(&file).expect("written");
    assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
    assert_eq!(fs::read(&file).expect("read"), expected());
}

/// A read-only target is refused, as root too: draftdiff does not replace a file its owner
/// marked read-only (make it writable, or write elsewhere).
#[test]
fn o_read_only_target_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("out.txt");
    fs::write(&file, "keep me\n").expect("write");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o444)).expect("chmod");
    let inode = fs::metadata(&file).expect("exists").ino();
    draftdiff()
        .args(pair())
        .arg("-o")
        .arg(&file)
        .assert()
        .code(2)
        .stderr(contains("out.txt"))
        .stderr(contains("read-only"));
    assert_eq!(fs::read_to_string(&file).expect("read"), "keep me\n");
    assert_eq!(fs::metadata(&file).expect("exists").ino(), inode);
    assert!(temp_files(dir.path()).is_empty());
}

/// Without root, a file the user may not write is refused too (run as `nobody`).
#[test]
fn o_unwritable_target_is_refused_for_a_plain_user() {
    let runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"]
        .into_iter()
        .find(|p| Path::new(p).exists());
    let (true, Some(runuser)) = (is_root(), runuser) else {
        eprintln!(
            "SKIPPED o_unwritable_target_is_refused_for_a_plain_user: needs root and runuser"
        );
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    // nobody may write the directory, but not the file (root's, 0644).
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).expect("chmod");
    let file = dir.path().join("out.txt");
    fs::write(&file, "keep me\n").expect("write");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).expect("chmod");
    let [old, new] = pair();
    let copy = |name: &str, from: &str| {
        let to = dir.path().join(name);
        fs::copy(from, &to).expect("copy");
        to
    };
    let (old, new) = (copy("old.txt", &old), copy("new.txt", &new));
    let bin = assert_cmd::cargo::cargo_bin("draftdiff");
    let as_nobody = || {
        let mut cmd = StdCommand::new(runuser);
        cmd.args(["-u", "nobody", "--"]).arg(&bin);
        cmd
    };
    let runs = as_nobody().arg("--version").output().expect("runs");
    if !runs.status.success() {
        eprintln!(
            "SKIPPED o_unwritable_target_is_refused_for_a_plain_user: nobody cannot run {}: {}",
            bin.display(),
            String::from_utf8_lossy(&runs.stderr)
        );
        return;
    }
    let out = as_nobody()
        .arg(&old)
        .arg(&new)
        .arg("-o")
        .arg(&file)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("out.txt"),
        "{out:?}"
    );
    let meta = fs::metadata(&file).expect("exists");
    assert_eq!(meta.uid(), 0);
    assert_eq!(fs::read_to_string(&file).expect("read"), "keep me\n");
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn o_dash_means_stdout() {
    let dir = tempfile::tempdir().expect("temp dir");
    let [old, new] = pair();
    let root = std::env::current_dir().expect("cwd");
    let (old, new) = (root.join(old), root.join(new));
    let out = draftdiff().arg(&old).arg(&new).output().expect("runs");
    assert!(!out.stdout.is_empty());
    draftdiff()
        .current_dir(dir.path())
        .arg(&old)
        .arg(&new)
        .args(["-o", "-"])
        .assert()
        .code(0)
        .stdout(out.stdout);
    assert!(!dir.path().join("-").exists());
}

/// `-o /dev/stdout` when standard output is a file writes to that file as it is (appended
/// to by `>>`), rather than replacing it. Spelled `/dev/fd/1` here: a version that replaces
/// its target would replace the machine's `/dev/stdout` (it did, while this test was being
/// written), while it cannot create a file in `/proc/self/fd`.
#[test]
fn o_dev_stdout_writes_to_standard_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("out.txt");
    fs::write(&file, "kept line\n").expect("write");
    let append = fs::OpenOptions::new()
        .append(true)
        .open(&file)
        .expect("open");
    let inode = fs::metadata(&file).expect("exists").ino();
    let status = StdCommand::new(assert_cmd::cargo::cargo_bin("draftdiff"))
        .args(pair())
        .args(["-o", "/dev/fd/1"])
        .stdout(append)
        .status()
        .expect("runs");
    assert_eq!(status.code(), Some(0));
    let mut want = b"kept line\n".to_vec();
    want.extend(expected());
    assert_eq!(fs::read(&file).expect("read"), want);
    assert_eq!(fs::metadata(&file).expect("exists").ino(), inode);
}

/// Likewise `-o /dev/stderr` (spelled `/dev/fd/2`) writes through standard error.
#[test]
fn o_dev_stderr_writes_to_standard_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("log.txt");
    fs::write(&file, "kept line\n").expect("write");
    let append = fs::OpenOptions::new()
        .append(true)
        .open(&file)
        .expect("open");
    let inode = fs::metadata(&file).expect("exists").ino();
    let out = StdCommand::new(assert_cmd::cargo::cargo_bin("draftdiff"))
        .args(pair())
        .args(["-o", "/dev/fd/2"])
        .stderr(append)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let mut want = b"kept line\n".to_vec();
    want.extend(expected());
    assert_eq!(fs::read(&file).expect("read"), want);
    assert_eq!(fs::metadata(&file).expect("exists").ino(), inode);
}

/// Interrupted while the output is being prepared (here: waiting for standard input), the
/// command removes its temporary file and exits 128 + the signal's number.
#[test]
fn o_interrupted_leaves_no_temp_file() {
    let [_, new] = pair();
    for (signal, number) in [("INT", 2), ("TERM", 15), ("HUP", 1)] {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("out.txt");
        fs::write(&out, "previous report\n").expect("write");
        let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("draftdiff"))
            .arg("-")
            .arg(&new)
            .arg("-o")
            .arg(&out)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawns");
        // The temporary file appears while the command waits for its input.
        let start = Instant::now();
        while temp_files(dir.path()).is_empty() && start.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(10));
        }
        let seen = !temp_files(dir.path()).is_empty();
        let killed = StdCommand::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .expect("kill runs");
        assert!(killed.success());
        // `Child::wait` closes a standard input it still holds, and the command would then
        // read its end and finish before the signal's handler runs: keep it open until the
        // command has exited.
        let stdin = child.stdin.take();
        let status = child.wait().expect("waits");
        drop(stdin);
        let mut stderr = String::new();
        if let Some(mut pipe) = child.stderr.take() {
            std::io::Read::read_to_string(&mut pipe, &mut stderr).expect("stderr");
        }
        assert!(seen, "SIG{signal}: no temporary file seen while running");
        assert_eq!(
            status.code(),
            Some(128 + number),
            "SIG{signal}: {status:?}, stderr: {stderr}"
        );
        assert!(temp_files(dir.path()).is_empty(), "SIG{signal}");
        assert_eq!(
            fs::read_to_string(&out).expect("read"),
            "previous report\n",
            "SIG{signal}"
        );
    }
}

fn stderr_to(cmd: &mut StdCommand, stderr: Stdio) -> std::process::ExitStatus {
    cmd.stderr(stderr).status().expect("runs")
}

#[test]
fn closed_stderr_does_not_panic() {
    let bin = assert_cmd::cargo::cargo_bin("draftdiff");
    // An error message written to a full standard error.
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let status = stderr_to(
        StdCommand::new(&bin).args(["no-such-file.txt", "either.txt"]),
        Stdio::from(full),
    );
    assert_eq!(status.code(), Some(2), "{status:?}");
    // And to a closed one (the shell's `2>&-`).
    let status = StdCommand::new("sh")
        .arg("-c")
        .arg("exec 2>&-; exec \"$0\" no-such-file.txt either.txt")
        .arg(&bin)
        .status()
        .expect("runs");
    assert_eq!(status.code(), Some(2), "{status:?}");
}

#[test]
fn width_overflow_is_an_error_not_a_panic() {
    for width in ["18446744073709551615", "99999999999999999999999999"] {
        draftdiff()
            .args(pair())
            .args(["--side-by-side", "--width", width])
            .assert()
            .code(2)
            .stderr(contains("--width"))
            .stderr(contains("panicked").not());
    }
}

#[test]
fn width_above_max_is_an_error() {
    draftdiff()
        .args(pair())
        .args(["--side-by-side", "--width", "1000000000"])
        .assert()
        .code(2)
        .stderr(contains("--width"))
        .stderr(contains("1000"))
        .stdout("");
    draftdiff()
        .args(pair())
        .args(["--side-by-side", "--width", "1000"])
        .assert()
        .code(0);
}

#[test]
fn width_below_min_is_an_error() {
    for width in ["0", "5"] {
        draftdiff()
            .args(pair())
            .args(["--width", width])
            .assert()
            .code(2)
            .stderr(contains("--width"))
            .stdout("");
    }
}

/// Every other bad `-o`: a directory, a missing directory, an input.
#[test]
fn o_bad_targets_are_clear_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let [old, new] = pair();
    for (target, problem) in [
        (dir.path().as_os_str(), "directory"),
        (OsStr::new("no/such/dir/out.txt"), "no/such/dir"),
        (OsStr::new(old.as_str()), "input"),
        (OsStr::new(""), "not a file name"),
        (OsStr::new("no/such/.."), "no/such"),
    ] {
        draftdiff()
            .args([&old, &new])
            .arg("-o")
            .arg(target)
            .assert()
            .code(2)
            .stderr(contains(problem));
    }
}

/// A symbolic link to an input is that input: followed, it is refused like the input.
#[test]
fn o_symlink_to_an_input_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let [old, new] = pair();
    let copy = dir.path().join("old.txt");
    fs::copy(&old, &copy).expect("copy");
    let before = fs::read(&copy).expect("read");
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink("old.txt", &link).expect("symlink");
    draftdiff()
        .arg(&copy)
        .arg(&new)
        .arg("-o")
        .arg(&link)
        .assert()
        .code(2)
        .stderr(contains("input"));
    assert_eq!(fs::read(&copy).expect("read"), before);
    assert!(
        fs::symlink_metadata(&link)
            .expect("exists")
            .file_type()
            .is_symlink()
    );
}

/// Standard input redirected from the output file is the same file as the output.
#[test]
fn o_refuses_the_file_standard_input_reads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let [old, new] = pair();
    let copy = dir.path().join("old.txt");
    fs::copy(&old, &copy).expect("copy");
    let before = fs::read(&copy).expect("read");
    let out = StdCommand::new(assert_cmd::cargo::cargo_bin("draftdiff"))
        .arg("-")
        .arg(&new)
        .arg("-o")
        .arg(&copy)
        .stdin(fs::File::open(&copy).expect("open"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("standard input"),
        "{out:?}"
    );
    assert_eq!(fs::read(&copy).expect("read"), before);
}
