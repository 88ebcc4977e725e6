//! Helpers shared by the store's integration tests: temporary workspaces and CSV fixtures.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

pub const HEADER: &str = "account_id,account_name,arr,employees,industry,region,plan,contract_start,renewal_date,lifecycle_stage,health_score,nps,active_users,licenses,csm_owner,icp_fit";

pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary folder")
}

pub fn db_path(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}

/// A valid account row; `id` picks the account number and `arr` its ARR text.
pub fn good_row(id: u32, arr: &str) -> Vec<String> {
    [
        &format!("ACC-{id:07}"),
        "Comet Travel, Inc.",
        arr,
        "325",
        "Professional Services",
        "NA",
        "Professional",
        "2023-07-02",
        "2026-07-02",
        "adoption",
        "89",
        "8",
        "39",
        "40",
        "Goran Larsen",
        "ideal",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// One CSV line, quoting fields as RFC 4180 requires.
pub fn csv_line(fields: &[String]) -> String {
    fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

pub fn write_csv(path: &Path, rows: &[Vec<String>]) {
    let mut text = String::from(HEADER);
    text.push('\n');
    for row in rows {
        text.push_str(&csv_line(row));
        text.push('\n');
    }
    std::fs::write(path, text).expect("write CSV fixture");
}

/// Files in `dir` other than the workspace and SQLite's own side files: leftovers of a
/// half-made workspace would show up here.
pub fn stray_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".creating"))
        .collect()
}
