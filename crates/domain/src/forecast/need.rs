//! The CSMs a quarter's closing book needs under each model (DOMAIN.md §1.1, derived formulas):
//! top-down = ARR / ARR per CSM; bottom-up = logos x activities per customer per month /
//! activities per CSM per month; and the touch model each ratio implies (§1.1 step 3).

use super::inputs::ForecastInputs;
use super::output::{BookQuarter, Need};

fn need(fte: f64, customers_per_csm: Option<f64>, inputs: &ForecastInputs) -> Need {
    Need {
        fte,
        headcount: inputs.rounding.apply(fte),
        customers_per_csm,
        touch: Some(inputs.touch_bands.classify(customers_per_csm)),
    }
}

pub(crate) fn top_down(book: &BookQuarter, inputs: &ForecastInputs) -> Need {
    let fte = book.closing_arr.0 as f64 / inputs.arr_per_csm.0 as f64;
    need(fte, (fte > 0.0).then(|| book.closing_logos / fte), inputs)
}

/// `activities` is the segment's activities per customer per month, already multiplied by the
/// run's factor.
pub(crate) fn bottom_up(book: &BookQuarter, activities: f64, inputs: &ForecastInputs) -> Need {
    let capacity = inputs.csm_activities_per_month;
    let fte = book.closing_logos * activities / capacity;
    need(
        fte,
        (activities > 0.0).then(|| capacity / activities),
        inputs,
    )
}
