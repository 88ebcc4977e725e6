//! `YYYY-MM-DD` dates checked against the real calendar (Gregorian leap years), so 2025-02-30
//! and 2025-13-01 are refused instead of being stored or silently shifted.

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateError {
    /// Not in `YYYY-MM-DD` form at all (e.g. `03/01/2026`).
    Format,
    /// The right form, but no such day (e.g. `2025-02-30`).
    NoSuchDay,
}

pub(crate) fn check_iso_date(text: &str) -> Result<(), DateError> {
    let bytes = text.as_bytes();
    let digits_at = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    if bytes.len() != 10
        || bytes[4] != b'-'
        || bytes[7] != b'-'
        || !digits_at(0..4)
        || !digits_at(5..7)
        || !digits_at(8..10)
    {
        return Err(DateError::Format);
    }
    let number = |range: std::ops::Range<usize>| {
        bytes[range]
            .iter()
            .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'))
    };
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return Err(DateError::NoSuchDay);
    }
    Ok(())
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(i64::from(year)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Gregorian leap years; the demo's renewal dates use it too.
pub(crate) fn is_leap(year: i64) -> bool {
    (year.rem_euclid(4) == 0 && year.rem_euclid(100) != 0) || year.rem_euclid(400) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_days_only() {
        assert_eq!(check_iso_date("2026-01-21"), Ok(()));
        assert_eq!(check_iso_date("2024-02-29"), Ok(()));
        assert_eq!(check_iso_date("2000-02-29"), Ok(()));
        assert_eq!(check_iso_date("1900-02-29"), Err(DateError::NoSuchDay));
        assert_eq!(check_iso_date("2025-02-29"), Err(DateError::NoSuchDay));
        assert_eq!(check_iso_date("2025-02-30"), Err(DateError::NoSuchDay));
        assert_eq!(check_iso_date("2025-04-31"), Err(DateError::NoSuchDay));
        assert_eq!(check_iso_date("2025-13-01"), Err(DateError::NoSuchDay));
        assert_eq!(check_iso_date("2025-00-10"), Err(DateError::NoSuchDay));
        assert_eq!(check_iso_date("2025-01-00"), Err(DateError::NoSuchDay));
    }

    #[test]
    fn iso_form_only() {
        assert_eq!(check_iso_date("03/01/2026"), Err(DateError::Format));
        assert_eq!(check_iso_date("2026-1-21"), Err(DateError::Format));
        assert_eq!(check_iso_date("2026-01-21T00:00"), Err(DateError::Format));
        assert_eq!(check_iso_date("２０２６-01-21"), Err(DateError::Format));
        assert_eq!(check_iso_date(""), Err(DateError::Format));
    }
}
