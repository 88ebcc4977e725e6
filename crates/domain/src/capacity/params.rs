//! The planner's inputs, each with the default the sources give (DOMAIN.md §8.1).

use super::catalog::{SegmentCatalog, default_catalogs};
use super::rounding::Rounding;
use super::touch::TouchBands;
use crate::money::Cents;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How a CSM's month is spent, for the hours view: "600 activities a month breaks down to 30
/// activities a day or about 1 activity every 15 minutes" (DOMAIN.md §1.1 footnote **). 20 days
/// and 7.5 hours are DERIVED from those figures, not stated by the sources.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct WorkingTime {
    pub days_per_month: f64,
    pub hours_per_day: f64,
}

impl Default for WorkingTime {
    fn default() -> Self {
        WorkingTime {
            days_per_month: 20.0,
            hours_per_day: 7.5,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CapacityParams {
    /// Top-down divisor: ARR one CSM can carry (default $1.5M; industry range $1-2M).
    pub arr_per_csm: Cents,
    /// Bottom-up capacity: activities one CSM does a month (default 600).
    pub csm_activities_per_month: f64,
    pub working_time: WorkingTime,
    pub touch_bands: TouchBands,
    pub rounding: Rounding,
    /// One catalogue per segment, matched by segment name.
    pub catalogs: Vec<SegmentCatalog>,
}

impl Default for CapacityParams {
    fn default() -> Self {
        CapacityParams {
            arr_per_csm: Cents::from_dollars(1_500_000),
            csm_activities_per_month: 600.0,
            working_time: WorkingTime::default(),
            touch_bands: TouchBands::default(),
            rounding: Rounding::Ceiling,
            catalogs: default_catalogs(),
        }
    }
}

/// An input the planner cannot work with, naming the field a person has to change.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParamError {
    #[error("ARR per CSM must be more than $0 (it is {0}).")]
    ArrPerCsm(String),
    #[error("Activities per CSM per month must be more than 0 (it is {0}).")]
    CsmActivities(f64),
    #[error("Working days per month and hours per day must be more than 0.")]
    WorkingTime,
    #[error(
        "The high-touch band must end above 0 and below where automated starts (high-touch below {high}, automated from {automated})."
    )]
    TouchBands { high: f64, automated: f64 },
    #[error(
        "Activity \"{activity}\" of segment {segment}: {field} must be a number of 0 or more (it is {value})."
    )]
    Activity {
        segment: String,
        activity: String,
        field: &'static str,
        value: f64,
    },
    #[error(
        "Segment {0} has no activity catalogue. Add one so its bottom-up need can be computed."
    )]
    MissingCatalog(String),
}

fn non_negative(value: f64) -> bool {
    value.is_finite() && value >= 0.0
}

impl CapacityParams {
    pub fn validate(&self) -> Result<(), ParamError> {
        if self.arr_per_csm.0 <= 0 {
            return Err(ParamError::ArrPerCsm(self.arr_per_csm.to_exact_string()));
        }
        let capacity = self.csm_activities_per_month;
        if !(capacity.is_finite() && capacity > 0.0) {
            return Err(ParamError::CsmActivities(capacity));
        }
        let time = self.working_time;
        if !(time.days_per_month.is_finite()
            && time.days_per_month > 0.0
            && time.hours_per_day.is_finite()
            && time.hours_per_day > 0.0)
        {
            return Err(ParamError::WorkingTime);
        }
        let bands = self.touch_bands;
        if !(bands.high_touch_below.is_finite()
            && bands.automated_from.is_finite()
            && bands.high_touch_below > 0.0
            && bands.high_touch_below < bands.automated_from)
        {
            return Err(ParamError::TouchBands {
                high: bands.high_touch_below,
                automated: bands.automated_from,
            });
        }
        for catalog in &self.catalogs {
            for activity in &catalog.activities {
                let checks = [
                    (
                        "times per customer per month",
                        activity.per_customer_per_month,
                    ),
                    ("minutes", activity.minutes),
                ];
                for (field, value) in checks {
                    if !non_negative(value) {
                        return Err(ParamError::Activity {
                            segment: catalog.segment.clone(),
                            activity: activity.name.clone(),
                            field,
                            value,
                        });
                    }
                }
            }
        }
        Ok(())
    }

    pub fn catalog(&self, segment: &str) -> Option<&SegmentCatalog> {
        self.catalogs.iter().find(|c| c.segment == segment)
    }

    /// Activities a CSM does in a working day (600 / 20 = 30).
    pub fn activities_per_day(&self) -> f64 {
        self.csm_activities_per_month / self.working_time.days_per_month
    }

    /// Average minutes available per activity (7.5 h x 60 / 30 = 15).
    pub fn minutes_per_activity(&self) -> f64 {
        self.working_time.hours_per_day * 60.0 / self.activities_per_day()
    }

    /// Hours a CSM works a month (20 x 7.5 = 150).
    pub fn hours_per_month(&self) -> f64 {
        self.working_time.days_per_month * self.working_time.hours_per_day
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// DOMAIN.md §1.1 footnote **: 600 a month = 30 a day = about one every 15 minutes.
    #[test]
    fn hours_view_of_the_default_capacity() {
        let params = CapacityParams::default();
        assert_eq!(params.activities_per_day(), 30.0);
        assert_eq!(params.minutes_per_activity(), 15.0);
        assert_eq!(params.hours_per_month(), 150.0);
    }

    #[test]
    fn invalid_inputs_name_their_field() {
        let mut params = CapacityParams {
            arr_per_csm: Cents(0),
            ..CapacityParams::default()
        };
        assert_eq!(
            params.validate().unwrap_err().to_string(),
            "ARR per CSM must be more than $0 (it is $0.00)."
        );
        params.arr_per_csm = Cents::from_dollars(1_500_000);
        params.catalogs[0].activities[0].per_customer_per_month = -1.0;
        assert_eq!(
            params.validate().unwrap_err().to_string(),
            "Activity \"Bi-weekly check-in call\" of segment Enterprise: times per customer per month must be a number of 0 or more (it is -1)."
        );
        params.catalogs[0].activities[0].per_customer_per_month = 2.0;
        params.touch_bands.automated_from = 40.0;
        assert!(matches!(
            params.validate(),
            Err(ParamError::TouchBands { .. })
        ));
    }
}
