//! `sqlx::migrate!` embeds migrations/ at compile time; stable Rust cannot tell the compiler to
//! watch that folder from inside the macro, so a new migration file would otherwise be missed
//! until some source file of this crate changed.
fn main() {
    println!("cargo:rerun-if-changed=../../migrations");
}
