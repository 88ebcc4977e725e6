//! What the variable pays on (DOMAIN.md §3.4): one measure = a metric of the history, its weight
//! in the variable, its target and threshold, and the payout curve over attainment.

use super::curve::PayoutCurve;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A metric read from one CSM-quarter of the history (columns: shared/bench/DATA.md §2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Metric {
    /// Gross renewal rate of the quarter's renewal cohort (`grr`).
    Grr,
    /// Net renewal rate of the cohort (`nrr`).
    Nrr,
    /// Expansion ARR credited to the CSM against the expansion quota
    /// (`expansion_arr` × CSM revenue share / `expansion_quota`); its target is 1 = 100% of quota.
    ExpansionVsQuota,
    /// Share of logos retained: the history's `logo_retention` column.
    LogoRetention,
    /// Net Promoter Score (`nps`, −100…100).
    Nps,
    /// Average days to onboard new accounts (`onboarding_days`); fewer is better.
    OnboardingDays,
    /// Any other numeric column of the history, by its header name.
    Column(String),
}

impl Metric {
    pub fn label(&self) -> String {
        match self {
            Metric::Grr => "gross renewal rate".into(),
            Metric::Nrr => "net revenue retention".into(),
            Metric::ExpansionVsQuota => "expansion ARR against quota".into(),
            Metric::LogoRetention => "logo retention".into(),
            Metric::Nps => "NPS".into(),
            Metric::OnboardingDays => "onboarding time".into(),
            Metric::Column(name) => format!("column {name}"),
        }
    }

    /// Whether a lower value is the better result, unless the measure says otherwise.
    pub fn lower_is_better_by_default(&self) -> bool {
        matches!(self, Metric::OnboardingDays)
    }

    /// Whether the metric moves with renewals or expansion (the revenue measures an onboarding or
    /// satisfaction-only team cannot influence).
    pub fn is_revenue(&self) -> bool {
        matches!(
            self,
            Metric::Grr | Metric::Nrr | Metric::ExpansionVsQuota | Metric::LogoRetention
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub name: String,
    pub metric: Metric,
    /// Percent of the variable this measure pays (the weights of a quarter sum to 100).
    pub weight: f64,
    /// The metric value that pays 100% (in the metric's own units: 0.90 for a 90% GRR).
    pub target: f64,
    /// Below this metric value (above it, when lower is better) the measure pays nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f64>,
    /// Override the metric's direction (only onboarding time is lower-is-better by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lower_is_better: Option<bool>,
    #[serde(default)]
    pub curve: PayoutCurve,
    /// Quarters of the year (1–4) this measure pays in: the rotating "floating variable" of
    /// DOMAIN.md §3.4. Absent: a pillar measure, paid every quarter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quarters: Option<Vec<u8>>,
}

impl Measure {
    pub fn lower_is_better(&self) -> bool {
        self.lower_is_better
            .unwrap_or_else(|| self.metric.lower_is_better_by_default())
    }

    /// Whether the measure pays in quarter `quarter_of_year` (1–4).
    pub fn applies_in(&self, quarter_of_year: u8) -> bool {
        self.quarters
            .as_ref()
            .is_none_or(|quarters| quarters.contains(&quarter_of_year))
    }

    /// Attainment = value / target, or target / value when lower is better.
    pub fn attainment(&self, value: f64) -> f64 {
        if self.lower_is_better() {
            self.target / value
        } else {
            value / self.target
        }
    }

    /// The threshold expressed as attainment, so the curve can compare like with like.
    pub fn threshold_attainment(&self) -> Option<f64> {
        self.threshold.map(|t| self.attainment(t))
    }

    /// Payout as a multiple of this measure's target payout for a metric value.
    pub fn payout_multiple(&self, value: f64) -> f64 {
        let attainment = self.attainment(value);
        match self.threshold_attainment() {
            Some(threshold) if attainment < threshold => 0.0,
            _ => self.curve.payout(attainment),
        }
    }
}
