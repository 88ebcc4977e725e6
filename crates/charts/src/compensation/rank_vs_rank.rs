//! "Performance rank vs payout rank": whether a plan pays the best performers the most
//! (DOMAIN.md §3.7 step 5, "ensure that your top performers are still being rewarded"). Each
//! CSM is a point at (performance rank, payout rank); on the diagonal pay follows performance
//! exactly, and the legend gives each plan's Spearman correlation of the two ranks.

use super::legend::{Entry, Key, legend, name_room};
use super::plans::{marker, plan_style};
use crate::document::fallback;
use crate::frame::{
    Canvas, Drawn, axis_line, axis_title_style, body, builder, empty, grid_line, header, render,
    tick_style,
};
use crate::numbers::compact;
use crate::palette::FAINT;
use crate::ticked::Ticked;
use csplan_domain::compensation::pearson;
use plotters::prelude::*;

const TITLE: &str = "Performance rank vs payout rank";
const X_TITLE: &str = "Performance rank (1 = best)";
const Y_TITLE: &str = "Payout rank (1 = paid most)";
const SUMMARY: &str = "Dashed diagonal: pay follows performance exactly";
/// With the legend in its short form, ρ has to be named.
const SHORT_SUMMARY: &str = "ρ = Spearman; dashed = perfect alignment";
/// A plan's name keeps at least this many pixels before "Spearman" is written "ρ".
const NAME_MIN: f64 = 110.0;
const EMPTY: &str =
    "No plans to compare yet: choose a current and a proposed plan and run the backtest.";

/// "Performance rank vs payout rank": for each plan (its name and one `(performance rank,
/// payout rank)` per CSM, 1 = best performer or highest payout, ties sharing the average rank
/// as the backtest gives them), a point per CSM in the plan's colour and shape, the diagonal
/// of perfect alignment, and the plan's Spearman correlation in its legend entry ("n/a" when
/// either rank has no spread).
pub fn rank_vs_rank(plans: &[(String, Vec<(f64, f64)>)]) -> String {
    if let Some(problem) = problem(plans) {
        return fallback(TITLE, &problem);
    }
    render(TITLE, |root| draw(root, plans))
}

fn problem(plans: &[(String, Vec<(f64, f64)>)]) -> Option<String> {
    plans.iter().find_map(|(name, points)| {
        points
            .iter()
            .enumerate()
            .find(|(_, (perf, pay))| !(perf.is_finite() && pay.is_finite() && *perf >= 1.0 && *pay >= 1.0))
            .map(|(i, (perf, pay))| {
                format!(
                    "CSM {} of \"{name}\" has performance rank {perf} and payout rank {pay}; ranks start at 1.",
                    i + 1
                )
            })
    })
}

/// Spearman's correlation of the two ranks: Pearson's on the ranks, as the backtest reports it.
fn spearman(points: &[(f64, f64)]) -> Option<f64> {
    let (perf, pay): (Vec<f64>, Vec<f64>) = points.iter().copied().unzip();
    pearson(&perf, &pay)
}

/// ": Spearman 0.82", or ": ρ 0.82" in the `short` form for a crowded legend.
fn legend_detail(points: &[(f64, f64)], short: bool) -> String {
    if points.is_empty() {
        return ": no CSMs".to_string();
    }
    let label = if short { "ρ" } else { "Spearman" };
    match spearman(points) {
        Some(rho) => format!(": {label} {rho:.2}"),
        None => format!(": {label} n/a"),
    }
}

/// The legend entries, in the short form when the long one would cut the names too short.
fn entries(plans: &[(String, Vec<(f64, f64)>)]) -> (Vec<Entry>, bool) {
    let build = |short: bool| -> Vec<Entry> {
        plans
            .iter()
            .enumerate()
            .map(|(index, (name, points))| Entry {
                key: Key::Plan(plan_style(index)),
                name: name.clone(),
                detail: legend_detail(points, short),
            })
            .collect()
    };
    let long = build(false);
    if name_room(&long) >= NAME_MIN {
        (long, false)
    } else {
        (build(true), true)
    }
}

/// Rank 1 and round ranks up to `count`, about six in all, so the best performer's row and
/// column are always marked.
fn rank_ticks(count: f64) -> Vec<f64> {
    let rough = (count / 6.0).max(1.0);
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * magnitude);
    let mut ticks = vec![1.0];
    let mut tick = step;
    while tick <= count + 1e-9 {
        if tick - 1.0 >= step / 2.0 {
            ticks.push(tick);
        }
        tick += step;
    }
    ticks
}

/// Smaller markers for bigger teams, so neighbouring ranks stay apart.
fn marker_radius(csms: usize) -> i32 {
    match csms {
        0..=30 => 5,
        31..=60 => 4,
        61..=120 => 3,
        _ => 2,
    }
}

fn draw(root: &Canvas<'_>, plans: &[(String, Vec<(f64, f64)>)]) -> Drawn {
    let (entries, short) = entries(plans);
    let summary = if short { SHORT_SUMMARY } else { SUMMARY };
    header(root, TITLE, (!plans.is_empty()).then_some(summary))?;
    legend(root, &entries)?;
    let body = body(root);
    let count = plans
        .iter()
        .flat_map(|(_, points)| points.iter().flat_map(|(a, b)| [*a, *b]))
        .fold(0.0, f64::max)
        .ceil();
    if count < 1.0 {
        return empty(&body, X_TITLE, Y_TITLE, EMPTY);
    }
    let ticks = rank_ticks(count);
    let range = 0.5..count + 0.5;
    let mut chart = builder(&body).build_cartesian_2d(
        Ticked::new(range.clone(), ticks.clone()),
        Ticked::new(range, ticks),
    )?;
    let tick = |rank: &f64| compact(*rank);
    chart
        .configure_mesh()
        .bold_line_style(grid_line())
        .axis_style(axis_line())
        .label_style(tick_style())
        .axis_desc_style(axis_title_style())
        .x_label_formatter(&tick)
        .y_label_formatter(&tick)
        .x_desc(X_TITLE)
        .y_desc(Y_TITLE)
        .draw()?;
    chart.draw_series(DashedLineSeries::new(
        [(0.5, 0.5), (count + 0.5, count + 0.5)],
        6,
        4,
        FAINT.stroke_width(2),
    ))?;
    let crowd = plans
        .iter()
        .map(|(_, points)| points.len())
        .max()
        .unwrap_or(0);
    let radius = marker_radius(crowd);
    for (index, (_, points)) in plans.iter().enumerate() {
        let style = plan_style(index);
        for point in points {
            marker(root, style, chart.backend_coord(point), radius)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_reversed_alignment() {
        let aligned = [(1.0, 1.0), (2.0, 2.0), (3.0, 3.0)];
        assert_eq!(legend_detail(&aligned, false), ": Spearman 1.00");
        let reversed = [(1.0, 3.0), (2.0, 2.0), (3.0, 1.0)];
        assert_eq!(legend_detail(&reversed, false), ": Spearman -1.00");
        assert_eq!(legend_detail(&reversed, true), ": ρ -1.00");
        // Everybody tied on payout: no spread, no correlation.
        let tied = [(1.0, 1.5), (2.0, 1.5)];
        assert_eq!(legend_detail(&tied, false), ": Spearman n/a");
        assert_eq!(legend_detail(&[], false), ": no CSMs");
    }

    #[test]
    fn a_crowded_legend_writes_rho() {
        let plan = |name: &str| (name.to_string(), vec![(1.0, 1.0), (2.0, 2.0)]);
        let (_, short) = entries(&[plan("Current"), plan("Proposed")]);
        assert!(!short);
        let long = "Proposed plan for the enterprise team (70/30, NRR + expansion)";
        let (entries, short) = entries(&[plan(long), plan(long), plan(long)]);
        assert!(short);
        assert_eq!(entries[0].detail, ": ρ 1.00");
    }

    #[test]
    fn rank_ticks_start_at_the_best() {
        assert_eq!(rank_ticks(1.0), [1.0]);
        assert_eq!(rank_ticks(5.0), [1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(rank_ticks(12.0), [1.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0]);
        assert_eq!(rank_ticks(200.0), [1.0, 50.0, 100.0, 150.0, 200.0]);
    }
}
