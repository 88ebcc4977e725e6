//! The numbers a CS leader reports every quarter, each with its definition (issue 7; DOMAIN.md
//! §5, §6.2, §8.5, §9): revenue movements between two imports of the book or from a movements
//! file, then retention, revenue, value, efficiency, satisfaction and health metrics that carry
//! their formula, inputs, source and caveats for the "how is this computed" view.

mod compute;
mod efficiency;
mod error;
mod group;
mod health;
mod metric;
mod movements;
mod movements_file;
mod retention;
mod revenue;
mod satisfaction;
mod value;
mod warning;

pub use compute::{CostInputs, MetricInputs, MetricSettings, compute, compute_counted};
pub use efficiency::cs_magic_number;
pub use error::MetricsError;
pub use group::{Group, groups};
pub use health::{
    HealthBand, HealthBands, HealthDistribution, health_distribution, health_distribution_counted,
};
pub use metric::{Benchmark, Metric, Unit};
pub use movements::{AccountArr, Movement, MovementKind, Movements, diff};
pub use movements_file::{
    MovementRow, MovementRowError, MovementsFileError, parse_movement_kind, parse_movement_row,
};
pub use retention::{
    DEFAULT_GAP_FLAG_POINTS, customer_retention_rate, grr, logo_churn_rate, nrr, nrr_grr_gap,
};
pub use revenue::{expansion_rate, net_new_arr, net_new_mrr, revenue_growth_rate};
pub use satisfaction::{NpsCounts, nps};
pub use value::{LtvVariant, cac_payback_months, cltv_gross_margin, cltv_revenue, ltv_cac};
pub use warning::WarningAccount;
