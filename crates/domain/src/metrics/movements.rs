//! Revenue movements between two imports of the book (issue 7 part 1): per account new,
//! expansion, contraction, churn and reactivation, and the period summary whose lines add up
//! exactly from starting to ending ARR. Vocabulary from DOMAIN.md §5.1 (churn, contraction =
//! downgrades and price decreases), §5.3 (new, expansion, churn MRR) and §5.5 (expansion).

use crate::money::Cents;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use ts_rs::TS;

/// One account in one import of the book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AccountArr {
    pub account_id: String,
    pub arr: Cents,
    pub segment: Option<String>,
    pub csm: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum MovementKind {
    /// A customer at the end that was never a customer before the period.
    New,
    /// A customer at both dates paying more at the end.
    Expansion,
    /// A customer at both dates paying less at the end.
    Contraction,
    /// A customer at the start that is not one at the end.
    Churn,
    /// A customer at the end that was one before the period but not at its start.
    Reactivation,
}

impl MovementKind {
    pub const ALL: [MovementKind; 5] = [
        MovementKind::New,
        MovementKind::Expansion,
        MovementKind::Contraction,
        MovementKind::Churn,
        MovementKind::Reactivation,
    ];

    pub fn label(self) -> &'static str {
        match self {
            MovementKind::New => "new",
            MovementKind::Expansion => "expansion",
            MovementKind::Contraction => "contraction",
            MovementKind::Churn => "churn",
            MovementKind::Reactivation => "reactivation",
        }
    }

    /// +1 when the movement adds ARR, −1 when it removes it.
    fn sign(self) -> i64 {
        match self {
            MovementKind::Contraction | MovementKind::Churn => -1,
            MovementKind::New | MovementKind::Expansion | MovementKind::Reactivation => 1,
        }
    }
}

/// One account's change of ARR. `amount` is the size of the change, never negative; the kind
/// says its direction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Movement {
    pub account_id: String,
    pub kind: MovementKind,
    pub amount: Cents,
}

/// ARR per account with the account's rows summed (an import may list one row per contract).
/// Only accounts with positive ARR are customers: a zero or negative total is not paying.
pub(super) fn customers(book: &[AccountArr]) -> BTreeMap<&str, Cents> {
    let mut totals: BTreeMap<&str, Cents> = BTreeMap::new();
    for row in book {
        *totals.entry(row.account_id.as_str()).or_default() += row.arr;
    }
    totals.retain(|_, arr| arr.0 > 0);
    totals
}

/// The movements that turn the `start` book into the `end` book, one per account that changed,
/// in account-id order. `ever_seen_before_start` holds the accounts that were customers at any
/// earlier import: one of them coming back is a reactivation rather than a new customer.
pub fn diff(
    start: &[AccountArr],
    end: &[AccountArr],
    ever_seen_before_start: &HashSet<String>,
) -> Vec<Movement> {
    let before = customers(start);
    let after = customers(end);
    let mut ids: Vec<&str> = before.keys().chain(after.keys()).copied().collect();
    ids.sort_unstable();
    ids.dedup();
    let mut movements = Vec::new();
    for id in ids {
        let movement = match (before.get(id), after.get(id)) {
            (Some(&was), Some(&now)) if now > was => Some((MovementKind::Expansion, now - was)),
            (Some(&was), Some(&now)) if now < was => Some((MovementKind::Contraction, was - now)),
            (Some(_), Some(_)) | (None, None) => None,
            (Some(&was), None) => Some((MovementKind::Churn, was)),
            (None, Some(&now)) if ever_seen_before_start.contains(id) => {
                Some((MovementKind::Reactivation, now))
            }
            (None, Some(&now)) => Some((MovementKind::New, now)),
        };
        if let Some((kind, amount)) = movement {
            movements.push(Movement {
                account_id: id.to_string(),
                kind,
                amount,
            });
        }
    }
    movements
}

/// The period in one table: starting ARR, each kind of movement, ending ARR, and the customer
/// counts the logo metrics need. `ending_arr = starting_arr + new + expansion − contraction −
/// churned + reactivated` holds exactly, in cents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Movements {
    pub starting_arr: Cents,
    pub new: Cents,
    pub expansion: Cents,
    pub contraction: Cents,
    pub churned: Cents,
    pub reactivated: Cents,
    pub ending_arr: Cents,
    pub customers_at_start: u32,
    pub new_customers: u32,
    pub churned_customers: u32,
    pub reactivated_customers: u32,
    pub customers_at_end: u32,
}

impl Movements {
    /// The summary of `diff(start, end, ever_seen_before_start)`.
    pub fn from_snapshots(
        start: &[AccountArr],
        end: &[AccountArr],
        ever_seen_before_start: &HashSet<String>,
    ) -> Movements {
        Movements::summarise(start, &diff(start, end, ever_seen_before_start))
    }

    /// The summary of `diff` output over the `start` book. Only consistent movements (one per
    /// account, as `diff` makes them) add up; a movements file goes through
    /// `Movements::from_movements`, which checks its rows first.
    fn summarise(start: &[AccountArr], movements: &[Movement]) -> Movements {
        let at_start = customers(start);
        let starting_arr: Cents = at_start.values().copied().sum();
        let total = |kind: MovementKind| -> Cents {
            movements
                .iter()
                .filter(|m| m.kind == kind)
                .map(|m| m.amount)
                .sum()
        };
        let count = |kind: MovementKind| -> u32 {
            let n = movements.iter().filter(|m| m.kind == kind).count();
            u32::try_from(n).unwrap_or(u32::MAX)
        };
        let net: i64 = movements.iter().map(|m| m.kind.sign() * m.amount.0).sum();
        let customers_at_start = u32::try_from(at_start.len()).unwrap_or(u32::MAX);
        let new_customers = count(MovementKind::New);
        let churned_customers = count(MovementKind::Churn);
        let reactivated_customers = count(MovementKind::Reactivation);
        Movements {
            starting_arr,
            new: total(MovementKind::New),
            expansion: total(MovementKind::Expansion),
            contraction: total(MovementKind::Contraction),
            churned: total(MovementKind::Churn),
            reactivated: total(MovementKind::Reactivation),
            ending_arr: starting_arr + Cents(net),
            customers_at_start,
            new_customers,
            churned_customers,
            reactivated_customers,
            customers_at_end: (customers_at_start + new_customers + reactivated_customers)
                .saturating_sub(churned_customers),
        }
    }

    /// Accounts at the start that are still customers at the end (DOMAIN.md §5.1 retention).
    pub fn retained_customers(&self) -> u32 {
        self.customers_at_start
            .saturating_sub(self.churned_customers)
    }

    /// Net change over the period: `ending_arr − starting_arr`.
    pub fn net_new(&self) -> Cents {
        self.ending_arr - self.starting_arr
    }
}
