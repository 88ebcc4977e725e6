//! What both segment charts share: the segment axis, the colour of a segment, value labels that
//! turn on their side when the bars are too narrow, and a legend row of swatches.

use crate::frame::{BODY_PX, Canvas, Drawn, SMALL_PX, anchor, knockout_text, text};
use crate::measure::text_width;
use crate::palette::{BACKGROUND, INK, MUTED, rgb};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Smallest font a value label shrinks to before it turns on its side.
const MIN_LABEL_PX: f64 = 9.0;
const LEGEND_Y: i32 = 40;
const SIDE: i32 = 16;

/// A rule set colour (`#RRGGBB`, checked by the domain) as a plotters colour; anything else
/// reads as the neutral ink rather than failing the chart.
pub(super) fn colour(hex: &str) -> RGBColor {
    let valid =
        hex.len() == 7 && hex.starts_with('#') && hex[1..].bytes().all(|b| b.is_ascii_hexdigit());
    if valid { rgb(hex) } else { INK }
}

/// `colour` mixed with white: the lighter twin of a segment's bar.
pub(super) fn light(colour: RGBColor) -> RGBColor {
    let mix = |c: u8| (f64::from(c) * 0.35 + 255.0 * 0.65).round() as u8;
    RGBColor(mix(colour.0), mix(colour.1), mix(colour.2))
}

/// How value labels fit over bars `bar_px` wide: upright while the widest fits, else on their
/// side above the bar.
pub(super) struct ValueLabels {
    pub px: f64,
    pub upright: bool,
}

pub(super) fn value_labels(labels: &[String], bar_px: f64) -> ValueLabels {
    let widest = labels
        .iter()
        .map(|l| text_width(l, 1.0))
        .fold(0.0, f64::max);
    let px = ((bar_px + 6.0) / widest.max(1.0)).min(SMALL_PX);
    if px >= MIN_LABEL_PX {
        ValueLabels { px, upright: true }
    } else {
        ValueLabels {
            px: MIN_LABEL_PX.max((bar_px - 2.0).min(SMALL_PX)),
            upright: false,
        }
    }
}

/// Writes `value` above the bar whose top centre is at `(x, top)` pixels.
pub(super) fn value_label(
    root: &Canvas<'_>,
    value: &str,
    (x, top): (i32, i32),
    labels: &ValueLabels,
) -> Drawn {
    if labels.upright {
        let style = text(labels.px, INK, anchor(HPos::Center, VPos::Bottom));
        knockout_text(root, value, (x, top - 3), labels.px, style, BACKGROUND)
    } else {
        let style = text(labels.px, INK, anchor(HPos::Left, VPos::Center))
            .transform(FontTransform::Rotate270);
        root.draw(&Text::new(value.to_string(), (x, top - 3), style))
    }
}

/// How a legend swatch is filled.
pub(super) enum Swatch {
    Solid(RGBColor),
    /// A light fill with an outline, as the accounts bars.
    Outlined {
        fill: RGBColor,
        line: RGBColor,
    },
}

/// One row of swatches and labels under the title, left-aligned with it.
pub(super) fn legend(root: &Canvas<'_>, entries: &[(Swatch, &str)]) -> Drawn {
    let mut x = SIDE;
    let y = LEGEND_Y;
    for (swatch, label) in entries {
        let corners = [(x, y - 5), (x + 12, y + 5)];
        match swatch {
            Swatch::Solid(fill) => root.draw(&Rectangle::new(corners, fill.filled()))?,
            Swatch::Outlined { fill, line } => {
                root.draw(&Rectangle::new(corners, fill.filled()))?;
                root.draw(&Rectangle::new(corners, line.stroke_width(1)))?;
            }
        }
        let style = text(BODY_PX, MUTED, anchor(HPos::Left, VPos::Center));
        root.draw(&Text::new(label.to_string(), (x + 18, y), style))?;
        x += 18 + text_width(label, BODY_PX).round() as i32 + 22;
    }
    Ok(())
}
