//! The legend row of the compensation charts, under the title where every chart puts it. Plan
//! names are the user's own and can be long, so the row shortens the names (never the figures
//! after them) until every entry fits the chart's width.

use super::plans::{PlanStyle, marker};
use crate::document::WIDTH;
use crate::frame::{BODY_PX, Canvas, Drawn, anchor, text};
use crate::measure::{fit, text_width};
use crate::palette::{BACKGROUND, MUTED};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

const LEGEND_Y: i32 = 40;
const SIDE: i32 = 16;
const KEY_WIDTH: i32 = 16;
const KEY_GAP: i32 = 6;
const ENTRY_GAP: i32 = 20;

/// What an entry shows in front of its text.
pub(crate) enum Key {
    Plan(PlanStyle),
    /// A dot in a neutral colour, for "one CSM".
    Dot(RGBColor),
    /// An outlined box with a line through its middle, as the box plot draws the middle half.
    Box(RGBColor),
    /// A filled bar, as the range bars.
    Bar(RGBColor),
    /// A short line, solid or dashed, across the key.
    Line {
        color: RGBColor,
        width: u32,
        dashed: bool,
    },
}

pub(crate) struct Entry {
    pub key: Key,
    /// Shortened first when the row is too narrow.
    pub name: String,
    /// Written in full after the name, such as ": Spearman 0.82".
    pub detail: String,
}

impl Entry {
    pub(crate) fn new(key: Key, name: impl Into<String>) -> Entry {
        Entry {
            key,
            name: name.into(),
            detail: String::new(),
        }
    }
}

/// The widest a name may be so the whole row fits: names narrower than the limit keep their
/// width and the rest share what is left.
fn name_limit(names: &[f64], room: f64) -> f64 {
    if names.iter().sum::<f64>() <= room {
        return f64::INFINITY;
    }
    let mut sorted = names.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mut left = room;
    for (i, width) in sorted.iter().enumerate() {
        let share = left / (sorted.len() - i) as f64;
        if *width > share {
            return share.max(0.0);
        }
        left -= width;
    }
    f64::INFINITY
}

/// The widest any name of `entries` can be written in one row (infinite when all fit).
pub(crate) fn name_room(entries: &[Entry]) -> f64 {
    let fixed: f64 = entries
        .iter()
        .map(|e| f64::from(KEY_WIDTH + KEY_GAP + ENTRY_GAP) + text_width(&e.detail, BODY_PX))
        .sum();
    let room = f64::from(WIDTH) - 2.0 * f64::from(SIDE) + f64::from(ENTRY_GAP) - fixed;
    let widths: Vec<f64> = entries
        .iter()
        .map(|e| text_width(&e.name, BODY_PX))
        .collect();
    name_limit(&widths, room)
}

pub(crate) fn legend(root: &Canvas<'_>, entries: &[Entry]) -> Drawn {
    let limit = name_room(entries);
    let y = LEGEND_Y;
    let mut x = SIDE;
    for entry in entries {
        draw_key(root, &entry.key, x, y)?;
        let label = format!("{}{}", fit(&entry.name, BODY_PX, limit), entry.detail);
        let style = text(BODY_PX, MUTED, anchor(HPos::Left, VPos::Center));
        let width = text_width(&label, BODY_PX).round() as i32;
        root.draw(&Text::new(label, (x + KEY_WIDTH + KEY_GAP, y), style))?;
        x += KEY_WIDTH + KEY_GAP + width + ENTRY_GAP;
    }
    Ok(())
}

fn draw_key(root: &Canvas<'_>, key: &Key, x: i32, y: i32) -> Drawn {
    let middle = x + KEY_WIDTH / 2;
    match key {
        Key::Plan(style) => marker(root, *style, (middle, y), 5),
        Key::Dot(color) => {
            root.draw(&Circle::new((middle, y), 4, BACKGROUND.filled()))?;
            root.draw(&Circle::new((middle, y), 3, color.filled()))
        }
        Key::Box(color) => {
            root.draw(&Rectangle::new(
                [(x, y - 6), (x + KEY_WIDTH, y + 6)],
                color.stroke_width(2),
            ))?;
            root.draw(&PathElement::new(
                vec![(middle, y - 6), (middle, y + 6)],
                color.stroke_width(3),
            ))
        }
        Key::Bar(color) => root.draw(&Rectangle::new(
            [(x, y - 5), (x + KEY_WIDTH, y + 5)],
            color.filled(),
        )),
        Key::Line {
            color,
            width,
            dashed,
        } => {
            let style = color.stroke_width(*width);
            if *dashed {
                root.draw(&PathElement::new(vec![(x, y), (x + 6, y)], style))?;
                root.draw(&PathElement::new(
                    vec![(x + 10, y), (x + KEY_WIDTH, y)],
                    style,
                ))
            } else {
                root.draw(&PathElement::new(vec![(x, y), (x + KEY_WIDTH, y)], style))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_share_the_room_short_ones_keep_theirs() {
        assert_eq!(name_limit(&[50.0, 60.0], 200.0), f64::INFINITY);
        // 50 stays; the two long names split the remaining 150.
        assert_eq!(name_limit(&[50.0, 300.0, 400.0], 200.0), 75.0);
        assert_eq!(name_limit(&[300.0, 300.0], 100.0), 50.0);
    }
}
