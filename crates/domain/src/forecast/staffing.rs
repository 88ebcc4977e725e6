//! The team side of one segment (issue #4 part 2; DOMAIN.md §1.3 items 2-3, §1.10: ramp,
//! hiring ahead of the load and attrition are NOT IN SOURCES, so each is an input).
//!
//! * Today's CSMs shrink by attrition: `current x s^q` at the end of quarter q, where
//!   `s = (1 - attrition a year)^(1/4)` is the quarterly survival rate.
//! * Quarter by quarter, the hires for q cover what q's required FTE lacks once today's team and
//!   the earlier hires are counted: `hires(q) = rounding(required(q) - existing(q) - earlier
//!   hires still there)` when above 0. Sizing plans every hire as fully productive from the
//!   quarter it is hired for (a late one cannot be replaced by an even later hire); attrition
//!   reaches it from the next quarter. Hires still ramping are not counted on when sizing (they
//!   carry no planned load yet) but do show in effective capacity.
//! * A hire adds its average productivity over each quarter's three months (from the ramp
//!   profile, counted from its actual start month: planned, or later when its requisition is
//!   late, hires.rs) to effective capacity, and its months on the payroll to the paid FTE.
//!   Contributions at 100% over the whole quarter count as ramped hires, the rest as ramping.

use super::inputs::{RampProfile, Supply};
use super::output::Team;
use crate::capacity::Rounding;

/// What a hire for each quarter adds in each quarter. Depends only on the calendar, the ramp and
/// the lead time, so a Monte Carlo run builds it once.
pub(crate) struct HireTiming {
    quarters: usize,
    /// `productive[k * quarters + q]`: average productivity in quarter q of a hire for quarter k.
    productive: Vec<f64>,
    /// `paid[k * quarters + q]`: share of quarter q's months that hire is on the payroll.
    paid: Vec<f64>,
}

impl HireTiming {
    /// `start_months[k]`: the plan month (0 = the first; negative = before the plan) in which a
    /// hire for quarter k starts.
    pub(crate) fn new(ramp: &RampProfile, start_months: &[i64]) -> HireTiming {
        let quarters = start_months.len();
        let mut productive = Vec::with_capacity(quarters * quarters);
        let mut paid = Vec::with_capacity(quarters * quarters);
        for &start in start_months {
            for q in 0..quarters as i64 {
                // Months since the start (1 = the first month) of the quarter's three months.
                let months = (0..3).map(|i| 3 * q + i - start + 1);
                let productivity = months
                    .clone()
                    .map(|m| u32::try_from(m).map_or(0.0, |m| ramp.productivity(m)))
                    .sum::<f64>();
                productive.push(productivity / 3.0);
                paid.push(months.filter(|&m| m >= 1).count() as f64 / 3.0);
            }
        }
        HireTiming {
            quarters,
            productive,
            paid,
        }
    }
}

/// Quarterly survival rate of a yearly attrition rate (clamped to 0-100%, since a Monte Carlo
/// factor can push it past 100%).
pub(crate) fn quarterly_survival(attrition_per_year: f64) -> f64 {
    (1.0 - attrition_per_year.clamp(0.0, 1.0)).powf(0.25)
}

/// The segment's team quarter by quarter for the given required FTE.
pub(crate) fn staff(
    required: &[f64],
    current_csms: f64,
    survival: f64,
    timing: &HireTiming,
    rounding: Rounding,
) -> Vec<Team> {
    let n = required.len();
    // survive[j] = s^j.
    let survive: Vec<f64> = (0..=n)
        .scan(1.0, |acc, _| {
            let now = *acc;
            *acc *= survival;
            Some(now)
        })
        .collect();
    let mut hires = vec![0u64; n];
    for q in 0..n {
        let existing = current_csms * survive[q + 1];
        let earlier: f64 = (0..q).map(|k| hires[k] as f64 * survive[q - k]).sum();
        let shortfall = required[q] - existing - earlier;
        if shortfall > 0.0 {
            hires[q] = rounding.apply(shortfall);
        }
    }
    let mut cumulative = 0;
    (0..n)
        .map(|q| {
            cumulative += hires[q];
            let existing_fte = current_csms * survive[q + 1];
            let (mut ramped_hires_fte, mut ramping_fte, mut paid_hires) = (0.0, 0.0, 0.0);
            for (k, &count) in hires.iter().enumerate().filter(|(_, c)| **c > 0) {
                // Attrition reaches a hire from the quarter after the one it was hired for.
                let staying = count as f64 * if q > k { survive[q - k] } else { 1.0 };
                let productive = timing.productive[k * timing.quarters + q];
                if productive >= 1.0 {
                    ramped_hires_fte += staying;
                } else {
                    ramping_fte += staying * productive;
                }
                paid_hires += staying * timing.paid[k * timing.quarters + q];
            }
            let leavers_fte = current_csms * (survive[q] - survive[q + 1])
                + (0..q)
                    .map(|k| hires[k] as f64 * (survive[q - k - 1] - survive[q - k]))
                    .sum::<f64>();
            let effective_fte = existing_fte + ramped_hires_fte + ramping_fte;
            Team {
                required_fte: required[q],
                required_headcount: rounding.apply(required[q]),
                existing_fte,
                ramped_hires_fte,
                ramping_fte,
                effective_fte,
                surplus_fte: effective_fte - required[q],
                hires: hires[q],
                cumulative_hires: cumulative,
                leavers_fte,
                paid_fte: existing_fte + paid_hires,
            }
        })
        .collect()
}

/// The quarterly survival rate of a supply at an attrition factor.
pub(crate) fn survival_of(supply: &Supply, attrition_factor: f64) -> f64 {
    quarterly_survival(supply.attrition_per_year * attrition_factor)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(timing: &HireTiming, k: usize, q: usize) -> (f64, f64) {
        let i = k * timing.quarters + q;
        (timing.productive[i], timing.paid[i])
    }

    /// The default ramp (0% month 1, 50% months 2-3) of a hire for Q2 starting on time in plan
    /// month 0: all of Q1 at (0 + 0.5 + 0.5) / 3, full from Q2.
    #[test]
    fn default_ramp_on_time() {
        let timing = HireTiming::new(&RampProfile::default(), &[-3, 0, 3]);
        assert_eq!(at(&timing, 1, 0), (1.0 / 3.0, 1.0));
        assert_eq!(at(&timing, 1, 1), (1.0, 1.0));
        assert_eq!(at(&timing, 2, 0), (0.0, 0.0));
        assert_eq!(at(&timing, 0, 0), (1.0, 1.0));
    }

    /// A 4-month ramp [0, 0.5, 0.5, 0.75] for Q3 starts in plan month 2: one paid month in Q1
    /// at 0%, then months 2-4 of the ramp in Q2.
    #[test]
    fn four_month_ramp_reaches_two_quarters_back() {
        let ramp = RampProfile {
            productivity_by_month: vec![0.0, 0.5, 0.5, 0.75],
        };
        let timing = HireTiming::new(&ramp, &[-4, -1, 2]);
        assert_eq!(at(&timing, 2, 0), (0.0, 1.0 / 3.0));
        assert_eq!(at(&timing, 2, 1), ((0.5 + 0.5 + 0.75) / 3.0, 1.0));
        assert_eq!(at(&timing, 2, 2), (1.0, 1.0));
    }
}
