//! "Revenue and logo retention per period": NRR, GRR and customer (logo) retention of each
//! period between consecutive snapshots, oldest first (DOMAIN.md §5.1), with 100% marked so a
//! reader sees at once whether expansion outgrew what was lost.

use crate::compensation::legend::{Entry, Key, legend};
use crate::document::fallback;
use crate::frame::{
    BODY_PX, Canvas, Drawn, Mark, PLOT_WIDTH, SMALL_PX, anchor, body, builder, empty, header,
    knockout_text, mark, render, slot_mesh, text,
};
use crate::measure::fit;
use crate::palette::{BACKGROUND, FAINT, rgb};
use crate::ticked::Ticked;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

const TITLE: &str = "Revenue and logo retention per period";
const X_TITLE: &str = "Period (ending snapshot)";
const Y_TITLE: &str = "Retention (% of start of period)";
const EMPTY: &str = "Needs two snapshots of the book: take or add one on the Metrics page.";

/// Okabe-Ito blue, vermilion and bluish green: distinguishable for colour-blind readers.
const NRR: RGBColor = rgb("#0072B2");
const GRR: RGBColor = rgb("#D55E00");
const LOGO: RGBColor = rgb("#009E73");

/// One period's retention rates in percent (104.2 is 104.2%); None when undefined (no
/// customers at the start).
#[derive(Debug, Clone, PartialEq)]
pub struct RetentionPeriod {
    pub label: String,
    pub nrr: Option<f64>,
    pub grr: Option<f64>,
    pub logo: Option<f64>,
}

impl RetentionPeriod {
    fn series(&self) -> [Option<f64>; 3] {
        [self.nrr, self.grr, self.logo]
    }
}

pub fn retention_trend(periods: &[RetentionPeriod]) -> String {
    let broken = periods.iter().find_map(|p| {
        p.series()
            .into_iter()
            .flatten()
            .find(|v| !(v.is_finite() && *v >= 0.0))
            .map(|v| (p, v))
    });
    if let Some((period, value)) = broken {
        return fallback(
            TITLE,
            &format!(
                "A retention rate of {} is {value}%; a rate is a number of 0 or more.",
                period.label
            ),
        );
    }
    render(TITLE, |root| draw(root, periods))
}

/// "Latest NRR 104.2%, GRR 91.0%": the answer the chart exists for.
fn summary(periods: &[RetentionPeriod]) -> Option<String> {
    let last = periods.last()?;
    let part = |name: &str, v: Option<f64>| v.map(|v| format!("{name} {v:.1}%"));
    let parts: Vec<String> = [part("NRR", last.nrr), part("GRR", last.grr)]
        .into_iter()
        .flatten()
        .collect();
    (!parts.is_empty()).then(|| format!("{}: {}", last.label, parts.join(", ")))
}

/// The value axis: whole multiples of a round step around every value and 100%.
fn axis(periods: &[RetentionPeriod]) -> (f64, f64, Vec<f64>) {
    let values = periods.iter().flat_map(|p| p.series()).flatten();
    let (low, high) = values.fold((100.0f64, 100.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let span = (high - low).max(1.0);
    let step = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0]
        .into_iter()
        .find(|s| span / s <= 6.0)
        .unwrap_or(100.0);
    let lower = ((low / step).floor() * step - step).max(0.0);
    let upper = (high / step).ceil() * step + step;
    let count = ((upper - lower) / step).round() as usize;
    let ticks = (0..=count).map(|i| lower + step * i as f64).collect();
    (lower, upper, ticks)
}

fn draw(root: &Canvas<'_>, periods: &[RetentionPeriod]) -> Drawn {
    header(root, TITLE, summary(periods).as_deref())?;
    let line = |color| Key::Line {
        color,
        width: 2,
        dashed: false,
    };
    legend(
        root,
        &[
            Entry::new(line(NRR), "NRR (with expansion)"),
            Entry::new(line(GRR), "GRR (without expansion)"),
            Entry::new(line(LOGO), "Logo retention (customers)"),
        ],
    )?;
    let body = body(root);
    if periods.is_empty() {
        return empty(&body, X_TITLE, Y_TITLE, EMPTY);
    }
    let (lower, upper, ticks) = axis(periods);
    let count = periods.len() as f64;
    // Each period's label is shortened to its slot, so neighbours never overlap.
    let slot = PLOT_WIDTH / count;
    let names: Vec<String> = periods
        .iter()
        .map(|p| fit(&p.label, BODY_PX, slot - 6.0))
        .collect();
    let centres: Vec<f64> = (0..periods.len()).map(|i| i as f64 + 0.5).collect();
    let mut chart = builder(&body).build_cartesian_2d(
        Ticked::new(0.0..count, centres),
        Ticked::new(lower..upper, ticks),
    )?;
    let tick = |y: &f64| format!("{y:.0}%");
    slot_mesh(&mut chart, &names, &tick, (X_TITLE, Y_TITLE))?;

    // 100%: above it, the period's customers pay more than they did at its start.
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(0.0, 100.0), (count, 100.0)],
        FAINT.stroke_width(1),
    )))?;

    let colours = [NRR, GRR, LOGO];
    for (index, colour) in colours.into_iter().enumerate() {
        let points: Vec<(f64, f64)> = periods
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.series()[index].map(|v| (i as f64 + 0.5, v)))
            .collect();
        chart.draw_series(std::iter::once(PathElement::new(
            points.clone(),
            colour.stroke_width(2),
        )))?;
        for point in &points {
            mark(root, Mark::Dot, chart.backend_coord(point), colour, true)?;
        }
    }
    // The latest period's values, to the left of its markers so they never leave the plot;
    // NRR above its marker and GRR below, as NRR is never below GRR.
    if let Some(last) = periods.last() {
        let x = count - 0.5;
        for (value, colour, above) in [(last.nrr, NRR, true), (last.grr, GRR, false)] {
            let Some(v) = value else { continue };
            let (px, py) = chart.backend_coord(&(x, v));
            let (v_pos, dy) = if above {
                (VPos::Bottom, -9)
            } else {
                (VPos::Top, 9)
            };
            let style = text(SMALL_PX, colour, anchor(HPos::Right, v_pos));
            knockout_text(
                root,
                &format!("{v:.1}%"),
                (px - 10, py + dy),
                SMALL_PX,
                style,
                BACKGROUND,
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(nrr: f64, grr: f64) -> RetentionPeriod {
        RetentionPeriod {
            label: "2025-Q4".into(),
            nrr: Some(nrr),
            grr: Some(grr),
            logo: Some(97.0),
        }
    }

    #[test]
    fn the_axis_holds_every_value_and_100_percent() {
        let (lower, upper, ticks) = axis(&[period(104.2, 91.0), period(99.0, 93.5)]);
        assert_eq!((lower, upper), (85.0, 110.0));
        assert_eq!(ticks, vec![85.0, 90.0, 95.0, 100.0, 105.0, 110.0]);
    }

    #[test]
    fn the_summary_names_the_latest_period() {
        assert_eq!(
            summary(&[period(104.2, 91.0)]).as_deref(),
            Some("2025-Q4: NRR 104.2%, GRR 91.0%")
        );
        assert_eq!(summary(&[]), None);
    }
}
