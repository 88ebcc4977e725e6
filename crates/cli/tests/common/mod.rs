//! Helpers shared by the `csplan` end-to-end tests: running the binary as a whole process and
//! finding the repository's fixtures, examples and the shared bench data.
// Each test file compiles this module on its own and uses only part of it.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `csplan` with `args`, run to the end.
pub fn csplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_csplan"))
        .args(args)
        .output()
        .expect("csplan runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The standard output of a run that must succeed (its standard error when it does not).
pub fn ok(args: &[&str]) -> String {
    let out = csplan(args);
    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

/// The standard error of a run that must fail.
pub fn failure(args: &[&str]) -> String {
    let out = csplan(args);
    assert!(!out.status.success(), "{args:?} succeeded");
    text(&out.stderr)
}

/// A path as a command-line argument.
pub fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A file of the repository, by its path from the repository's root.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

/// A file of crates/cli/tests/fixtures.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A file of shared/bench/data, which lies beside the repository rather than in it.
pub fn shared_data(name: &str) -> PathBuf {
    [
        repo(&format!("../shared/bench/data/{name}")),
        PathBuf::from(format!("/work/shared/bench/data/{name}")),
    ]
    .into_iter()
    .find(|p| p.exists())
    .unwrap_or_else(|| panic!("shared/bench/data/{name} beside the repository"))
}

/// The 1k-account book of shared/bench (gen_book.py 1k, seed 42).
pub fn shared_book() -> PathBuf {
    shared_data("accounts_1k.csv")
}

/// The CSM history of shared/bench (gen_history.py).
pub fn shared_history() -> PathBuf {
    shared_data("csm_history.csv")
}
