//! One row of a movements file (issue 7: "also accept a movements file (account, date, type,
//! amount)"): the type names people write, and the checks that make a row a `Movement`. The CSV
//! reading itself belongs to the importer; this is the pure rule it applies to each row.

use super::movements::{Movement, MovementKind};
use crate::money::Cents;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A movements-file row made valid: the movement and the day it happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MovementRow {
    /// `YYYY-MM-DD`, so rows compare by text in date order.
    pub date: String,
    pub movement: Movement,
}

/// Why a movements-file row was refused; the message names the line and the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MovementRowError {
    #[error("line {line}: the account is empty")]
    NoAccount { line: u64 },
    #[error("line {line}: date \"{value}\" is not a real date in the form YYYY-MM-DD")]
    Date { line: u64, value: String },
    #[error(
        "line {line}: type \"{value}\" is not a movement type; use new, expansion, contraction, churn or reactivation"
    )]
    Type { line: u64, value: String },
    #[error("line {line}: amount \"{value}\" is not money: {reason}")]
    Amount {
        line: u64,
        value: String,
        reason: String,
    },
    #[error("line {line}: amount is zero; a movement changes ARR")]
    ZeroAmount { line: u64 },
    #[error(
        "line {line}: amount {value} is negative, but type {kind} adds ARR; write the amount without a minus sign"
    )]
    NegativeGain {
        line: u64,
        value: String,
        kind: &'static str,
    },
}

/// The movement a type name stands for. Case, spaces, `-` and `_` do not matter. Price increases
/// count as expansion and price decreases as contraction, as 003's NRR formula treats them
/// (DOMAIN.md §5.1 "Whether price decreases count as contraction is OPEN ... by analogy it would").
pub fn parse_movement_kind(text: &str) -> Option<MovementKind> {
    let key: String = text
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .collect();
    let kind = match key.as_str() {
        "new" | "newlogo" | "newbusiness" | "newcustomer" => MovementKind::New,
        "expansion" | "upsell" | "crosssell" | "upgrade" | "priceincrease" => {
            MovementKind::Expansion
        }
        "contraction" | "downgrade" | "downsell" | "pricedecrease" => MovementKind::Contraction,
        "churn" | "churned" | "cancellation" | "cancelled" | "canceled" | "lost" => {
            MovementKind::Churn
        }
        "reactivation" | "reactivated" | "winback" | "returned" => MovementKind::Reactivation,
        _ => return None,
    };
    Some(kind)
}

/// Validates one row. `line` is the file line, for the message. Amounts are decimal dollars; a
/// contraction or churn may be written negative (`-500`) and counts by its size; a negative
/// amount on a row that adds ARR contradicts its type and is refused.
pub fn parse_movement_row(
    line: u64,
    account: &str,
    date: &str,
    kind: &str,
    amount: &str,
) -> Result<MovementRow, MovementRowError> {
    let account_id = account.trim();
    if account_id.is_empty() {
        return Err(MovementRowError::NoAccount { line });
    }
    let date = date.trim();
    if !is_iso_date(date) {
        return Err(MovementRowError::Date {
            line,
            value: date.to_string(),
        });
    }
    let kind = parse_movement_kind(kind).ok_or_else(|| MovementRowError::Type {
        line,
        value: kind.trim().to_string(),
    })?;
    let value = Cents::parse_decimal(amount).map_err(|e| MovementRowError::Amount {
        line,
        value: amount.trim().to_string(),
        reason: e.to_string(),
    })?;
    if value.0 == 0 {
        return Err(MovementRowError::ZeroAmount { line });
    }
    if value.0 < 0
        && matches!(
            kind,
            MovementKind::New | MovementKind::Expansion | MovementKind::Reactivation
        )
    {
        return Err(MovementRowError::NegativeGain {
            line,
            value: amount.trim().to_string(),
            kind: kind.label(),
        });
    }
    Ok(MovementRow {
        date: date.to_string(),
        movement: Movement {
            account_id: account_id.to_string(),
            kind,
            amount: Cents(value.0.abs()),
        },
    })
}

/// `YYYY-MM-DD` naming a day that exists (leap years included).
fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (
        text[0..4].parse::<u32>(),
        text[5..7].parse::<u32>(),
        text[8..10].parse::<u32>(),
    ) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        _ => return false,
    };
    year >= 1 && (1..=days).contains(&day)
}
