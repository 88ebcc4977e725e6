//! "CS cost as % of ARR per quarter": what the CS team (CSMs, their managers and support) costs
//! at a yearly rate against the ARR it looks after, per quarter, over the benchmark band of
//! DOMAIN.md §1.3: "typically we see CS costs in the 5-15% range for established companies and
//! less than 5% for large organizations" [004 L35].

use super::drawable::{Undrawable, drawn_if_drawable, undrawable};
use super::quarters::quarter_chart;
use crate::compensation::legend::{Entry, Key, legend};
use crate::frame::{
    Canvas, Drawn, SMALL_PX, anchor, body, empty, header, knockout_text, slot_mesh, text,
};
use crate::numbers::grouped;
use crate::palette::{BACKGROUND, INK, MUTED, rgb};
use crate::scale;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

const TITLE: &str = "CS cost as % of ARR per quarter";
const X_TITLE: &str = "Quarter";
const Y_TITLE: &str = "CS cost (% of ARR, yearly rate)";
const EMPTY: &str = "No quarters to plan: set the plan's horizon to 2 quarters or more.";

/// The band of DOMAIN.md §1.3 in percent, and the line large organisations stay under.
pub(crate) const ESTABLISHED_LOW: f64 = 5.0;
pub(crate) const ESTABLISHED_HIGH: f64 = 15.0;

/// Okabe-Ito sky blue bars over a pale green band; the whiskers and the 5% line in ink.
const BAR: RGBColor = rgb("#56B4E9");
const BENCHMARK: RGBColor = rgb("#DDF1E8");
const BAR_WIDTH: f64 = 0.56;

/// One quarter's CS cost as a share of its ARR, in percent (8.3 is 8.3%).
#[derive(Debug, Clone, PartialEq)]
pub struct CostShareQuarter {
    pub quarter: String,
    pub percent: f64,
    /// P10 and P90 of the share over the Monte Carlo trials, when a run is available.
    pub band: Option<(f64, f64)>,
}

/// "CS cost as % of ARR per quarter": a bar per quarter with its value, the P10-P90 whisker when
/// known, over the 5-15% band for established companies and the 5% line for large ones.
pub fn cost_share(quarters: &[CostShareQuarter]) -> String {
    drawn_if_drawable(TITLE, quarters, problem, draw)
}

fn problem(q: &CostShareQuarter) -> Option<String> {
    undrawable(&[("share", q.percent)], q.band).map(|problem| match problem {
        Undrawable::UpsideDown(p10, p90) => format!(
            "In {} the P10 ({p10}%) is above the P90 ({p90}%); the whisker cannot be drawn.",
            q.quarter
        ),
        Undrawable::Value(_, value) => format!(
            "The CS cost of {} is {value}% of ARR; a share is a number of 0 or more.",
            q.quarter
        ),
    })
}

/// Where the plan sits against the band, in the header.
fn summary(quarters: &[CostShareQuarter]) -> Option<String> {
    let inside = quarters
        .iter()
        .filter(|q| (ESTABLISHED_LOW..=ESTABLISHED_HIGH).contains(&q.percent))
        .count();
    let above = quarters
        .iter()
        .filter(|q| q.percent > ESTABLISHED_HIGH)
        .count();
    let count = quarters.len();
    (count > 0).then(|| {
        if inside == count {
            format!("All {count} quarters within 5-15%")
        } else if above > 0 {
            format!("{above} of {count} quarters above 15%")
        } else {
            format!("{} of {count} quarters below 5%", count - inside)
        }
    })
}

fn draw(root: &Canvas<'_>, quarters: &[CostShareQuarter]) -> Drawn {
    header(root, TITLE, summary(quarters).as_deref())?;
    let mut entries = vec![
        Entry::new(Key::Bar(BAR), "CS cost"),
        Entry::new(Key::Bar(BENCHMARK), "5-15%: established"),
        Entry::new(
            Key::Line {
                color: INK,
                width: 1,
                dashed: true,
            },
            "Under 5%: large companies",
        ),
    ];
    if quarters.iter().any(|q| q.band.is_some()) {
        entries.push(Entry::new(
            Key::Line {
                color: INK,
                width: 2,
                dashed: false,
            },
            "P10-P90",
        ));
    }
    legend(root, &entries)?;
    let body = body(root);
    if quarters.is_empty() {
        return empty(&body, X_TITLE, Y_TITLE, EMPTY);
    }

    let tallest = quarters
        .iter()
        .flat_map(|q| [q.percent, q.band.map_or(0.0, |b| b.1)])
        .fold(ESTABLISHED_HIGH, f64::max);
    let axis = scale::linear(tallest, 0.1);
    let quarter_names: Vec<String> = quarters.iter().map(|q| q.quarter.clone()).collect();
    let (mut chart, names) = quarter_chart(&body, &quarter_names, &axis)?;
    let count = quarters.len() as f64;
    let tick = |y: &f64| format!("{}%", grouped(*y, axis.decimals));
    chart.draw_series(std::iter::once(Rectangle::new(
        [(0.0, ESTABLISHED_LOW), (count, ESTABLISHED_HIGH)],
        BENCHMARK.filled(),
    )))?;
    slot_mesh(&mut chart, &names, &tick, (X_TITLE, Y_TITLE))?;

    // The 5% line, dashed, across the plot.
    let (left, five) = chart.backend_coord(&(0.0, ESTABLISHED_LOW));
    let (right, _) = chart.backend_coord(&(count, ESTABLISHED_LOW));
    let mut x = left;
    while x < right {
        let end = (x + 6).min(right);
        root.draw(&PathElement::new(
            vec![(x, five), (end, five)],
            INK.stroke_width(1),
        ))?;
        x += 10;
    }

    let labelled = quarters.len() <= 12;
    for (i, q) in quarters.iter().enumerate() {
        let centre = i as f64 + 0.5;
        chart.draw_series(std::iter::once(Rectangle::new(
            [
                (centre - BAR_WIDTH / 2.0, 0.0),
                (centre + BAR_WIDTH / 2.0, q.percent),
            ],
            BAR.filled(),
        )))?;
        let mut top = q.percent;
        if let Some((p10, p90)) = q.band {
            chart.draw_series(std::iter::once(PathElement::new(
                vec![(centre, p10), (centre, p90)],
                INK.stroke_width(2),
            )))?;
            for y in [p10, p90] {
                chart.draw_series(std::iter::once(PathElement::new(
                    vec![(centre - 0.08, y), (centre + 0.08, y)],
                    INK.stroke_width(2),
                )))?;
            }
            top = top.max(p90);
        }
        if labelled {
            let (px, py) = chart.backend_coord(&(centre, top));
            let style = text(SMALL_PX, MUTED, anchor(HPos::Center, VPos::Bottom));
            let label = format!("{}%", grouped(q.percent, 1));
            knockout_text(root, &label, (px, py - 4), SMALL_PX, style, BACKGROUND)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(percent: f64) -> CostShareQuarter {
        CostShareQuarter {
            quarter: "Q1 2027".to_string(),
            percent,
            band: None,
        }
    }

    #[test]
    fn the_summary_places_the_plan_against_the_band() {
        assert_eq!(
            summary(&[q(5.0), q(15.0)]).as_deref(),
            Some("All 2 quarters within 5-15%")
        );
        assert_eq!(
            summary(&[q(16.0), q(9.0), q(3.0)]).as_deref(),
            Some("1 of 3 quarters above 15%")
        );
        assert_eq!(
            summary(&[q(4.9), q(9.0)]).as_deref(),
            Some("1 of 2 quarters below 5%")
        );
        assert_eq!(summary(&[]), None);
    }

    #[test]
    fn shares_must_be_drawable() {
        assert!(problem(&q(-1.0)).unwrap().contains("-1% of ARR"));
        let mut upside_down = q(8.0);
        upside_down.band = Some((9.0, 7.0));
        assert!(problem(&upside_down).unwrap().contains("above the P90"));
    }
}
