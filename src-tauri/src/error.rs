//! The one error shape that crosses IPC (DESIGN.md "Decisions": `{ code, message }` with a
//! message a person can act on).

use csplan_domain::capacity::{ParamError, PlanError};
use csplan_store::{ImportReport, StoreError};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ApiError {
    /// Stable, machine-readable: the UI picks the field to show the message next to by it.
    pub code: String,
    /// What went wrong and what to do, in words a CS leader understands.
    pub message: String,
    /// Every rejected row of an invalid import file, so the UI can show them as a table.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub import_report: Option<ImportReport>,
}

impl ApiError {
    pub fn new(code: &str, message: impl Into<String>) -> ApiError {
        ApiError {
            code: code.to_string(),
            message: message.into(),
            import_report: None,
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> ApiError {
        let import_report = match &error {
            StoreError::InvalidImport(report) => Some(report.clone()),
            _ => None,
        };
        ApiError {
            code: error.code().to_string(),
            message: error.to_string(),
            import_report,
        }
    }
}

impl From<PlanError> for ApiError {
    fn from(error: PlanError) -> ApiError {
        // One code per input, so the UI shows the message next to the field that caused it.
        let code = match &error {
            PlanError::Tiers(_) => "invalid-tier-bounds",
            PlanError::Params(ParamError::ArrPerCsm(_)) => "invalid-arr-per-csm",
            PlanError::Params(ParamError::CsmActivities(_)) => "invalid-csm-activities",
            PlanError::Params(ParamError::WorkingTime) => "invalid-working-time",
            PlanError::Params(ParamError::TouchBands { .. }) => "invalid-touch-bands",
            PlanError::Params(ParamError::Activity { .. }) => "invalid-activity",
            PlanError::Params(ParamError::MissingCatalog(_)) => "missing-catalog",
        };
        ApiError::new(code, error.to_string())
    }
}
