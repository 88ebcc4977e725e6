//! The legend row and the empty state of the maturity charts. They sit where the capacity
//! charts put theirs (the row under the title, the middle of the body), so the charts line up
//! on a page, but their keys are level swatches and markers rather than the planning methods.

use crate::document::WIDTH;
use crate::frame::{BODY_PX, Canvas, Drawn, anchor, body, text};
use crate::measure::{text_width, wrap};
use crate::palette::{BACKGROUND, FAINT, GRID, MUTED};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The legend row's middle and the left edge shared with the title.
const LEGEND_Y: i32 = 40;
const SIDE: i32 = 16;

/// What a legend entry shows in front of its label.
pub(super) enum Key {
    /// A filled tile with a letter, as a heat-map cell; `fill: None` is an empty cell.
    Tile {
        fill: Option<RGBColor>,
        ink: RGBColor,
        letter: &'static str,
    },
    /// An area with its outline, as the radar's consensus polygon.
    Area { fill: RGBColor, line: RGBColor },
    /// The hollow ring of a question nobody answered.
    Hollow { color: RGBColor },
}

pub(super) struct Entry<'a> {
    pub key: Key,
    pub label: &'a str,
}

/// One row of entries under the title, left-aligned with it.
pub(super) fn legend(root: &Canvas<'_>, entries: &[Entry<'_>]) -> Drawn {
    let y = LEGEND_Y;
    let mut x = SIDE;
    for entry in entries {
        let key_width = match &entry.key {
            Key::Tile { fill, ink, letter } => {
                let corners = [(x, y - 8), (x + 18, y + 8)];
                match fill {
                    Some(fill) => root.draw(&Rectangle::new(corners, fill.filled()))?,
                    None => root.draw(&Rectangle::new(corners, GRID.stroke_width(1)))?,
                }
                let style = text(BODY_PX - 1.0, *ink, anchor(HPos::Center, VPos::Center));
                root.draw(&Text::new(letter.to_string(), (x + 9, y), style))?;
                18
            }
            Key::Area { fill, line } => {
                let corners = [(x, y - 6), (x + 16, y + 6)];
                root.draw(&Rectangle::new(corners, fill.filled()))?;
                root.draw(&Rectangle::new(corners, line.stroke_width(2)))?;
                16
            }
            Key::Hollow { color } => {
                hollow(root, (x + 6, y), *color)?;
                12
            }
        };
        let style = text(BODY_PX, MUTED, anchor(HPos::Left, VPos::Center));
        root.draw(&Text::new(
            entry.label.to_string(),
            (x + key_width + 6, y),
            style,
        ))?;
        x += key_width + 6 + text_width(entry.label, BODY_PX).round() as i32 + 22;
    }
    Ok(())
}

/// `message` centred under the header, wrapped to the chart's width: what a chart without data
/// shows instead, so the page says what to do next.
pub(super) fn message(root: &Canvas<'_>, message: &str) -> Drawn {
    let px = BODY_PX + 1.0;
    let lines = wrap(message, px, f64::from(WIDTH) - 2.0 * 48.0);
    let line_height = (px * 1.5).round() as i32;
    let middle = middle_of_body(root);
    let first = middle - line_height * (lines.len() as i32 - 1) / 2;
    for (i, line) in lines.into_iter().enumerate() {
        let style = text(px, FAINT, anchor(HPos::Center, VPos::Center));
        let at = (WIDTH as i32 / 2, first + line_height * i as i32);
        root.draw(&Text::new(line, at, style))?;
    }
    Ok(())
}

/// The pixel row halfway down the area under the header.
pub(super) fn middle_of_body(root: &Canvas<'_>) -> i32 {
    let area = body(root);
    let (_, height) = area.dim_in_pixel();
    area.get_base_pixel().1 + height as i32 / 2
}

/// A small hollow ring: smaller than the capacity charts' markers, so the rings of neighbouring
/// unanswered questions near the radar's centre stay apart.
pub(super) fn hollow(root: &Canvas<'_>, at: (i32, i32), color: RGBColor) -> Drawn {
    root.draw(&Circle::new(at, 4, BACKGROUND.filled()))?;
    root.draw(&Circle::new(at, 4, color.stroke_width(2)))
}
