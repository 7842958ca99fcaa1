//! Normalization of the three identity-bearing fields, and of unit names.
pub mod id;
pub mod name;
pub mod relation;
pub mod unit;

/// The string type of normalized fields: stored inline up to 24 bytes, so an
/// ID or a name costs no heap allocation.
pub type Text = compact_str::CompactString;
