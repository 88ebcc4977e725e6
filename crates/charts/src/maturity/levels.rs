//! The three levels of DOMAIN.md §4.1 as the charts write and colour them.

use crate::numbers::grouped;
use crate::palette::{BACKGROUND, INK, rgb};
use plotters::style::RGBColor;

/// The scale's ends on CS Plan's convention (Poor = 1, Excellent = 3).
pub(super) const LOWEST: f64 = 1.0;
pub(super) const HIGHEST: f64 = 3.0;

/// A level as a heat-map cell shows it: the word, its initial for narrow cells, a fill from a
/// light-to-dark blue sequence (readable in every common colour blindness and in grey), and
/// text dark or white to keep its contrast on that fill.
pub(super) struct Level {
    pub word: &'static str,
    pub initial: &'static str,
    pub fill: RGBColor,
    pub ink: RGBColor,
}

pub(super) const LEVELS: [Level; 3] = [
    Level {
        word: "Poor",
        initial: "P",
        fill: rgb("#D4E5F4"),
        ink: INK,
    },
    Level {
        word: "Average",
        initial: "A",
        fill: rgb("#6BAED6"),
        ink: INK,
    },
    Level {
        word: "Excellent",
        initial: "E",
        fill: rgb("#08519C"),
        ink: BACKGROUND,
    },
];

/// The level of 1, 2 or 3 points; `None` for any other number.
pub(super) fn level(points: u8) -> Option<&'static Level> {
    LEVELS.get(usize::from(points).checked_sub(1)?)
}

/// Whether a consensus or overall score lies on the 1 to 3 scale.
pub(super) fn on_scale(score: f64) -> bool {
    (LOWEST..=HIGHEST).contains(&score)
}

/// A score as the tables write it: one decimal, "2.5".
pub(super) fn score(value: f64) -> String {
    grouped(value, 1)
}

/// `color` laid over white at `share` opacity, as a solid colour: some SVG-to-PNG converters
/// ignore opacity, and a solid tint lets grid lines be drawn over it.
pub(super) fn tint(color: RGBColor, share: f64) -> RGBColor {
    let mix = |c: u8| {
        (255.0 - (255.0 - f64::from(c)) * share)
            .round()
            .clamp(0.0, 255.0) as u8
    };
    RGBColor(mix(color.0), mix(color.1), mix(color.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_name_their_level() {
        assert_eq!(level(1).map(|l| l.word), Some("Poor"));
        assert_eq!(level(2).map(|l| l.word), Some("Average"));
        assert_eq!(level(3).map(|l| l.word), Some("Excellent"));
        assert!(level(0).is_none());
        assert!(level(4).is_none());
    }

    #[test]
    fn the_scale_runs_from_one_to_three() {
        assert!(on_scale(1.0) && on_scale(2.5) && on_scale(3.0));
        assert!(!on_scale(0.9) && !on_scale(3.1) && !on_scale(f64::NAN));
        assert_eq!(score(2.0), "2.0");
        assert_eq!(score(1.5), "1.5");
    }

    #[test]
    fn a_tint_lightens_towards_white() {
        assert_eq!(tint(RGBColor(0, 114, 178), 0.0), RGBColor(255, 255, 255));
        assert_eq!(tint(RGBColor(0, 114, 178), 1.0), RGBColor(0, 114, 178));
    }
}
