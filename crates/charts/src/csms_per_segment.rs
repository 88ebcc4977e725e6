//! "CSMs needed per segment": the top-down and bottom-up FTE of every segment side by side
//! (DOMAIN.md §1.1 step 3, "Compare Your Top-Down and Bottom-Up Results"), so the gap between
//! what the ARR funds and what the chosen experience needs is visible per segment.

use crate::frame::{
    Canvas, Drawn, Mark, PLOT_WIDTH, SMALL_PX, anchor, body, empty, header, knockout_text,
    method_legend, render, text,
};
use crate::measure::text_width;
use crate::numbers::grouped;
use crate::palette::{BACKGROUND, BOTTOM_UP, INK, TOP_DOWN};
use crate::scale;
use crate::segment_axes::segment_axes;
use csplan_domain::capacity::CapacityPlan;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

const TITLE: &str = "CSMs needed per segment";
const X_TITLE: &str = "Segment";
const Y_TITLE: &str = "CSMs (FTE)";
const EMPTY: &str = "No segments yet: import accounts on the Data page to plan CSMs.";

/// Each bar takes this share of its segment's width; the two bars touch the centre gap.
const BAR_WIDTH: f64 = 0.3;
const BAR_GAP: f64 = 0.02;
/// Smallest font a value label shrinks to before it turns on its side.
const MIN_LABEL_PX: f64 = 9.0;

/// "CSMs needed per segment": grouped bars, top-down against bottom-up FTE per segment with
/// each bar's FTE on it (one decimal), the totals in the header, and a legend.
pub fn csms_per_segment(plan: &CapacityPlan) -> String {
    render(TITLE, |root| draw(root, plan))
}

fn finite(value: f64) -> f64 {
    if value.is_finite() {
        value.max(0.0)
    } else {
        0.0
    }
}

/// How the value labels fit over bars of this width: upright while one fits beside its
/// neighbour, else turned on their side above the bar.
struct ValueLabels {
    px: f64,
    upright: bool,
}

fn value_labels(plan: &CapacityPlan, group_px: f64) -> ValueLabels {
    let widest = plan
        .segments
        .iter()
        .flat_map(|s| [s.top_down.fte, s.bottom_up.fte])
        .map(|fte| text_width(&grouped(finite(fte), 1), 1.0))
        .fold(0.0, f64::max);
    let room = (BAR_WIDTH + BAR_GAP) * group_px - 4.0;
    let px = (room / widest.max(1.0)).min(SMALL_PX);
    if px >= MIN_LABEL_PX {
        ValueLabels { px, upright: true }
    } else {
        ValueLabels {
            px: MIN_LABEL_PX.max((BAR_WIDTH * group_px - 2.0).min(SMALL_PX)),
            upright: false,
        }
    }
}

fn draw(root: &Canvas<'_>, plan: &CapacityPlan) -> Drawn {
    let summary = (!plan.segments.is_empty()).then(|| {
        format!(
            "Total {} FTE top-down, {} FTE bottom-up",
            grouped(finite(plan.total.top_down.fte), 1),
            grouped(finite(plan.total.bottom_up.fte), 1)
        )
    });
    header(root, TITLE, summary.as_deref())?;
    method_legend(root, Mark::Bar, Mark::Bar)?;
    let body = body(root);
    if plan.segments.is_empty() {
        return empty(&body, X_TITLE, Y_TITLE, EMPTY);
    }

    let count = plan.segments.len();
    let group_px = PLOT_WIDTH / count as f64;
    let labels = value_labels(plan, group_px);
    let tallest = plan
        .segments
        .iter()
        .flat_map(|s| [s.top_down.fte, s.bottom_up.fte])
        .map(finite)
        .fold(0.0, f64::max);
    // A label on its side needs more room above the tallest bar than an upright one.
    let headroom = if labels.upright { 0.12 } else { 0.3 };
    let axis = scale::linear(tallest, headroom);

    let names: Vec<&str> = plan.segments.iter().map(|s| s.segment.as_str()).collect();
    let mut chart = segment_axes(&body, &names, &axis, (X_TITLE, Y_TITLE))?;

    for (i, segment) in plan.segments.iter().enumerate() {
        let centre = i as f64 + 0.5;
        let sides = [
            (segment.top_down.fte, TOP_DOWN, centre - BAR_GAP - BAR_WIDTH),
            (segment.bottom_up.fte, BOTTOM_UP, centre + BAR_GAP),
        ];
        for (fte, color, left) in sides {
            let fte = finite(fte);
            chart.draw_series(std::iter::once(Rectangle::new(
                [(left, 0.0), (left + BAR_WIDTH, fte)],
                color.filled(),
            )))?;
            let (x, top) = chart.backend_coord(&(left + BAR_WIDTH / 2.0, fte));
            let value = grouped(fte, 1);
            let style = text(labels.px, INK, anchor(HPos::Center, VPos::Bottom));
            if labels.upright {
                knockout_text(root, &value, (x, top - 3), labels.px, style, BACKGROUND)?;
            } else {
                let style = text(labels.px, INK, anchor(HPos::Left, VPos::Center))
                    .transform(FontTransform::Rotate270);
                root.draw(&Text::new(value, (x, top - 3), style))?;
            }
        }
    }
    Ok(())
}
