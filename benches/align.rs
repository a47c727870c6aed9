//! PLACEHOLDER: filled in by the issue that owns the align bench.

fn main() {}
