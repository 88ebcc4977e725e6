//! Every segment added up for one quarter. Money and headcounts are sums of the segments'
//! (people are hired per segment, cents are already rounded per segment), so a table's rows add
//! up to its total row; ratios are recomputed from the sums.

use super::cost::{magic_number, renewed_arr, support_per_quarter, with_share};
use super::inputs::ForecastInputs;
use super::output::{BookQuarter, Need, SegmentQuarter, Team, TotalQuarter};
use crate::money::Cents;

fn book(rows: &[&SegmentQuarter]) -> BookQuarter {
    let sum_f = |f: fn(&BookQuarter) -> f64| rows.iter().map(|r| f(&r.book)).sum::<f64>();
    let sum_c = |f: fn(&BookQuarter) -> Cents| rows.iter().map(|r| f(&r.book)).sum::<Cents>();
    BookQuarter {
        opening_logos: sum_f(|b| b.opening_logos),
        new_logos: sum_f(|b| b.new_logos),
        churned_logos: sum_f(|b| b.churned_logos),
        closing_logos: sum_f(|b| b.closing_logos),
        opening_arr: sum_c(|b| b.opening_arr),
        new_arr: sum_c(|b| b.new_arr),
        expansion_arr: sum_c(|b| b.expansion_arr),
        contraction_arr: sum_c(|b| b.contraction_arr),
        churned_arr: sum_c(|b| b.churned_arr),
        closing_arr: sum_c(|b| b.closing_arr),
    }
}

fn need(needs: impl Iterator<Item = Need>, closing_logos: f64) -> Need {
    let (fte, headcount) = needs.fold((0.0, 0), |(f, h), n| (f + n.fte, h + n.headcount));
    Need {
        fte,
        headcount,
        customers_per_csm: (fte > 0.0).then(|| closing_logos / fte),
        touch: None,
    }
}

fn team(rows: &[&SegmentQuarter]) -> Team {
    let sum = |f: fn(&Team) -> f64| rows.iter().map(|r| f(&r.team)).sum::<f64>();
    let count = |f: fn(&Team) -> u64| rows.iter().map(|r| f(&r.team)).sum::<u64>();
    Team {
        required_fte: sum(|t| t.required_fte),
        required_headcount: count(|t| t.required_headcount),
        existing_fte: sum(|t| t.existing_fte),
        ramped_hires_fte: sum(|t| t.ramped_hires_fte),
        ramping_fte: sum(|t| t.ramping_fte),
        effective_fte: sum(|t| t.effective_fte),
        surplus_fte: sum(|t| t.surplus_fte),
        hires: count(|t| t.hires),
        cumulative_hires: count(|t| t.cumulative_hires),
        leavers_fte: sum(|t| t.leavers_fte),
        paid_fte: sum(|t| t.paid_fte),
    }
}

/// The total of quarter `quarter` over the segments' rows for it.
pub(crate) fn total(
    quarter: u32,
    rows: &[&SegmentQuarter],
    inputs: &ForecastInputs,
) -> TotalQuarter {
    let book = book(rows);
    let cost = with_share(
        rows.iter().map(|r| r.cost.csm_cost).sum(),
        rows.iter().map(|r| r.cost.manager_fte).sum(),
        rows.iter().map(|r| r.cost.manager_cost).sum(),
        book.closing_arr,
    );
    let support_cost = support_per_quarter(&inputs.cost);
    let renewed = renewed_arr(&book, &inputs.cost);
    TotalQuarter {
        quarter,
        top_down: need(rows.iter().map(|r| r.top_down.clone()), book.closing_logos),
        bottom_up: need(rows.iter().map(|r| r.bottom_up.clone()), book.closing_logos),
        team: team(rows),
        magic_number: magic_number(renewed, book.expansion_arr, cost.cs_cost, support_cost),
        cost,
        support_cost,
        renewed_arr: renewed,
        upsell_arr: book.expansion_arr,
        book,
    }
}
