//! The input check the per-quarter charts share (required vs available CSMs, CS cost as % of
//! ARR): a quarter is drawable when its P10 is not above its P90 and every value, the band's
//! included, is a finite number of 0 or more. Each chart words the problem for its own reader;
//! the first quarter with one gets the chart's fallback instead of a misleading drawing.

use crate::document::fallback;
use crate::frame::{Canvas, Drawn, render};

/// The chart `draw` makes of `quarters`, or the fallback naming the first quarter's `problem`.
pub(super) fn drawn_if_drawable<Q>(
    title: &str,
    quarters: &[Q],
    problem: fn(&Q) -> Option<String>,
    draw: fn(&Canvas<'_>, &[Q]) -> Drawn,
) -> String {
    match quarters.iter().find_map(problem) {
        Some(problem) => fallback(title, &problem),
        None => render(title, |root| draw(root, quarters)),
    }
}

/// Why one quarter cannot be drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Undrawable {
    /// The band's P10 (first) is above its P90 (second).
    UpsideDown(f64, f64),
    /// The named value is not a finite number of 0 or more.
    Value(&'static str, f64),
}

/// The first problem with a quarter's `values` (each with its name) and its optional P10-P90
/// band, the band's order first: an upside-down band is the clearer message when it also holds
/// a bad value.
pub(super) fn undrawable(
    values: &[(&'static str, f64)],
    band: Option<(f64, f64)>,
) -> Option<Undrawable> {
    if let Some((p10, p90)) = band
        && p10 > p90
    {
        return Some(Undrawable::UpsideDown(p10, p90));
    }
    let band = band.map(|(p10, p90)| [("P10", p10), ("P90", p90)]);
    values
        .iter()
        .chain(band.iter().flatten())
        .find(|(_, value)| !(value.is_finite() && *value >= 0.0))
        .map(|&(field, value)| Undrawable::Value(field, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_band_order_is_checked_before_the_values() {
        let values = [("required", 1.0), ("effective", 0.0)];
        assert_eq!(undrawable(&values, None), None);
        assert_eq!(undrawable(&values, Some((2.0, 2.0))), None);
        assert_eq!(
            undrawable(&[("required", f64::NAN)], Some((3.0, 2.0))),
            Some(Undrawable::UpsideDown(3.0, 2.0))
        );
        assert_eq!(
            undrawable(&[("required", 1.0), ("effective", -0.5)], None),
            Some(Undrawable::Value("effective", -0.5))
        );
        assert_eq!(
            undrawable(&values, Some((1.0, f64::INFINITY))),
            Some(Undrawable::Value("P90", f64::INFINITY))
        );
    }
}
