//! What every chart shares: the canvas, the title line, the legend row, the plot's margins and
//! the empty state. Keeping them here makes the charts line up when the UI shows them together.

use crate::document::{FONT_FAMILY, HEIGHT, WIDTH, fallback, label};
use crate::measure::{text_width, wrap};
use crate::palette::{AXIS, BACKGROUND, BOTTOM_UP, FAINT, GRID, INK, MUTED, TOP_DOWN};
use crate::ticked::Ticked;
use plotters::coord::Shift;
use plotters::coord::ranged1d::{DefaultFormatting, ValueFormatter};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub(crate) type Canvas<'a> = DrawingArea<SVGBackend<'a>, Shift>;
pub(crate) type Drawn = Result<(), DrawingAreaErrorKind<std::io::Error>>;
/// A chart with a slot per category across and a value axis with chosen ticks up the side.
pub(crate) type SlotChart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<Ticked, Ticked>>;

/// Title line and legend row above the plot.
const HEADER_HEIGHT: u32 = 58;
const SIDE: i32 = 16;
const MARGIN_LEFT: u32 = 8;
const MARGIN_RIGHT: u32 = 16;
const MARGIN_TOP: u32 = 6;
const MARGIN_BOTTOM: u32 = 6;
/// Room left of the plot for the rotated axis title and tick labels up to "10,000".
const Y_LABEL_AREA: u32 = 70;
/// Room under the plot for the category names and the axis title.
const X_LABEL_AREA: u32 = 52;

/// Width of the plotting area in pixels, known before plotters lays it out, so bar and label
/// sizes can be chosen to fit.
pub(crate) const PLOT_WIDTH: f64 = (WIDTH - MARGIN_LEFT - MARGIN_RIGHT - Y_LABEL_AREA) as f64;

/// plotters writes `font-size` as the requested size divided by 1.24, so asking for `px * 1.24`
/// gives `px` (give or take a float's last digit, which `document::label` tidies).
const PLOTTERS_FONT_SCALE: f64 = 1.24;

/// Font sizes in pixels.
pub(crate) const TITLE_PX: f64 = 15.0;
pub(crate) const BODY_PX: f64 = 12.0;
pub(crate) const SMALL_PX: f64 = 11.0;

/// Draws onto a fresh chart-sized canvas and returns the labelled SVG, or a chart that shows
/// the drawing error.
pub(crate) fn render(title: &str, draw: impl FnOnce(&Canvas<'_>) -> Drawn) -> String {
    let mut svg = String::new();
    let drawn = {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&BACKGROUND)
            .and_then(|()| draw(&root))
            .and_then(|()| root.present())
    };
    match drawn {
        Ok(()) => label(&svg, title).unwrap_or_else(|| {
            fallback(
                title,
                "The chart came out empty. Please report this as a bug.",
            )
        }),
        Err(error) => fallback(title, &format!("This chart could not be drawn: {error}")),
    }
}

/// A text style of `px` pixels, anchored at `pos`.
pub(crate) fn text(px: f64, color: RGBColor, pos: Pos) -> TextStyle<'static> {
    TextStyle {
        font: FontDesc::new(
            FontFamily::Name(FONT_FAMILY),
            px * PLOTTERS_FONT_SCALE,
            FontStyle::Normal,
        ),
        color: color.to_backend_color(),
        pos,
    }
}

pub(crate) fn anchor(h: HPos, v: VPos) -> Pos {
    Pos::new(h, v)
}

/// The title on the left of the first line and an optional summary on its right.
pub(crate) fn header(root: &Canvas<'_>, title: &str, summary: Option<&str>) -> Drawn {
    let style = text(TITLE_PX, INK, anchor(HPos::Left, VPos::Top));
    let style = TextStyle {
        font: style.font.style(FontStyle::Bold),
        ..style
    };
    root.draw(&Text::new(title.to_string(), (SIDE, 12), style))?;
    if let Some(summary) = summary {
        let style = text(BODY_PX, MUTED, anchor(HPos::Right, VPos::Top));
        root.draw(&Text::new(
            summary.to_string(),
            (WIDTH as i32 - SIDE, 14),
            style,
        ))?;
    }
    Ok(())
}

/// How a series looks, in the plot and in its legend entry.
#[derive(Clone, Copy)]
pub(crate) enum Mark {
    Bar,
    Dot,
    Square,
}

struct LegendEntry<'a> {
    label: &'a str,
    color: RGBColor,
    mark: Mark,
}

/// The two planning methods' names, the same wherever they appear.
const TOP_DOWN_LABEL: &str = "Top-down (from ARR)";
const BOTTOM_UP_LABEL: &str = "Bottom-up (from activities)";

/// The legend of a chart that compares the two methods, drawn with the marks it uses.
pub(crate) fn method_legend(root: &Canvas<'_>, top_down: Mark, bottom_up: Mark) -> Drawn {
    legend(
        root,
        &[
            LegendEntry {
                label: TOP_DOWN_LABEL,
                color: TOP_DOWN,
                mark: top_down,
            },
            LegendEntry {
                label: BOTTOM_UP_LABEL,
                color: BOTTOM_UP,
                mark: bottom_up,
            },
        ],
    )
}

/// One row of legend entries under the title, left-aligned with it.
fn legend(root: &Canvas<'_>, entries: &[LegendEntry<'_>]) -> Drawn {
    let y = 40;
    let mut x = SIDE;
    for entry in entries {
        match entry.mark {
            Mark::Bar => root.draw(&Rectangle::new(
                [(x, y - 5), (x + 12, y + 5)],
                entry.color.filled(),
            ))?,
            Mark::Dot => mark(root, Mark::Dot, (x + 6, y), entry.color, true)?,
            Mark::Square => mark(root, Mark::Square, (x + 6, y), entry.color, true)?,
        }
        let style = text(BODY_PX, MUTED, anchor(HPos::Left, VPos::Center));
        root.draw(&Text::new(entry.label.to_string(), (x + 18, y), style))?;
        x += 18 + text_width(entry.label, BODY_PX).round() as i32 + 22;
    }
    Ok(())
}

/// Writes `label` with a patch of `backdrop` behind it, so grid lines and band edges never run
/// through a number.
pub(crate) fn knockout_text(
    root: &Canvas<'_>,
    label: &str,
    (x, y): (i32, i32),
    px: f64,
    style: TextStyle<'static>,
    backdrop: RGBColor,
) -> Drawn {
    let width = text_width(label, px);
    let left = match style.pos.h_pos {
        HPos::Left => f64::from(x),
        HPos::Center => f64::from(x) - width / 2.0,
        HPos::Right => f64::from(x) - width,
    };
    // Where plotters' dy puts the glyphs relative to the anchor, in font sizes.
    let top = match style.pos.v_pos {
        VPos::Top => f64::from(y),
        VPos::Center => f64::from(y) - 0.55 * px,
        VPos::Bottom => f64::from(y) - 1.05 * px,
    };
    root.draw(&Rectangle::new(
        [
            ((left - 2.0).floor() as i32, (top - 1.0).floor() as i32),
            (
                (left + width + 2.0).ceil() as i32,
                (top + px + 2.0).ceil() as i32,
            ),
        ],
        backdrop.filled(),
    ))?;
    root.draw(&Text::new(label.to_string(), (x, y), style))
}

/// A marker centred on a pixel: filled with a white rim so overlapping markers stay visible,
/// or hollow for a value that is not on the scale.
pub(crate) fn mark(
    root: &Canvas<'_>,
    kind: Mark,
    (x, y): (i32, i32),
    color: RGBColor,
    filled: bool,
) -> Drawn {
    let fill = if filled { color } else { BACKGROUND };
    let rim = if filled { BACKGROUND } else { color };
    match kind {
        Mark::Dot => {
            root.draw(&Circle::new((x, y), 7, rim.filled()))?;
            root.draw(&Circle::new((x, y), 5, fill.filled()))?;
            if !filled {
                root.draw(&Circle::new((x, y), 5, color.stroke_width(2)))?;
            }
        }
        Mark::Square | Mark::Bar => {
            root.draw(&Rectangle::new(
                [(x - 6, y - 6), (x + 6, y + 6)],
                rim.filled(),
            ))?;
            root.draw(&Rectangle::new(
                [(x - 5, y - 5), (x + 5, y + 5)],
                fill.filled(),
            ))?;
            if !filled {
                root.draw(&Rectangle::new(
                    [(x - 5, y - 5), (x + 5, y + 5)],
                    color.stroke_width(2),
                ))?;
            }
        }
    }
    Ok(())
}

/// The canvas under the header, where the plot and its axes go.
pub(crate) fn body<'a>(root: &Canvas<'a>) -> Canvas<'a> {
    root.split_vertically(HEADER_HEIGHT).1
}

/// A chart builder with the margins every chart shares.
pub(crate) fn builder<'a, 'b>(body: &'a Canvas<'b>) -> ChartBuilder<'a, 'b, SVGBackend<'b>> {
    let mut builder = ChartBuilder::on(body);
    builder
        .margin_left(MARGIN_LEFT)
        .margin_right(MARGIN_RIGHT)
        .margin_top(MARGIN_TOP)
        .margin_bottom(MARGIN_BOTTOM)
        .x_label_area_size(X_LABEL_AREA)
        .y_label_area_size(Y_LABEL_AREA);
    builder
}

pub(crate) fn tick_style() -> TextStyle<'static> {
    text(BODY_PX, MUTED, anchor(HPos::Center, VPos::Top))
}

pub(crate) fn axis_title_style() -> TextStyle<'static> {
    text(BODY_PX, INK, anchor(HPos::Center, VPos::Top))
}

/// Solid rather than translucent: some SVG-to-PNG converters ignore opacity on lines.
pub(crate) fn grid_line() -> ShapeStyle {
    GRID.stroke_width(1)
}

pub(crate) fn axis_line() -> ShapeStyle {
    AXIS.stroke_width(1)
}

/// The grid, axes, tick labels and axis titles of a chart with one slot per category along x
/// (quarters, periods, segments): horizontal grid lines only, slot `i` (spanning `i..i + 1`)
/// named `names[i]`, values by `tick`, in the shared line and text styles.
pub(crate) fn slot_mesh<Y>(
    chart: &mut ChartContext<'_, SVGBackend<'_>, Cartesian2d<Ticked, Y>>,
    names: &[String],
    tick: &dyn Fn(&f64) -> String,
    (x_title, y_title): (&str, &str),
) -> Drawn
where
    // A linear or a log value axis.
    Y: Ranged<ValueType = f64, FormatOption = DefaultFormatting> + ValueFormatter<f64>,
{
    let name_of = |x: &f64| slot_name(names, *x);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(grid_line())
        .axis_style(axis_line())
        .label_style(tick_style())
        .axis_desc_style(axis_title_style())
        .x_label_formatter(&name_of)
        .y_label_formatter(tick)
        .x_desc(x_title)
        .y_desc(y_title)
        .draw()
}

/// The name of the slot under `x` (empty past the last one).
pub(crate) fn slot_name(names: &[String], x: f64) -> String {
    names
        .get(x.floor().max(0.0) as usize)
        .cloned()
        .unwrap_or_default()
}

/// The chart's frame with its axis titles but no data, and `message` saying what to do next.
pub(crate) fn empty(body: &Canvas<'_>, x_title: &str, y_title: &str, message: &str) -> Drawn {
    let mut chart = builder(body).build_cartesian_2d(0.0..1.0, 0.0..1.0)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(0)
        .y_labels(0)
        .axis_style(axis_line())
        .axis_desc_style(axis_title_style())
        .x_desc(x_title)
        .y_desc(y_title)
        .draw()?;
    let px = BODY_PX + 1.0;
    let (width, _) = chart.plotting_area().dim_in_pixel();
    let lines = wrap(message, px, f64::from(width) - 48.0);
    let (x, middle) = chart.backend_coord(&(0.5, 0.5));
    let line_height = (px * 1.5).round() as i32;
    let first = middle - line_height * (lines.len() as i32 - 1) / 2;
    for (i, line) in lines.into_iter().enumerate() {
        let style = text(px, FAINT, anchor(HPos::Center, VPos::Center));
        let at = (
            x - body.get_base_pixel().0,
            first + line_height * i as i32 - body.get_base_pixel().1,
        );
        body.draw(&Text::new(line, at, style))?;
    }
    Ok(())
}
