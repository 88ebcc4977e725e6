//! The three charts of one plan over time, drawn from the engine's result, so the Plan page,
//! the CFO report and the exports show the same pictures.

use super::{
    CapacityQuarter, CostShareQuarter, DateTick, HireBar, capacity_over_time, cost_share,
    hire_timeline,
};
use csplan_domain::forecast::{Forecast, RiskBands};

/// Each chart as a self-contained SVG document.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanCharts {
    pub capacity: String,
    pub hires: String,
    pub cost: String,
}

/// The charts of `forecast`; `bands` (a Monte Carlo run of the same inputs) adds the P10-P90
/// band of the requirement and of the cost share.
pub fn plan_charts(forecast: &Forecast, bands: Option<&RiskBands>) -> PlanCharts {
    let title = |quarter: u32| {
        forecast
            .quarters
            .iter()
            .find(|q| q.number == quarter)
            .map_or_else(|| format!("Q{quarter}"), |q| q.title.clone())
    };
    let band_of =
        |quarter: u32| bands.and_then(|b| b.quarters.iter().find(|q| q.quarter == quarter));
    let capacity: Vec<CapacityQuarter> = forecast
        .totals
        .iter()
        .map(|t| CapacityQuarter {
            quarter: title(t.quarter),
            required: t.team.required_fte,
            effective: t.team.effective_fte,
            band: band_of(t.quarter).map(|b| (b.required_fte.p10, b.required_fte.p90)),
        })
        .collect();
    // The share's band: the cost's P10 and P90 over the deterministic closing ARR, yearly rate.
    let cost: Vec<CostShareQuarter> = forecast
        .totals
        .iter()
        .filter_map(|t| {
            let share = t.cost.cost_pct_of_arr?;
            let arr = t.book.closing_arr.dollars();
            let band = band_of(t.quarter).filter(|_| arr > 0.0).map(|b| {
                (
                    400.0 * b.cs_cost.p10.dollars() / arr,
                    400.0 * b.cs_cost.p90.dollars() / arr,
                )
            });
            Some(CostShareQuarter {
                quarter: title(t.quarter),
                percent: 100.0 * share,
                band,
            })
        })
        .collect();
    let hires: Vec<HireBar> = forecast
        .hires
        .iter()
        .map(|h| HireBar {
            label: format!("{} #{}", h.segment, h.number),
            requisition: h.requisition_open,
            start: h.start,
            ramped: h.fully_ramped,
        })
        .collect();
    let ticks: Vec<DateTick> = forecast
        .quarters
        .iter()
        .map(|q| DateTick {
            date: q.start,
            label: q.title.clone(),
        })
        .collect();
    PlanCharts {
        capacity: capacity_over_time(&capacity),
        hires: hire_timeline(&hires, &ticks),
        cost: cost_share(&cost),
    }
}
