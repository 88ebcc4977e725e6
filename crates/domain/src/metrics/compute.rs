//! The entry point: every metric of a period from its movements, satisfaction and health data
//! and the cost inputs, in a fixed order. For a segment or CSM, filter first with
//! [`super::Group`] and pass that group's movements, answers, scores and costs.

use super::efficiency::cs_magic_number;
use super::error::MetricsError;
use super::health::{HealthBands, HealthDistribution, health_distribution_counted};
use super::metric::Metric;
use super::movements::Movements;
use super::retention::{
    DEFAULT_GAP_FLAG_POINTS, customer_retention_rate, grr, logo_churn_rate, nrr, nrr_grr_gap,
};
use super::revenue::{expansion_rate, net_new_arr, net_new_mrr, revenue_growth_rate};
use super::satisfaction::{NpsCounts, nps};
use super::value::{LtvVariant, cac_payback_months, cltv_gross_margin, cltv_revenue, ltv_cac};
use crate::money::Cents;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Money the book cannot tell: what CS, Support and acquisition cost, and the gross margin.
/// Named `MetricCostInputs` in TypeScript, where `CostInputs` is the capacity plan's team cost.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(rename = "MetricCostInputs")]
pub struct CostInputs {
    /// CS team cost over the period.
    pub cs_team_cost: Option<Cents>,
    /// Support team cost over the period.
    pub support_team_cost: Option<Cents>,
    /// Customer acquisition cost per new customer (DOMAIN.md §5.3: "(Marketing + Sales
    /// expenses) / # of new customers added").
    pub cac: Option<Cents>,
    /// Gross margin as a fraction (0.8 = 80%), for the CLTV of DOMAIN.md §5.4 definition 2.
    pub gross_margin: Option<f64>,
}

/// The user's choices where the sources leave a parameter open (DOMAIN.md §8.5).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct MetricSettings {
    /// NRR − GRR gap, in points, above which the gap is flagged (NOT IN SOURCES).
    pub gap_flag_points: f64,
    pub health_bands: HealthBands,
    /// Which CLTV the LTV:CAC ratio uses.
    pub ltv_variant: LtvVariant,
}

impl Default for MetricSettings {
    fn default() -> MetricSettings {
        MetricSettings {
            gap_flag_points: DEFAULT_GAP_FLAG_POINTS,
            health_bands: HealthBands::default(),
            ltv_variant: LtvVariant::default(),
        }
    }
}

/// Everything one period's metrics are computed from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MetricInputs {
    pub movements: Movements,
    /// Length of the period in months (3 for a quarter); rates are annualised or made monthly
    /// with it.
    pub period_months: u32,
    pub nps: NpsCounts,
    /// Health scores on 0–100 points, one per account.
    pub health_scores: Vec<f64>,
    pub costs: CostInputs,
    pub settings: MetricSettings,
}

/// All metrics, in the order the report shows them: retention, revenue, value, efficiency,
/// satisfaction, health. Refuses settings and inputs that no formula can use.
pub fn compute(inputs: &MetricInputs) -> Result<Vec<Metric>, MetricsError> {
    inputs.settings.health_bands.validate()?;
    let bands = &inputs.settings.health_bands;
    let health = HealthDistribution::count(&inputs.health_scores, bands);
    let unscored = inputs
        .health_scores
        .len()
        .saturating_sub(health.scored() as usize);
    compute_counted(inputs, health, unscored)
}

/// [`compute`] with the health bands already counted (`unscored` accounts had no score);
/// `inputs.health_scores` is not read. The store uses it so a million scores stay in SQLite.
pub fn compute_counted(
    inputs: &MetricInputs,
    health: HealthDistribution,
    unscored: usize,
) -> Result<Vec<Metric>, MetricsError> {
    let months = inputs.period_months;
    if months == 0 {
        return Err(MetricsError::PeriodMonths);
    }
    if let Some(margin) = inputs.costs.gross_margin
        && !(0.0..=1.0).contains(&margin)
    {
        return Err(MetricsError::GrossMargin(margin));
    }
    let gap = inputs.settings.gap_flag_points;
    if !(gap.is_finite() && gap >= 0.0) {
        return Err(MetricsError::GapThreshold(gap));
    }
    inputs.settings.health_bands.validate()?;

    let m = &inputs.movements;
    let costs = &inputs.costs;
    let cltv_margin = cltv_gross_margin(m, months, costs.gross_margin);
    let cltv_plain = cltv_revenue(m, months);
    let ratio = match inputs.settings.ltv_variant {
        LtvVariant::GrossMargin => ltv_cac(&cltv_margin, costs.cac),
        LtvVariant::Revenue => ltv_cac(&cltv_plain, costs.cac),
    };
    let mut metrics = vec![
        logo_churn_rate(m, months),
        customer_retention_rate(m),
        grr(m),
        nrr(m),
        nrr_grr_gap(m, gap),
        net_new_arr(m),
        net_new_mrr(m),
        revenue_growth_rate(m),
        expansion_rate(m),
        cltv_margin,
        cltv_plain,
        ratio,
        cac_payback_months(m, costs.cac),
        cs_magic_number(m, months, costs.cs_team_cost, costs.support_team_cost),
        nps(inputs.nps),
    ];
    metrics.extend(health_distribution_counted(
        health,
        unscored,
        &inputs.settings.health_bands,
    ));
    Ok(metrics)
}
