//! Synthetic version pairs with known lineage, for tests, benches and tuning.
//!
//! PLACEHOLDER: the alignment issue fills this in.
