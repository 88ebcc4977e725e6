//! Efficiency of CS (DOMAIN.md §5.2): the Customer Success Magic Number, target above 5.0.

use super::metric::{Metric, Unit, dollars, money, ratio};
use super::movements::Movements;
use crate::money::Cents;

/// CS Magic Number: (ARR renewed + ARR up-sold) / (CS team cost + Support team cost).
/// Renewed ARR is the starting ARR kept (start − churned − contraction), since an import of the
/// book carries no renewal dates. The costs entered cover the period, so they are annualised to
/// set annual ARR against annual cost (DOMAIN.md §5.2: "consistent periods", OPEN; CS Plan
/// chooses ARR). A cost not entered counts as zero and the caveat says so.
pub fn cs_magic_number(
    m: &Movements,
    period_months: u32,
    cs_team_cost: Option<Cents>,
    support_team_cost: Option<Cents>,
) -> Metric {
    let renewed = m.starting_arr - m.churned - m.contraction;
    let period_cost = cs_team_cost.unwrap_or_default() + support_team_cost.unwrap_or_default();
    let annual_cost = ratio(period_cost.dollars() * 12.0, f64::from(period_months));
    let value = annual_cost
        .filter(|c| *c > 0.0)
        .and_then(|cost| ratio((renewed + m.expansion).dollars(), cost));
    let mut missing = Vec::new();
    if cs_team_cost.is_none() {
        missing.push("CS team cost");
    }
    if support_team_cost.is_none() {
        missing.push("Support team cost");
    }
    let caveat = if value.is_none() {
        Some(
            "Enter the CS team and Support team costs for the period to compute the Magic Number."
                .to_string(),
        )
    } else if !missing.is_empty() {
        Some(format!(
            "{} not entered, counted as zero.",
            missing.join(" and ")
        ))
    } else {
        None
    };
    let show = |cost: Option<Cents>| cost.map_or_else(|| "not entered".to_string(), money);
    Metric::new(
        "cs_magic_number",
        "CS Magic Number",
        Unit::Ratio,
        "(renewed ARR + up-sell ARR) / [(CS team cost + Support team cost) × 12 / period months], renewed ARR = start ARR − churned − contraction",
        "DOMAIN.md §5.2 Customer Success Magic Number: 002 L15",
    )
    .input("renewed ARR", money(renewed))
    .input("up-sell ARR", money(m.expansion))
    .input("CS team cost (period)", show(cs_team_cost))
    .input("Support team cost (period)", show(support_team_cost))
    .input("period (months)", period_months.to_string())
    .input(
        "annualised cost",
        annual_cost.map_or_else(|| "n/a".to_string(), dollars),
    )
    .value(value)
    .caveat(caveat)
    .benchmark(
        "\"recommended that this number remains above 5.0\" (002 L15)",
        |v| v > 5.0,
    )
}
