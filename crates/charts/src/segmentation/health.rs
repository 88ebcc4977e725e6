//! "Health per segment": the share of each segment's accounts that is red, yellow and green
//! (DOMAIN.md §6.2: green = good, yellow = average, red = poor) as 100% stacked bars, red at
//! the bottom so the segments at risk stand out, with the account count above each bar.

use super::bars::{Swatch, legend};
use crate::frame::{
    BODY_PX, Canvas, Drawn, PLOT_WIDTH, SMALL_PX, anchor, body, builder, empty, header, slot_mesh,
    text,
};
use crate::measure::{fit, text_width};
use crate::numbers::{compact, grouped};
use crate::palette::{INK, rgb};
use crate::ticked::Ticked;
use csplan_domain::metrics::HealthBands;
use csplan_domain::segmentation::SegmentHealth;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

const TITLE: &str = "Health per segment";
const X_TITLE: &str = "Segment";
const Y_TITLE: &str = "Accounts (%)";
const EMPTY: &str = "No accounts yet: import accounts on the Data page to see their health.";
/// Okabe-Ito vermillion, yellow and bluish green: red/yellow/green that colour-blind readers
/// still tell apart.
const RED: &str = "#D55E00";
const YELLOW: &str = "#F0E442";
const GREEN: &str = "#009E73";
const BAR_WIDTH: f64 = 0.6;

/// One 100% bar per segment; `bands` names the cut-offs in the legend.
pub fn health_per_segment(segments: &[SegmentHealth], bands: &HealthBands) -> String {
    crate::frame::render(TITLE, |root| draw(root, segments, bands))
}

fn draw(root: &Canvas<'_>, segments: &[SegmentHealth], bands: &HealthBands) -> Drawn {
    let total: u64 = segments.iter().map(SegmentHealth::accounts).sum();
    let at_risk: u64 = segments.iter().map(|s| s.red).sum();
    let summary = (total > 0).then(|| {
        format!(
            "{} of {} accounts red ({}%)",
            grouped(at_risk as f64, 0),
            grouped(total as f64, 0),
            grouped(at_risk as f64 * 100.0 / total as f64, 1)
        )
    });
    header(root, TITLE, summary.as_deref())?;
    let red_label = format!("Red: health below {}", compact(bands.yellow_from));
    let yellow_label = format!(
        "Yellow: {} to below {}",
        compact(bands.yellow_from),
        compact(bands.green_from)
    );
    let green_label = format!("Green: {} and above", compact(bands.green_from));
    legend(
        root,
        &[
            (Swatch::Solid(rgb(RED)), &red_label),
            (Swatch::Solid(rgb(YELLOW)), &yellow_label),
            (Swatch::Solid(rgb(GREEN)), &green_label),
        ],
    )?;
    let body = body(root);
    if total == 0 {
        return empty(&body, X_TITLE, Y_TITLE, EMPTY);
    }
    let count = segments.len();
    let group_px = PLOT_WIDTH / count as f64;
    let names: Vec<String> = segments
        .iter()
        .map(|s| fit(&s.segment, BODY_PX, group_px - 6.0))
        .collect();
    let centres: Vec<f64> = (0..count).map(|i| i as f64 + 0.5).collect();
    // Room above 100% for the account counts.
    let ticks: Vec<f64> = (0..=5).map(|i| f64::from(i) * 20.0).collect();
    let mut chart = builder(&body).build_cartesian_2d(
        Ticked::new(0.0..count as f64, centres),
        Ticked::new(0.0..110.0, ticks),
    )?;
    let tick = |y: &f64| grouped(*y, 0);
    slot_mesh(&mut chart, &names, &tick, (X_TITLE, Y_TITLE))?;

    let bar_px = BAR_WIDTH * group_px;
    for (i, segment) in segments.iter().enumerate() {
        let left = i as f64 + 0.5 - BAR_WIDTH / 2.0;
        let right = left + BAR_WIDTH;
        let accounts = segment.accounts();
        let count_label = format!("n = {}", grouped(accounts as f64, 0));
        let (x, top) = chart.backend_coord(&(left + BAR_WIDTH / 2.0, 100.0));
        let px = (bar_px / text_width(&count_label, 1.0)).clamp(7.0, SMALL_PX);
        root.draw(&Text::new(
            count_label,
            (x, top - 3),
            text(px, INK, anchor(HPos::Center, VPos::Bottom)),
        ))?;
        if accounts == 0 {
            continue;
        }
        let mut base = 0.0;
        for (n, hex, ink) in [
            (segment.red, RED, rgb("#FFFFFF")),
            (segment.yellow, YELLOW, INK),
            (segment.green, GREEN, rgb("#FFFFFF")),
        ] {
            let height = n as f64 * 100.0 / accounts as f64;
            if n == 0 {
                continue;
            }
            chart.draw_series(std::iter::once(Rectangle::new(
                [(left, base), (right, base + height)],
                rgb(hex).filled(),
            )))?;
            let label = format!("{}%", grouped(height, 0));
            let (cx, cy) = chart.backend_coord(&(left + BAR_WIDTH / 2.0, base + height / 2.0));
            let (_, y_top) = chart.backend_coord(&(left, base + height));
            let (_, y_bottom) = chart.backend_coord(&(left, base));
            // Only where the band is tall and wide enough to hold the figure.
            if f64::from(y_bottom - y_top) >= SMALL_PX + 3.0
                && text_width(&label, SMALL_PX) <= bar_px - 4.0
            {
                root.draw(&Text::new(
                    label,
                    (cx, cy),
                    text(SMALL_PX, ink, anchor(HPos::Center, VPos::Center)),
                ))?;
            }
            base += height;
        }
    }
    Ok(())
}
