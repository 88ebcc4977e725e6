//! `csplan metrics`, `csplan snapshot` and `csplan warnings`, as clap parses them.

use crate::args::Format;
use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    Segment,
    Csm,
}

/// The cost inputs and open choices; each flag given overrides the workspace's saved value
/// (the Metrics page saves them) for this run only.
#[derive(Debug, Args)]
pub struct SetupArgs {
    /// CS team cost over the period, in dollars (for the CS Magic Number).
    #[arg(long, value_name = "DOLLARS")]
    pub cs_cost: Option<String>,
    /// Support team cost over the period, in dollars (for the CS Magic Number).
    #[arg(long, value_name = "DOLLARS")]
    pub support_cost: Option<String>,
    /// Customer acquisition cost per new customer, in dollars (LTV:CAC, CAC payback).
    #[arg(long, value_name = "DOLLARS")]
    pub cac: Option<String>,
    /// Gross margin in percent, e.g. 80 (for the CLTV with gross margin).
    #[arg(long, value_name = "PERCENT")]
    pub gross_margin: Option<f64>,
    /// Health score where green starts (default 70, on 0-100 points).
    #[arg(long, value_name = "POINTS")]
    pub green_from: Option<f64>,
    /// Health score where yellow starts (default 40); below it is red.
    #[arg(long, value_name = "POINTS")]
    pub yellow_from: Option<f64>,
    /// NRR - GRR gap in points above which it is flagged (default 10).
    #[arg(long, value_name = "POINTS")]
    pub gap_flag: Option<f64>,
}

#[derive(Debug, Args)]
pub struct MetricsArgs {
    /// The workspace file (it must exist).
    #[arg(long)]
    pub db: PathBuf,
    /// FROM..TO dates (YYYY-MM-DD); each picks the latest snapshot dated on or before it.
    /// Without it: the last two snapshots.
    #[arg(long, value_name = "FROM..TO")]
    pub period: Option<String>,
    /// Also report each segment (ARR tier) or each CSM.
    #[arg(long, value_enum)]
    pub by: Option<By>,
    /// Measure from FROM's snapshot and the imported movements dated after it up to TO
    /// (`csplan movements import`), instead of from TO's snapshot. With --by, an account counts
    /// in its group at FROM; accounts new in the movements count in the whole book only.
    #[arg(long, requires = "period")]
    pub movements: bool,
    #[command(flatten)]
    pub setup: SetupArgs,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct WarningsArgs {
    /// The workspace file (it must exist).
    #[arg(long)]
    pub db: PathBuf,
    /// FROM..TO dates as for `csplan metrics`; renewals are counted from TO's snapshot.
    #[arg(long, value_name = "FROM..TO")]
    pub period: Option<String>,
    /// Health score where green starts (default: the workspace's setting, else 70).
    #[arg(long, value_name = "POINTS")]
    pub green_from: Option<f64>,
    /// Health score where yellow starts (default: the workspace's setting, else 40).
    #[arg(long, value_name = "POINTS")]
    pub yellow_from: Option<f64>,
    /// A health fall of at least this many points is listed (default: the workspace's
    /// setting, else 10).
    #[arg(long, value_name = "POINTS")]
    pub health_drop: Option<f64>,
    /// A fall in active users of at least this percentage is listed (default: the workspace's
    /// setting, else 20).
    #[arg(long, value_name = "PERCENT")]
    pub usage_drop: Option<f64>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum SnapshotCommand {
    /// Snapshot the workspace's accounts as they are now.
    Take {
        #[arg(long)]
        db: PathBuf,
        /// The day the snapshot stands for (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        as_of: String,
        /// A name such as "2026-Q2 close" (default: the date).
        #[arg(long)]
        label: Option<String>,
    },
    /// Add a snapshot from an accounts CSV export of another date (the accounts import's
    /// columns). Nothing is written unless every row is valid.
    Add {
        /// The CSV file.
        file: PathBuf,
        #[arg(long)]
        db: PathBuf,
        #[arg(long, value_name = "DATE")]
        as_of: String,
        #[arg(long)]
        label: Option<String>,
    },
    /// Every snapshot, oldest first.
    List {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Delete a snapshot by its id (see `csplan snapshot list`).
    Delete {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        id: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum MovementsCommand {
    /// Import a movements file (columns account, date, type, amount; types new, expansion,
    /// contraction, churn, reactivation and their synonyms). Nothing is written unless every
    /// row is valid; importing a file of the same name again replaces its rows.
    Import {
        /// The CSV file.
        file: PathBuf,
        #[arg(long)]
        db: PathBuf,
    },
}
