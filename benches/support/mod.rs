//! Shared by the bench binaries (`cargo bench`): a counting allocator for peak memory,
//! repeated timing, and the fitted growth exponent of a series of timings.
//!
//! The benches are plain binaries (`harness = false`) rather than criterion: each one also
//! measures memory, accuracy or a peer tool in the same run and prints one table, which
//! criterion's statistics-per-function model does not fit.
#![allow(dead_code, reason = "each bench uses a different part")]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// A global allocator that counts live bytes and remembers the peak.
///
/// Install it in a bench binary with
/// `#[global_allocator] static ALLOC: support::PeakAlloc = support::PeakAlloc;`.
pub struct PeakAlloc;

// SAFETY: every call is forwarded unchanged to the system allocator; only counters are added.
unsafe impl GlobalAlloc for PeakAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's pointer and layout.
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded with the caller's pointer, layout and size.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            if new_size >= layout.size() {
                let grow = new_size - layout.size();
                let now = CURRENT.fetch_add(grow, Ordering::Relaxed) + grow;
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                CURRENT.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        new
    }
}

/// Bytes allocated now.
pub fn current_bytes() -> usize {
    CURRENT.load(Ordering::Relaxed)
}

/// Runs `f` once and returns its result, its time, and the peak of live heap bytes *above
/// what was live before it started* (so inputs built outside the timer are not counted).
pub fn measure<T>(f: impl FnOnce() -> T) -> (T, Duration, usize) {
    let base = CURRENT.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let start = Instant::now();
    let out = f();
    let elapsed = start.elapsed();
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    (out, elapsed, peak)
}

/// Runs `f` `runs` times (at least once) and returns the last result, the median time and
/// the largest peak of extra heap bytes.
pub fn measure_median<T>(runs: usize, mut f: impl FnMut() -> T) -> (T, Duration, usize) {
    let mut times = Vec::new();
    let mut peak = 0;
    let mut out = None;
    for _ in 0..runs.max(1) {
        drop(out.take());
        let (o, t, p) = measure(&mut f);
        times.push(t);
        peak = peak.max(p);
        out = Some(o);
    }
    times.sort();
    let out = out.expect("ran at least once");
    (out, times[times.len() / 2], peak)
}

/// The exponent `b` of the least-squares fit `time = a · size^b` over `(size, seconds)`.
pub fn growth_exponent(points: &[(f64, f64)]) -> f64 {
    let n = points.len() as f64;
    let logs: Vec<(f64, f64)> = points.iter().map(|&(x, y)| (x.ln(), y.ln())).collect();
    let mx = logs.iter().map(|p| p.0).sum::<f64>() / n;
    let my = logs.iter().map(|p| p.1).sum::<f64>() / n;
    let cov: f64 = logs.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let var: f64 = logs.iter().map(|p| (p.0 - mx).powi(2)).sum();
    cov / var
}

/// Bytes as MiB, for tables.
pub fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// True when `cargo bench` was asked for a quick run (`DRAFTDIFF_BENCH_QUICK=1`), which
/// the benches honour by using their smallest sizes only.
pub fn quick() -> bool {
    std::env::var_os("DRAFTDIFF_BENCH_QUICK").is_some_and(|v| v == "1")
}
