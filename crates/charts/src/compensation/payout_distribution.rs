//! "Variable payout per CSM": how each plan spreads its variable pay over the team, one row
//! per plan: every CSM's total over the backtest quarters as a dot (DOMAIN.md §3.7 step 3,
//! aggregated "to offset any anomalies"), and under the dots a box of the middle half with the
//! median and whiskers to the lowest and highest payout.

use super::legend::{Entry, Key, legend};
use super::money::money;
use super::plans::{PlanStyle, marker, plan_style};
use super::rows::{NAME_LINE, Row, RowChart, name_line, row, row_chart, x_of};
use crate::document::fallback;
use crate::frame::{Canvas, Drawn, SMALL_PX, anchor, body, empty, header, render, text};
use crate::palette::{BACKGROUND, FAINT, MUTED};
use csplan_domain::compensation::percentile_sorted;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

const TITLE: &str = "Variable payout per CSM";
const X_TITLE: &str = "Variable payout per CSM over the backtest";
const EMPTY: &str =
    "No plans to compare yet: choose a current and a proposed plan and run the backtest.";
const NO_CSMS: &str = "no CSMs in the history";

/// Height of the box under the dots, and the room around it.
const BOX_HALF: i32 = 6;
const BOX_BAND: i32 = 22;

/// "Variable payout per CSM": for each plan (its name and every CSM's total variable payout in
/// dollars), a row of dots, one per CSM, over a box of the middle half with the median line and
/// whiskers to the lowest and highest payout, on a dollar axis from 0. The row's top line gives
/// the median and the range.
pub fn payout_distribution(plans: &[(String, Vec<f64>)]) -> String {
    if let Some(problem) = problem(plans) {
        return fallback(TITLE, &problem);
    }
    render(TITLE, |root| draw(root, plans))
}

fn problem(plans: &[(String, Vec<f64>)]) -> Option<String> {
    plans.iter().find_map(|(name, payouts)| {
        payouts
            .iter()
            .enumerate()
            .find(|(_, p)| !(p.is_finite() && **p >= 0.0))
            .map(|(i, p)| {
                format!(
                    "CSM {} of \"{name}\" has a payout of {p}; a payout is a number of dollars of 0 or more.",
                    i + 1
                )
            })
    })
}

/// The five numbers the box shows, from the payouts in any order.
#[derive(Debug, PartialEq)]
struct Spread {
    low: f64,
    q1: f64,
    median: f64,
    q3: f64,
    high: f64,
}

fn spread(payouts: &[f64]) -> Option<Spread> {
    let mut sorted = payouts.to_vec();
    sorted.sort_by(f64::total_cmp);
    Some(Spread {
        low: *sorted.first()?,
        q1: percentile_sorted(&sorted, 0.25),
        median: percentile_sorted(&sorted, 0.5),
        q3: percentile_sorted(&sorted, 0.75),
        high: *sorted.last()?,
    })
}

/// "12 CSMs" when every plan paid the same team, which a backtest always does.
fn summary(plans: &[(String, Vec<f64>)]) -> Option<String> {
    let count = plans.first()?.1.len();
    if count == 0 || plans.iter().any(|(_, p)| p.len() != count) {
        return None;
    }
    Some(match count {
        1 => "1 CSM".to_string(),
        n => format!("{n} CSMs"),
    })
}

fn draw(root: &Canvas<'_>, plans: &[(String, Vec<f64>)]) -> Drawn {
    header(root, TITLE, summary(plans).as_deref())?;
    legend(
        root,
        &[
            Entry::new(Key::Dot(MUTED), "One dot per CSM"),
            Entry::new(Key::Box(MUTED), "Middle half and median"),
            Entry::new(
                Key::Line {
                    color: MUTED,
                    width: 1,
                    dashed: false,
                },
                "Lowest to highest",
            ),
        ],
    )?;
    let body = body(root);
    if plans.is_empty() {
        return empty(&body, X_TITLE, "", EMPTY);
    }
    let max = plans
        .iter()
        .flat_map(|(_, payouts)| payouts.iter().copied())
        .fold(0.0, f64::max);
    let chart = row_chart(&body, max, plans.len(), X_TITLE)?;
    for (index, (name, payouts)) in plans.iter().enumerate() {
        let row = row(&chart, index, plans.len());
        draw_plan(root, &chart, &row, plan_style(index), name, payouts)?;
    }
    Ok(())
}

fn draw_plan(
    root: &Canvas<'_>,
    chart: &RowChart<'_, '_>,
    row: &Row,
    style: PlanStyle,
    name: &str,
    payouts: &[f64],
) -> Drawn {
    let Some(spread) = spread(payouts) else {
        name_line(root, row, style, name, "")?;
        let note = text(SMALL_PX, FAINT, anchor(HPos::Center, VPos::Center));
        let at = (
            (row.left + row.right) / 2,
            row.top + NAME_LINE + (row.height() - NAME_LINE) / 2,
        );
        return root.draw(&Text::new(NO_CSMS, at, note));
    };
    let figures = format!(
        "median {}, range {} to {}",
        money(spread.median),
        money(spread.low),
        money(spread.high)
    );
    name_line(root, row, style, name, &figures)?;

    // The box sits at the bottom of the row; the dots fill the band between it and the name.
    let box_y = row.bottom - BOX_BAND / 2;
    let band_top = row.top + NAME_LINE;
    let band_bottom = row.bottom - BOX_BAND;
    let radius = dot_radius(payouts.len());
    let centre = (band_top + band_bottom) / 2;
    let reach = ((band_bottom - band_top) / 2 - radius - 1).max(0);
    let xs: Vec<i32> = payouts.iter().map(|p| x_of(chart, *p)).collect();
    for (x, offset) in xs.iter().zip(swarm(&xs, radius, reach)) {
        marker(root, style, (*x, centre + offset), radius)?;
    }

    let [low, q1, median, q3, high] =
        [spread.low, spread.q1, spread.median, spread.q3, spread.high].map(|v| x_of(chart, v));
    let whisker = style.color.stroke_width(1);
    root.draw(&PathElement::new(
        vec![(low, box_y), (high, box_y)],
        whisker,
    ))?;
    for end in [low, high] {
        root.draw(&PathElement::new(
            vec![(end, box_y - 4), (end, box_y + 4)],
            whisker,
        ))?;
    }
    let corners = [(q1, box_y - BOX_HALF), (q3.max(q1 + 1), box_y + BOX_HALF)];
    root.draw(&Rectangle::new(corners, BACKGROUND.filled()))?;
    root.draw(&Rectangle::new(corners, style.color.stroke_width(2)))?;
    root.draw(&PathElement::new(
        vec![
            (median, box_y - BOX_HALF - 2),
            (median, box_y + BOX_HALF + 2),
        ],
        style.color.stroke_width(3),
    ))
}

/// Smaller dots for bigger teams, so 200 CSMs still read as a distribution.
fn dot_radius(count: usize) -> i32 {
    match count {
        0..=40 => 4,
        41..=100 => 3,
        _ => 2,
    }
}

/// Vertical offsets that keep dots of `radius` at pixel columns `xs` from covering each other,
/// each as close to the row's middle line as it can be and at most `reach` away from it (a
/// beeswarm). Dots that find no free place within reach take the least crowded one.
fn swarm(xs: &[i32], radius: i32, reach: i32) -> Vec<i32> {
    let gap = f64::from(2 * radius + 1);
    let reach = f64::from(reach);
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_by_key(|&i| xs[i]);
    let mut placed: Vec<(f64, f64)> = Vec::with_capacity(xs.len());
    let mut offsets = vec![0; xs.len()];
    for i in order {
        let x = f64::from(xs[i]);
        let near: Vec<(f64, f64)> = placed
            .iter()
            .copied()
            .filter(|(px, _)| (x - px).abs() < gap)
            .collect();
        let clearance = |y: f64| {
            near.iter()
                .map(|(px, py)| ((x - px).powi(2) + (y - py).powi(2)).sqrt())
                .fold(f64::INFINITY, f64::min)
        };
        let mut candidates = vec![0.0];
        for (px, py) in &near {
            let rise = (gap * gap - (x - px).powi(2)).max(0.0).sqrt();
            candidates.extend([py + rise, py - rise]);
        }
        candidates.retain(|y| y.abs() <= reach + 1e-9);
        candidates.sort_by(|a, b| a.abs().total_cmp(&b.abs()).then(a.total_cmp(b)));
        let free = candidates
            .iter()
            .copied()
            .find(|y| clearance(*y) >= gap - 1e-6);
        let y = free.unwrap_or_else(|| {
            [-reach, 0.0, reach]
                .into_iter()
                .chain(candidates.iter().copied())
                .max_by(|a, b| clearance(*a).total_cmp(&clearance(*b)))
                .unwrap_or(0.0)
        });
        placed.push((x, y));
        offsets[i] = y.round() as i32;
    }
    offsets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_is_numpys_quartiles() {
        let spread = spread(&[40.0, 10.0, 30.0, 20.0, 50.0]).unwrap();
        assert_eq!(
            spread,
            Spread {
                low: 10.0,
                q1: 20.0,
                median: 30.0,
                q3: 40.0,
                high: 50.0
            }
        );
        assert_eq!(super::spread(&[]), None);
    }

    #[test]
    fn swarmed_dots_do_not_cover_each_other() {
        let xs = [100, 100, 100, 102, 104, 200];
        let offsets = swarm(&xs, 4, 40);
        assert_eq!(offsets[5], 0, "a lone dot stays on the line");
        assert_eq!(offsets[0], 0, "the first dot of a pile takes the line");
        for i in 0..xs.len() {
            for j in i + 1..xs.len() {
                let dx = f64::from(xs[i] - xs[j]);
                let dy = f64::from(offsets[i] - offsets[j]);
                assert!(
                    (dx * dx + dy * dy).sqrt() >= 8.0,
                    "{i} and {j}: {offsets:?}"
                );
            }
        }
        assert!(offsets.iter().all(|o| o.abs() <= 40));
    }

    #[test]
    fn a_full_band_keeps_the_dots_inside_it() {
        let xs = [50; 30];
        let offsets = swarm(&xs, 2, 10);
        assert!(offsets.iter().all(|o| o.abs() <= 10), "{offsets:?}");
    }
}
