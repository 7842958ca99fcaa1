//! Normalization of the three identity-bearing fields.
pub mod id;
pub mod name;
pub mod relation;

/// The string type of normalized fields: stored inline up to 24 bytes, so an
/// ID or a name costs no heap allocation.
pub type Text = compact_str::CompactString;
