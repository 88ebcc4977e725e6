//! A rule change before it is saved: which accounts move where (moves) and what it does to
//! headcount (the capacity plan of each rule set, side by side; DOMAIN.md §2.7 "Run the
//! capacity exercise per segment").

use super::account::Account;
use super::columns::{BookColumns, assign_columns, summarize_columns};
use super::moves::{Moves, moves_assigned};
use super::rules::{RuleSet, assign};
use super::summary::{books_of, segment_books, summarize_assigned};
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

/// Each rule set segments the book once; the moves and both plans share that assignment.
pub fn rule_change(
    old: &RuleSet,
    new: &RuleSet,
    accounts: &[Account],
    base: &CapacityParams,
) -> Result<RuleChange, ParamError> {
    let before = assign(old, accounts);
    let after = assign(new, accounts);
    let plan_of = |rules: &RuleSet, assigned: &[usize]| {
        plan(
            &books_of(summarize_assigned(rules, accounts, assigned)),
            &params_for(rules, base),
        )
    };
    let plan_before = plan_of(old, &before)?;
    let plan_after = plan_of(new, &after)?;
    Ok(RuleChange {
        moves: moves_assigned(old, new, accounts.iter().map(|a| a.arr.0), &before, &after),
        headcount: compare(&plan_before, &plan_after),
    })
}

/// `rule_change` over the book's columns (the app's path on every edit): the same moves and
/// headcount, without reading the accounts again except for free-text and custom conditions.
pub fn rule_change_columns(
    old: &RuleSet,
    new: &RuleSet,
    accounts: &[Account],
    columns: &BookColumns,
    base: &CapacityParams,
) -> Result<RuleChange, ParamError> {
    let before = assign_columns(old, accounts, columns);
    let after = assign_columns(new, accounts, columns);
    let plan_of = |rules: &RuleSet, assigned: &[usize]| {
        plan(
            &books_of(summarize_columns(rules, columns, assigned)),
            &params_for(rules, base),
        )
    };
    let plan_before = plan_of(old, &before)?;
    let plan_after = plan_of(new, &after)?;
    Ok(RuleChange {
        moves: moves_assigned(
            old,
            new,
            columns.arr_cents().iter().copied(),
            &before,
            &after,
        ),
        headcount: compare(&plan_before, &plan_after),
    })
}
