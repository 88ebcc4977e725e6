//! The charts of the capacity plan over time (DOMAIN.md §1.3, §1.4): required against effective
//! CSMs per quarter with the Monte Carlo band, the hire-by timeline, and CS cost as a share of
//! ARR against the benchmark band. Each function takes plain values (quarter labels, FTE,
//! percentages, dates), so the Plan page, the CFO report and the exports draw the same chart
//! from the engine's result.

mod capacity;
mod cost_share;
mod drawable;
mod hires;
mod plan;
mod quarters;

pub use capacity::{CapacityQuarter, capacity_over_time};
pub use cost_share::{CostShareQuarter, cost_share};
pub use hires::{DateTick, HireBar, hire_timeline};
pub use plan::{PlanCharts, plan_charts};
