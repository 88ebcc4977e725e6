//! Customer value (DOMAIN.md §5.4, §5.3): CLTV in both formula variants of §5.4, LTV:CAC and the
//! months to recover CAC. Lifetimes are in months, so churn rates are converted to monthly ones
//! (DOMAIN.md §5.4 note: "Use MRR with a monthly $ churn rate").

use super::metric::{Metric, Unit, dollars, money, monthly_rate, percent, ratio};
use super::movements::Movements;
use crate::money::Cents;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which CLTV the LTV:CAC ratio divides (DOMAIN.md §8.5 "CLTV variant", OPEN).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum LtvVariant {
    /// 003 L3366, (Average MRR × Gross Margin %) / $ churn rate. The default: 001 L318 defines
    /// CLTV as "the gross profit a customer delivers".
    #[default]
    GrossMargin,
    /// 003 L3492–3496, Average MRR × 1 / churn rate.
    Revenue,
}

/// Average MRR per customer over the period: the mean of the start and end books,
/// `(start ARR + end ARR) / 12 / (customers at start + customers at end)`.
pub(super) fn average_mrr_per_customer(m: &Movements) -> Option<f64> {
    let customers = f64::from(m.customers_at_start) + f64::from(m.customers_at_end);
    ratio((m.starting_arr + m.ending_arr).dollars() / 12.0, customers)
}

fn or_na(value: Option<f64>, show: fn(f64) -> String) -> String {
    value.map_or_else(|| "n/a".to_string(), show)
}

/// CLTV with gross margin (003 L3362–3366): (average MRR × gross margin) / monthly $ churn
/// rate, where $ churn is net of expansion so that negative churn is visible.
pub fn cltv_gross_margin(m: &Movements, period_months: u32, gross_margin: Option<f64>) -> Metric {
    let avg_mrr = average_mrr_per_customer(m);
    let lost = m.churned + m.contraction - m.expansion;
    let period_rate = ratio(lost.dollars(), m.starting_arr.dollars());
    let monthly = period_rate.map(|p| monthly_rate(p, period_months));
    let churn_positive = monthly.is_some_and(|r| r > 0.0);
    let value = match (avg_mrr, gross_margin, monthly) {
        (Some(mrr), Some(margin), Some(rate)) if rate > 0.0 => Some(mrr * margin / rate),
        _ => None,
    };
    let caveat = if monthly.is_some() && !churn_positive {
        Some("$ churn is zero or negative (expansion ≥ churned): \"the CLTV calculation ceases to be representative as the calc tends towards infinity\" (003 L3390–3394), so no value is shown.".to_string())
    } else if gross_margin.is_none() {
        Some(
            "Enter the gross margin % to compute this variant (DOMAIN.md §8.5, a user input)."
                .to_string(),
        )
    } else {
        None
    };
    Metric::new(
        "cltv_gross_margin",
        "CLTV (gross margin)",
        Unit::Money,
        "(average MRR per customer × gross margin %) / monthly $ churn rate, $ churn = (churned + contraction − expansion) ARR / start ARR, monthly = 1 − (1 − period rate)^(1 / months)",
        "DOMAIN.md §5.4 definition 2: 003 L3362–3366 \"{(Average MRR) X (Gross Margin%)} / ($ Churn Rate)\"",
    )
    .input("average MRR per customer", or_na(avg_mrr, dollars))
    .input("gross margin", or_na(gross_margin, percent))
    .input("churned ARR", money(m.churned))
    .input("contraction ARR", money(m.contraction))
    .input("expansion ARR", money(m.expansion))
    .input("start ARR", money(m.starting_arr))
    .input("$ churn rate, period", or_na(period_rate, percent))
    .input("$ churn rate, monthly", or_na(monthly, percent))
    .value(value)
    .caveat(caveat)
}

/// CLV without margin (003 L3492–3496): average MRR × 1 / monthly logo churn rate.
pub fn cltv_revenue(m: &Movements, period_months: u32) -> Metric {
    let avg_mrr = average_mrr_per_customer(m);
    let period_rate = ratio(
        f64::from(m.churned_customers),
        f64::from(m.customers_at_start),
    );
    let monthly = period_rate.map(|p| monthly_rate(p, period_months));
    let value = match (avg_mrr, monthly) {
        (Some(mrr), Some(rate)) if rate > 0.0 => Some(mrr / rate),
        _ => None,
    };
    let caveat = monthly.filter(|r| *r <= 0.0).map(|_| {
        "No customer churned in the period, so the lifetime 1 / churn rate is unbounded and no value is shown (003 L3390–3394).".to_string()
    });
    Metric::new(
        "cltv_revenue",
        "CLV (revenue)",
        Unit::Money,
        "average MRR per customer × 1 / monthly logo churn rate, monthly = 1 − (1 − period rate)^(1 / months)",
        "DOMAIN.md §5.4 definition 3: 003 L3492–3496 \"(Average MRR for the customer) * (Customer Lifetime) where Customer Lifetime = 1 / churn rate\"",
    )
    .input("average MRR per customer", or_na(avg_mrr, dollars))
    .input("customers churned", m.churned_customers.to_string())
    .input("customers at start", m.customers_at_start.to_string())
    .input("logo churn rate, monthly", or_na(monthly, percent))
    .value(value)
    .caveat(caveat)
}

/// LTV:CAC from the chosen CLTV metric and the CAC input; target above 3.
pub fn ltv_cac(cltv: &Metric, cac: Option<Cents>) -> Metric {
    let value = match (cltv.value, cac) {
        (Some(ltv), Some(cac)) => ratio(ltv, cac.dollars()),
        _ => None,
    };
    let caveat = if cac.is_none_or(|c| c.0 <= 0) {
        Some("Enter the customer acquisition cost (CAC) to compute this ratio.".to_string())
    } else if cltv.value.is_none() {
        Some(format!(
            "{} has no value: {}",
            cltv.label,
            cltv.caveat.clone().unwrap_or_default()
        ))
    } else {
        None
    };
    Metric::new(
        "ltv_cac",
        "LTV:CAC",
        Unit::Ratio,
        &format!("{} / CAC", cltv.label),
        "DOMAIN.md §5.4 and §5.3: 003 L3500–3504 \"LTV / CAC\"",
    )
    .input(&cltv.label, or_na(cltv.value, dollars))
    .input("CAC", cac.map_or_else(|| "n/a".to_string(), money))
    .value(value.filter(|_| cac.is_some_and(|c| c.0 > 0)))
    .caveat(caveat)
    .benchmark("\"Should be higher than 3\" (003 L3503–3504)", |v| {
        v > 3.0
    })
}

/// Months to recover CAC: CAC / average MRR per customer; target below 12.
pub fn cac_payback_months(m: &Movements, cac: Option<Cents>) -> Metric {
    let avg_mrr = average_mrr_per_customer(m);
    let value = match (cac, avg_mrr) {
        (Some(cac), Some(mrr)) if cac.0 > 0 => ratio(cac.dollars(), mrr),
        _ => None,
    };
    let caveat = cac
        .is_none_or(|c| c.0 <= 0)
        .then(|| "Enter the customer acquisition cost (CAC) to compute the payback.".to_string());
    Metric::new(
        "cac_payback_months",
        "Months to recover CAC",
        Unit::Months,
        "CAC / average MRR per customer",
        "DOMAIN.md §5.3 Months to recover CAC: 003 L3506–3520 \"CAC / Avg. MRR per customer\"",
    )
    .input("CAC", cac.map_or_else(|| "n/a".to_string(), money))
    .input("average MRR per customer", or_na(avg_mrr, dollars))
    .value(value)
    .caveat(caveat)
    .benchmark(
        "\"should be less than 12 months\" (003 L3515–3520)",
        |v| v < 12.0,
    )
}
