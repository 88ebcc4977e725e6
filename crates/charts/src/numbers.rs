//! How numbers are written on the charts: fixed decimals and thousands separators ("1,234.5"),
//! as the tables beside them write them.

/// `value` with `decimals` digits after the point and a comma between thousands.
pub(crate) fn grouped(value: f64, decimals: usize) -> String {
    let value = if value.is_finite() { value } else { 0.0 };
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::with_capacity(text.len() + whole.len() / 3 + 1);
    // "-0.0" would read as a negative zero bar; only show a sign on a value that rounds to one.
    if value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// A band edge or tick as short as it stays exact: "50", "12.5".
pub(crate) fn compact(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 {
        grouped(value, 0)
    } else {
        let text = grouped(value, 2);
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Customers per CSM: one decimal while the decimal matters (43.9), whole above 100 (5,000).
pub(crate) fn customers(value: f64) -> String {
    if value < 100.0 {
        grouped(value, 1)
    } else {
        grouped(value, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_and_keeps_decimals() {
        assert_eq!(grouped(0.3, 1), "0.3");
        assert_eq!(grouped(400.0, 1), "400.0");
        assert_eq!(grouped(1234.56, 1), "1,234.6");
        assert_eq!(grouped(1_234_567.0, 0), "1,234,567");
        assert_eq!(grouped(-1234.0, 0), "-1,234");
        assert_eq!(grouped(-0.01, 1), "0.0");
        assert_eq!(grouped(f64::NAN, 1), "0.0");
    }

    #[test]
    fn compact_and_customer_forms() {
        assert_eq!(compact(50.0), "50");
        assert_eq!(compact(12.5), "12.5");
        assert_eq!(compact(2000.0), "2,000");
        assert_eq!(customers(43.9024), "43.9");
        assert_eq!(customers(5000.0), "5,000");
        assert_eq!(customers(150.4), "150");
    }
}
