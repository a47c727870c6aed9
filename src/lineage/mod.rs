//! Lineage over N versions: trace, blame, log.
//!
//! PLACEHOLDER: the lineage issue fills this in.
