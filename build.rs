//! Rebuild when a message file is added under i18n/ (the Fluent files are
//! compiled into the binary by `static_loader!`, which tracks only the files
//! it saw).
fn main() {
    println!("cargo:rerun-if-changed=i18n");
}
