//! Money as exports write it: `$1,200.50`, `1.200,50 EUR`, `USD 1200`, `(300.00)`, `1 200,50 €`.
//! The amount is read exactly into cents (never through a float); the currency, when the text
//! names one, is kept so an importer can refuse a file that mixes currencies.

use crate::money::Cents;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    pub cents: Cents,
    /// ISO code when the text names a currency (`$` reads as USD, `€` EUR, `£` GBP, `¥` JPY).
    pub currency: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("is empty")]
    Empty,
    #[error("is not an amount")]
    NotANumber,
    #[error("has more than 2 decimals")]
    TooManyDecimals,
    #[error("is too large")]
    TooLarge,
}

const SYMBOLS: [(char, &str); 4] = [('$', "USD"), ('€', "EUR"), ('£', "GBP"), ('¥', "JPY")];

/// Reads an amount. A separator followed by exactly three digits with another separator kind
/// after it, or repeated, groups thousands; the last `.` or `,` otherwise marks the decimals
/// (`1.200,50` and `1,200.50` are both 1200.50; `1,200` is 1200; `12,5` is 12.50).
pub fn parse_amount(text: &str) -> Result<Amount, AmountError> {
    if let Some(cents) = plain_decimal(text) {
        return Ok(Amount {
            cents: Cents(cents),
            currency: None,
        });
    }
    let mut rest = text.trim();
    if rest.is_empty() {
        return Err(AmountError::Empty);
    }
    let mut negative = false;
    if let Some(inner) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negative = true;
        rest = inner.trim();
    }
    let mut currency = None;
    // Sign, symbol and code may come in any order around the number: "-$5", "$-5", "USD -5".
    for _ in 0..3 {
        if let Some(r) = rest.strip_prefix('-') {
            negative = !negative;
            rest = r.trim_start();
        } else if let Some(r) = rest.strip_prefix('+') {
            rest = r.trim_start();
        } else if let Some((r, code)) = strip_currency_prefix(rest) {
            set_currency(&mut currency, code)?;
            rest = r.trim_start();
        }
        if let Some(r) = rest.strip_suffix('-') {
            negative = !negative;
            rest = r.trim_end();
        } else if let Some((r, code)) = strip_currency_suffix(rest) {
            set_currency(&mut currency, code)?;
            rest = r.trim_end();
        }
    }
    let cents = parse_number(rest)?;
    Ok(Amount {
        cents: Cents(if negative { -cents } else { cents }),
        currency,
    })
}

/// The common case, `12345` or `12345.67`, read without any allocation (a million-row import
/// reads it a million times).
fn plain_decimal(text: &str) -> Option<i64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty()
        || whole.len() > 15
        || fraction.len() > 2
        || !digits(whole)
        || !digits(fraction)
    {
        return None;
    }
    if text.len() > whole.len() && fraction.is_empty() {
        return None;
    }
    let number = |s: &str| s.bytes().fold(0i64, |n, b| n * 10 + i64::from(b - b'0'));
    let scale = if fraction.len() == 1 { 10 } else { 1 };
    Some(number(whole) * 100 + number(fraction) * scale)
}

fn set_currency(slot: &mut Option<String>, code: String) -> Result<(), AmountError> {
    match slot {
        Some(existing) if *existing != code => Err(AmountError::NotANumber),
        _ => {
            *slot = Some(code);
            Ok(())
        }
    }
}

fn symbol_code(c: char) -> Option<&'static str> {
    SYMBOLS.iter().find(|(s, _)| *s == c).map(|(_, code)| *code)
}

fn is_code(word: &str) -> bool {
    word.len() == 3 && word.bytes().all(|b| b.is_ascii_alphabetic())
}

fn strip_currency_prefix(text: &str) -> Option<(&str, String)> {
    let first = text.chars().next()?;
    if let Some(code) = symbol_code(first) {
        return Some((&text[first.len_utf8()..], code.to_string()));
    }
    let word = text.get(..3)?;
    (is_code(word) && !text[3..].starts_with(|c: char| c.is_ascii_alphabetic()))
        .then(|| (&text[3..], word.to_ascii_uppercase()))
}

fn strip_currency_suffix(text: &str) -> Option<(&str, String)> {
    let last = text.chars().next_back()?;
    if let Some(code) = symbol_code(last) {
        return Some((&text[..text.len() - last.len_utf8()], code.to_string()));
    }
    let start = text.len().checked_sub(3)?;
    let word = text.get(start..)?;
    let before = &text[..start];
    (is_code(word) && !before.ends_with(|c: char| c.is_ascii_alphabetic()))
        .then(|| (before, word.to_ascii_uppercase()))
}

/// Digits with optional thousands separators (`,` `.` space, apostrophe, no-break space) and at
/// most one decimal separator, to cents.
fn parse_number(text: &str) -> Result<i64, AmountError> {
    if text.is_empty() || !text.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',') {
        return Err(AmountError::NotANumber);
    }
    let decimal = decimal_separator(text)?;
    let (whole, fraction) = match decimal {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, ""),
    };
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AmountError::NotANumber);
    }
    let whole_digits = ungroup(whole)?;
    if whole_digits.is_empty() && fraction.is_empty() {
        return Err(AmountError::NotANumber);
    }
    if fraction.len() > 2 {
        return Err(AmountError::TooManyDecimals);
    }
    let mut cents: i64 = 0;
    for digit in whole_digits.bytes().chain(fraction.bytes()) {
        cents = cents
            .checked_mul(10)
            .and_then(|c| c.checked_add(i64::from(digit - b'0')))
            .ok_or(AmountError::TooLarge)?;
    }
    for _ in fraction.len()..2 {
        cents = cents.checked_mul(10).ok_or(AmountError::TooLarge)?;
    }
    Ok(cents)
}

/// Where the decimal separator is, if any.
fn decimal_separator(text: &str) -> Result<Option<usize>, AmountError> {
    let last_dot = text.rfind('.');
    let last_comma = text.rfind(',');
    let candidate = match (last_dot, last_comma) {
        (Some(d), Some(c)) => d.max(c),
        (Some(d), None) => d,
        (None, Some(c)) => c,
        (None, None) => return Ok(None),
    };
    let mark = text.as_bytes()[candidate];
    let occurrences = text.bytes().filter(|&b| b == mark).count();
    let digits_after = text.len() - candidate - 1;
    let other_kind_present = last_dot.is_some() && last_comma.is_some();
    if occurrences > 1 {
        // "1,200,000" or "1.200.000": the mark groups thousands and there are no decimals.
        return if other_kind_present {
            Err(AmountError::NotANumber)
        } else {
            Ok(None)
        };
    }
    // A lone comma followed by exactly three digits groups thousands ("1,200" is 1200), as in
    // every US export; a lone point always marks decimals ("1.200" has too many decimals rather
    // than silently becoming 1200).
    if mark == b',' && !other_kind_present && digits_after == 3 {
        return Ok(None);
    }
    Ok(Some(candidate))
}

/// Removes thousands separators, checking the groups are three digits each ("1,2,3" is not a
/// number).
fn ungroup(whole: &str) -> Result<String, AmountError> {
    let groups: Vec<&str> = whole
        .split([',', '.', ' ', '\'', '\u{a0}', '\u{202f}'])
        .collect();
    let all_digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    if !groups.iter().all(|g| all_digits(g)) {
        return Err(AmountError::NotANumber);
    }
    if groups.len() > 1 {
        let first_ok = (1..=3).contains(&groups[0].len());
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return Err(AmountError::NotANumber);
        }
    }
    Ok(groups.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cents(text: &str) -> i64 {
        parse_amount(text).unwrap().cents.0
    }

    fn currency(text: &str) -> Option<String> {
        parse_amount(text).unwrap().currency
    }

    #[test]
    fn reads_the_forms_exports_use() {
        assert_eq!(cents("$1,200.50"), 120_050);
        assert_eq!(cents("1.200,50 EUR"), 120_050);
        assert_eq!(cents("USD 1200"), 120_000);
        assert_eq!(cents("1 200,50 €"), 120_050);
        assert_eq!(cents("1'200.50"), 120_050);
        assert_eq!(cents("1,200"), 120_000);
        assert_eq!(cents("12,5"), 1_250);
        assert_eq!(cents("1,234,567.89"), 123_456_789);
        assert_eq!(cents("1.234.567"), 123_456_700);
        assert_eq!(cents("25000.00"), 2_500_000);
        assert_eq!(cents(".5"), 50);
        assert_eq!(cents("0"), 0);
        assert_eq!(cents("-$1,200.00"), -120_000);
        assert_eq!(cents("$-5"), -500);
        assert_eq!(cents("(300.00)"), -30_000);
        assert_eq!(currency("$1,200.50").as_deref(), Some("USD"));
        assert_eq!(currency("1.200,50 eur").as_deref(), Some("EUR"));
        assert_eq!(currency("£3").as_deref(), Some("GBP"));
        assert_eq!(currency("1200"), None);
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        assert_eq!(parse_amount("  "), Err(AmountError::Empty));
        for bad in [
            "12k",
            "abc",
            "1,2,3",
            "1.200,50.3",
            "$",
            "EUR",
            "1 2",
            "USD 5 EUR",
            "--",
        ] {
            assert_eq!(parse_amount(bad), Err(AmountError::NotANumber), "{bad}");
        }
        assert_eq!(parse_amount("1.005"), Err(AmountError::TooManyDecimals));
        assert_eq!(parse_amount("1.200"), Err(AmountError::TooManyDecimals));
        assert_eq!(
            parse_amount("99999999999999999999"),
            Err(AmountError::TooLarge)
        );
    }
}
