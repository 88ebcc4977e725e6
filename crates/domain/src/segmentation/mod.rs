//! Segmentation: which customers belong together (DOMAIN.md §2). ARR tiers are the simple split;
//! rule sets (ordered rules over any account field, first match wins, a catch-all last) are the
//! general one. The capacity planner sees either only as [`SegmentBook`] rows.

mod account;
mod change;
mod columns;
mod condition;
mod date;
mod health;
mod moves;
mod rules;
mod rules_file;
mod summary;
mod tiers;
mod total;

pub use account::{Account, ICP_FITS, LIFECYCLE_STAGES, PLANS, REGIONS};
pub use change::{RuleChange, params_for, plan_rule_set, rule_change, rule_change_columns};
pub use columns::{BookColumns, assign_columns, summarize_columns};
pub use condition::{
    Bounds, Condition, CustomCondition, NumericField, OneOf, Range, RenewalWithin, TextCondition,
    TextField, TextMatch,
};
pub use date::{DateError, IsoDate};
pub use health::{SegmentHealth, health_assigned, health_by_segment};
pub use moves::{MoveCell, Moves, moves, moves_assigned};
pub use rules::{CatchAll, RuleError, RuleSet, SegmentRule, assign};
pub use rules_file::{rules_from_json, rules_from_toml, rules_to_json, rules_to_toml};
pub use summary::{
    RENEWAL_WINDOW_DAYS, SegmentSummary, segment_books, summarize, summarize_assigned,
};
pub use tiers::{ArrTier, TierBounds, TierError, segment_by_tier};
pub use total::{BookTotal, TouchModelTotal, book_total};

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
