//! Whole numbers (employees, licences, scores) as exports write them: `1,200`, `85`, `85%`, and
//! spreadsheet integers saved as `72.0`. A fraction that is not zero is refused, never rounded.

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WholeError {
    #[error("is empty")]
    Empty,
    #[error("is not a whole number")]
    NotWhole,
    #[error("is too large")]
    TooLarge,
}

/// `-3`, `1,200`, `1 200`, `72.0` -> the integer; `72.5` or `12k` -> NotWhole.
pub fn parse_whole(text: &str) -> Result<i64, WholeError> {
    // The common case, plain digits, without trimming or allocating.
    if !text.is_empty() && text.len() <= 18 && text.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(text.bytes().fold(0i64, |n, b| n * 10 + i64::from(b - b'0')));
    }
    let text = text.trim();
    if text.is_empty() {
        return Err(WholeError::Empty);
    }
    let (negative, rest) = match text.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let whole = match rest.split_once('.') {
        Some((w, zeros)) if !zeros.is_empty() && zeros.bytes().all(|b| b == b'0') => w,
        Some(_) => return Err(WholeError::NotWhole),
        None => rest,
    };
    let groups: Vec<&str> = whole.split([',', ' ', '\u{a0}']).collect();
    let groups_ok = groups.len() == 1
        || ((1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3));
    if whole.is_empty()
        || !groups_ok
        || !groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(WholeError::NotWhole);
    }
    let mut value: i64 = 0;
    for digit in groups.concat().bytes() {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(i64::from(digit - b'0')))
            .ok_or(WholeError::TooLarge)?;
    }
    Ok(if negative { -value } else { value })
}

/// A score out of 100 written with or without a percent sign: `85%`, `85 %`, `85`.
pub fn parse_percent_points(text: &str) -> Result<i64, WholeError> {
    let text = text.trim();
    parse_whole(text.strip_suffix('%').unwrap_or(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers() {
        assert_eq!(parse_whole("85"), Ok(85));
        assert_eq!(parse_whole(" 1,200 "), Ok(1_200));
        assert_eq!(parse_whole("1 200 000"), Ok(1_200_000));
        assert_eq!(parse_whole("72.0"), Ok(72));
        assert_eq!(parse_whole("-3"), Ok(-3));
        assert_eq!(parse_whole(""), Err(WholeError::Empty));
        for bad in ["72.5", "12k", "1,20", "1,2000", "-", "7.", "N/A"] {
            assert_eq!(parse_whole(bad), Err(WholeError::NotWhole), "{bad}");
        }
        assert_eq!(
            parse_whole("99999999999999999999"),
            Err(WholeError::TooLarge)
        );
    }

    #[test]
    fn percentages() {
        assert_eq!(parse_percent_points("85%"), Ok(85));
        assert_eq!(parse_percent_points("85 %"), Ok(85));
        assert_eq!(parse_percent_points("100"), Ok(100));
        assert_eq!(parse_percent_points("72.5%"), Err(WholeError::NotWhole));
    }
}
