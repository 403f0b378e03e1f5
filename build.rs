//! Rebuild when a message file is added under i18n/ (the Fluent files are
//! compiled into the binary by `include_str!`, which tracks only the files it
//! names; tests/i18n.rs checks that src/i18n.rs names them all).
fn main() {
    println!("cargo:rerun-if-changed=i18n");
}
