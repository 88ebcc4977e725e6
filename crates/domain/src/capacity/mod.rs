//! The capacity planner: how many CSMs does each segment need, top-down from ARR and bottom-up
//! from the activities the desired customer experience takes (DOMAIN.md §1.1, §2.4, §8.1).

mod catalog;
mod compare;
mod explain;
mod params;
mod plan;
mod rounding;
mod scenario;
mod touch;

pub use catalog::{Activity, SegmentCatalog, default_catalogs};
pub use compare::{ComparisonRow, SideDelta, compare};
pub use explain::Verdict;
pub use params::{CapacityParams, ParamError, WorkingTime};
pub use plan::{CapacityPlan, PlanSide, SegmentPlan, TotalPlan, plan};
pub use rounding::Rounding;
pub use scenario::{PlanError, ScenarioInputs, run};
pub use touch::{TouchBands, TouchModel};
