//! The colours every CS Plan chart uses, from the Okabe-Ito palette, which stays distinguishable
//! for the common forms of colour blindness. Top-down is always blue and bottom-up always orange,
//! so a reader who learned that on one chart can read every other chart and table at a glance.

use plotters::style::RGBColor;

/// Top-down (ARR / ARR per CSM) on every chart. Also the app's one accent colour.
pub const TOP_DOWN_COLOR: &str = "#0072B2";
/// Bottom-up (activities / CSM capacity) on every chart.
pub const BOTTOM_UP_COLOR: &str = "#E69F00";

/// The remaining Okabe-Ito colours, so a segment never takes the colour of a planning method.
const SEGMENT_COLORS: [&str; 6] = [
    "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
];

/// The colour of the segment at `index` in the plan's order; it repeats after six segments.
pub fn segment_color(index: usize) -> &'static str {
    SEGMENT_COLORS[index % SEGMENT_COLORS.len()]
}

/// Text and chrome: near-black titles, grey labels, light grid lines on white.
pub(crate) const INK: RGBColor = rgb("#1F2937");
pub(crate) const MUTED: RGBColor = rgb("#4B5563");
pub(crate) const FAINT: RGBColor = rgb("#6B7280");
pub(crate) const GRID: RGBColor = rgb("#DDE1E6");
pub(crate) const AXIS: RGBColor = rgb("#9CA3AF");
pub(crate) const BACKGROUND: RGBColor = rgb("#FFFFFF");
pub(crate) const TOP_DOWN: RGBColor = rgb(TOP_DOWN_COLOR);
pub(crate) const BOTTOM_UP: RGBColor = rgb(BOTTOM_UP_COLOR);

/// `#RRGGBB` to a plotters colour at compile time, so the public hex strings and the drawn
/// colours cannot drift apart. A malformed digit reads as 0; the tests pin every constant.
pub(crate) const fn rgb(hex: &str) -> RGBColor {
    let bytes = hex.as_bytes();
    if bytes.len() != 7 {
        return RGBColor(0, 0, 0);
    }
    RGBColor(
        byte(bytes[1], bytes[2]),
        byte(bytes[3], bytes[4]),
        byte(bytes[5], bytes[6]),
    )
}

const fn byte(high: u8, low: u8) -> u8 {
    nibble(high) * 16 + nibble(low)
}

const fn nibble(digit: u8) -> u8 {
    match digit {
        b'0'..=b'9' => digit - b'0',
        b'a'..=b'f' => digit - b'a' + 10,
        b'A'..=b'F' => digit - b'A' + 10,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_constants_become_the_drawn_colours() {
        assert_eq!(TOP_DOWN, RGBColor(0x00, 0x72, 0xB2));
        assert_eq!(BOTTOM_UP, RGBColor(0xE6, 0x9F, 0x00));
        assert_eq!(rgb("#cc79a7"), RGBColor(0xCC, 0x79, 0xA7));
    }

    #[test]
    fn segments_never_take_a_method_colour_and_repeat_after_six() {
        for index in 0..12 {
            assert_ne!(segment_color(index), TOP_DOWN_COLOR);
            assert_ne!(segment_color(index), BOTTOM_UP_COLOR);
        }
        assert_eq!(segment_color(0), "#009E73");
        assert_eq!(segment_color(6), segment_color(0));
        assert_ne!(segment_color(1), segment_color(0));
    }
}
