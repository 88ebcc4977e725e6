//! The axes both per-segment bar charts draw on ("CSMs needed per segment" and "ARR and accounts
//! per segment"): one slot per segment, named under it, and a linear value axis, in the shared
//! frame's grid, ticks and axis titles.

use crate::frame::{BODY_PX, Canvas, PLOT_WIDTH, SlotChart, builder, slot_mesh};
use crate::measure::fit;
use crate::numbers::grouped;
use crate::scale::LinearAxis;
use crate::ticked::Ticked;
use plotters::prelude::*;

/// A chart with one slot per name (slot `i` spans `i..i + 1`, centred on `i + 0.5`); each name is
/// shortened to fit its slot.
pub(crate) fn segment_axes<'a, 'b>(
    body: &'a Canvas<'b>,
    names: &[&str],
    axis: &LinearAxis,
    titles: (&str, &str),
) -> Result<SlotChart<'a, 'b>, DrawingAreaErrorKind<std::io::Error>> {
    let count = names.len();
    let group_px = PLOT_WIDTH / count as f64;
    let names: Vec<String> = names
        .iter()
        .map(|name| fit(name, BODY_PX, group_px - 6.0))
        .collect();
    let centres: Vec<f64> = (0..count).map(|i| i as f64 + 0.5).collect();
    let mut chart = builder(body).build_cartesian_2d(
        Ticked::new(0.0..count as f64, centres),
        Ticked::new(0.0..axis.upper, axis.ticks.clone()),
    )?;
    let tick = |y: &f64| grouped(*y, axis.decimals);
    slot_mesh(&mut chart, &names, &tick, (titles.0, titles.1))?;
    Ok(chart)
}
