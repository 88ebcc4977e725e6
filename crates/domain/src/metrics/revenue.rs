//! Revenue metrics (DOMAIN.md §5.3, §5.5): net new ARR and MRR, revenue growth rate and the
//! expansion rate. MRR is ARR / 12 (DOMAIN.md §5.3: MRR is "the monthly version of ARR").

use super::metric::{Metric, Unit, dollars, money, ratio};
use super::movements::Movements;

const NET_NEW_CAVEAT: &str = "003 writes New + Expansion − Churn; CS Plan counts contraction (downgrades) with churn and reactivations with new, so net new equals ending minus starting exactly.";

/// Net new ARR: new + reactivated + expansion − churned − contraction.
pub fn net_new_arr(m: &Movements) -> Metric {
    Metric::new(
        "net_new_arr",
        "Net new ARR",
        Unit::Money,
        "(new ARR + reactivated ARR) + expansion ARR − (churned ARR + contraction ARR)",
        "DOMAIN.md §5.3 Net New MRR: 003 L3428–3440 \"(New MRR) + (Expansion MRR) - (Churn MRR)\"",
    )
    .input("new ARR", money(m.new))
    .input("reactivated ARR", money(m.reactivated))
    .input("expansion ARR", money(m.expansion))
    .input("churned ARR", money(m.churned))
    .input("contraction ARR", money(m.contraction))
    .value(Some(m.net_new().dollars()))
    .caveat(Some(NET_NEW_CAVEAT.to_string()))
    .benchmark("\"Increase in amount\" (003 L3440): above zero", |v| {
        v > 0.0
    })
}

/// Net new MRR: net new ARR / 12.
pub fn net_new_mrr(m: &Movements) -> Metric {
    let value = m.net_new().dollars() / 12.0;
    Metric::new(
        "net_new_mrr",
        "Net new MRR",
        Unit::Money,
        "[(new + reactivated) + expansion − (churned + contraction)] ARR / 12",
        "DOMAIN.md §5.3 Net New MRR: 003 L3428–3440; MRR = ARR / 12 (003 L8313–8315)",
    )
    .input("net new ARR", money(m.net_new()))
    .input("net new MRR", dollars(value))
    .value(Some(value))
    .caveat(Some(NET_NEW_CAVEAT.to_string()))
    .benchmark("\"Increase in amount\" (003 L3440): above zero", |v| {
        v > 0.0
    })
}

/// Revenue growth rate over the period: (ending − starting) / starting.
pub fn revenue_growth_rate(m: &Movements) -> Metric {
    Metric::new(
        "revenue_growth_rate",
        "Revenue growth rate",
        Unit::Percent,
        "(ARR at end − ARR at start) / ARR at start",
        "DOMAIN.md §5.3 Revenue Growth Rate: 003 L3442–3451, parentheses restored (DERIVED)",
    )
    .input("ARR at start", money(m.starting_arr))
    .input("ARR at end", money(m.ending_arr))
    .value(ratio(m.net_new().dollars(), m.starting_arr.dollars()))
    .caveat(Some(
        "003 defines growth of MRR over the previous month and omits the parentheses; CS Plan uses the chosen period, and ARR gives the same ratio as MRR.".to_string(),
    ))
    .benchmark("\"Increase in rate\" (003 L3451): above zero", |v| v > 0.0)
}

/// Expansion rate: expansion ARR from the starting book over start ARR.
pub fn expansion_rate(m: &Movements) -> Metric {
    Metric::new(
        "expansion_rate",
        "Expansion rate",
        Unit::Percent,
        "expansion ARR / start ARR",
        "DOMAIN.md §5.5 Expansion (003 L8118–8120) and §5.1 NRR tailwind (003 L3068–3074); the ratio is DERIVED",
    )
    .input("expansion ARR (up-sell, cross-sell, price increases)", money(m.expansion))
    .input("start ARR", money(m.starting_arr))
    .value(ratio(m.expansion.dollars(), m.starting_arr.dollars()))
    .caveat(Some(
        "The sources define expansion but give no rate formula; this is the expansion term of NRR.".to_string(),
    ))
}
