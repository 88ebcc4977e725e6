//! "CSMs required vs available per quarter": the headcount the book needs each quarter (the
//! plan's chosen basis, DOMAIN.md §1.1) against the ramp-weighted capacity of the team it will
//! have (§1.3: new hires ramp, people leave), with the P10 to P90 band of the requirement from
//! the Monte Carlo run, so a leader sees when the gap opens and how sure that is.

use super::drawable::{Undrawable, drawn_if_drawable, undrawable};
use super::quarters::quarter_chart;
use crate::compensation::legend::{Entry, Key, legend};
use crate::compensation::plans::{PlanStyle, Shape};
use crate::frame::{
    Canvas, Drawn, Mark, SMALL_PX, anchor, body, empty, header, knockout_text, mark, slot_mesh,
    text,
};
use crate::numbers::grouped;
use crate::palette::{BACKGROUND, rgb};
use crate::scale;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

const TITLE: &str = "CSMs required vs available per quarter";
const X_TITLE: &str = "Quarter";
const Y_TITLE: &str = "CSMs (FTE)";
const EMPTY: &str = "No quarters to plan: set the plan's horizon to 2 quarters or more.";

/// Okabe-Ito vermillion for the requirement, its 30% tint for the band, bluish green for the
/// team: neither is a planning method's colour, and the pair stays apart for colour-blind readers.
pub(super) const REQUIRED: RGBColor = rgb("#D55E00");
const BAND: RGBColor = rgb("#F2CFB3");
pub(super) const EFFECTIVE: RGBColor = rgb("#009E73");

/// One quarter of the plan, in FTE.
#[derive(Debug, Clone, PartialEq)]
pub struct CapacityQuarter {
    /// As the tables write it, e.g. "Q3 2027".
    pub quarter: String,
    /// CSMs the deterministic plan needs.
    pub required: f64,
    /// The team's ramp-weighted capacity after attrition and the planned hires.
    pub effective: f64,
    /// P10 and P90 of the required CSMs over the Monte Carlo trials, when a run is available.
    pub band: Option<(f64, f64)>,
}

/// "CSMs required vs available per quarter": the requirement as a vermillion line of dots over
/// its P10-P90 band, the effective team as a green line of squares, and the largest shortfall
/// in the header.
pub fn capacity_over_time(quarters: &[CapacityQuarter]) -> String {
    drawn_if_drawable(TITLE, quarters, problem, draw)
}

fn problem(q: &CapacityQuarter) -> Option<String> {
    let values = [("required", q.required), ("effective", q.effective)];
    undrawable(&values, q.band).map(|problem| match problem {
        Undrawable::UpsideDown(p10, p90) => format!(
            "In {} the P10 ({p10}) is above the P90 ({p90}); the band cannot be drawn.",
            q.quarter
        ),
        Undrawable::Value(field, value) => format!(
            "The {field} CSMs of {} are {value}; CSMs are a number of 0 or more.",
            q.quarter
        ),
    })
}

/// "Short 3.4 FTE at most, in Q3 2027" or "Enough CSMs in every quarter".
fn summary(quarters: &[CapacityQuarter]) -> Option<String> {
    // The first quarter with the largest shortfall: when the gap opens is what matters.
    let worst = quarters
        .iter()
        .map(|q| (q, q.required - q.effective))
        .reduce(|worst, next| if next.1 > worst.1 { next } else { worst })?;
    Some(if worst.1 >= 0.05 {
        format!(
            "Short {} FTE at most, in {}",
            grouped(worst.1, 1),
            worst.0.quarter
        )
    } else {
        "Enough CSMs in every quarter".to_string()
    })
}

fn draw(root: &Canvas<'_>, quarters: &[CapacityQuarter]) -> Drawn {
    header(root, TITLE, summary(quarters).as_deref())?;
    let mut entries = vec![
        Entry::new(
            Key::Plan(PlanStyle {
                color: REQUIRED,
                shape: Shape::Dot,
            }),
            "Required",
        ),
        Entry::new(
            Key::Plan(PlanStyle {
                color: EFFECTIVE,
                shape: Shape::Square,
            }),
            "Effective team (ramp-weighted)",
        ),
    ];
    if quarters.iter().any(|q| q.band.is_some()) {
        entries.push(Entry::new(Key::Bar(BAND), "P10-P90 of required"));
    }
    legend(root, &entries)?;
    let body = body(root);
    if quarters.is_empty() {
        return empty(&body, X_TITLE, Y_TITLE, EMPTY);
    }

    let tallest = quarters
        .iter()
        .flat_map(|q| [q.required, q.effective, q.band.map_or(0.0, |b| b.1)])
        .fold(0.0, f64::max);
    let axis = scale::linear(tallest, 0.08);
    let quarter_names: Vec<String> = quarters.iter().map(|q| q.quarter.clone()).collect();
    let (mut chart, names) = quarter_chart(&body, &quarter_names, &axis)?;
    let tick = |y: &f64| grouped(*y, axis.decimals);
    slot_mesh(&mut chart, &names, &tick, (X_TITLE, Y_TITLE))?;

    // The band joins the quarters that have one; a quarter without breaks it.
    let banded: Vec<Vec<(f64, (f64, f64))>> = quarters
        .iter()
        .enumerate()
        .collect::<Vec<_>>()
        .split(|(_, q)| q.band.is_none())
        .map(|run| {
            run.iter()
                .filter_map(|(i, q)| q.band.map(|b| (*i as f64 + 0.5, b)))
                .collect()
        })
        .filter(|run: &Vec<_>| !run.is_empty())
        .collect();
    for run in banded {
        // A single quarter's band is a short bar, wide enough to see.
        let outline: Vec<(f64, f64)> = if run.len() == 1 {
            let (x, (p10, p90)) = run[0];
            vec![
                (x - 0.15, p10),
                (x + 0.15, p10),
                (x + 0.15, p90),
                (x - 0.15, p90),
            ]
        } else {
            run.iter()
                .map(|(x, (p10, _))| (*x, *p10))
                .chain(run.iter().rev().map(|(x, (_, p90))| (*x, *p90)))
                .collect()
        };
        chart.draw_series(std::iter::once(Polygon::new(outline, BAND.filled())))?;
    }

    let line = |value: fn(&CapacityQuarter) -> f64| -> Vec<(f64, f64)> {
        quarters
            .iter()
            .enumerate()
            .map(|(i, q)| (i as f64 + 0.5, value(q)))
            .collect()
    };
    let effective = line(|q| q.effective);
    let required = line(|q| q.required);
    chart.draw_series(LineSeries::new(
        effective.clone(),
        EFFECTIVE.stroke_width(2),
    ))?;
    chart.draw_series(LineSeries::new(required.clone(), REQUIRED.stroke_width(2)))?;
    // Marks and values only while a quarter's slot is wide enough to hold them.
    if quarters.len() <= 12 {
        for &(x, y) in &effective {
            mark(
                root,
                Mark::Square,
                chart.backend_coord(&(x, y)),
                EFFECTIVE,
                true,
            )?;
        }
        for (q, &(x, y)) in quarters.iter().zip(&required) {
            let (px, py) = chart.backend_coord(&(x, y));
            mark(root, Mark::Dot, (px, py), REQUIRED, true)?;
            let style = text(SMALL_PX, REQUIRED, anchor(HPos::Center, VPos::Bottom));
            // Under the dot when the team's line runs above it, so the two never collide.
            let at = if q.effective > q.required {
                (px, py + 22)
            } else {
                (px, py - 9)
            };
            knockout_text(
                root,
                &grouped(q.required, 1),
                at,
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

    fn quarter(required: f64, effective: f64) -> CapacityQuarter {
        CapacityQuarter {
            quarter: "Q1 2027".to_string(),
            required,
            effective,
            band: None,
        }
    }

    #[test]
    fn the_summary_names_the_largest_shortfall() {
        let mut later = quarter(12.0, 8.6);
        later.quarter = "Q3 2027".to_string();
        assert_eq!(
            summary(&[quarter(10.0, 9.0), later]).as_deref(),
            Some("Short 3.4 FTE at most, in Q3 2027")
        );
        assert_eq!(
            summary(&[quarter(8.0, 9.0)]).as_deref(),
            Some("Enough CSMs in every quarter")
        );
        assert_eq!(summary(&[]), None);
    }

    #[test]
    fn bands_and_values_must_be_drawable() {
        assert_eq!(problem(&quarter(1.0, 1.0)), None);
        let mut upside_down = quarter(1.0, 1.0);
        upside_down.band = Some((3.0, 2.0));
        assert!(
            problem(&upside_down)
                .unwrap()
                .contains("P10 (3) is above the P90 (2)")
        );
        assert!(
            problem(&quarter(f64::NAN, 1.0))
                .unwrap()
                .contains("required CSMs")
        );
    }
}
