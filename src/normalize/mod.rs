//! Normalization of the three identity-bearing fields.
pub mod id;
pub mod name;
pub mod relation;
