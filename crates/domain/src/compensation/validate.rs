//! Hard checks on a plan: values no calculation can use (a zero target, tiers out of order).
//! Questionable but computable choices are the linter's business (lint.rs), not errors.

use super::error::CompError;
use super::measure::Measure;
use super::plan::CompPlan;

fn problem(plan: &CompPlan, field: impl Into<String>, reason: impl Into<String>) -> CompError {
    CompError::Plan {
        plan: plan.name.clone(),
        field: field.into(),
        reason: reason.into(),
    }
}

fn check_measure(plan: &CompPlan, index: usize, measure: &Measure) -> Result<(), CompError> {
    let at = |field: &str| format!("measures[{index}] \"{}\" {field}", measure.name);
    if !(measure.weight.is_finite() && measure.weight >= 0.0) {
        return Err(problem(
            plan,
            at("weight"),
            "must be a percentage of 0 or more",
        ));
    }
    if !(measure.target.is_finite() && measure.target != 0.0) {
        return Err(problem(
            plan,
            at("target"),
            "must be a number other than 0 (attainment divides by it)",
        ));
    }
    if measure.lower_is_better() && measure.target < 0.0 {
        return Err(problem(
            plan,
            at("target"),
            "must be more than 0 when lower is better",
        ));
    }
    if measure.threshold.is_some_and(|t| !t.is_finite()) {
        return Err(problem(plan, at("threshold"), "must be a number"));
    }
    let curve = &measure.curve;
    let Some(first) = curve.tiers.first() else {
        return Err(problem(plan, at("curve.tiers"), "needs at least one tier"));
    };
    if first.from != 0.0 {
        return Err(problem(
            plan,
            at("curve.tiers[0].from"),
            "the first tier must start at attainment 0",
        ));
    }
    for (t, tier) in curve.tiers.iter().enumerate() {
        let field = |name: &str| at(&format!("curve.tiers[{t}].{name}"));
        if !(tier.rate.is_finite() && tier.rate >= 0.0) {
            return Err(problem(
                plan,
                field("rate"),
                "must be 0 or more (a payout that falls as attainment rises would punish results)",
            ));
        }
        if !(tier.jump.is_finite() && tier.jump >= 0.0) {
            return Err(problem(plan, field("jump"), "must be 0 or more"));
        }
        if t > 0 && !(tier.from.is_finite() && tier.from > curve.tiers[t - 1].from) {
            return Err(problem(
                plan,
                field("from"),
                "tiers must start at increasing attainments",
            ));
        }
    }
    match curve.cap {
        Some(cap) if !(cap.is_finite() && cap > 0.0) => {
            return Err(problem(plan, at("curve.cap"), "must be more than 0"));
        }
        None if measure.lower_is_better() => {
            return Err(problem(
                plan,
                at("curve.cap"),
                "a lower-is-better measure needs a cap (a value near 0 would pay without limit)",
            ));
        }
        _ => {}
    }
    if let Some(quarters) = &measure.quarters
        && (quarters.is_empty() || quarters.iter().any(|q| !(1..=4).contains(q)))
    {
        return Err(problem(
            plan,
            at("quarters"),
            "lists quarters of the year, each 1 to 4",
        ));
    }
    Ok(())
}

/// Rejects a plan no payout can be computed from, naming the field.
pub fn validate(plan: &CompPlan) -> Result<(), CompError> {
    if plan.name.trim().is_empty() {
        return Err(problem(plan, "name", "must not be empty"));
    }
    if !(plan.ote.is_finite() && plan.ote >= 0.0) {
        return Err(problem(
            plan,
            "ote",
            "must be an amount of 0 dollars or more",
        ));
    }
    let split = plan.split;
    if !(split.base.is_finite()
        && split.variable.is_finite()
        && split.base >= 0.0
        && split.variable >= 0.0
        && (split.base + split.variable - 100.0).abs() < 1e-9)
    {
        return Err(problem(
            plan,
            "split",
            format!(
                "base and variable are percentages of OTE that add up to 100 (they are {} and {})",
                split.base, split.variable
            ),
        ));
    }
    if plan
        .bonus_funding
        .is_some_and(|f| !(f.is_finite() && f >= 0.0))
    {
        return Err(problem(
            plan,
            "bonus_funding",
            "must be 0 or more (1 = 100%)",
        ));
    }
    if let Some(share) = plan.revenue_share
        && !(share.csm.is_finite()
            && share.sales.is_finite()
            && share.csm >= 0.0
            && share.sales >= 0.0)
    {
        return Err(problem(
            plan,
            "revenue_share",
            "sales and csm are percentages of 0 or more",
        ));
    }
    for (index, measure) in plan.measures.iter().enumerate() {
        check_measure(plan, index, measure)?;
    }
    Ok(())
}
