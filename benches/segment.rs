//! PLACEHOLDER: filled in by the issue that owns the segment bench.

fn main() {}
