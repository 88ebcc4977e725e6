//! "Overall maturity over time": the overall score of each assessment (the mean of its questions'
//! consensus, DOMAIN.md §4.1 on CS Plan's 1 to 3 convention), oldest first, so a leadership team
//! sees whether the changes it advocated moved the company up a level.

use super::legend::{Entry, Key, hollow, legend};
use super::levels::{LEVELS, LOWEST, on_scale, score};
use crate::document::fallback;
use crate::frame::{
    BODY_PX, Canvas, Drawn, Mark, PLOT_WIDTH, SMALL_PX, anchor, body, builder, empty, header,
    knockout_text, mark, render, slot_mesh, text,
};
use crate::measure::{fit, text_width};
use crate::palette::{BACKGROUND, FAINT, TOP_DOWN};
use crate::ticked::Ticked;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

const TITLE: &str = "Overall maturity over time";
const X_TITLE: &str = "Assessment";
const Y_TITLE: &str = "Overall score (1 = Poor, 3 = Excellent)";
const EMPTY: &str = "No assessments yet: create one on the Maturity page to start the trend.";
const NOT_SCORED: &str = "not scored";

/// The value axis runs a little past the scale, so markers at 1 and 3 keep their labels inside.
const AXIS_LOWER: f64 = 0.6;
const AXIS_UPPER: f64 = 3.4;
const TICKS: [f64; 5] = [1.0, 1.5, 2.0, 2.5, 3.0];
/// Where an assessment without any answer is marked: under the scale, not on a level.
const NOT_SCORED_AT: f64 = 0.75;
/// Pixels between a marker's centre and its value label.
const LABEL_GAP: i32 = 9;
/// An assessment's name is given at most this many pixels before it is shortened.
const NAME_MAX: f64 = 110.0;

/// "Overall maturity over time": per assessment (`points`, oldest first: its label, such as a
/// name or date, and its overall score from 1 to 3), a marker with the score written over it,
/// joined by a line; an assessment without a score (`None`) breaks the line and shows a hollow
/// ring under the scale. One assessment is a single marker.
pub fn trend(points: &[(String, Option<f64>)]) -> String {
    let off_scale = points
        .iter()
        .find_map(|(name, value)| value.filter(|v| !on_scale(*v)).map(|v| (name, v)));
    if let Some((name, value)) = off_scale {
        return fallback(
            TITLE,
            &format!(
                "The overall score of \"{name}\" is {value}, outside the scale of 1 (Poor) to 3 (Excellent)."
            ),
        );
    }
    render(TITLE, |root| draw(root, points))
}

/// "Latest 2.3, up 0.5 since the first assessment": the answer the chart exists for.
fn summary(points: &[(String, Option<f64>)]) -> Option<String> {
    let mut scored = points.iter().filter_map(|(_, value)| *value);
    let first = scored.next()?;
    let latest = scored.next_back();
    Some(match latest {
        None => format!("Latest {}", score(first)),
        Some(latest) => {
            let change = latest - first;
            let movement = if score(change.abs()) == score(0.0) {
                "unchanged since the first assessment".to_string()
            } else if change > 0.0 {
                format!("up {} since the first assessment", score(change))
            } else {
                format!("down {} since the first assessment", score(-change))
            };
            format!("Latest {}, {movement}", score(latest))
        }
    })
}

/// Which assessments get a name under the axis: all while the names fit their slots, else every
/// n-th counted back from the latest, which is always named.
fn named(count: usize, slot_px: f64, widest_px: f64) -> Vec<usize> {
    let every = ((widest_px + 8.0) / slot_px.max(1.0)).ceil().max(1.0) as usize;
    (0..count)
        .filter(|i| (count - 1 - i).is_multiple_of(every))
        .collect()
}

fn draw(root: &Canvas<'_>, points: &[(String, Option<f64>)]) -> Drawn {
    header(root, TITLE, summary(points).as_deref())?;
    if points.iter().any(|(_, value)| value.is_none()) {
        legend(
            root,
            &[Entry {
                key: Key::Hollow { color: TOP_DOWN },
                label: "Not scored (no answers yet)",
            }],
        )?;
    }
    let body = body(root);
    if points.is_empty() {
        return empty(&body, X_TITLE, Y_TITLE, EMPTY);
    }

    // The level names get a column of their own at the right, so no marker covers them.
    let column_px = LEVELS
        .iter()
        .map(|level| text_width(level.word, SMALL_PX))
        .fold(0.0, f64::max)
        + 14.0;
    let count = points.len();
    let x_max = count as f64 * PLOT_WIDTH / (PLOT_WIDTH - column_px);
    let slot_px = (PLOT_WIDTH - column_px) / count as f64;
    let widest = points
        .iter()
        .map(|(name, _)| text_width(name, BODY_PX))
        .fold(0.0, f64::max)
        .min(NAME_MAX);
    let shown = named(count, slot_px, widest);
    let every = match shown.as_slice() {
        [a, b, ..] => (b - a) as f64,
        _ => count as f64,
    };
    let name_width = (slot_px * every - 8.0).min(NAME_MAX);
    let names: Vec<String> = points
        .iter()
        .map(|(name, _)| fit(name, BODY_PX, name_width))
        .collect();
    let centres: Vec<f64> = shown.iter().map(|i| *i as f64 + 0.5).collect();
    let mut chart = builder(&body).build_cartesian_2d(
        Ticked::new(0.0..x_max, centres),
        Ticked::new(AXIS_LOWER..AXIS_UPPER, TICKS.to_vec()),
    )?;
    let tick = |y: &f64| score(*y);
    slot_mesh(&mut chart, &names, &tick, (X_TITLE, Y_TITLE))?;

    let right = chart.backend_coord(&(x_max, LOWEST)).0 - 6;
    for (points, level) in (1..).zip(&LEVELS) {
        let (_, y) = chart.backend_coord(&(0.0, f64::from(points)));
        let style = text(SMALL_PX, FAINT, anchor(HPos::Right, VPos::Bottom));
        root.draw(&Text::new(level.word.to_string(), (right, y - 3), style))?;
    }

    // The line breaks where an assessment has no score, rather than bridging the gap.
    let runs = points
        .iter()
        .enumerate()
        .collect::<Vec<_>>()
        .split(|(_, (_, value))| value.is_none())
        .map(|run| {
            run.iter()
                .filter_map(|(i, (_, value))| value.map(|v| (*i as f64 + 0.5, v)))
                .collect::<Vec<_>>()
        })
        .filter(|run| run.len() > 1)
        .collect::<Vec<_>>();
    for run in runs {
        chart.draw_series(LineSeries::new(run, TOP_DOWN.stroke_width(2)))?;
    }

    let label_px = SMALL_PX;
    let labelled = slot_px >= text_width("3.0", label_px) + 6.0;
    let noted = slot_px >= text_width(NOT_SCORED, label_px) + 6.0;
    for (i, (_, value)) in points.iter().enumerate() {
        let x = i as f64 + 0.5;
        match value {
            Some(v) => {
                let at = chart.backend_coord(&(x, *v));
                mark(root, Mark::Dot, at, TOP_DOWN, true)?;
                if labelled {
                    let style = text(label_px, TOP_DOWN, anchor(HPos::Center, VPos::Bottom));
                    let above = (at.0, at.1 - LABEL_GAP);
                    knockout_text(root, &score(*v), above, label_px, style, BACKGROUND)?;
                }
            }
            None => {
                let at = chart.backend_coord(&(x, NOT_SCORED_AT));
                hollow(root, at, TOP_DOWN)?;
                if noted {
                    let style = text(label_px, FAINT, anchor(HPos::Center, VPos::Bottom));
                    let above = (at.0, at.1 - LABEL_GAP);
                    knockout_text(root, NOT_SCORED, above, label_px, style, BACKGROUND)?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points(values: &[Option<f64>]) -> Vec<(String, Option<f64>)> {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("A{i}"), *v))
            .collect()
    }

    #[test]
    fn the_summary_compares_the_latest_with_the_first_score() {
        assert_eq!(summary(&points(&[])), None);
        assert_eq!(summary(&points(&[None])), None);
        assert_eq!(
            summary(&points(&[Some(2.3)])).as_deref(),
            Some("Latest 2.3")
        );
        assert_eq!(
            summary(&points(&[Some(1.5), None, Some(2.0)])).as_deref(),
            Some("Latest 2.0, up 0.5 since the first assessment")
        );
        assert_eq!(
            summary(&points(&[Some(2.0), Some(1.7)])).as_deref(),
            Some("Latest 1.7, down 0.3 since the first assessment")
        );
        assert_eq!(
            summary(&points(&[Some(2.0), Some(2.02)])).as_deref(),
            Some("Latest 2.0, unchanged since the first assessment")
        );
    }

    #[test]
    fn crowded_names_thin_out_but_the_latest_keeps_its_name() {
        assert_eq!(named(4, 100.0, 60.0), [0, 1, 2, 3]);
        assert_eq!(named(5, 30.0, 50.0), [0, 2, 4]);
        assert_eq!(named(6, 30.0, 50.0), [1, 3, 5]);
    }
}
