//! PLACEHOLDER: filled in by the issue that owns the report bench.

fn main() {}
