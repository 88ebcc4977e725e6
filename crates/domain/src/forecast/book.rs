//! Rolls one segment's book forward a quarter at a time (DOMAIN.md §1.4: the sources require a
//! revenue and logo forecast and give no method, so the movements are the user's drivers):
//!
//! ```text
//! new logos      = rate x opening logos, or the count            (x the new-logos factor)
//! new ARR        = new logos x ARR per new logo
//! churn share    = rate, or amount / opening ARR                 (x the churn factor, at most 1)
//! churned ARR    = churn share x opening ARR;  churned logos = churn share x opening logos
//! contraction    = rate x opening ARR, or the amount             (x the churn factor, at most
//!                  what churn left)
//! expansion      = rate x opening ARR, or the amount             (x the expansion factor)
//! closing ARR    = opening + new + expansion - contraction - churned
//! closing logos  = opening + new - churned
//! ```
//!
//! Lost logos follow lost ARR at the segment's average ARR per logo. Every ARR movement is
//! rounded half away from zero to the cent once, so the closing ARR adds up exactly.

use super::factors::Factors;
use super::inputs::{ArrMovement, LogoMovement, SegmentForecast};
use super::limits::{MAX_AMOUNT, MAX_LOGOS, to_cents};
use super::output::BookQuarter;
use crate::money::Cents;

/// A movement as a share of the opening ARR (0 when there is no ARR to take a share of).
fn share(movement: ArrMovement, opening: Cents) -> f64 {
    match movement {
        ArrMovement::Rate { rate } => rate,
        ArrMovement::Amount { amount } if opening.0 > 0 => amount.0 as f64 / opening.0 as f64,
        ArrMovement::Amount { .. } => 0.0,
    }
}

fn gain(movement: ArrMovement, opening: Cents) -> f64 {
    match movement {
        ArrMovement::Rate { rate } => rate * opening.0 as f64,
        ArrMovement::Amount { amount } => amount.0 as f64,
    }
}

/// The segment's book quarter by quarter.
pub(crate) fn roll(
    segment: &SegmentForecast,
    quarters: u32,
    factors: &Factors,
) -> Vec<BookQuarter> {
    let mut logos = segment.opening_logos;
    let mut arr = segment.opening_arr;
    (1..=quarters)
        .map(|quarter| {
            let d = segment.drivers(quarter);
            let new_logos = (factors.new_logos
                * match d.new_logos {
                    LogoMovement::Rate { rate } => rate * logos,
                    LogoMovement::Count { logos } => logos,
                })
            .min(MAX_LOGOS);
            let new_arr = to_cents(new_logos * d.new_logo_arr.0 as f64);
            let churn_share = (factors.churn * share(d.churn, arr)).min(1.0);
            let churned_arr = to_cents(churn_share * arr.0 as f64);
            let churned_logos = churn_share * logos;
            let contraction_share =
                (factors.churn * share(d.contraction, arr)).min(1.0 - churn_share);
            // Two roundings up could take one cent more than the book holds.
            let contraction_arr = Cents(
                to_cents(contraction_share * arr.0 as f64)
                    .0
                    .min((arr - churned_arr).0),
            );
            let expansion_arr = to_cents(factors.expansion * gain(d.expansion, arr));
            let row = BookQuarter {
                opening_logos: logos,
                new_logos,
                churned_logos,
                closing_logos: (logos + new_logos - churned_logos).min(MAX_LOGOS),
                opening_arr: arr,
                new_arr,
                expansion_arr,
                contraction_arr,
                churned_arr,
                // Each term is within MAX_AMOUNT, so the sum cannot overflow; a book past the
                // ceiling stops there (and the plan is refused, limits.rs).
                closing_arr: (arr + new_arr + expansion_arr - contraction_arr - churned_arr)
                    .min(MAX_AMOUNT),
            };
            logos = row.closing_logos;
            arr = row.closing_arr;
            row
        })
        .collect()
}
