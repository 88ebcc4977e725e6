//! The three ordinal levels of the 004 framework and the points CS Plan gives them
//! (DOMAIN.md §4.1 "Scoring": the source defines no points; 1/2/3 unweighted is our convention).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a company sits on one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Poor,
    Average,
    Excellent,
}

/// How the levels become numbers, shown next to every score so nobody mistakes it for the
/// source's own scale.
pub const SCORING_CONVENTION: &str = "Poor = 1, Average = 2, Excellent = 3, unweighted (CS Plan's convention; the source defines no points)";

impl Level {
    /// All levels, lowest first.
    pub const ALL: [Level; 3] = [Level::Poor, Level::Average, Level::Excellent];

    /// Poor = 1, Average = 2, Excellent = 3 (CS Plan's convention, DOMAIN.md §4.1).
    pub fn points(self) -> u8 {
        match self {
            Level::Poor => 1,
            Level::Average => 2,
            Level::Excellent => 3,
        }
    }

    /// The name as the source writes it.
    pub fn label(self) -> &'static str {
        match self {
            Level::Poor => "Poor",
            Level::Average => "Average",
            Level::Excellent => "Excellent",
        }
    }

    /// The key used in files and on the wire: "poor", "average", "excellent".
    pub fn key(self) -> &'static str {
        match self {
            Level::Poor => "poor",
            Level::Average => "average",
            Level::Excellent => "excellent",
        }
    }

    /// The level from its key ("poor", "average", "excellent"), exactly as written.
    pub fn from_key(key: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|level| level.key() == key)
    }

    /// The level one step up, which is what the source says to advocate for
    /// ("move to the next level", 004 L79); none above Excellent.
    pub fn next(self) -> Option<Level> {
        match self {
            Level::Poor => Some(Level::Average),
            Level::Average => Some(Level::Excellent),
            Level::Excellent => None,
        }
    }

    /// The level at or below a score on the 1–3 scale: a median of 1.5 is "not yet Average",
    /// so it reads as Poor. Scores below 1 (impossible from real answers) read as Poor.
    pub fn at_or_below(points: f64) -> Level {
        if points >= 3.0 {
            Level::Excellent
        } else if points >= 2.0 {
            Level::Average
        } else {
            Level::Poor
        }
    }
}

/// One level's statement for one question, verbatim from DOMAIN.md §4.1, with the commentary,
/// continuation and example lines the source prints under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LevelText {
    pub level: Level,
    pub text: String,
    pub commentary: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_labels_and_keys_follow_the_convention() {
        let points: Vec<u8> = Level::ALL.iter().map(|l| l.points()).collect();
        assert_eq!(points, [1, 2, 3]);
        assert_eq!(Level::Average.label(), "Average");
        for level in Level::ALL {
            assert_eq!(Level::from_key(level.key()), Some(level));
            let json = serde_json::to_string(&level).unwrap();
            assert_eq!(json, format!("\"{}\"", level.key()));
        }
        assert_eq!(Level::from_key("Poor"), None);
    }

    #[test]
    fn next_climbs_one_step_and_stops_at_excellent() {
        assert_eq!(Level::Poor.next(), Some(Level::Average));
        assert_eq!(Level::Average.next(), Some(Level::Excellent));
        assert_eq!(Level::Excellent.next(), None);
    }

    #[test]
    fn a_half_level_reads_as_the_level_below() {
        assert_eq!(Level::at_or_below(1.0), Level::Poor);
        assert_eq!(Level::at_or_below(1.5), Level::Poor);
        assert_eq!(Level::at_or_below(2.0), Level::Average);
        assert_eq!(Level::at_or_below(2.5), Level::Average);
        assert_eq!(Level::at_or_below(3.0), Level::Excellent);
    }
}
