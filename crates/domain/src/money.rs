//! Money as integer cents (DESIGN.md "Decisions": money is `i64` cents; every conversion back to
//! money names its rounding).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Sub};
use ts_rs::TS;

/// An amount of US dollars held exactly as whole cents.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS,
)]
#[ts(type = "number")]
pub struct Cents(pub i64);

/// Why a decimal text is not an amount of money.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("is empty")]
    Empty,
    #[error("\"{0}\" is not a number")]
    NotANumber(String),
    #[error("\"{0}\" has more than 2 decimals")]
    TooManyDecimals(String),
    #[error("\"{0}\" is too large")]
    TooLarge(String),
}

impl Cents {
    pub const ZERO: Cents = Cents(0);

    /// Whole dollars to cents.
    pub const fn from_dollars(dollars: i64) -> Cents {
        Cents(dollars * 100)
    }

    /// Parses a plain decimal such as `1200`, `1200.5` or `-3.25` exactly, without going through
    /// a float, so `0.10 + 0.20` stays `0.30`. At most two decimals: more would need a rounding
    /// rule the caller has not chosen.
    pub fn parse_decimal(text: &str) -> Result<Cents, MoneyError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(MoneyError::Empty);
        }
        let (negative, unsigned) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (whole, fraction) = match unsigned.split_once('.') {
            Some((w, f)) => (w, f),
            None => (unsigned, ""),
        };
        let digits_ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if (whole.is_empty() && fraction.is_empty()) || !digits_ok(whole) || !digits_ok(fraction) {
            return Err(MoneyError::NotANumber(text.to_string()));
        }
        if fraction.len() > 2 {
            return Err(MoneyError::TooManyDecimals(text.to_string()));
        }
        let too_large = || MoneyError::TooLarge(text.to_string());
        let whole_value: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| too_large())?
        };
        let fraction_value: i64 = match fraction.len() {
            0 => 0,
            1 => i64::from(fraction.as_bytes()[0] - b'0') * 10,
            _ => fraction.parse().map_err(|_| too_large())?,
        };
        let cents = whole_value
            .checked_mul(100)
            .and_then(|c| c.checked_add(fraction_value))
            .ok_or_else(too_large)?;
        Ok(Cents(if negative { -cents } else { cents }))
    }

    /// Dollars as a float, for ratios and statistics (never stored back as money).
    pub fn dollars(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// Cents from a dollar float, rounded half away from zero to the nearest cent.
    pub fn from_dollars_rounded(dollars: f64) -> Cents {
        Cents((dollars * 100.0).round() as i64)
    }

    /// Exact text with two decimals and no separators, for CSV and JSON-adjacent exports:
    /// `1876381090.21`.
    pub fn to_plain_string(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }

    /// Exact text with thousands separators for tables: `$1,876,381,090.21`.
    pub fn to_exact_string(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}${}.{:02}", group_thousands(abs / 100), abs % 100)
    }

    /// Short text for summaries (UI.md "Numbers"): `$1.5M`, `$120k`, `$1,234`.
    pub fn to_short_string(self) -> String {
        let dollars = self.dollars();
        let sign = if dollars < 0.0 { "-" } else { "" };
        let abs = dollars.abs();
        if abs >= 1_000_000_000.0 {
            format!("{sign}${}B", trim_decimal(abs / 1_000_000_000.0))
        } else if abs >= 1_000_000.0 {
            format!("{sign}${}M", trim_decimal(abs / 1_000_000.0))
        } else if abs >= 10_000.0 {
            format!("{sign}${}k", trim_decimal(abs / 1_000.0))
        } else {
            format!("{sign}${}", group_thousands(abs.round() as u64))
        }
    }
}

/// One decimal at most, without a trailing `.0`: 1.5 -> "1.5", 2.0 -> "2", 1.96 -> "2".
fn trim_decimal(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").unwrap_or(&text).to_string()
}

fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

impl fmt::Display for Cents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_exact_string())
    }
}

impl Add for Cents {
    type Output = Cents;
    fn add(self, rhs: Cents) -> Cents {
        Cents(self.0 + rhs.0)
    }
}

impl AddAssign for Cents {
    fn add_assign(&mut self, rhs: Cents) {
        self.0 += rhs.0;
    }
}

impl Sub for Cents {
    type Output = Cents;
    fn sub(self, rhs: Cents) -> Cents {
        Cents(self.0 - rhs.0)
    }
}

impl Sum for Cents {
    fn sum<I: Iterator<Item = Cents>>(iter: I) -> Cents {
        iter.fold(Cents::ZERO, Add::add)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_decimals_exactly() {
        assert_eq!(Cents::parse_decimal("1200.50"), Ok(Cents(120_050)));
        assert_eq!(Cents::parse_decimal("1200.5"), Ok(Cents(120_050)));
        assert_eq!(Cents::parse_decimal("99999.99"), Ok(Cents(9_999_999)));
        assert_eq!(Cents::parse_decimal("600"), Ok(Cents(60_000)));
        assert_eq!(Cents::parse_decimal(".5"), Ok(Cents(50)));
        assert_eq!(Cents::parse_decimal("-3.25"), Ok(Cents(-325)));
        assert_eq!(Cents::parse_decimal(" 7 "), Ok(Cents(700)));
    }

    #[test]
    fn rejects_what_is_not_money() {
        assert_eq!(Cents::parse_decimal(""), Err(MoneyError::Empty));
        assert!(matches!(
            Cents::parse_decimal("12a"),
            Err(MoneyError::NotANumber(_))
        ));
        assert!(matches!(
            Cents::parse_decimal("."),
            Err(MoneyError::NotANumber(_))
        ));
        assert!(matches!(
            Cents::parse_decimal("1.005"),
            Err(MoneyError::TooManyDecimals(_))
        ));
        assert!(matches!(
            Cents::parse_decimal("99999999999999999999"),
            Err(MoneyError::TooLarge(_))
        ));
    }

    #[test]
    fn formats_for_people_and_files() {
        assert_eq!(Cents(187_638_109_021).to_plain_string(), "1876381090.21");
        assert_eq!(
            Cents(187_638_109_021).to_exact_string(),
            "$1,876,381,090.21"
        );
        assert_eq!(Cents(-5).to_plain_string(), "-0.05");
        assert_eq!(Cents::from_dollars(1_500_000).to_short_string(), "$1.5M");
        assert_eq!(Cents::from_dollars(120_000).to_short_string(), "$120k");
        assert_eq!(Cents::from_dollars(1_234).to_short_string(), "$1,234");
        assert_eq!(Cents::from_dollars(2_000_000_000).to_short_string(), "$2B");
    }
}
