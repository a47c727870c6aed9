//! The wire form of a unit now lives with every other JSON type in
//! [`crate::render::json`]; re-exported here so `segment::UnitJson` keeps working.

pub use crate::render::json::{SourceJson, UnitJson, unit_json};
