//! A CSM comp plan (DOMAIN.md §3.2–§3.5): the model, on-target earnings, the base/variable split,
//! the pay period, the measures the variable pays on and the expansion revenue share.
//!
//! Amounts are US dollars as `f64`, not `Cents`: a plan's payouts are fractions of a target
//! (6,000 × 0.9506 / 0.9) and feed statistics compared to 1e-9 (WORKLOADS.md W4), so rounding
//! them to the cent would change the answers the stress test is checked against.

use super::measure::Measure;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The three models of DOMAIN.md §3.2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum CompModel {
    /// "standard salary with no additional compensation": the variable share pays nothing.
    BaseOnly,
    /// "standard salary plus additional compensation that may or may not be based on
    /// performance": most plans fund it from the company's result, so it pays
    /// `bonus_funding` × the target bonus to everyone, whatever each CSM did.
    BasePlusBonus,
    /// "standard salary plus additional compensation based on performance": the measures.
    BasePlusVariable,
}

/// Base and variable as percentages of on-target earnings (the convention DOMAIN.md §3.3 leaves
/// OPEN: CS Plan reads `b/v` as shares of total target compensation, so they sum to 100).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Split {
    pub base: f64,
    pub variable: f64,
}

impl Split {
    pub const fn new(base: f64, variable: f64) -> Split {
        Split { base, variable }
    }

    /// The splits DOMAIN.md §3.3 names, with when each applies. 50/50 is Sales' norm, listed for
    /// reference only.
    pub fn presets() -> [(Split, &'static str); 4] {
        [
            (Split::new(80.0, 20.0), "common for CS; volatile SMB books"),
            (Split::new(70.0, 30.0), "common for CS"),
            (
                Split::new(60.0, 40.0),
                "enterprise books: low churn, abundant expansion",
            ),
            (
                Split::new(50.0, 50.0),
                "typical of Sales (reference, not CS)",
            ),
        ]
    }

    pub fn label(&self) -> String {
        format!("{}/{}", self.base, self.variable)
    }
}

/// How often the variable is measured and paid. The history is quarterly, so a quarter is the
/// finest period the engine can measure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum PayPeriod {
    #[default]
    Quarterly,
    /// Measured on the calendar year's quarters together, paid with the year's last quarter.
    Annual,
}

/// What the CSMs on this plan own, which decides the measures they can influence
/// (DOMAIN.md §3.4 "controllable, influenceable", §3.6 the ownership models).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Owns renewals and expansion (004 question 2, "Excellent").
    #[default]
    RenewalsAndExpansion,
    /// Owns renewals; Sales owns upsell and cross-sell (004 question 2 "Average", 003 Model 2).
    RenewalsOnly,
    /// Onboarding team: "won't benefit from a variable compensation plan based on account
    /// renewal and expansion rates" [001 L248].
    Onboarding,
    /// The satisfaction-only CSM, "Unfettered by revenue targets" [002 L21].
    SatisfactionOnly,
}

/// Who is credited with expansion when both teams take part (DOMAIN.md §3.5; the sources'
/// example is 75% Sales / 25% CSM).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RevenueShare {
    /// Percent of each expansion dollar credited to Sales.
    pub sales: f64,
    /// Percent credited to the CSM; the expansion measure counts this share of expansion ARR.
    pub csm: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CompPlan {
    /// Names the plan in every table (`var_<name>`, `rank_<name>`).
    pub name: String,
    pub model: CompModel,
    /// On-target earnings per CSM per year, in US dollars.
    pub ote: f64,
    pub split: Split,
    #[serde(default)]
    pub pay_period: PayPeriod,
    #[serde(default)]
    pub role: Role,
    /// Base plus bonus only: the share of the target bonus the company's result funds (1 = 100%).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bonus_funding: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_share: Option<RevenueShare>,
    /// Pillar measures (no `quarters`) and rotating ones (paid only in the quarters listed).
    #[serde(default)]
    pub measures: Vec<Measure>,
}

impl CompPlan {
    /// Periods the variable target is divided into over a year.
    pub fn periods_per_year(&self) -> f64 {
        match self.pay_period {
            PayPeriod::Quarterly => 4.0,
            PayPeriod::Annual => 1.0,
        }
    }

    /// Base salary per quarter: OTE × base share / 4.
    pub fn base_per_quarter(&self) -> f64 {
        self.ote * self.split.base / 100.0 / 4.0
    }

    /// The variable paid at 100% attainment for one pay period.
    pub fn variable_target_per_period(&self) -> f64 {
        self.ote * self.split.variable / 100.0 / self.periods_per_year()
    }

    /// The variable paid at target over a year, per CSM (W5's budget per CSM).
    pub fn variable_target_per_year(&self) -> f64 {
        self.ote * self.split.variable / 100.0
    }

    /// The share of expansion ARR credited to the CSM (1 when there is no revenue share).
    pub fn expansion_credit(&self) -> f64 {
        self.revenue_share.map_or(1.0, |share| share.csm / 100.0)
    }
}
