//! Money on the compensation charts: dollars in at most three significant digits with a k or M
//! suffix ("$6k", "$30k", "$1.2M", "$38.2k"), so axis ticks and value labels stay short enough
//! to sit beside marks, and the tables beside the charts carry the exact figures.

use crate::numbers::grouped;

/// `value` dollars as "$512", "$6k", "$38.2k", "$1.25M"; a negative amount keeps its sign.
pub(crate) fn money(value: f64) -> String {
    let value = if value.is_finite() { value } else { 0.0 };
    let sign = if value < 0.0 && value.abs() >= 0.5 {
        "-"
    } else {
        ""
    };
    let amount = value.abs();
    // Each unit takes over where the one below would round to 1,000 of itself.
    let (scaled, suffix) = if amount < 999.5 {
        (amount, "")
    } else if amount < 999_500.0 {
        (amount / 1e3, "k")
    } else if amount < 999_500_000.0 {
        (amount / 1e6, "M")
    } else {
        (amount / 1e9, "B")
    };
    let decimals = if scaled < 9.995 {
        2
    } else if scaled < 99.95 {
        1
    } else {
        0
    };
    let digits = grouped(scaled, if suffix.is_empty() { 0 } else { decimals });
    let digits = if digits.contains('.') {
        digits.trim_end_matches('0').trim_end_matches('.')
    } else {
        &digits
    };
    format!("{sign}${digits}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_significant_digits_with_a_suffix() {
        assert_eq!(money(0.0), "$0");
        assert_eq!(money(512.4), "$512");
        assert_eq!(money(6_000.0), "$6k");
        assert_eq!(money(30_000.0), "$30k");
        assert_eq!(money(38_240.0), "$38.2k");
        assert_eq!(money(2_500.0), "$2.5k");
        assert_eq!(money(125_000.0), "$125k");
        assert_eq!(money(1_200_000.0), "$1.2M");
        assert_eq!(money(1_250_000.0), "$1.25M");
        assert_eq!(money(12_345_678.0), "$12.3M");
        assert_eq!(money(-5_000.0), "-$5k");
        assert_eq!(money(f64::NAN), "$0");
    }

    #[test]
    fn amounts_that_round_up_take_the_next_unit() {
        assert_eq!(money(999.7), "$1k");
        assert_eq!(money(999_700.0), "$1M");
        assert_eq!(money(9_996.0), "$10k");
        assert_eq!(money(99_960.0), "$100k");
    }
}
