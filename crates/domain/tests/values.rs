//! Money read back from the forms it is written in (issue #3 part 1, "currency strings"): any
//! amount formatted as a table shows it ($1,234.56), as a CSV export writes it (1234.56) or as a
//! European billing export writes it (1.234,56 EUR) parses to exactly the same cents.
#![allow(clippy::unwrap_used)]

use csplan_domain::Cents;
use csplan_domain::values::parse_amount;
use proptest::prelude::*;

/// 1234567.89 -> "1.234.567,89 EUR".
fn european(cents: Cents) -> String {
    let plain = cents.to_plain_string();
    let (whole, fraction) = plain.split_once('.').unwrap();
    let (sign, digits) = match whole.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", whole),
    };
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    format!("{sign}{grouped},{fraction} EUR")
}

proptest! {
    #[test]
    fn formatted_money_parses_back_to_the_same_cents(cents in -99_999_999_999_999i64..99_999_999_999_999) {
        let amount = Cents(cents);
        for text in [amount.to_exact_string(), amount.to_plain_string(), european(amount)] {
            let parsed = parse_amount(&text).unwrap();
            prop_assert_eq!(parsed.cents, amount, "{}", text);
        }
        let usd = parse_amount(&amount.to_exact_string()).unwrap().currency;
        let eur = parse_amount(&european(amount)).unwrap().currency;
        prop_assert_eq!(usd.as_deref(), Some("USD"));
        prop_assert_eq!(eur.as_deref(), Some("EUR"));
    }
}

#[test]
fn the_european_form_is_what_billing_exports_write() {
    assert_eq!(european(Cents(123_456_789)), "1.234.567,89 EUR");
    assert_eq!(european(Cents(5)), "0,05 EUR");
}
