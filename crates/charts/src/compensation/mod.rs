//! The compensation charts (DOMAIN.md §3.7 and the W4 backtest / W5 stress test): how a plan
//! spreads variable pay over the team, whether pay follows performance, and what the plan may
//! cost a year under stress. Each function takes plain values, so the page, the report and the
//! CLI draw the same chart from the engine's results. Plans keep one colour and shape, by their
//! position in the input, on all three charts.

mod cost_bands;
pub(crate) mod legend;
pub(crate) mod money;
mod payout_distribution;
pub(crate) mod plans;
mod rank_vs_rank;
mod rows;

pub use cost_bands::{CostBand, cost_bands};
pub use payout_distribution::payout_distribution;
pub use rank_vs_rank::rank_vs_rank;
