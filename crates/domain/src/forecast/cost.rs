//! What the team costs and what it returns (issue #4 part 3):
//!
//! ```text
//! CSM cost (quarter)     = paid CSM FTE x fully loaded CSM cost a year / 4
//! manager FTE            = paid CSM FTE / CSMs per manager
//! manager cost (quarter) = manager FTE x manager cost a year / 4
//! CS cost % of ARR       = CS cost x 4 / closing ARR          (DOMAIN.md §1.3: 5-15% established,
//!                                                             below 5% large organisations)
//! renewed ARR            = opening ARR x 3 / contract term months - churned - contraction (>= 0)
//! CS Magic Number        = (renewed + upsell ARR) / (CS cost + support cost)   (§5.2, target > 5)
//! ```
//!
//! Both sides of the Magic Number are the quarter's (§5.2: "consistent periods"); renewals are
//! taken as spread evenly over the contract term and the quarter's losses as happening at renewal.

use super::inputs::CostInputs;
use super::limits::to_cents;
use super::output::{BookQuarter, CostBand, QuarterCost};
use crate::money::Cents;

/// DOMAIN.md §1.3's band edges, as fractions of ARR.
pub const LARGE_ORGANISATION_BELOW: f64 = 0.05;
pub const ESTABLISHED_UP_TO: f64 = 0.15;
/// The CS Magic Number the sources recommend staying above (§5.2).
pub const MAGIC_NUMBER_TARGET: f64 = 5.0;

impl CostBand {
    /// How the exports and the page name the band (DOMAIN.md §1.3).
    pub fn label(self) -> &'static str {
        match self {
            CostBand::BelowFive => "below 5% (large organisations)",
            CostBand::FiveToFifteen => "5-15% (established companies)",
            CostBand::AboveFifteen => "above 15%",
        }
    }
}

pub(crate) fn band(share: f64) -> CostBand {
    if share < LARGE_ORGANISATION_BELOW {
        CostBand::BelowFive
    } else if share <= ESTABLISHED_UP_TO {
        CostBand::FiveToFifteen
    } else {
        CostBand::AboveFifteen
    }
}

/// CS cost as a share of ARR: the quarter's cost at a yearly rate over the closing ARR.
pub(crate) fn share_of_arr(cs_cost: Cents, closing_arr: Cents) -> Option<f64> {
    (closing_arr.0 > 0).then(|| cs_cost.0 as f64 * 4.0 / closing_arr.0 as f64)
}

pub(crate) fn quarter_cost(paid_fte: f64, closing_arr: Cents, cost: &CostInputs) -> QuarterCost {
    let csm_cost = to_cents(paid_fte * cost.csm_cost_per_year.0 as f64 / 4.0);
    let manager_fte = paid_fte / cost.csms_per_manager;
    let manager_cost = to_cents(manager_fte * cost.manager_cost_per_year.0 as f64 / 4.0);
    with_share(csm_cost, manager_fte, manager_cost, closing_arr)
}

/// A cost row from its parts (the totals add the segments' cents up).
pub(crate) fn with_share(
    csm_cost: Cents,
    manager_fte: f64,
    manager_cost: Cents,
    closing_arr: Cents,
) -> QuarterCost {
    let cs_cost = csm_cost + manager_cost;
    let share = share_of_arr(cs_cost, closing_arr);
    QuarterCost {
        csm_cost,
        manager_fte,
        manager_cost,
        cs_cost,
        cost_pct_of_arr: share,
        band: share.map(band),
    }
}

pub(crate) fn support_per_quarter(cost: &CostInputs) -> Cents {
    to_cents(cost.support_cost_per_year.0 as f64 / 4.0)
}

pub(crate) fn renewed_arr(book: &BookQuarter, cost: &CostInputs) -> Cents {
    let due = to_cents(book.opening_arr.0 as f64 * 3.0 / f64::from(cost.contract_term_months));
    Cents((due - book.churned_arr - book.contraction_arr).0.max(0))
}

pub(crate) fn magic_number(
    renewed: Cents,
    upsell: Cents,
    cs_cost: Cents,
    support: Cents,
) -> Option<f64> {
    let cost = (cs_cost + support).0;
    (cost > 0).then(|| (renewed + upsell).0 as f64 / cost as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// DOMAIN.md §1.3 edges: 5% is established, 15% still is, just above is not.
    #[test]
    fn band_edges() {
        assert_eq!(band(0.0499), CostBand::BelowFive);
        assert_eq!(band(0.05), CostBand::FiveToFifteen);
        assert_eq!(band(0.15), CostBand::FiveToFifteen);
        assert_eq!(band(0.1501), CostBand::AboveFifteen);
        assert_eq!(band(0.1).label(), "5-15% (established companies)");
    }
}
