//! "ARR and accounts per segment": each segment's share of the book's ARR beside its share of
//! the accounts, on one percentage axis, so concentration shows at a glance (a segment with 2%
//! of the accounts and 26% of the ARR is where high-touch pays; DOMAIN.md §2.7).

use super::bars::{Swatch, colour, legend, light, value_label, value_labels};
use crate::compensation::money::money;
use crate::frame::{Canvas, Drawn, PLOT_WIDTH, body, empty, header};
use crate::numbers::grouped;
use crate::palette::rgb;
use crate::scale;
use crate::segment_axes::segment_axes;
use csplan_domain::segmentation::SegmentSummary;
use plotters::prelude::*;

const TITLE: &str = "ARR and accounts per segment";
const X_TITLE: &str = "Segment";
const Y_TITLE: &str = "Share of the book (%)";
const EMPTY: &str = "No accounts yet: import accounts on the Data page to see the segments.";
const BAR_WIDTH: f64 = 0.34;
const BAR_GAP: f64 = 0.02;

/// Two bars per segment in the segment's colour: solid for its share of ARR (labelled with the
/// ARR, "$4.6M"), light and outlined for its share of accounts (labelled with the count).
pub fn arr_and_accounts(segments: &[SegmentSummary]) -> String {
    crate::frame::render(TITLE, |root| draw(root, segments))
}

fn share(value: f64) -> f64 {
    if value.is_finite() {
        (value * 100.0).max(0.0)
    } else {
        0.0
    }
}

fn draw(root: &Canvas<'_>, segments: &[SegmentSummary]) -> Drawn {
    let accounts: u64 = segments.iter().map(|s| s.accounts).sum();
    let arr: i64 = segments.iter().map(|s| s.total_arr.0).sum();
    let summary = (accounts > 0).then(|| {
        format!(
            "Total {} ARR, {} accounts",
            money(arr as f64 / 100.0),
            grouped(accounts as f64, 0)
        )
    });
    header(root, TITLE, summary.as_deref())?;
    let neutral = rgb("#6B7280");
    legend(
        root,
        &[
            (Swatch::Solid(neutral), "Share of ARR (label: ARR)"),
            (
                Swatch::Outlined {
                    fill: light(neutral),
                    line: neutral,
                },
                "Share of accounts (label: accounts)",
            ),
        ],
    )?;
    let body = body(root);
    if accounts == 0 {
        return empty(&body, X_TITLE, Y_TITLE, EMPTY);
    }

    let count = segments.len();
    let group_px = PLOT_WIDTH / count as f64;
    let texts: Vec<String> = segments
        .iter()
        .flat_map(|s| {
            [
                money(s.total_arr.0 as f64 / 100.0),
                grouped(s.accounts as f64, 0),
            ]
        })
        .collect();
    let labels = value_labels(&texts, BAR_WIDTH * group_px);
    let tallest = segments
        .iter()
        .flat_map(|s| [share(s.share_of_arr), share(s.share_of_accounts)])
        .fold(0.0, f64::max);
    let headroom = if labels.upright { 0.12 } else { 0.3 };
    // A share never passes 100%: near the top the axis stops at 100 with room for the labels,
    // instead of a round 150 no bar can reach.
    let axis = if tallest > 60.0 {
        scale::LinearAxis {
            upper: 100.0 * (1.0 + headroom),
            ticks: (0..=5).map(|i| f64::from(i) * 20.0).collect(),
            decimals: 0,
        }
    } else {
        scale::linear(tallest, headroom)
    };
    let names: Vec<&str> = segments.iter().map(|s| s.segment.as_str()).collect();
    let mut chart = segment_axes(&body, &names, &axis, (X_TITLE, Y_TITLE))?;

    for (i, (segment, pair)) in segments.iter().zip(texts.chunks(2)).enumerate() {
        let centre = i as f64 + 0.5;
        let fill = colour(&segment.colour);
        let arr_left = centre - BAR_GAP - BAR_WIDTH;
        let accounts_left = centre + BAR_GAP;
        let arr_share = share(segment.share_of_arr);
        let accounts_share = share(segment.share_of_accounts);
        chart.draw_series(std::iter::once(Rectangle::new(
            [(arr_left, 0.0), (arr_left + BAR_WIDTH, arr_share)],
            fill.filled(),
        )))?;
        let corners = [
            (accounts_left, 0.0),
            (accounts_left + BAR_WIDTH, accounts_share),
        ];
        chart.draw_series(std::iter::once(Rectangle::new(
            corners,
            light(fill).filled(),
        )))?;
        chart.draw_series(std::iter::once(Rectangle::new(
            corners,
            fill.stroke_width(1),
        )))?;
        for (left, height, value) in [
            (arr_left, arr_share, &pair[0]),
            (accounts_left, accounts_share, &pair[1]),
        ] {
            let at = chart.backend_coord(&(left + BAR_WIDTH / 2.0, height));
            value_label(root, value, at, &labels)?;
        }
    }
    Ok(())
}
