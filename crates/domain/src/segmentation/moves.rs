//! What changing a rule set does before it is saved: which accounts move from which segment to
//! which, with their ARR.

use super::account::Account;
use super::rules::{RuleSet, assign};
use crate::money::Cents;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MoveCell {
    #[ts(type = "number")]
    pub accounts: u64,
    pub arr: Cents,
}

/// `cells[from][to]`: accounts in segment `from` of the old rule set (an index into its
/// `segment_names`) that land in segment `to` of the new one. The two lists may differ in length
/// and order, so "staying" is judged by name, not by position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Moves {
    pub from: Vec<String>,
    pub to: Vec<String>,
    pub cells: Vec<Vec<MoveCell>>,
    /// Accounts whose segment name changes (staying in a segment of the same name, ignoring
    /// case, is not a move).
    #[ts(type = "number")]
    pub moved_accounts: u64,
    pub moved_arr: Cents,
}

pub fn moves(old: &RuleSet, new: &RuleSet, accounts: &[Account]) -> Moves {
    moves_assigned(
        old,
        new,
        accounts.iter().map(|a| a.arr.0),
        &assign(old, accounts),
        &assign(new, accounts),
    )
}

/// `moves` from assignments already made (`assign` of each rule set over the same accounts)
/// and each account's ARR in cents, so a caller that also plans both rule sets segments the
/// book once per rule set.
pub fn moves_assigned(
    old: &RuleSet,
    new: &RuleSet,
    arr_cents: impl IntoIterator<Item = i64>,
    before: &[usize],
    after: &[usize],
) -> Moves {
    let from: Vec<String> = old.segment_names().iter().map(|s| s.to_string()).collect();
    let to: Vec<String> = new.segment_names().iter().map(|s| s.to_string()).collect();
    // Whether a name stays, decided once per pair of segments rather than once per account.
    let stays: Vec<Vec<bool>> = from
        .iter()
        .map(|f| {
            to.iter()
                .map(|t| f.to_lowercase() == t.to_lowercase())
                .collect()
        })
        .collect();
    let mut cells = vec![vec![MoveCell::default(); to.len()]; from.len()];
    let mut moved_accounts = 0;
    let mut moved_arr = 0;
    for ((arr, &f), &t) in arr_cents.into_iter().zip(before).zip(after) {
        let cell = &mut cells[f][t];
        cell.accounts += 1;
        cell.arr.0 += arr;
        if !stays[f][t] {
            moved_accounts += 1;
            moved_arr += arr;
        }
    }
    Moves {
        from,
        to,
        cells,
        moved_accounts,
        moved_arr: Cents(moved_arr),
    }
}
