//! Everything a saved capacity scenario holds, and the one call that turns a book into a plan.
//! The app runs this on every keystroke, so it stays a single pass over the accounts.

use super::params::{CapacityParams, ParamError};
use super::plan::{CapacityPlan, plan};
use crate::money::Cents;
use crate::segmentation::{TierBounds, TierError, segment_by_tier};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ScenarioInputs {
    pub tiers: TierBounds,
    pub params: CapacityParams,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlanError {
    #[error(transparent)]
    Tiers(#[from] TierError),
    #[error(transparent)]
    Params(#[from] ParamError),
}

/// Segments the book (each account's ARR) by the scenario's tiers and plans every segment.
pub fn run(book: &[Cents], inputs: &ScenarioInputs) -> Result<CapacityPlan, PlanError> {
    let segments = segment_by_tier(book, &inputs.tiers)?;
    Ok(plan(&segments, &inputs.params)?)
}
