//! A rule change before it is saved: which accounts move where (moves) and what it does to
//! headcount (the capacity plan of each rule set, side by side; DOMAIN.md §2.7 "Run the
//! capacity exercise per segment").

use super::account::Account;
use super::moves::{Moves, moves};
use super::rules::RuleSet;
use super::summary::segment_books;
use crate::capacity::{CapacityParams, CapacityPlan, ComparisonRow, ParamError, compare, plan};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The planner's inputs for a rule set: its own segment catalogues, and for segments without
/// one the catalogue of the same name in `base` (so ARR-tier catalogues still apply).
pub fn params_for(rules: &RuleSet, base: &CapacityParams) -> CapacityParams {
    let own = rules.catalogs();
    let mut params = base.clone();
    params
        .catalogs
        .retain(|c| !own.iter().any(|o| o.segment == c.segment));
    params.catalogs.extend(own);
    params
}

/// The capacity plan over a rule set's segments.
pub fn plan_rule_set(
    rules: &RuleSet,
    accounts: &[Account],
    base: &CapacityParams,
) -> Result<CapacityPlan, ParamError> {
    plan(&segment_books(rules, accounts), &params_for(rules, base))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RuleChange {
    pub moves: Moves,
    /// Per segment and in total, old rule set (A) against new (B).
    pub headcount: Vec<ComparisonRow>,
}

pub fn rule_change(
    old: &RuleSet,
    new: &RuleSet,
    accounts: &[Account],
    base: &CapacityParams,
) -> Result<RuleChange, ParamError> {
    let before = plan_rule_set(old, accounts, base)?;
    let after = plan_rule_set(new, accounts, base)?;
    Ok(RuleChange {
        moves: moves(old, new, accounts),
        headcount: compare(&before, &after),
    })
}
