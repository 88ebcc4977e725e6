//! Dates as exports write them: ISO `2026-03-05` (also with a time after it), numeric
//! `03/05/2026` whose day/month order depends on the country of the export, and month names
//! (`5 Mar 2026`, `March 5, 2026`, `05-Mar-2026`). A numeric date whose two numbers are both 12
//! or less reads both ways, so it is returned undecided and the caller applies the file's order.

use crate::segmentation::IsoDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The order of day and month in a file's numeric dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// Month first, as US exports write: 03/05/2026 is March 5.
    Mdy,
    /// Day first, as most of the world writes: 03/05/2026 is 3 May.
    Dmy,
}

impl DateOrder {
    pub fn name(self) -> &'static str {
        match self {
            DateOrder::Mdy => "mdy",
            DateOrder::Dmy => "dmy",
        }
    }

    /// For messages: "month/day/year".
    pub fn words(self) -> &'static str {
        match self {
            DateOrder::Mdy => "month/day/year",
            DateOrder::Dmy => "day/month/year",
        }
    }
}

/// A numeric date before its order is known: the two leading numbers and the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumericDate {
    first: u32,
    second: u32,
    year: i32,
}

impl NumericDate {
    /// The date in the given order, or None if no such day exists in that order.
    pub fn resolve(self, order: DateOrder) -> Option<IsoDate> {
        let (month, day) = match order {
            DateOrder::Mdy => (self.first, self.second),
            DateOrder::Dmy => (self.second, self.first),
        };
        IsoDate::new(self.year, month, day).ok()
    }

    /// True when both orders give a real day (and different ones), e.g. 03/04/2026.
    pub fn is_ambiguous(self) -> bool {
        self.first != self.second
            && self.resolve(DateOrder::Mdy).is_some()
            && self.resolve(DateOrder::Dmy).is_some()
    }
}

/// What a date text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateReading {
    /// One real day whatever the order (ISO, month name, or numeric with two equal numbers).
    Exact(IsoDate),
    /// Numeric, and only one order gives a real day (25/03/2026 is day-first): the date, and
    /// the order it tells about the file.
    OnlyAs(IsoDate, DateOrder),
    /// Numeric, both numbers 12 or less: the day depends on the order.
    Numeric(NumericDate),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateValueError {
    #[error("is not a date")]
    Format,
    #[error("is not a real calendar date")]
    NoSuchDay,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Reads a date text; see the module comment for the forms.
pub fn read_date(text: &str) -> Result<DateReading, DateValueError> {
    let text = without_time(text.trim());
    if text.is_empty() {
        return Err(DateValueError::Format);
    }
    let parts: Vec<&str> = text
        .split(['-', '/', '.', ' ', ','])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() != 3 {
        return Err(DateValueError::Format);
    }
    let number = |p: &str, max_len: usize| -> Option<u32> {
        (p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let year = |p: &str| -> Option<i32> {
        (p.len() == 4)
            .then(|| number(p, 4))
            .flatten()
            .and_then(|y| i32::try_from(y).ok())
    };
    let exact = |y: i32, m: u32, d: u32| {
        IsoDate::new(y, m, d)
            .map(DateReading::Exact)
            .map_err(|_| DateValueError::NoSuchDay)
    };
    // Year first: 2026-03-05 or 2026/03/05.
    if let (Some(y), Some(m), Some(d)) = (year(parts[0]), number(parts[1], 2), number(parts[2], 2))
    {
        return exact(y, m, d);
    }
    // Month names: "5 Mar 2026", "05-Mar-2026", "March 5, 2026", "Mar 5 2026".
    if let Some(y) = year(parts[2]) {
        if let (Some(d), Some(m)) = (number(parts[0], 2), month_number(parts[1])) {
            return exact(y, m, d);
        }
        if let (Some(m), Some(d)) = (month_number(parts[0]), number(parts[1], 2)) {
            return exact(y, m, d);
        }
        if let (Some(first), Some(second)) = (number(parts[0], 2), number(parts[1], 2)) {
            let date = NumericDate {
                first,
                second,
                year: y,
            };
            return match (date.resolve(DateOrder::Mdy), date.resolve(DateOrder::Dmy)) {
                (Some(_), Some(_)) if date.is_ambiguous() => Ok(DateReading::Numeric(date)),
                (Some(day), Some(_)) => Ok(DateReading::Exact(day)),
                (Some(day), None) => Ok(DateReading::OnlyAs(day, DateOrder::Mdy)),
                (None, Some(day)) => Ok(DateReading::OnlyAs(day, DateOrder::Dmy)),
                (None, None) => Err(DateValueError::NoSuchDay),
            };
        }
    }
    Err(DateValueError::Format)
}

/// Spreadsheets often add a midnight time: "2026-03-05T00:00:00", "3/5/2026 0:00".
fn without_time(text: &str) -> &str {
    let cut = text
        .find('T')
        .filter(|&at| at == 10)
        .or_else(|| text.rfind(' ').filter(|&at| text[at + 1..].contains(':')));
    match cut {
        Some(at) => text[..at].trim_end(),
        None => text,
    }
}

/// "Mar", "march", "Sept" -> 3 / 3 / 9: a month name or its first three letters or more.
fn month_number(word: &str) -> Option<u32> {
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| m.starts_with(&lower))
        .and_then(|i| u32::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(text: &str) -> String {
        match read_date(text) {
            Ok(DateReading::Exact(d)) => d.to_string(),
            other => panic!("{text}: {other:?}"),
        }
    }

    fn only_as(text: &str) -> (String, DateOrder) {
        match read_date(text) {
            Ok(DateReading::OnlyAs(d, order)) => (d.to_string(), order),
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn reads_every_form_to_the_same_day() {
        for text in [
            "2026-03-05",
            "2026/03/05",
            "2026-03-05T00:00:00",
            "5 Mar 2026",
            "05-Mar-2026",
            "March 5, 2026",
            "Mar 5 2026",
            "5 march 2026",
        ] {
            assert_eq!(exact(text), "2026-03-05", "{text}");
        }
        // A number above 12 decides the order by itself.
        let march_25 = "2026-03-25".to_string();
        assert_eq!(only_as("03/25/2026"), (march_25.clone(), DateOrder::Mdy));
        assert_eq!(only_as("25/03/2026"), (march_25.clone(), DateOrder::Dmy));
        assert_eq!(only_as("3/25/2026 0:00"), (march_25, DateOrder::Mdy));
        // Equal numbers read the same both ways.
        assert_eq!(exact("04/04/2026"), "2026-04-04");
        assert_eq!(exact("Sept 30, 2025"), "2025-09-30");
    }

    #[test]
    fn numeric_dates_up_to_12_wait_for_the_order() {
        let Ok(DateReading::Numeric(date)) = read_date("03/04/2026") else {
            panic!("expected an undecided date");
        };
        assert!(date.is_ambiguous());
        assert_eq!(
            date.resolve(DateOrder::Mdy).unwrap().to_string(),
            "2026-03-04"
        );
        assert_eq!(
            date.resolve(DateOrder::Dmy).unwrap().to_string(),
            "2026-04-03"
        );
    }

    #[test]
    fn impossible_and_unreadable_dates() {
        assert_eq!(read_date("2025-02-30"), Err(DateValueError::NoSuchDay));
        assert_eq!(read_date("31 Apr 2026"), Err(DateValueError::NoSuchDay));
        assert_eq!(read_date("13/13/2026"), Err(DateValueError::NoSuchDay));
        assert_eq!(read_date("02/30/2025"), Err(DateValueError::NoSuchDay));
        for bad in [
            "",
            "yesterday",
            "2026-03",
            "03/05/26",
            "Foo 5 2026",
            "2026-003-05",
        ] {
            assert_eq!(read_date(bad), Err(DateValueError::Format), "{bad}");
        }
    }
}
