//! Gregorian leap years, for the demo company's renewal dates (imports read dates with
//! `csplan_domain::values::read_date`).

/// Gregorian leap years; the demo's renewal dates use it too.
pub(crate) fn is_leap(year: i64) -> bool {
    (year.rem_euclid(4) == 0 && year.rem_euclid(100) != 0) || year.rem_euclid(400) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years() {
        assert!(is_leap(2024) && is_leap(2000));
        assert!(!is_leap(1900) && !is_leap(2025));
    }
}
