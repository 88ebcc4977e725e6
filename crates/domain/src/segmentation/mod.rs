//! Segmentation: which customers belong together (DOMAIN.md §2). For now the book is split into
//! ARR tiers; rule sets replace this input later without changing the capacity planner, which
//! only sees [`SegmentBook`] rows.

mod tiers;

pub use tiers::{ArrTier, TierBounds, TierError, segment_by_tier};

use crate::money::Cents;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One segment of the customer book as the planners need it: how many customers and how much
/// ARR (exact to the cent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SegmentBook {
    pub segment: String,
    #[ts(type = "number")]
    pub accounts: u64,
    pub total_arr: Cents,
}
