//! draftdiff against `git diff --no-index --word-diff=porcelain`, side by side, in one run
//! (issue 12): shared-stock prose (`synth::StockOptions`) at 1,000, 10,000 and 100,000
//! paragraphs, with and without PDF noise on the new version.
//!
//! ```text
//! cargo bench --bench vs_git                                  # 1k, 10k, 100k
//! DRAFTDIFF_BENCH_QUICK=1 cargo bench --bench vs_git          # 1k, 10k
//! DRAFTDIFF_BENCH_SIZES=10000 cargo bench --bench vs_git      # chosen sizes
//! DRAFTDIFF_BENCH_BIN=/path/to/draftdiff cargo bench --bench vs_git   # another build
//! DRAFTDIFF_BENCH_PDF=1 cargo bench --bench vs_git            # the PDF series only
//! DRAFTDIFF_BENCH_STAGES=1 cargo bench --bench vs_git         # + time and heap per stage
//! DRAFTDIFF_BENCH_STAGES=only cargo bench --bench vs_git      # the stages alone
//! ```
//!
//! Every command runs as a child process on the same two files, written to a temporary
//! directory outside the timers, with its output to a file there: wall time, and peak
//! resident memory from the child's own `rusage` (`wait4`), so the figures are the ones a
//! user sees and include the reading of the inputs. Each figure is the median of three runs
//! (peak memory: the largest), with that run's CPU time (user + system, all threads: less
//! sensitive than wall time to other work on a shared machine) and the load average.
//! Measured: `draftdiff OLD NEW --format json`, the terminal report (`draftdiff OLD NEW
//! --color never`) and git; then the ratio to git and the
//! exponent of the fitted growth `time = a · paragraphs^b` over the sizes.
//!
//! Dated figures (2-core machine shared with five other builds, so ±50% between runs) are in
//! CHANGELOG.md and the closing note of issue 12.

mod support;

use std::fs::File;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use draftdiff::diff::{DiffOptions, report};
use draftdiff::render::{self, Palette, TerminalOptions};
use draftdiff::synth::{StockOptions, SynthOptions, generate};
use draftdiff::{AlignOptions, ReadOptions, SegmentOptions};

#[global_allocator]
static ALLOC: support::PeakAlloc = support::PeakAlloc;

const RUNS: usize = 3;

/// One run of a child process: wall time, CPU time (user + system, all threads) and peak
/// resident set.
struct Run {
    time: Duration,
    cpu: Duration,
    peak_rss: usize,
}

/// Runs `cmd` with its output to `out`, waits for it with `wait4`, and returns its wall time
/// and peak RSS. Exit statuses 0 and 1 (differences found) are success for both tools.
fn run_child(cmd: &mut Command, out: &Path) -> Run {
    let sink = File::create(out).expect("output file");
    let start = Instant::now();
    #[allow(
        clippy::zombie_processes,
        reason = "reaped by wait4 below, which also gives its rusage"
    )]
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::from(sink))
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn child");
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: `rusage` is plain old data; zeroed is a valid value for it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child; both pointers are to live locals.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let time = start.elapsed();
    assert_eq!(waited, pid, "wait4 failed");
    let code = std::process::ExitStatus::from_raw(status).code();
    assert!(
        matches!(code, Some(0 | 1)),
        "{cmd:?} failed with status {code:?}"
    );
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    // Linux reports ru_maxrss in KiB.
    Run {
        time,
        cpu: tv(usage.ru_utime) + tv(usage.ru_stime),
        peak_rss: usage.ru_maxrss as usize * 1024,
    }
}

/// Median time (and that run's CPU time) and largest peak of `RUNS` runs.
fn median(mut make: impl FnMut() -> Command, out: &Path) -> Run {
    let mut runs: Vec<Run> = (0..RUNS).map(|_| run_child(&mut make(), out)).collect();
    let peak_rss = runs.iter().map(|r| r.peak_rss).max().unwrap_or(0);
    runs.sort_by_key(|r| r.time);
    let middle = &runs[runs.len() / 2];
    Run {
        time: middle.time,
        cpu: middle.cpu,
        peak_rss,
    }
}

/// The figures of one pair.
struct Row {
    paragraphs: usize,
    json: Run,
    terminal: Run,
    git: Run,
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn sizes() -> Vec<usize> {
    if let Some(list) = std::env::var_os("DRAFTDIFF_BENCH_SIZES") {
        return list
            .to_string_lossy()
            .split(',')
            .map(|s| s.trim().parse().expect("DRAFTDIFF_BENCH_SIZES: numbers"))
            .collect();
    }
    if support::quick() {
        vec![1_000, 10_000]
    } else {
        vec![1_000, 10_000, 100_000]
    }
}

/// Runs this bench binary again as a helper (`generate` a pair, or time the `stages`), so
/// that this process never holds a large pair and forks small children.
fn helper(task: &str, args: &[&str], old: &Path, new: &Path) {
    let status = Command::new(std::env::current_exe().expect("own path"))
        .env(HELPER, task)
        .args(args)
        .arg(old)
        .arg(new)
        .status()
        .expect("runs the helper");
    assert!(status.success(), "helper {task} failed: {status}");
}

/// The environment variable that makes this binary a helper.
const HELPER: &str = "DRAFTDIFF_BENCH_VS_GIT_HELPER";

fn file_len(path: &Path) -> usize {
    std::fs::metadata(path).expect("file written").len() as usize
}

/// The helper's side: `generate N pdf|plain OLD NEW` or `stages OLD NEW`.
fn run_helper(task: &str) {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match task {
        "generate" => {
            let n: usize = args[0].parse().expect("paragraphs");
            let pair = generate(
                &SynthOptions::new(n)
                    .stock(StockOptions::new())
                    .pdf_noise(args[1] == "pdf"),
            );
            std::fs::write(&args[2], &pair.old).expect("write old");
            std::fs::write(&args[3], &pair.new).expect("write new");
        }
        "stages" => stages(Path::new(&args[0]), Path::new(&args[1])),
        other => panic!("unknown helper task {other}"),
    }
}

fn main() {
    if let Ok(task) = std::env::var(HELPER) {
        run_helper(&task);
        return;
    }
    let bin = std::env::var("DRAFTDIFF_BENCH_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_draftdiff").to_string());
    let dir = tempfile::tempdir().expect("temp dir");
    let (old, new) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    let out = dir.path().join("out");
    println!("draftdiff: {bin}");
    // DRAFTDIFF_BENCH_PDF=0 or 1: one series only.
    let series = match std::env::var("DRAFTDIFF_BENCH_PDF").as_deref() {
        Ok("0") => vec![false],
        Ok("1") => vec![true],
        _ => vec![false, true],
    };
    for pdf in series {
        let mut rows = Vec::new();
        for n in sizes() {
            // Generated in a child process: a child's peak RSS counts the memory of the parent
            // it was forked from until it runs its program, so the parent stays small.
            helper(
                "generate",
                &[&n.to_string(), if pdf { "pdf" } else { "plain" }],
                &old,
                &new,
            );
            let bytes = (file_len(&old), file_len(&new));
            let stage_mode = std::env::var("DRAFTDIFF_BENCH_STAGES").unwrap_or_default();
            if stage_mode == "only" {
                println!(
                    "{n} ¶ shared stock{}:",
                    if pdf { " + PDF noise" } else { "" }
                );
                helper("stages", &[], &old, &new);
                continue;
            }
            let draftdiff = |extra: &[&str]| {
                let mut cmd = Command::new(&bin);
                cmd.arg(&old).arg(&new).args(extra);
                cmd
            };
            let json = median(|| draftdiff(&["--format", "json"]), &out);
            let terminal = median(|| draftdiff(&["--color", "never"]), &out);
            let git = median(
                || {
                    let mut cmd = Command::new("git");
                    cmd.args(["diff", "--no-index", "--word-diff=porcelain", "--no-color"])
                        .arg(&old)
                        .arg(&new);
                    cmd
                },
                &out,
            );
            let row = Row {
                paragraphs: n,
                json,
                terminal,
                git,
            };
            print_row(pdf, bytes, &row);
            if stage_mode == "1" {
                helper("stages", &[], &old, &new);
            }
            rows.push(row);
        }
        if rows.len() >= 2 {
            let exponent = |pick: fn(&Row) -> &Run| {
                let points: Vec<(f64, f64)> = rows
                    .iter()
                    .map(|r| (r.paragraphs as f64, secs(pick(r).time)))
                    .collect();
                support::growth_exponent(&points)
            };
            println!(
                "  growth exponent {}–{} ¶: json {:.2}, terminal {:.2}, git {:.2}",
                rows[0].paragraphs,
                rows[rows.len() - 1].paragraphs,
                exponent(|r| &r.json),
                exponent(|r| &r.terminal),
                exponent(|r| &r.git)
            );
        }
    }
}

fn print_row(pdf: bool, bytes: (usize, usize), row: &Row) {
    let ratio = |run: &Run| {
        format!(
            "{:.2}× time, {:.2}× memory",
            secs(run.time) / secs(row.git.time).max(1e-9),
            run.peak_rss as f64 / row.git.peak_rss.max(1) as f64
        )
    };
    println!(
        "{} ¶ shared stock{} ({:.1} + {:.1} MB), load average {}:",
        row.paragraphs,
        if pdf { " + PDF noise" } else { "" },
        bytes.0 as f64 / 1e6,
        bytes.1 as f64 / 1e6,
        load_average()
    );
    for (name, run) in [
        ("draftdiff --format json", &row.json),
        ("draftdiff --color never", &row.terminal),
        ("git --word-diff=porcelain", &row.git),
    ] {
        let vs = if std::ptr::eq(run, &row.git) {
            String::new()
        } else {
            format!("  ({})", ratio(run))
        };
        println!(
            "  {name:<26} {:>8.3} s  cpu {:>8.3} s  {:>8.1} MiB{vs}",
            secs(run.time),
            secs(run.cpu),
            support::mib(run.peak_rss)
        );
    }
}

/// The 1, 5 and 15-minute load averages (`/proc/loadavg`), or `?` where there is none:
/// on a shared machine a time means little without the load it was measured under.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "?".into())
}

/// The pipeline in this process, each stage timed once with the peak of live heap above what
/// was live before it: where the time and memory of the whole job go.
fn stages(old: &Path, new: &Path) {
    let read = ReadOptions::new();
    fn input<'a>(path: &'a Path, read: &'a ReadOptions) -> draftdiff::read::Input<'a> {
        let path = path.to_str().expect("utf-8 path");
        let bytes = draftdiff::read::read_bytes(path).expect("reads");
        draftdiff::read::Input {
            path,
            bytes,
            options: read,
        }
    }
    // As the binary loads OLD and NEW: both at once.
    let (docs, t_load, m_load) = support::measure(|| {
        draftdiff::read::document_pair(input(old, &read), input(new, &read), &SegmentOptions::new())
            .expect("loads")
    });
    let (alignment, t_align, m_align) =
        support::measure(|| draftdiff::align(&docs.0, &docs.1, &AlignOptions::new()));
    let (report, t_diff, m_diff) =
        support::measure(|| report(docs.0, docs.1, alignment, &DiffOptions::new()));
    let (_, t_json, m_json) = support::measure(|| {
        render::json(&report, &mut std::io::sink()).expect("renders");
    });
    let (_, t_term, m_term) = support::measure(|| {
        let options = TerminalOptions::new();
        render::terminal(&report, &options, &Palette::plain(), &mut std::io::sink())
            .expect("renders");
    });
    let total = secs(t_load + t_align + t_diff + t_json);
    let stage = |name: &str, t: Duration, m: usize| {
        println!(
            "    {name:<14} {:>8.3} s {:>5.1}%  heap +{:.1} MiB",
            secs(t),
            100.0 * secs(t) / total.max(1e-9),
            support::mib(m)
        );
    };
    println!("  stages (in process, share of the JSON job):");
    stage("read+segment", t_load, m_load);
    stage("align", t_align, m_align);
    stage("word diffs", t_diff, m_diff);
    stage("render json", t_json, m_json);
    stage("render term", t_term, m_term);
}
