//! The three charts of one plan over time, drawn from the engine's result, so the Plan page,
//! the CFO report and the exports show the same pictures.

use super::{
    CapacityQuarter, CostShareQuarter, DateTick, HireBar, capacity_over_time, cost_share,
    hire_timeline,
};
use csplan_domain::forecast::{Forecast, Hire, RiskBands};
use csplan_domain::segmentation::IsoDate;

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
    let plan_start = forecast.quarters.first().map(|q| q.start);
    let hires = hire_bars(&forecast.hires, plan_start);
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

/// The hires on the dates they really follow, as the hire table shows them: a late requisition
/// opens on the plan's start (it cannot open earlier), and the hire starts and is fully ramped on
/// the earliest dates from there, not on the ideal dates that have already passed.
fn hire_bars(hires: &[Hire], plan_start: Option<IsoDate>) -> Vec<HireBar> {
    hires
        .iter()
        .map(|h| {
            let late = h.late_by_days > 0;
            HireBar {
                label: format!("{} #{}", h.segment, h.number),
                requisition: match plan_start {
                    Some(start) if late => start,
                    _ => h.requisition_open,
                },
                start: h.earliest_start,
                ramped: h.earliest_fully_ramped,
                late,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> IsoDate {
        IsoDate::parse(text).unwrap()
    }

    /// Issue #4 with a plan starting 2026-10-01, a 90-day lead time and a 3-month ramp. The
    /// hire for Q2 (2027-01-01) should have opened its requisition 2026-07-03, 90 days late;
    /// opened on 2026-10-01 instead, the lead time runs out 2026-12-30, so the hire starts on
    /// 2027-01-01 (a month's first day) and is fully ramped 2027-04-01. The hire for Q4
    /// (2027-07-01) is on time: requisition 2027-01-02, start 2027-04-01, ramped 2027-07-01.
    #[test]
    fn late_hires_are_drawn_on_their_real_dates_and_on_time_ones_on_their_planned_dates() {
        let late = Hire {
            segment: "Mid-Market".to_string(),
            number: 1,
            for_quarter: 2,
            requisition_open: date("2026-07-03"),
            start: date("2026-10-01"),
            fully_ramped: date("2027-01-01"),
            late_by_days: 90,
            earliest_start: date("2027-01-01"),
            earliest_fully_ramped: date("2027-04-01"),
        };
        let on_time = Hire {
            segment: "SMB".to_string(),
            number: 1,
            for_quarter: 4,
            requisition_open: date("2027-01-02"),
            start: date("2027-04-01"),
            fully_ramped: date("2027-07-01"),
            late_by_days: 0,
            earliest_start: date("2027-04-01"),
            earliest_fully_ramped: date("2027-07-01"),
        };
        let bars = hire_bars(&[late, on_time], Some(date("2026-10-01")));
        assert_eq!(
            bars,
            [
                HireBar {
                    label: "Mid-Market #1".to_string(),
                    requisition: date("2026-10-01"),
                    start: date("2027-01-01"),
                    ramped: date("2027-04-01"),
                    late: true,
                },
                HireBar {
                    label: "SMB #1".to_string(),
                    requisition: date("2027-01-02"),
                    start: date("2027-04-01"),
                    ramped: date("2027-07-01"),
                    late: false,
                },
            ]
        );
    }
}
