//! The rules a movements-file row follows (issue 7: "also accept a movements file (account,
//! date, type, amount)"), with the type names of DOMAIN.md §5.1, §5.3 and §5.5.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_domain::Cents;
use csplan_domain::metrics::{
    Movement, MovementKind, MovementRow, MovementRowError, parse_movement_kind, parse_movement_row,
};

#[test]
fn type_names_people_write_map_to_the_five_kinds() {
    let cases = [
        ("New", MovementKind::New),
        ("new logo", MovementKind::New),
        ("Upsell", MovementKind::Expansion),
        ("cross-sell", MovementKind::Expansion),
        // §5.1: price increases are NRR tailwind, price decreases count as contraction.
        ("price_increase", MovementKind::Expansion),
        ("Price Decrease", MovementKind::Contraction),
        ("downgrade", MovementKind::Contraction),
        (" CHURN ", MovementKind::Churn),
        ("cancelled", MovementKind::Churn),
        ("win-back", MovementKind::Reactivation),
        ("reactivation", MovementKind::Reactivation),
    ];
    for (text, kind) in cases {
        assert_eq!(parse_movement_kind(text), Some(kind), "{text}");
    }
    assert_eq!(parse_movement_kind("renewal"), None);
    assert_eq!(parse_movement_kind(""), None);
}

#[test]
fn a_valid_row_becomes_a_movement_with_a_positive_amount() {
    let row = parse_movement_row(2, " acme ", "2024-02-29", "Downgrade", "-1200.50").unwrap();
    assert_eq!(
        row,
        MovementRow {
            date: "2024-02-29".to_string(),
            movement: Movement {
                account_id: "acme".to_string(),
                kind: MovementKind::Contraction,
                amount: Cents(120_050),
            },
        }
    );
    let row = parse_movement_row(3, "acme", "2024-03-01", "expansion", "300").unwrap();
    assert_eq!(row.movement.amount, Cents(30_000));
}

#[test]
fn bad_rows_are_refused_naming_line_and_field() {
    let err = |account: &str, date: &str, kind: &str, amount: &str| {
        parse_movement_row(7, account, date, kind, amount).unwrap_err()
    };
    assert_eq!(
        err(" ", "2024-01-01", "new", "10"),
        MovementRowError::NoAccount { line: 7 }
    );
    for date in [
        "2023-02-29",
        "2100-02-29",
        "0000-01-01",
        "2024-13-01",
        "2024-1-01",
        "01/02/2024",
        "",
    ] {
        assert!(
            matches!(
                err("a", date, "new", "10"),
                MovementRowError::Date { line: 7, .. }
            ),
            "{date}"
        );
    }
    let message = err("a", "2024-01-01", "renewal", "10").to_string();
    assert_eq!(
        message,
        "line 7: type \"renewal\" is not a movement type; use new, expansion, contraction, churn or reactivation"
    );
    assert!(matches!(
        err("a", "2024-01-01", "new", "ten"),
        MovementRowError::Amount { line: 7, .. }
    ));
    assert_eq!(
        err("a", "2024-01-01", "churn", "0.00"),
        MovementRowError::ZeroAmount { line: 7 }
    );
    assert_eq!(
        err("a", "2024-01-01", "upsell", "-5").to_string(),
        "line 7: amount -5 is negative, but type expansion adds ARR; write the amount without a minus sign"
    );
}
