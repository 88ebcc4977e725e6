//! The team side of one segment (issue #4 part 2; DOMAIN.md §1.3 items 2-3, §1.10: ramp,
//! hiring ahead of the load and attrition are NOT IN SOURCES, so each is an input).
//!
//! * Today's CSMs shrink by attrition: `current x s^q` at the end of quarter q, where
//!   `s = (1 - attrition a year)^(1/4)` is the quarterly survival rate.
//! * Quarter by quarter, the hires for q cover what q's required FTE lacks once today's team and
//!   the earlier hires are counted: `hires(q) = rounding(required(q) - existing(q) - earlier
//!   hires still there)` when above 0. A hire for q is fully productive on q's first day and
//!   counts in full in q; attrition reaches it from the next quarter. Hires still ramping are not
//!   counted on when sizing (they carry no planned load yet) but do show in effective capacity.
//! * A hire for quarter k in an earlier quarter q adds its average productivity over q's three
//!   months (from the ramp profile) to effective capacity and its months on the payroll to the
//!   paid FTE.

use super::inputs::{RampProfile, Supply};
use super::output::Team;
use crate::capacity::Rounding;

/// What a hire for quarter k adds in quarter k - d (d >= 1 quarters earlier), for every d of the
/// plan. Depends only on the ramp, so a Monte Carlo run builds it once.
pub(crate) struct RampShares {
    /// Average productivity over the quarter's months; index d.
    productive: Vec<f64>,
    /// Share of the quarter's months on the payroll; index d.
    paid: Vec<f64>,
}

impl RampShares {
    pub(crate) fn new(ramp: &RampProfile, quarters: u32) -> RampShares {
        let m = i64::from(ramp.ramp_months());
        let months = |d: i64| (0..3).map(move |i| m - 3 * d + i + 1);
        let (productive, paid) = (0..=i64::from(quarters))
            .map(|d| {
                let productive = months(d)
                    .map(|month| u32::try_from(month).map_or(0.0, |mo| ramp.productivity(mo)))
                    .sum::<f64>()
                    / 3.0;
                let paid = months(d).filter(|&month| month >= 1).count() as f64 / 3.0;
                (productive, paid)
            })
            .unzip();
        RampShares { productive, paid }
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
    shares: &RampShares,
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
            let ramped_hires_fte: f64 = (0..=q).map(|k| hires[k] as f64 * survive[q - k]).sum();
            let later = q + 1..n;
            let ramping_fte: f64 = later
                .clone()
                .map(|k| hires[k] as f64 * shares.productive[k - q])
                .sum();
            let paid_ramping: f64 = later.map(|k| hires[k] as f64 * shares.paid[k - q]).sum();
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
                paid_fte: existing_fte + ramped_hires_fte + paid_ramping,
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

    /// The default ramp (0% month 1, 50% months 2-3): a hire for quarter k works all of
    /// quarter k-1 at (0 + 0.5 + 0.5) / 3 and is not yet there in k-2.
    #[test]
    fn default_ramp_shares() {
        let shares = RampShares::new(&RampProfile::default(), 3);
        assert_eq!(shares.productive[0], 1.0);
        assert_eq!(shares.productive[1], 1.0 / 3.0);
        assert_eq!(shares.paid[1], 1.0);
        assert_eq!(shares.productive[2], 0.0);
        assert_eq!(shares.paid[2], 0.0);
    }

    /// A 4-month ramp [0, 0.5, 0.5, 0.75]: starts one month before the quarter before.
    #[test]
    fn four_month_ramp_reaches_two_quarters_back() {
        let ramp = RampProfile {
            productivity_by_month: vec![0.0, 0.5, 0.5, 0.75],
        };
        let shares = RampShares::new(&ramp, 3);
        assert_eq!(shares.productive[1], (0.5 + 0.5 + 0.75) / 3.0);
        assert_eq!(shares.productive[2], 0.0);
        assert_eq!(shares.paid[2], 1.0 / 3.0);
    }
}
