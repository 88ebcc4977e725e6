//! The layout of the two money charts: one horizontal row per plan over a dollar axis, the
//! plan's name written across the top of its row. Rows rather than columns because plan names
//! are long and the figures beside the marks need the chart's width, not a third of it.

use super::money::money;
use super::plans::{PlanStyle, marker};
use crate::frame::{
    BODY_PX, Canvas, Drawn, SMALL_PX, anchor, axis_line, axis_title_style, builder, grid_line,
    text, tick_style,
};
use crate::measure::{fit, text_width};
use crate::palette::{INK, MUTED};
use crate::scale;
use crate::ticked::Ticked;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

pub(super) type RowChart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<Ticked, Ticked>>;
type Built<'a, 'b> = Result<RowChart<'a, 'b>, DrawingAreaErrorKind<std::io::Error>>;

/// The names sit inside the plot, so the left of the axis only needs room for the axis line.
const ROW_LABEL_AREA: u32 = 12;
/// Height of the line with the plan's name at the top of each row.
pub(super) const NAME_LINE: i32 = 20;
/// Room above the largest value for the figures written beside it.
const HEADROOM: f64 = 0.08;
/// The axis reaches at least this far, so a plan that pays nothing still has whole-dollar
/// ticks to sit against.
const SMALLEST_AXIS: f64 = 1_000.0;

/// A dollar axis from 0 to past `max`, with `rows` rows stacked on it.
pub(super) fn row_chart<'a, 'b>(
    body: &'a Canvas<'b>,
    max: f64,
    rows: usize,
    x_title: &str,
) -> Built<'a, 'b> {
    let axis = scale::linear(max.max(SMALLEST_AXIS), HEADROOM);
    let mut chart = builder(body)
        .y_label_area_size(ROW_LABEL_AREA)
        .build_cartesian_2d(
            Ticked::new(0.0..axis.upper, axis.ticks),
            Ticked::new(0.0..rows.max(1) as f64, Vec::new()),
        )?;
    let tick = |x: &f64| money(*x);
    chart
        .configure_mesh()
        .disable_y_mesh()
        .bold_line_style(grid_line())
        .axis_style(axis_line())
        .label_style(tick_style())
        .axis_desc_style(axis_title_style())
        .x_label_formatter(&tick)
        .x_desc(x_title)
        .draw()?;
    Ok(chart)
}

/// A row's place in pixels.
pub(super) struct Row {
    pub left: i32,
    pub right: i32,
    pub top: i32,
    pub bottom: i32,
}

impl Row {
    pub(super) fn height(&self) -> i32 {
        self.bottom - self.top
    }
}

/// The `index`-th row from the top of `count`.
pub(super) fn row(chart: &RowChart<'_, '_>, index: usize, count: usize) -> Row {
    let upper = chart.x_range().end;
    let from_bottom = count.saturating_sub(index + 1) as f64;
    let (left, bottom) = chart.backend_coord(&(0.0, from_bottom));
    let (right, top) = chart.backend_coord(&(upper, from_bottom + 1.0));
    Row {
        left,
        right,
        top,
        bottom,
    }
}

/// The pixel column of `value` dollars, kept on the axis.
pub(super) fn x_of(chart: &RowChart<'_, '_>, value: f64) -> i32 {
    let upper = chart.x_range().end;
    chart.backend_coord(&(value.clamp(0.0, upper), 0.0)).0
}

/// The plan's marker and name at the top left of its row and `figures` at the top right; the
/// name gives way to the figures when the row is too narrow for both.
pub(super) fn name_line(
    root: &Canvas<'_>,
    row: &Row,
    style: PlanStyle,
    name: &str,
    figures: &str,
) -> Drawn {
    let y = row.top + NAME_LINE / 2;
    marker(root, style, (row.left + 10, y), 4)?;
    let figures_width = text_width(figures, SMALL_PX);
    let room = f64::from(row.right - row.left) - 20.0 - figures_width - 16.0 - 6.0;
    let name_style = text(BODY_PX, INK, anchor(HPos::Left, VPos::Center));
    root.draw(&Text::new(
        fit(name, BODY_PX, room),
        (row.left + 20, y),
        name_style,
    ))?;
    let figures_style = text(SMALL_PX, MUTED, anchor(HPos::Right, VPos::Center));
    root.draw(&Text::new(
        figures.to_string(),
        (row.right - 6, y),
        figures_style,
    ))
}
