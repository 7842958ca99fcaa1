//! No build step. This script exists only so that `[build-dependencies]` in
//! Cargo.toml is honoured: it asks for the syn features that rstest's macros
//! (a dev-dependency) turn on, so that `cargo run` and `cargo test` share one
//! build of the dependency graph.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
}
