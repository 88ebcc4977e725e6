//! `csplan segment`: the per-segment summary of a rule set over a workspace's accounts.

use crate::args::Format;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct SegmentArgs {
    /// The workspace file (it must exist).
    #[arg(long)]
    pub db: PathBuf,
    /// A rule set file, TOML (examples/rules/*.toml) or JSON (ending in .json), or the name of
    /// a rule set saved in the workspace.
    #[arg(long, value_name = "FILE|NAME")]
    pub rules: String,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Only WORKLOADS.md W2's columns (segment, accounts, total_arr, mean_health) and only the
    /// segments that hold accounts, for checking against the benchmark.
    #[arg(long)]
    pub w2: bool,
}
