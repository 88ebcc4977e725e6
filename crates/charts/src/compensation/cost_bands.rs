//! "Yearly variable cost under stress": what a plan's variable pay may cost the company in a
//! year across the Monte Carlo trials of the stress test (WORKLOADS.md W5), one row per plan:
//! the P5 to P95 range as a bar, the median and the mean marked on it, and the budget as a
//! dashed line, so a leader sees at once how often and by how much the plan can overrun.

use super::legend::{Entry, Key, legend};
use super::money::money;
use super::plans::plan_style;
use super::rows::{NAME_LINE, Row, RowChart, name_line, row, row_chart, x_of};
use crate::document::fallback;
use crate::frame::{
    Canvas, Drawn, SMALL_PX, anchor, body, empty, header, knockout_text, render, text,
};
use crate::measure::text_width;
use crate::palette::{BACKGROUND, INK, MUTED};
use csplan_domain::compensation::StressSummary;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

const TITLE: &str = "Yearly variable cost under stress";
const X_TITLE: &str = "Variable pay for the whole team in a year";
const EMPTY: &str = "No stress test yet: choose one or more plans and run the stress test.";

/// The stress test's result for one plan in dollars a year: the 5th, 50th and 95th percentile
/// and the mean of the simulated variable cost, and the budget it is held against.
#[derive(Debug, Clone, PartialEq)]
pub struct CostBand {
    pub plan: String,
    pub p5: f64,
    pub p50: f64,
    pub p95: f64,
    pub mean: f64,
    pub budget: f64,
}

/// The chart's view of the engine's summary: its mean is `mean_cost`.
impl From<&StressSummary> for CostBand {
    fn from(summary: &StressSummary) -> CostBand {
        CostBand {
            plan: summary.plan.clone(),
            p5: summary.p5,
            p50: summary.p50,
            p95: summary.p95,
            mean: summary.mean_cost,
            budget: summary.budget,
        }
    }
}

/// The bar's half height, at most, and the room kept above it for the budget's label.
const BAR_HALF: i32 = 9;
const BUDGET_LABEL: i32 = 16;

/// "Yearly variable cost under stress": for each plan, a bar from its P5 to its P95 cost with
/// the median (P50) as a dark line and the mean as a white dot, the budget as a dashed line
/// with its amount, and the four figures in the row's top line, on a dollar axis from 0.
pub fn cost_bands(bands: &[CostBand]) -> String {
    if let Some(problem) = problem(bands) {
        return fallback(TITLE, &problem);
    }
    render(TITLE, |root| draw(root, bands))
}

fn problem(bands: &[CostBand]) -> Option<String> {
    bands.iter().find_map(|band| {
        let fields = [
            ("P5", band.p5),
            ("P50", band.p50),
            ("P95", band.p95),
            ("mean", band.mean),
            ("budget", band.budget),
        ];
        if let Some((field, value)) = fields.iter().find(|(_, v)| !(v.is_finite() && *v >= 0.0)) {
            return Some(format!(
                "The {field} cost of \"{}\" is {value}; a cost is a number of dollars of 0 or more.",
                band.plan
            ));
        }
        (!(band.p5 <= band.p50 && band.p50 <= band.p95)).then(|| {
            format!(
                "The costs of \"{}\" are out of order (P5 {}, P50 {}, P95 {}); P5 cannot exceed P50, nor P50 exceed P95.",
                band.plan, band.p5, band.p50, band.p95
            )
        })
    })
}

fn draw(root: &Canvas<'_>, bands: &[CostBand]) -> Drawn {
    header(root, TITLE, None)?;
    legend(
        root,
        &[
            Entry::new(Key::Bar(MUTED), "P5 to P95 of the trials"),
            Entry::new(
                Key::Line {
                    color: INK,
                    width: 3,
                    dashed: false,
                },
                "Median",
            ),
            Entry::new(Key::Dot(INK), "Mean"),
            Entry::new(
                Key::Line {
                    color: INK,
                    width: 2,
                    dashed: true,
                },
                "Budget",
            ),
        ],
    )?;
    let body = body(root);
    if bands.is_empty() {
        return empty(&body, X_TITLE, "", EMPTY);
    }
    let max = bands
        .iter()
        .flat_map(|b| [b.p95, b.mean, b.budget])
        .fold(0.0, f64::max);
    let chart = row_chart(&body, max, bands.len(), X_TITLE)?;
    for (index, band) in bands.iter().enumerate() {
        let row = row(&chart, index, bands.len());
        draw_band(root, &chart, &row, index, band)?;
    }
    Ok(())
}

fn draw_band(
    root: &Canvas<'_>,
    chart: &RowChart<'_, '_>,
    row: &Row,
    index: usize,
    band: &CostBand,
) -> Drawn {
    let style = plan_style(index);
    let figures = format!(
        "P5 {}, median {}, P95 {}, mean {}",
        money(band.p5),
        money(band.p50),
        money(band.p95),
        money(band.mean)
    );
    name_line(root, row, style, &band.plan, &figures)?;

    let band_top = row.top + NAME_LINE;
    let labelled = row.bottom - band_top >= BUDGET_LABEL + 2 * BAR_HALF + 4;
    let middle = if labelled {
        band_top + BUDGET_LABEL + (row.bottom - band_top - BUDGET_LABEL) / 2
    } else {
        (band_top + row.bottom) / 2
    };
    let half = BAR_HALF.min((row.bottom - band_top) / 2 - 2).max(2);
    let [p5, p50, p95, mean, budget] =
        [band.p5, band.p50, band.p95, band.mean, band.budget].map(|v| x_of(chart, v));

    root.draw(&Rectangle::new(
        [(p5, middle - half), (p95.max(p5 + 1), middle + half)],
        style.color.filled(),
    ))?;
    root.draw(&PathElement::new(
        vec![(p50, middle - half - 3), (p50, middle + half + 3)],
        INK.stroke_width(3),
    ))?;
    root.draw(&Circle::new((mean, middle), 5, INK.filled()))?;
    root.draw(&Circle::new((mean, middle), 3, BACKGROUND.filled()))?;

    // The budget line runs through the bar's band, dashed so it reads as a threshold.
    let line_top = if labelled {
        band_top + BUDGET_LABEL
    } else {
        band_top
    };
    let mut y = line_top;
    while y < row.bottom - 1 {
        let end = (y + 5).min(row.bottom - 1);
        root.draw(&PathElement::new(
            vec![(budget, y), (budget, end)],
            INK.stroke_width(2),
        ))?;
        y += 9;
    }
    if labelled {
        let label = format!("budget {}", money(band.budget));
        // Right of the line when it fits inside the plot, else left of it.
        let fits_right =
            f64::from(budget + 4) + text_width(&label, SMALL_PX) <= f64::from(row.right - 4);
        let (h_pos, x) = if fits_right {
            (HPos::Left, budget + 4)
        } else {
            (HPos::Right, budget - 4)
        };
        let style = text(SMALL_PX, INK, anchor(h_pos, VPos::Center));
        knockout_text(
            root,
            &label,
            (x, line_top - BUDGET_LABEL / 2 + 1),
            SMALL_PX,
            style,
            BACKGROUND,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn band() -> CostBand {
        CostBand {
            plan: "Current".to_string(),
            p5: 250_000.0,
            p50: 290_000.0,
            p95: 340_000.0,
            mean: 292_000.0,
            budget: 288_000.0,
        }
    }

    #[test]
    fn a_stress_summary_becomes_its_band() {
        let summary = csplan_domain::compensation::summarize("Current", &[3.0, 1.0, 2.0], 2.5);
        let band = CostBand::from(&summary);
        assert_eq!(band.plan, "Current");
        assert_eq!((band.p50, band.mean, band.budget), (2.0, 2.0, 2.5));
        assert_eq!((band.p5, band.p95), (summary.p5, summary.p95));
    }

    #[test]
    fn costs_must_be_dollars_in_percentile_order() {
        assert_eq!(problem(&[band()]), None);
        let negative = CostBand {
            budget: -1.0,
            ..band()
        };
        assert!(
            problem(&[negative])
                .unwrap()
                .contains("The budget cost of \"Current\" is -1")
        );
        let unordered = CostBand {
            p50: 400_000.0,
            ..band()
        };
        assert!(problem(&[unordered]).unwrap().contains("out of order"));
        let nan = CostBand {
            mean: f64::NAN,
            ..band()
        };
        assert!(problem(&[nan]).unwrap().contains("mean cost"));
    }
}
