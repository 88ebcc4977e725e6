//! The bottom-up activity catalogue (DOMAIN.md §1.1 step 2, §1.6): "List the activities that you
//! want your CSM to do for any given customer in a month and add them up."

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One kind of CSM activity for a customer of a segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Activity {
    pub name: String,
    /// How many times a month one customer gets it (a QBR every 3 months is 1/3).
    pub per_customer_per_month: f64,
    /// How long one takes a CSM, in minutes (for the hours view only; the source's model counts
    /// activities, not time).
    pub minutes: f64,
}

/// The activities a segment's customers should get.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SegmentCatalog {
    pub segment: String,
    pub activities: Vec<Activity>,
}

impl SegmentCatalog {
    /// "Number of Monthly Activities per Customer": the sum of the frequencies.
    pub fn activities_per_customer_per_month(&self) -> f64 {
        self.activities
            .iter()
            .map(|a| a.per_customer_per_month)
            .sum()
    }

    /// CSM minutes one customer takes a month at the catalogue's durations.
    pub fn minutes_per_customer_per_month(&self) -> f64 {
        self.activities
            .iter()
            .map(|a| a.per_customer_per_month * a.minutes)
            .sum()
    }
}

fn activity(name: &str, per_customer_per_month: f64, minutes: f64) -> Activity {
    Activity {
        name: name.to_string(),
        per_customer_per_month,
        minutes,
    }
}

/// A starting catalogue per ARR tier, built from the cadences the sources name (DOMAIN.md §1.6,
/// §1.7: bi-weekly calls, monthly status meetings, a QBR "every 3 months", weekly onboarding
/// calls). The combination and the durations are CS Plan's example, to be edited.
pub fn default_catalogs() -> Vec<SegmentCatalog> {
    let third = 1.0 / 3.0;
    vec![
        SegmentCatalog {
            segment: "Enterprise".into(),
            activities: vec![
                activity("Bi-weekly check-in call", 2.0, 30.0),
                activity("Monthly status meeting", 1.0, 45.0),
                activity("Quarterly business review (QBR)", third, 120.0),
                activity("QBR follow-up email", third, 15.0),
                activity("Executive sponsor touchpoint", third, 30.0),
                activity("Adoption or training session", 1.0, 45.0),
                activity("Health review", 1.0, 15.0),
                activity("Email and chat follow-ups", 20.0, 8.0),
            ],
        },
        SegmentCatalog {
            segment: "Mid-Market".into(),
            activities: vec![
                activity("Monthly check-in call", 1.0, 30.0),
                activity("Quarterly business review (QBR)", third, 60.0),
                activity("Health review", 0.5, 15.0),
                activity("Email and chat follow-ups", 6.0, 8.0),
            ],
        },
        SegmentCatalog {
            segment: "SMB".into(),
            activities: vec![
                activity("Monthly check-in call", 1.0, 20.0),
                activity("Health review email", 1.0, 5.0),
                activity("Email and chat follow-ups", 1.5, 8.0),
                activity("Webinar follow-up (one-to-many)", 0.25, 10.0),
            ],
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_frequencies_and_minutes() {
        let catalog = SegmentCatalog {
            segment: "Enterprise".into(),
            activities: vec![
                activity("QBR", 0.5, 120.0),
                activity("Check-in call", 4.0, 30.0),
                activity("Health review email", 7.5, 4.0),
            ],
        };
        assert_eq!(catalog.activities_per_customer_per_month(), 12.0);
        assert_eq!(
            catalog.minutes_per_customer_per_month(),
            60.0 + 120.0 + 30.0
        );
    }

    /// The defaults land one segment in each touch model at 600 activities a month:
    /// Enterprise 600 / 26 = 23.1 customers per CSM (high-touch), Mid-Market 600 / 7.83 = 76.6
    /// (low-touch), SMB 600 / 3.75 = 160 (low-touch, the model a team usually wants for SMB and
    /// often cannot afford).
    #[test]
    fn default_catalogues_cover_every_tier() {
        let catalogs = default_catalogs();
        let names: Vec<&str> = catalogs.iter().map(|c| c.segment.as_str()).collect();
        assert_eq!(names, ["Enterprise", "Mid-Market", "SMB"]);
        let sums: Vec<f64> = catalogs
            .iter()
            .map(|c| (c.activities_per_customer_per_month() * 1e9).round() / 1e9)
            .collect();
        assert_eq!(sums, [26.0, 7.833333333, 3.75]);
    }
}
