//! The plan's calendar: quarters of three calendar months from the start date, and the date
//! arithmetic of the hire-by rule (months back for the ramp, days back for the lead time).

use super::error::ForecastError;
use super::output::QuarterSpan;
use crate::segmentation::IsoDate;

/// Year, month, day of a day number (days since 1970-01-01), Howard Hinnant's civil_from_days,
/// the inverse of `IsoDate::day_number`.
fn civil(day_number: i64) -> (i64, u32, u32) {
    let z = day_number + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn out_of_range(date: IsoDate, what: &str) -> ForecastError {
    ForecastError::Field {
        field: "Plan start",
        reason: format!("{date} puts {what} outside the years 0001-9999"),
    }
}

fn from_civil(
    year: i64,
    month: u32,
    day: u32,
    from: IsoDate,
    what: &str,
) -> Result<IsoDate, ForecastError> {
    i32::try_from(year)
        .ok()
        .and_then(|y| IsoDate::new(y, month, day).ok())
        .ok_or_else(|| out_of_range(from, what))
}

fn days_in_month(year: i64, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `date` plus `days` (negative: earlier).
pub(crate) fn add_days(date: IsoDate, days: i64, what: &str) -> Result<IsoDate, ForecastError> {
    let (y, m, d) = civil(date.day_number() + days);
    from_civil(y, m, d, date, what)
}

/// `date` plus `months` calendar months (negative: earlier), keeping the day of the month or,
/// when the target month is shorter, its last day (2027-01-31 + 1 month = 2027-02-28).
pub(crate) fn add_months(date: IsoDate, months: i64, what: &str) -> Result<IsoDate, ForecastError> {
    let (year, month, day) = civil(date.day_number());
    let index = year * 12 + i64::from(month) - 1 + months;
    let (y, m) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u32);
    from_civil(y, m, day.min(days_in_month(y, m)), date, what)
}

/// "Q3 2027" for a quarter starting on a calendar quarter's first day, else "Q1 (2027-02-15)".
fn title(number: u32, first: IsoDate) -> String {
    let (year, month, day) = civil(first.day_number());
    if day == 1 && month % 3 == 1 {
        format!("Q{} {year}", month / 3 + 1)
    } else {
        format!("Q{number} ({first})")
    }
}

/// The plan's quarters: quarter q starts `3 (q - 1)` months after the start and ends the day
/// before the next one starts.
pub(crate) fn quarter_spans(
    start: IsoDate,
    quarters: u32,
) -> Result<Vec<QuarterSpan>, ForecastError> {
    (1..=quarters)
        .map(|number| {
            let first = add_months(start, 3 * i64::from(number - 1), "a quarter")?;
            let next = add_months(start, 3 * i64::from(number), "a quarter")?;
            Ok(QuarterSpan {
                number,
                label: format!("Q{number}"),
                title: title(number, first),
                start: first,
                end: add_days(next, -1, "a quarter")?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> IsoDate {
        IsoDate::parse(text).unwrap()
    }

    #[test]
    fn civil_inverts_day_number() {
        for text in [
            "1970-01-01",
            "2024-02-29",
            "2026-10-03",
            "2000-03-01",
            "0001-01-01",
        ] {
            let date = d(text);
            let (y, m, day) = civil(date.day_number());
            assert_eq!(format!("{y:04}-{m:02}-{day:02}"), text);
        }
    }

    #[test]
    fn months_and_days() {
        assert_eq!(
            add_months(d("2027-04-01"), -3, "x").unwrap(),
            d("2027-01-01")
        );
        assert_eq!(
            add_months(d("2027-01-31"), 1, "x").unwrap(),
            d("2027-02-28")
        );
        assert_eq!(
            add_months(d("2027-01-15"), -13, "x").unwrap(),
            d("2025-12-15")
        );
        assert_eq!(
            add_days(d("2027-01-01"), -90, "x").unwrap(),
            d("2026-10-03")
        );
        assert!(add_days(d("0001-01-01"), -1, "x").is_err());
    }

    #[test]
    fn quarters_of_three_months() {
        let spans = quarter_spans(d("2027-01-01"), 2).unwrap();
        assert_eq!(
            (spans[0].start, spans[0].end),
            (d("2027-01-01"), d("2027-03-31"))
        );
        assert_eq!(
            (spans[1].start, spans[1].end),
            (d("2027-04-01"), d("2027-06-30"))
        );
        assert_eq!(spans[1].label, "Q2");
        assert_eq!(spans[1].title, "Q2 2027");
        let july = quarter_spans(d("2027-07-01"), 3).unwrap();
        assert_eq!(july[2].title, "Q1 2028");
        let odd = quarter_spans(d("2027-02-15"), 2).unwrap();
        assert_eq!(odd[0].title, "Q1 (2027-02-15)");
        assert_eq!(odd[1].title, "Q2 (2027-05-15)");
    }
}
