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
    let from: Vec<String> = old.segment_names().iter().map(|s| s.to_string()).collect();
    let to: Vec<String> = new.segment_names().iter().map(|s| s.to_string()).collect();
    let mut cells = vec![vec![MoveCell::default(); to.len()]; from.len()];
    let mut moved_accounts = 0;
    let mut moved_arr = 0;
    let before = assign(old, accounts);
    let after = assign(new, accounts);
    for ((account, f), t) in accounts.iter().zip(before).zip(after) {
        let cell = &mut cells[f][t];
        cell.accounts += 1;
        cell.arr += account.arr;
        if from[f].to_lowercase() != to[t].to_lowercase() {
            moved_accounts += 1;
            moved_arr += account.arr.0;
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
