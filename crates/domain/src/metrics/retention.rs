//! Retention and churn (DOMAIN.md §5.1): logo churn, customer retention, GRR, NRR and the
//! NRR–GRR gap. Every rate is over the customers and ARR present at the start of the period, so
//! churn + retention = 100% ("Churn is the exact opposite of retention", 003 L3762) and new or
//! reactivated customers never inflate retention.

use super::metric::{Metric, Unit, annual_rate, money, percent, ratio};
use super::movements::Movements;

/// DOMAIN.md §8.5: the NRR–GRR "massive imbalance" threshold is NOT IN SOURCES; CS Plan's
/// default is 10 percentage points, changed by the user in the metric settings.
pub const DEFAULT_GAP_FLAG_POINTS: f64 = 10.0;

/// Logo churn rate: customers lost in the period over customers at its start.
pub fn logo_churn_rate(m: &Movements, period_months: u32) -> Metric {
    let lost = f64::from(m.churned_customers);
    let start = f64::from(m.customers_at_start);
    let value = ratio(lost, start);
    let annual = value.map(|v| annual_rate(v, period_months));
    // 003's worked example divides by start + new − lost (DOMAIN.md §5.1 "Basic" calculation).
    let example_denominator = start + f64::from(m.new_customers) - lost;
    let alternative = ratio(lost, example_denominator)
        .map(|v| {
            format!(
                " 003's worked example (lost / (start + new − lost), L3780–3788) would give {}.",
                percent(v)
            )
        })
        .unwrap_or_default();
    Metric::new(
        "logo_churn_rate",
        "Logo churn rate",
        Unit::Percent,
        "customers churned in period / customers at start of period",
        "DOMAIN.md §5.1 Churn rate: 002 L11 \"(# of customers churned in given period)/(total # of customers)\"; 003 L3453–3466",
    )
    .input("customers churned", m.churned_customers.to_string())
    .input("customers at start", m.customers_at_start.to_string())
    .input("period (months)", period_months.to_string())
    .input(
        "annualised, 1 − (1 − rate)^(12 / months)",
        annual.map_or_else(|| "n/a".to_string(), percent),
    )
    .value(value)
    .caveat(Some(format!(
        "Sources disagree on the denominator (DOMAIN.md §8.5, OPEN); CS Plan uses the customers at the start of the period so churn and retention add up to 100%.{alternative}"
    )))
    .benchmark(
        "acceptable churn is 5–7% a year for SaaS (003 L3896–3902); compared after annualising",
        move |v| annual_rate(v, period_months) <= 0.07,
    )
}

/// Customer (logo) retention rate: customers at the start still customers at the end.
pub fn customer_retention_rate(m: &Movements) -> Metric {
    let retained = m.retained_customers();
    Metric::new(
        "customer_retention_rate",
        "Customer retention rate",
        Unit::Percent,
        "customers at start still customers at end / customers at start",
        "DOMAIN.md §5.1 Customer retention rate: 003 L3754–3760 (\"80/100 = 80%\"); 001 L300",
    )
    .input("customers retained", retained.to_string())
    .input("customers at start", m.customers_at_start.to_string())
    .value(ratio(f64::from(retained), f64::from(m.customers_at_start)))
    .caveat(Some(
        "003's KPI table (L3539–3550) divides customers lost by customers acquired in the period instead; CS Plan follows the 80/100 example (DOMAIN.md §5.1 DERIVED recommendation). Reactivated customers were not customers at the start and do not count as retained.".to_string(),
    ))
}

/// Gross revenue retention: start ARR less churn and contraction, over start ARR.
pub fn grr(m: &Movements) -> Metric {
    let kept = m.starting_arr - m.churned - m.contraction;
    Metric::new(
        "grr",
        "Gross revenue retention (GRR)",
        Unit::Percent,
        "(start ARR − churned ARR − contraction ARR) / start ARR",
        "DOMAIN.md §5.1 GRR: 001 L300 (words), DERIVED from 003 L3043–3047 without the expansion terms",
    )
    .input("start ARR", money(m.starting_arr))
    .input("churned ARR", money(m.churned))
    .input("contraction ARR (downgrades, price decreases)", money(m.contraction))
    .value(ratio(kept.dollars(), m.starting_arr.dollars()))
    .caveat(Some(
        "The sources state retention on MRR; ARR is 12 × MRR so the ratio is the same. Price decreases count as contraction (DOMAIN.md §5.1, by analogy with 003's NRR).".to_string(),
    ))
}

/// Net revenue retention: start ARR plus expansion less churn and contraction, over start ARR.
pub fn nrr(m: &Movements) -> Metric {
    let kept = m.starting_arr + m.expansion - m.churned - m.contraction;
    Metric::new(
        "nrr",
        "Net revenue retention (NRR)",
        Unit::Percent,
        "[(start ARR + expansion ARR) − (churned ARR + contraction ARR)] / start ARR",
        "DOMAIN.md §5.1 NRR: 003 L3043–3047; 001 L294",
    )
    .input("start ARR", money(m.starting_arr))
    .input("expansion ARR (up-sell, price increases)", money(m.expansion))
    .input("churned ARR", money(m.churned))
    .input("contraction ARR (downgrades, price decreases)", money(m.contraction))
    .value(ratio(kept.dollars(), m.starting_arr.dollars()))
    .caveat(Some(
        "003 states NRR on MRR (L3043); ARR is 12 × MRR so the ratio is the same. New and reactivated customers are not in the starting book and are left out.".to_string(),
    ))
}

/// NRR minus GRR in percentage points, flagged above `flag_above_points`: "A massive imbalance
/// between these metrics is a red flag" (001 L296).
pub fn nrr_grr_gap(m: &Movements, flag_above_points: f64) -> Metric {
    // NRR − GRR = expansion / start ARR, so the gap is never negative.
    let gap = ratio(m.expansion.dollars(), m.starting_arr.dollars()).map(|v| v * 100.0);
    let flagged = gap.is_some_and(|g| g > flag_above_points);
    let caveat = if flagged {
        format!(
            "Red flag: NRR exceeds GRR by more than {flag_above_points} points, so expansion may be masking the revenue lost (001 L296). The threshold is NOT IN SOURCES: it is your setting (default {DEFAULT_GAP_FLAG_POINTS})."
        )
    } else {
        format!(
            "Flagged above {flag_above_points} points; the threshold is NOT IN SOURCES: it is your setting (default {DEFAULT_GAP_FLAG_POINTS})."
        )
    };
    Metric::new(
        "nrr_grr_gap",
        "NRR − GRR gap",
        Unit::Points,
        "(NRR − GRR) × 100 = expansion ARR / start ARR × 100",
        "DOMAIN.md §5.1 NRR: 001 L296 \"A massive imbalance between these metrics is a red flag\"; §8.5",
    )
    .input("expansion ARR", money(m.expansion))
    .input("start ARR", money(m.starting_arr))
    .input("flag above (points)", format!("{flag_above_points}"))
    .value(gap)
    .caveat(Some(caveat))
    .benchmark(
        &format!("no more than {flag_above_points} points (your setting)"),
        move |g| g <= flag_above_points,
    )
}
