//! Calendar dates as the accounts carry them (`YYYY-MM-DD`, WORKLOADS.md §0), with just the
//! arithmetic rule sets need: days between two dates and whole months of tenure.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use ts_rs::TS;

/// A real calendar date, written and read as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, TS)]
#[ts(type = "string")]
pub struct IsoDate {
    year: i32,
    month: u32,
    day: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a real calendar date in the form YYYY-MM-DD")]
pub struct DateError(pub String);

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl IsoDate {
    pub fn new(year: i32, month: u32, day: u32) -> Result<IsoDate, DateError> {
        if !(1..=9999).contains(&year)
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
        {
            return Err(DateError(format!("{year:04}-{month:02}-{day:02}")));
        }
        Ok(IsoDate { year, month, day })
    }

    pub fn parse(text: &str) -> Result<IsoDate, DateError> {
        let bad = || DateError(text.to_string());
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(bad());
        }
        let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().map_err(|_| bad());
        let year = i32::try_from(number(0..4)?).map_err(|_| bad())?;
        IsoDate::new(year, number(5..7)?, number(8..10)?).map_err(|_| bad())
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil), so differences are exact.
    pub fn day_number(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5
            + i64::from(self.day)
            - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: IsoDate) -> i64 {
        later.day_number() - self.day_number()
    }

    /// Whole months from `self` to `later`: a month counts once its day of the month is reached
    /// (2024-01-31 to 2024-02-29 is 0 months, to 2024-03-31 is 2). Negative when `later` is
    /// earlier.
    pub fn whole_months_until(self, later: IsoDate) -> i64 {
        let months = (i64::from(later.year) - i64::from(self.year)) * 12 + i64::from(later.month)
            - i64::from(self.month);
        if months > 0 && later.day < self.day {
            months - 1
        } else if months < 0 && later.day > self.day {
            months + 1
        } else {
            months
        }
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for IsoDate {
    type Err = DateError;
    fn from_str(text: &str) -> Result<IsoDate, DateError> {
        IsoDate::parse(text)
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<IsoDate, D::Error> {
        let text = String::deserialize(deserializer)?;
        IsoDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> IsoDate {
        IsoDate::parse(text).unwrap()
    }

    #[test]
    fn parses_only_real_dates() {
        assert_eq!(d("2024-02-29").to_string(), "2024-02-29");
        for bad in [
            "2025-02-29",
            "2025-02-30",
            "03/01/2026",
            "2025-1-01",
            "2025-13-01",
            "",
        ] {
            assert!(IsoDate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn counts_days_and_months() {
        assert_eq!(d("1970-01-01").day_number(), 0);
        assert_eq!(d("2026-01-01").days_until(d("2026-04-01")), 90);
        assert_eq!(d("2024-01-01").days_until(d("2025-01-01")), 366);
        assert_eq!(d("2024-01-31").whole_months_until(d("2024-02-29")), 0);
        assert_eq!(d("2024-01-31").whole_months_until(d("2024-03-31")), 2);
        assert_eq!(d("2023-06-15").whole_months_until(d("2026-01-14")), 30);
        assert_eq!(d("2026-03-01").whole_months_until(d("2026-01-01")), -2);
    }
}
