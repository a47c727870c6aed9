//! PLACEHOLDER: filled in by the issue that owns the blame bench.

fn main() {}
