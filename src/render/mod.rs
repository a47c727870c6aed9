//! Stage 5: report → bytes (terminal, side-by-side, JSON, Markdown).
//!
//! PLACEHOLDER: the report issue fills this stage in.
