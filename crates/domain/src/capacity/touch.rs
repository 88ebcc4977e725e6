//! Touch models (DOMAIN.md §1.1 step 3 and §2.4): "<50 Customers per CSM = High Touch",
//! "50-200 Customers per CSM = Low Touch", "200+ Customers per CSM = Automated".
//! The source overlaps at exactly 200; CS Plan's convention (DESIGN.md "Decisions", W3) puts 200
//! in Automated: high-touch below 50, low-touch from 50 up to but not including 200.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum TouchModel {
    HighTouch,
    LowTouch,
    Automated,
}

impl TouchModel {
    /// The label W3 and the exports use.
    pub fn label(self) -> &'static str {
        match self {
            TouchModel::HighTouch => "high-touch",
            TouchModel::LowTouch => "low-touch",
            TouchModel::Automated => "automated",
        }
    }
}

/// Editable band edges, in customers per CSM.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct TouchBands {
    /// Below this many customers per CSM is high-touch (default 50).
    pub high_touch_below: f64,
    /// From this many customers per CSM on is automated (default 200).
    pub automated_from: f64,
}

impl Default for TouchBands {
    fn default() -> Self {
        TouchBands {
            high_touch_below: 50.0,
            automated_from: 200.0,
        }
    }
}

impl TouchBands {
    /// `None` customers per CSM means no CSM is needed at all, which is the definition of
    /// automated: "There are no CSMs assigned to customers" (DOMAIN.md §2.4).
    pub fn classify(&self, customers_per_csm: Option<f64>) -> TouchModel {
        match customers_per_csm {
            Some(c) if c < self.high_touch_below => TouchModel::HighTouch,
            Some(c) if c < self.automated_from => TouchModel::LowTouch,
            _ => TouchModel::Automated,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// DOMAIN.md §1.1 step 3 with the W3 boundary convention: 49.99 / 50 / 199.99 / 200.
    #[test]
    fn band_boundaries() {
        let bands = TouchBands::default();
        assert_eq!(bands.classify(Some(49.99)), TouchModel::HighTouch);
        assert_eq!(bands.classify(Some(50.0)), TouchModel::LowTouch);
        assert_eq!(bands.classify(Some(199.99)), TouchModel::LowTouch);
        assert_eq!(bands.classify(Some(200.0)), TouchModel::Automated);
        assert_eq!(bands.classify(None), TouchModel::Automated);
    }

    #[test]
    fn bands_are_editable() {
        let bands = TouchBands {
            high_touch_below: 20.0,
            automated_from: 100.0,
        };
        assert_eq!(bands.classify(Some(20.0)), TouchModel::LowTouch);
        assert_eq!(bands.classify(Some(100.0)), TouchModel::Automated);
    }
}
