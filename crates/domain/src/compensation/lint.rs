//! Plan lint: choices that compute but are probably not what the author meant. Each warning
//! names the field to look at; none stops a backtest.

use super::measure::Measure;
use super::plan::{CompModel, CompPlan, Role};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LintWarning {
    /// The field's path in the plan file, e.g. `measures[0] "NRR" threshold`.
    pub field: String,
    pub message: String,
}

fn warn(warnings: &mut Vec<LintWarning>, field: impl Into<String>, message: impl Into<String>) {
    warnings.push(LintWarning {
        field: field.into(),
        message: message.into(),
    });
}

fn at(index: usize, measure: &Measure, field: &str) -> String {
    format!("measures[{index}] \"{}\" {field}", measure.name)
}

fn percent(value: f64) -> String {
    format!("{}%", (value * 1e6).round() / 1e4)
}

/// Weights of the measures paying in each quarter of the year must total 100%.
fn weights(plan: &CompPlan, warnings: &mut Vec<LintWarning>) {
    let rotating = plan.measures.iter().any(|m| m.quarters.is_some());
    for quarter in 1..=4u8 {
        let total: f64 = plan
            .measures
            .iter()
            .filter(|m| m.applies_in(quarter))
            .map(|m| m.weight)
            .sum();
        if (total - 100.0).abs() > 1e-9 {
            let field = if rotating {
                format!("measures[].weight (quarter {quarter})")
            } else {
                "measures[].weight".to_string()
            };
            warn(
                warnings,
                field,
                format!(
                    "weights add up to {total}%, not 100%: at target the variable pays {total}% of its target"
                ),
            );
            if !rotating {
                return;
            }
        }
    }
}

fn threshold_target_cap(index: usize, measure: &Measure, warnings: &mut Vec<LintWarning>) {
    if let Some(threshold) = measure.threshold {
        let beyond_target = if measure.lower_is_better() {
            threshold < measure.target
        } else {
            threshold > measure.target
        };
        if beyond_target {
            warn(
                warnings,
                at(index, measure, "threshold"),
                format!(
                    "threshold {threshold} is beyond the target {}: a CSM on target is paid nothing",
                    measure.target
                ),
            );
        }
    }
    if let Some(cap) = measure.curve.cap
        && (measure.curve.payout(1.0) > cap || cap < 1.0)
    {
        warn(
            warnings,
            at(index, measure, "curve.cap"),
            format!(
                "the cap ({}) is below the payout at target: the target is above the cap, so nobody can earn the target variable",
                percent(cap)
            ),
        );
    }
}

/// A cliff is a step in the payout: a threshold that starts paying at more than 0, or a tier
/// with a jump.
fn cliffs(index: usize, measure: &Measure, warnings: &mut Vec<LintWarning>) {
    if let Some(threshold) = measure.threshold_attainment() {
        let step = measure.curve.payout(threshold);
        if step > 0.0 && threshold > 0.0 {
            warn(
                warnings,
                at(index, measure, "threshold"),
                format!(
                    "cliff: just below the threshold the measure pays 0, at it {} of target",
                    percent(step)
                ),
            );
        }
    }
    for (t, tier) in measure.curve.tiers.iter().enumerate() {
        if tier.jump > 0.0 {
            warn(
                warnings,
                at(index, measure, &format!("curve.tiers[{t}].jump")),
                format!(
                    "cliff: the payout steps up by {} of target at {} attainment",
                    percent(tier.jump),
                    percent(tier.from)
                ),
            );
        }
    }
}

/// DOMAIN.md §3.3: CS splits run from 80/20 (volatile SMB) to 60/40 (enterprise).
fn split(plan: &CompPlan, warnings: &mut Vec<LintWarning>) {
    if plan.model == CompModel::BaseOnly {
        return;
    }
    let variable = plan.split.variable;
    if !(20.0..=40.0).contains(&variable) {
        warn(
            warnings,
            "split",
            format!(
                "{} is outside the 80/20 to 60/40 range CS teams use (50/50 is Sales' norm)",
                plan.split.label()
            ),
        );
    }
}

/// DOMAIN.md §3.4: "Factors should be controllable, influenceable"; §3.6 decides who owns what.
fn influence(plan: &CompPlan, index: usize, measure: &Measure, warnings: &mut Vec<LintWarning>) {
    let why = match plan.role {
        Role::Onboarding if measure.metric.is_revenue() => Some(
            "an onboarding team does not influence renewal and expansion (use onboarding time or post-onboarding NPS)",
        ),
        Role::SatisfactionOnly if measure.metric.is_revenue() => {
            Some("a satisfaction-only CSM is unfettered by revenue targets")
        }
        Role::RenewalsOnly
            if measure.metric == super::measure::Metric::ExpansionVsQuota
                && plan.revenue_share.is_none_or(|s| s.csm <= 0.0) =>
        {
            Some("Sales owns expansion for this role and the plan gives the CSM no revenue share")
        }
        _ => None,
    };
    if let Some(why) = why {
        warn(
            warnings,
            at(index, measure, "metric"),
            format!(
                "{} is a measure this role cannot influence: {why}",
                measure.metric.label()
            ),
        );
    }
}

fn model(plan: &CompPlan, warnings: &mut Vec<LintWarning>) {
    match plan.model {
        CompModel::BasePlusVariable if plan.measures.is_empty() => warn(
            warnings,
            "measures",
            "a base-plus-variable plan without measures pays no variable",
        ),
        CompModel::BaseOnly | CompModel::BasePlusBonus if !plan.measures.is_empty() => warn(
            warnings,
            "measures",
            "measures are ignored: only a base-plus-variable plan pays on them",
        ),
        _ => {}
    }
}

/// Every warning for `plan`, in field order.
pub fn lint(plan: &CompPlan) -> Vec<LintWarning> {
    let mut warnings = Vec::new();
    model(plan, &mut warnings);
    split(plan, &mut warnings);
    if let Some(share) = plan.revenue_share
        && (share.sales + share.csm - 100.0).abs() > 1e-9
    {
        warn(
            &mut warnings,
            "revenue_share",
            format!(
                "Sales {}% and CSM {}% add up to {}%, not 100%",
                share.sales,
                share.csm,
                share.sales + share.csm
            ),
        );
    }
    if plan.model == CompModel::BasePlusVariable {
        weights(plan, &mut warnings);
        for (index, measure) in plan.measures.iter().enumerate() {
            threshold_target_cap(index, measure, &mut warnings);
            cliffs(index, measure, &mut warnings);
            influence(plan, index, measure, &mut warnings);
        }
    }
    warnings
}
