//! Turning exact fractional FTE into a hiring headcount. The sources never say how to round
//! (DOMAIN.md §1.1 "Rounding", §8.1), so the rule is a named, visible parameter; ceiling (hire
//! the whole person) is the default.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Rounding {
    /// Round up: 27.1 FTE means hiring 28.
    #[default]
    Ceiling,
    /// Round to the nearest whole person, halves up.
    Nearest,
    /// Round down: 27.9 FTE means 27, and the rest is stretched over the team.
    Floor,
}

/// FTE within a billionth of a whole number counts as that number, so the noise of summing
/// catalogue frequencies such as 0.1 + 0.2 never adds a hire.
const WHOLE_TOLERANCE: f64 = 1e-9;

impl Rounding {
    pub fn label(self) -> &'static str {
        match self {
            Rounding::Ceiling => "ceiling (round up)",
            Rounding::Nearest => "nearest",
            Rounding::Floor => "floor (round down)",
        }
    }

    pub fn apply(self, fte: f64) -> u64 {
        if !fte.is_finite() || fte <= 0.0 {
            return 0;
        }
        let nearest_whole = fte.round();
        if (fte - nearest_whole).abs() <= WHOLE_TOLERANCE * nearest_whole.max(1.0) {
            return nearest_whole as u64;
        }
        let rounded = match self {
            Rounding::Ceiling => fte.ceil(),
            Rounding::Nearest => nearest_whole,
            Rounding::Floor => fte.floor(),
        };
        rounded as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_roundings() {
        assert_eq!(Rounding::Ceiling.apply(27.1), 28);
        assert_eq!(Rounding::Nearest.apply(27.5), 28);
        assert_eq!(Rounding::Nearest.apply(27.4), 27);
        assert_eq!(Rounding::Floor.apply(27.9), 27);
        assert_eq!(Rounding::Ceiling.apply(0.0), 0);
        assert_eq!(Rounding::Ceiling.apply(0.01), 1);
    }

    #[test]
    fn float_noise_never_adds_a_hire() {
        let fte = (0.1 + 0.2) * 10.0; // 3.0000000000000004
        assert_eq!(Rounding::Ceiling.apply(fte), 3);
        assert_eq!(Rounding::Floor.apply(2.9999999999999996), 3);
    }
}
