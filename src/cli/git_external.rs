//! draftdiff called by git as its external diff.
//!
//! `GIT_EXTERNAL_DIFF=draftdiff git diff` (or `git -c diff.external=draftdiff diff`, or a
//! `diff.<driver>.command` chosen by `.gitattributes`) runs draftdiff once per changed file;
//! the library parses git's arguments ([`ExternalDiff`]) before clap sees them, and [`run`]
//! prints the report of the two files labelled `a/PATH` and `b/PATH`, as git labels its own
//! diffs, and exits 0 when they differ: git stops at the first external diff that exits
//! non-zero, so 1 for "different" would end `git diff` after one file.

use std::ffi::OsString;
use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use draftdiff::Error;
use draftdiff::lineage::ExternalDiff;
use draftdiff::render::{self, Format, TerminalOptions};

use super::{Cli, Ctx, trouble};

/// Runs one external-diff call: the report of the two versions on standard output; exit
/// status 0 whether or not they differ, 2 for trouble (git then stops and says so).
pub fn run(call: &ExternalDiff) -> ExitCode {
    let (
        ExternalDiff::Pair {
            old_file, new_file, ..
        },
        Some((old_label, new_label)),
    ) = (call, call.labels())
    else {
        if let ExternalDiff::Unmerged { path } = call {
            // What git itself prints for a conflicted path.
            let _ = writeln!(io::stdout(), "* Unmerged path {}", path.to_string_lossy());
        }
        return ExitCode::SUCCESS;
    };
    // The global options at their defaults, through clap, so they stay in step with `Cli`.
    // git's pager is not a terminal to us, but it shows colour (git runs `less -R`), so colour
    // follows git's own decision to page.
    let mut argv = vec![OsString::from("draftdiff")];
    let paged = std::env::var_os("GIT_PAGER_IN_USE").is_some_and(|v| v == "true" || v == "1");
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if paged && !no_color {
        argv.push("--color=always".into());
    }
    argv.extend(["--".into(), old_file.clone(), new_file.clone()]);
    let cli = match Cli::try_parse_from(argv) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(2);
        }
    };
    // git pages its own output: draftdiff never starts a pager under it.
    let ctx = match Ctx::from_env(&cli.global, false, false) {
        Ok(ctx) => ctx,
        Err(e) => return trouble(&e),
    };
    let files = (old_file.as_os_str(), new_file.as_os_str());
    let docs = ctx.inputs.external_pair(files, (&old_label, &new_label));
    let (old, new) = match docs {
        Ok(docs) => docs,
        Err(Error::Binary { .. }) => {
            // As git says of a binary file it cannot diff; not a reason to stop `git diff`.
            let _ = writeln!(
                io::stdout(),
                "Binary files {old_label} and {new_label} differ"
            );
            return ExitCode::SUCCESS;
        }
        Err(e) => return trouble(&e),
    };
    let alignment = draftdiff::align(&old, &new, &draftdiff::AlignOptions::new());
    let report = draftdiff::diff::report(old, new, alignment, &draftdiff::diff::DiffOptions::new());
    let options = TerminalOptions::new().width(ctx.width);
    match ctx.emit(&[], |w| {
        render::render(&report, Format::Terminal, &options, &ctx.palette, w)
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => trouble(&e),
    }
}
