//! Arguments of `csplan comp`: backtest a proposed comp plan, stress-test its cost, lint it.

use crate::args::Format;
use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum CompCommand {
    /// What two plans would have paid each CSM over the history (WORKLOADS.md W4), and whether
    /// the top performers are still the top earners.
    Backtest(BacktestArgs),
    /// Monte Carlo cost of one or more plans next year (WORKLOADS.md W5).
    Stress(StressArgs),
    /// Warnings about a plan file: weights, thresholds, caps, cliffs, split, influence.
    Lint(LintArgs),
}

/// Where the CSM history comes from: a CSV file, or a workspace (which also holds saved plans).
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct HistorySource {
    /// Per-CSM per-quarter history CSV (columns of shared/bench/DATA.md §2).
    #[arg(long, value_name = "FILE")]
    pub history: Option<PathBuf>,
    /// A workspace file (it must exist): its CSM history, and its saved plans by name.
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BacktestArgs {
    #[command(flatten)]
    pub source: HistorySource,
    /// The plan in use: a plan file (ending in .toml) or, with --db, a saved plan's name.
    #[arg(long, value_name = "NAME|PLAN.toml")]
    pub current: String,
    /// The draft plan: a plan file (ending in .toml) or, with --db, a saved plan's name.
    #[arg(long, value_name = "NAME|PLAN.toml")]
    pub proposed: String,
    /// Performance index weights of GRR, NRR and NPS (default 0.4,0.4,0.2).
    #[arg(long, value_name = "G,N,P")]
    pub perf_weights: Option<String>,
    /// List top performers paid more than this percent less under the proposed plan (default 0:
    /// any fall).
    #[arg(long, value_name = "PERCENT", default_value_t = 0.0)]
    pub max_drop: f64,
    /// Share of CSMs counted as top performers (default 0.1, the top decile).
    #[arg(long, value_name = "SHARE", default_value_t = 0.1)]
    pub top_share: f64,
    /// csv prints W4's tables (`#table <name>` then CSV).
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PresetArg {
    ChurnSpike,
    ExpansionBoom,
    FlatYear,
}

#[derive(Debug, Args)]
pub struct StressArgs {
    /// A plan to cost: a plan file (ending in .toml) or, with --db, a saved plan's name;
    /// repeat for several plans on the same draws.
    #[arg(long = "plan", value_name = "NAME|PLAN.toml", required = true)]
    pub plans: Vec<String>,
    #[command(flatten)]
    pub source: HistorySource,
    /// Stress set-up TOML (trials, seed, generator, base quarters, volatilities); default W5's.
    #[arg(long, value_name = "FILE")]
    pub setup: Option<PathBuf>,
    #[arg(long, value_name = "N")]
    pub trials: Option<u32>,
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Budget in dollars for every plan (default: each plan's target variable for the year).
    #[arg(long, value_name = "DOLLARS")]
    pub budget: Option<f64>,
    /// W5's exact counter-based generator (reproducible in any language).
    #[arg(long, conflicts_with = "free")]
    pub exact: bool,
    /// ChaCha8 draws (the default unless the set-up file says exact).
    #[arg(long)]
    pub free: bool,
    /// A named scenario applied on top of the set-up.
    #[arg(long, value_enum)]
    pub preset: Option<PresetArg>,
    /// Also show which parameter moves the cost most (first plan only).
    #[arg(long)]
    pub sensitivity: bool,
    /// Trials per sensitivity run.
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    pub sensitivity_trials: u32,
    /// Relative move of each parameter in the sensitivity view (0.2 = ±20%).
    #[arg(long, value_name = "STEP", default_value_t = 0.2)]
    pub sensitivity_step: f64,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// The plan file to check.
    pub plan: PathBuf,
}
