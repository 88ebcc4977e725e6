//! CSM compensation (DOMAIN.md §3): comp plans, their lint, the per-CSM history they are
//! backtested on, the backtest of §3.7 (WORKLOADS.md W4) and the Monte Carlo stress test of a
//! plan's cost (W5).

mod backtest;
mod curve;
mod draws;
mod error;
mod history;
mod history_csv;
mod lint;
mod measure;
mod payout;
mod plan;
mod plan_file;
mod progress;
mod sensitivity;
mod stats;
mod stress;
mod validate;

pub use backtest::{
    Backtest, BacktestOptions, BacktestVerdict, CsmTotals, PayoutRow, PerfWeights, PlanSummary,
    QuarterCost, backtest,
};
pub use curve::{PayoutCurve, Tier};
pub use draws::{Generator, exact_normals, lowbias32};
pub use error::CompError;
pub use history::{CsmQuarter, History};
pub use history_csv::{HISTORY_COLUMNS, HistoryError, read_history};
pub use lint::{LintWarning, lint};
pub use measure::{Measure, Metric};
pub use payout::{Outcome, PlanEngine};
pub use plan::{CompModel, CompPlan, PayPeriod, RevenueShare, Role, Split};
pub use plan_file::{plan_from_toml, plan_to_toml, setup_from_toml};
pub use progress::Progress;
pub use sensitivity::{SensitivityRow, sensitivity, sensitivity_trials, sensitivity_with};
pub use stats::{descending_ranks, pearson, percentile_sorted};
pub use stress::{
    StressPreset, StressRun, StressSetup, StressSummary, simulate, simulate_with, summarize,
    target_budget,
};
pub use validate::validate;
