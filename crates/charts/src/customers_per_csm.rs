//! "Customers per CSM against the touch bands": where each segment's book per CSM falls,
//! top-down and bottom-up, among high-touch, low-touch and automated (DOMAIN.md §1.1 step 3,
//! §2.4). The scale is logarithmic because a CSM's book runs from about 5 enterprise customers
//! to thousands of small ones, and both ends must read well on one chart.

use crate::document::fallback;
use crate::frame::{
    BODY_PX, Canvas, Drawn, Mark, PLOT_WIDTH, SMALL_PX, anchor, body, builder, empty, header,
    knockout_text, mark, method_legend, render, slot_mesh, text,
};
use crate::measure::{fit, text_width};
use crate::numbers::{compact, customers};
use crate::palette::{AXIS, BACKGROUND, BOTTOM_UP, FAINT, INK, MUTED, TOP_DOWN, rgb};
use crate::scale;
use crate::ticked::Ticked;
use csplan_domain::capacity::{CapacityPlan, PlanSide, SegmentPlan, TouchBands};
use plotters::coord::combinators::{LogCoord, WithKeyPointMethod};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

const TITLE: &str = "Customers per CSM against the touch bands";
const X_TITLE: &str = "Segment";
const Y_TITLE: &str = "Customers per CSM (log scale)";
const NO_CSM_NOTE: &str = "no CSM needed";
const EMPTY: &str = "No segments yet: import accounts on the Data page to see the touch bands.";

/// More human touch, darker band.
const HIGH_TOUCH_FILL: RGBColor = rgb("#EDF0F4");
const LOW_TOUCH_FILL: RGBColor = rgb("#F5F7F9");
const AUTOMATED_FILL: RGBColor = rgb("#FCFCFD");

/// Pixels between the top of the plot and a "no CSM needed" marker.
const NO_CSM_INSET: i32 = 10;

/// The two markers of a segment sit this far either side of its centre, in segment widths.
const MARKER_OFFSET: f64 = 0.17;

/// "Customers per CSM against the touch bands": per segment, the top-down (dot) and bottom-up
/// (square) customers per CSM over the high-touch, low-touch and automated bands, on a log
/// scale. A side that needs no CSM at all is drawn hollow at the top with a note.
pub fn customers_per_csm(plan: &CapacityPlan, bands: &TouchBands) -> String {
    let high = bands.high_touch_below;
    let automated = bands.automated_from;
    if !(high.is_finite() && automated.is_finite() && high > 0.0 && high < automated) {
        return fallback(
            TITLE,
            &format!(
                "The touch bands cannot be drawn: high-touch must end above 0 and below where automated starts (high-touch below {}, automated from {}).",
                compact(high),
                compact(automated)
            ),
        );
    }
    render(TITLE, |root| draw(root, plan, bands))
}

/// A band's name and range, written in the band at the right edge of the plot.
struct Band {
    name: &'static str,
    range: String,
    from: f64,
    to: f64,
    fill: RGBColor,
}

fn bands_on(axis: &scale::LogAxis, bands: &TouchBands) -> [Band; 3] {
    let high = compact(bands.high_touch_below);
    let automated = compact(bands.automated_from);
    [
        Band {
            name: "High-touch",
            range: format!("under {high}"),
            from: axis.lower,
            to: bands.high_touch_below,
            fill: HIGH_TOUCH_FILL,
        },
        Band {
            name: "Low-touch",
            range: format!("{high} to under {automated}"),
            from: bands.high_touch_below,
            to: bands.automated_from,
            fill: LOW_TOUCH_FILL,
        },
        Band {
            name: "Automated",
            range: format!("{automated} and more"),
            from: bands.automated_from,
            to: axis.upper,
            fill: AUTOMATED_FILL,
        },
    ]
}

/// The number to place, if there is one. Inputs are NaN-free; a non-finite value would have no
/// place on the scale, so it is shown like a side without CSMs rather than breaking the chart.
/// Zero sits on the bottom edge, where the scale's clamp puts it.
fn on_scale(side: &PlanSide) -> Option<f64> {
    side.customers_per_csm.filter(|c| c.is_finite())
}

fn draw(root: &Canvas<'_>, plan: &CapacityPlan, touch: &TouchBands) -> Drawn {
    header(root, TITLE, None)?;
    method_legend(root, Mark::Dot, Mark::Square)?;
    let body = body(root);
    if plan.segments.is_empty() {
        return empty(&body, X_TITLE, Y_TITLE, EMPTY);
    }

    let values: Vec<f64> = plan
        .segments
        .iter()
        .flat_map(|s| [on_scale(&s.top_down), on_scale(&s.bottom_up)])
        .flatten()
        .filter(|c| *c > 0.0)
        .collect();
    let low = values
        .iter()
        .copied()
        .fold(touch.high_touch_below, f64::min);
    let high = values.iter().copied().fold(touch.automated_from, f64::max);
    let axis = scale::logarithmic(low, high);
    let bands = bands_on(&axis, touch);

    // The band names get a column of their own at the right, so no marker covers them.
    let column_px = bands
        .iter()
        .map(|b| text_width(b.name, BODY_PX).max(text_width(&b.range, SMALL_PX)))
        .fold(0.0, f64::max)
        + 16.0;
    let count = plan.segments.len() as f64;
    let x_max = count * PLOT_WIDTH / (PLOT_WIDTH - column_px).max(1.0);
    let group_px = (PLOT_WIDTH - column_px) / count;

    let names: Vec<String> = plan
        .segments
        .iter()
        .map(|s| fit(&s.segment, BODY_PX, group_px - 6.0))
        .collect();
    let centres: Vec<f64> = (0..plan.segments.len()).map(|i| i as f64 + 0.5).collect();
    let ticks = axis.ticks.clone();
    let mut chart = builder(&body).build_cartesian_2d(
        Ticked::new(0.0..x_max, centres),
        (axis.lower..axis.upper)
            .log_scale()
            .with_key_point_func(move |_| ticks.clone()),
    )?;

    for band in &bands {
        chart.draw_series(std::iter::once(Rectangle::new(
            [(0.0, band.from), (x_max, band.to)],
            band.fill.filled(),
        )))?;
    }
    let tick = |y: &f64| compact(*y);
    slot_mesh(&mut chart, &names, &tick, (X_TITLE, Y_TITLE))?;

    // Band edges, dashed so they read as thresholds rather than data.
    for edge in [touch.high_touch_below, touch.automated_from] {
        chart.draw_series(DashedLineSeries::new(
            [(0.0, edge), (x_max, edge)],
            4,
            3,
            AXIS.stroke_width(1),
        ))?;
    }
    let painted: Vec<PaintedBand> = bands
        .iter()
        .map(|band| PaintedBand {
            top: chart.backend_coord(&(0.0, band.to)).1,
            bottom: chart.backend_coord(&(0.0, band.from)).1,
            fill: band.fill,
        })
        .collect();
    let right = chart.backend_coord(&(x_max, axis.upper)).0 - 8;
    for (band, paint) in bands.iter().zip(&painted) {
        let middle = (paint.top + paint.bottom) / 2;
        let height = f64::from(paint.bottom - paint.top);
        let name = text(BODY_PX, MUTED, anchor(HPos::Right, VPos::Center));
        if height >= BODY_PX + SMALL_PX + 10.0 {
            let at = (right, middle - 7);
            knockout_text(root, band.name, at, BODY_PX, name, paint.fill)?;
            let range = text(SMALL_PX, FAINT, anchor(HPos::Right, VPos::Center));
            let at = (right, middle + 7);
            knockout_text(root, &band.range, at, SMALL_PX, range, paint.fill)?;
        } else if height >= BODY_PX + 2.0 {
            knockout_text(root, band.name, (right, middle), BODY_PX, name, paint.fill)?;
        }
    }

    let labels = ValueLabels {
        px: value_label_px(plan, group_px),
        bands: painted,
    };
    for (i, segment) in plan.segments.iter().enumerate() {
        draw_segment(root, &chart, &axis, i as f64 + 0.5, segment, &labels)?;
    }
    Ok(())
}

/// A band as drawn, in pixels, so a label knows the colour behind it.
struct PaintedBand {
    top: i32,
    bottom: i32,
    fill: RGBColor,
}

struct ValueLabels {
    px: f64,
    bands: Vec<PaintedBand>,
}

impl ValueLabels {
    fn backdrop(&self, y: i32) -> RGBColor {
        self.bands
            .iter()
            .find(|band| (band.top..=band.bottom).contains(&y))
            .map_or(BACKGROUND, |band| band.fill)
    }
}

/// Pixels between a marker's centre and its label.
const LABEL_GAP: i32 = 9;

/// Labels go above their markers; when a segment's two labels would collide there, the lower
/// marker's label moves below it.
fn labels_below(values: [Option<f64>; 2], points: &[(i32, i32)], px: f64) -> [bool; 2] {
    let ([Some(a), Some(b)], [pa, pb]) = (values, points) else {
        return [false, false];
    };
    let half_widths = (text_width(&customers(a), px) + text_width(&customers(b), px)) / 2.0;
    let apart_x = f64::from((pa.0 - pb.0).abs()) > half_widths + 2.0;
    let apart_y = f64::from((pa.1 - pb.1).abs()) > px + 2.0;
    if apart_x || apart_y {
        [false, false]
    } else if pa.1 > pb.1 {
        [true, false]
    } else {
        [false, true]
    }
}

/// Value labels shrink, down to 9 px, until neighbouring labels of one segment cannot touch.
fn value_label_px(plan: &CapacityPlan, group_px: f64) -> f64 {
    let widest = plan
        .segments
        .iter()
        .flat_map(|s| [on_scale(&s.top_down), on_scale(&s.bottom_up)])
        .flatten()
        .map(|c| text_width(&customers(c), 1.0))
        .fold(0.0, f64::max);
    let room = 2.0 * MARKER_OFFSET * group_px - 6.0;
    (room / widest.max(1.0)).clamp(9.0, SMALL_PX)
}

type LogChart<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<Ticked, WithKeyPointMethod<LogCoord<f64>>>>;

fn draw_segment(
    root: &Canvas<'_>,
    chart: &LogChart<'_, '_>,
    axis: &scale::LogAxis,
    centre: f64,
    segment: &SegmentPlan,
    labels: &ValueLabels,
) -> Drawn {
    let px = labels.px;
    let sides = [
        (
            &segment.top_down,
            TOP_DOWN,
            Mark::Dot,
            centre - MARKER_OFFSET,
        ),
        (
            &segment.bottom_up,
            BOTTOM_UP,
            Mark::Square,
            centre + MARKER_OFFSET,
        ),
    ];
    // "No CSM needed" has no number to place: it sits just inside the top, in the automated
    // band where a book without CSMs belongs.
    let top = chart.backend_coord(&(centre, axis.upper)).1 + NO_CSM_INSET;
    let place = |value: Option<f64>, x: f64| match value {
        Some(c) => chart.backend_coord(&(x, c.clamp(axis.lower, axis.upper))),
        None => (chart.backend_coord(&(x, axis.upper)).0, top),
    };
    let points: Vec<(i32, i32)> = sides
        .iter()
        .map(|(side, _, _, x)| place(on_scale(side), *x))
        .collect();

    // A thin line between the two answers shows the gap and its direction.
    if let ([Some(_), Some(_)], [from, to]) = (
        [on_scale(&segment.top_down), on_scale(&segment.bottom_up)],
        points.as_slice(),
    ) {
        root.draw(&PathElement::new(vec![*from, *to], AXIS.stroke_width(2)))?;
    }

    let values = [on_scale(&segment.top_down), on_scale(&segment.bottom_up)];
    for ((value, (_, color, kind, _)), point) in values.iter().zip(&sides).zip(&points) {
        mark(root, *kind, *point, *color, value.is_some())?;
    }
    let below = labels_below(values, &points, px);
    let note_at = |x: i32| (x, top + LABEL_GAP + 1);
    let note = |at: (i32, i32)| {
        let style = text(px, FAINT, anchor(HPos::Center, VPos::Top));
        let backdrop = labels.backdrop(at.1 + px.round() as i32 / 2);
        knockout_text(root, NO_CSM_NOTE, at, px, style, backdrop)
    };
    if values.iter().all(Option::is_none) {
        let x = chart.backend_coord(&(centre, axis.upper)).0;
        return note(note_at(x));
    }
    for ((value, point), below) in values.iter().zip(&points).zip(below) {
        let Some(value) = value else {
            note(note_at(point.0))?;
            continue;
        };
        let (v_pos, y, middle) = if below {
            (
                VPos::Top,
                point.1 + LABEL_GAP,
                point.1 + LABEL_GAP + px as i32 / 2,
            )
        } else {
            (
                VPos::Bottom,
                point.1 - LABEL_GAP,
                point.1 - LABEL_GAP - px as i32 / 2,
            )
        };
        let style = text(px, INK, anchor(HPos::Center, v_pos));
        let backdrop = labels.backdrop(middle);
        knockout_text(root, &customers(*value), (point.0, y), px, style, backdrop)?;
    }
    Ok(())
}
