//! The command line, as clap parses it.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "csplan",
    version,
    about = "CS Plan from the command line: workspaces, imports, segments, capacity, comp plans and the maturity scorecard."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new workspace filled with the demo company (refuses to overwrite a file).
    Demo {
        /// Where to create the workspace file.
        #[arg(long)]
        db: PathBuf,
    },
    /// Import data into a workspace.
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
    /// How many CSMs are needed, top-down and bottom-up, per segment and in total.
    Capacity(CapacityArgs),
    /// The maturity self-assessment: list assessments, report one, merge answers files.
    Maturity {
        #[command(subcommand)]
        what: crate::maturity_args::MaturityWhat,
    },
    /// CSM comp plans: backtest, stress test and lint.
    Comp {
        #[command(subcommand)]
        what: crate::comp_args::CompCommand,
    },
    /// The summary per segment of a rule set (first matching rule wins) over the workspace.
    Segment(crate::segment_args::SegmentArgs),
    /// Saved segmentation rule sets: list them, export one as TOML/JSON, import a file.
    Rules {
        #[command(subcommand)]
        what: crate::rules_args::RulesCommand,
    },
    /// CS metrics of a period between two snapshots: churn, retention, GRR, NRR, CLTV,
    /// LTV:CAC, Magic Number, NPS, health; for the whole book, per segment or per CSM.
    Metrics(crate::metrics_args::MetricsArgs),
    /// Dated snapshots of the book that metric periods are measured between.
    Snapshot {
        #[command(subcommand)]
        what: crate::metrics_args::SnapshotCommand,
    },
    /// The early-warning list: renewals in the next 90 days by health band, and accounts whose
    /// health or usage fell over the period.
    Warnings(crate::metrics_args::WarningsArgs),
    /// Revenue movements files (account, date, type, amount) for `csplan metrics --movements`.
    Movements {
        #[command(subcommand)]
        what: crate::metrics_args::MovementsCommand,
    },
    /// The capacity plan over time: CSMs per quarter, the hire-by calendar, cost and risk bands.
    Plan(crate::plan_args::PlanArgs),
    /// Write a document to a file (the plan over time as XLSX, CSV or the CFO's HTML report).
    Export {
        #[command(subcommand)]
        what: crate::plan_args::ExportWhat,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportWhat {
    /// Accounts from a CRM or billing export, CSV or XLSX. Columns are mapped by their header
    /// names (or by a saved mapping); extra columns are kept as custom fields. A missing
    /// workspace file is created empty. Nothing is written unless every row is valid (or
    /// --skip-invalid); each import is recorded and can be undone.
    Accounts(crate::import_args::ImportAccountsArgs),
    /// Undo the last import (or --id N): added accounts are removed, updated ones restored.
    Undo {
        /// The workspace file (it must exist).
        #[arg(long)]
        db: PathBuf,
        /// The import to undo (default: the newest one still in place).
        #[arg(long)]
        id: Option<i64>,
    },
    /// The saved column mappings: those saved under a name (--mapping NAME) and those
    /// remembered per set of headers, with their columns and when they were last used.
    Mappings {
        /// The workspace file (it must exist).
        #[arg(long)]
        db: PathBuf,
    },
    /// Every import of the workspace, newest first.
    List {
        /// The workspace file (it must exist).
        #[arg(long)]
        db: PathBuf,
    },
    /// Per-CSM per-quarter actuals (the columns of shared/bench/DATA.md §2) for comp backtests.
    /// Rows update by CSM and quarter. Nothing is written unless every row is valid.
    History {
        /// The CSV file to import.
        file: PathBuf,
        /// The workspace file (it must exist).
        #[arg(long)]
        db: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct CapacityArgs {
    /// The workspace file (it must exist).
    #[arg(long)]
    pub db: PathBuf,
    /// Start from this saved scenario instead of the documented defaults.
    #[arg(long)]
    pub scenario: Option<String>,
    /// Top-down divisor in dollars of ARR per CSM (default 1500000).
    #[arg(long, value_name = "DOLLARS")]
    pub arr_per_csm: Option<String>,
    /// Bottom-up capacity: activities one CSM does a month (default 600).
    #[arg(long, value_name = "N")]
    pub activities_per_csm: Option<f64>,
    /// ARR tier lower bounds in dollars, Enterprise then Mid-Market (default 100000,25000).
    #[arg(long, value_name = "A,B")]
    pub tier_bounds: Option<String>,
    /// Activity catalogue CSV: segment,activity,per_customer_per_month,minutes.
    #[arg(long, value_name = "FILE")]
    pub catalog: Option<PathBuf>,
    /// Plan over a rule set's segments (and their activity catalogues) instead of ARR tiers:
    /// a rule set file or the name of a saved one. Without it, a --scenario planning over a
    /// rule set uses that one.
    #[arg(long, value_name = "FILE|NAME")]
    pub rules: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}
