//! Properties that hold for every book (issue 7 tests): NRR ≥ GRR (DOMAIN.md §5.1: NRR adds
//! expansion to GRR's terms), the movements add up from start to end ARR exactly (from two
//! imports or a movements file), and the churn rate lies in [0, 1].
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_domain::Cents;
use csplan_domain::metrics::{
    AccountArr, Group, Movement, MovementKind, Movements, customer_retention_rate, diff, grr,
    logo_churn_rate, nrr,
};
use proptest::prelude::*;
use std::collections::HashSet;

fn book() -> impl Strategy<Value = Vec<AccountArr>> {
    // Ids from a small pool so accounts recur across the two books and within one book;
    // ARR from −1,000.00 to 2,000,000.00 so zero and negative rows occur too.
    prop::collection::vec((0u8..12, -100_000i64..200_000_000, 0u8..3, 0u8..3), 0..20).prop_map(
        |rows| {
            rows.into_iter()
                .map(|(id, arr, segment, csm)| AccountArr {
                    account_id: format!("acct-{id}"),
                    arr: Cents(arr),
                    segment: Some(format!("seg-{segment}")),
                    csm: Some(format!("csm-{csm}")),
                })
                .collect()
        },
    )
}

fn seen() -> impl Strategy<Value = HashSet<String>> {
    prop::collection::hash_set((0u8..12).prop_map(|id| format!("acct-{id}")), 0..12)
}

/// Sum of the positive per-account totals: the book's ARR as the metrics see it.
fn customer_arr(book: &[AccountArr]) -> (Cents, u32) {
    let mut totals = std::collections::BTreeMap::new();
    for row in book {
        *totals.entry(row.account_id.clone()).or_insert(0i64) += row.arr.0;
    }
    let paying: Vec<i64> = totals.into_values().filter(|v| *v > 0).collect();
    (Cents(paying.iter().sum()), paying.len() as u32)
}

proptest! {
    #[test]
    fn movements_add_up_from_start_to_end_exactly(start in book(), end in book(), ever in seen()) {
        let m = Movements::from_snapshots(&start, &end, &ever);
        let (start_arr, start_count) = customer_arr(&start);
        let (end_arr, end_count) = customer_arr(&end);
        prop_assert_eq!(m.starting_arr, start_arr);
        prop_assert_eq!(m.ending_arr, end_arr);
        prop_assert_eq!(
            m.starting_arr + m.new + m.expansion - m.contraction - m.churned + m.reactivated,
            m.ending_arr
        );
        prop_assert_eq!(m.customers_at_start, start_count);
        prop_assert_eq!(m.customers_at_end, end_count);
        // Every movement is a positive amount; its kind carries the direction.
        prop_assert!(diff(&start, &end, &ever).iter().all(|mv| mv.amount.0 > 0));
    }

    #[test]
    fn a_movements_file_of_the_diff_gives_the_snapshot_summary(
        start in book(), end in book(), ever in seen()
    ) {
        let rows = diff(&start, &end, &ever);
        prop_assert_eq!(
            Movements::from_movements(&start, &rows),
            Ok(Movements::from_snapshots(&start, &end, &ever))
        );
    }

    #[test]
    fn the_accounts_a_file_does_not_name_can_be_added_as_totals(
        start in book(), end in book(), ever in seen()
    ) {
        let rows = diff(&start, &end, &ever);
        let named: HashSet<&str> = rows.iter().map(|r| r.account_id.as_str()).collect();
        let (touched, untouched): (Vec<AccountArr>, Vec<AccountArr>) = start
            .iter()
            .cloned()
            .partition(|a| named.contains(a.account_id.as_str()));
        let (arr, customers) = customer_arr(&untouched);
        prop_assert_eq!(
            Movements::from_movements(&touched, &rows).map(|m| m.with_unchanged(customers, arr)),
            Movements::from_movements(&start, &rows)
        );
    }

    #[test]
    fn an_accepted_movements_file_adds_up_and_keeps_churn_in_range(
        start in book(),
        rows in prop::collection::vec((0u8..12, 0usize..5, 1i64..50_000_000), 0..20),
    ) {
        let rows: Vec<Movement> = rows
            .into_iter()
            .map(|(id, kind, amount)| Movement {
                account_id: format!("acct-{id}"),
                kind: MovementKind::ALL[kind],
                amount: Cents(amount),
            })
            .collect();
        if let Ok(m) = Movements::from_movements(&start, &rows) {
            prop_assert_eq!(
                m.starting_arr + m.new + m.expansion - m.contraction - m.churned + m.reactivated,
                m.ending_arr
            );
            if let Some(rate) = logo_churn_rate(&m, 3).value {
                prop_assert!((0.0..=1.0).contains(&rate));
            }
            prop_assert!(nrr(&m).value >= grr(&m).value);
        }
    }

    #[test]
    fn nrr_is_never_below_grr(start in book(), end in book(), ever in seen()) {
        let m = Movements::from_snapshots(&start, &end, &ever);
        match (nrr(&m).value, grr(&m).value) {
            (Some(n), Some(g)) => prop_assert!(n >= g, "NRR {n} < GRR {g}"),
            (None, None) => prop_assert_eq!(m.starting_arr, Cents::ZERO),
            other => prop_assert!(false, "one of NRR/GRR undefined: {:?}", other),
        }
        // GRR never exceeds 100%: it keeps at most the starting ARR.
        if let Some(g) = grr(&m).value {
            prop_assert!((0.0..=1.0).contains(&g));
        }
    }

    #[test]
    fn churn_rate_lies_between_zero_and_one(
        start in book(), end in book(), ever in seen(), months in 1u32..=12
    ) {
        let m = Movements::from_snapshots(&start, &end, &ever);
        if let Some(rate) = logo_churn_rate(&m, months).value {
            prop_assert!((0.0..=1.0).contains(&rate), "churn {rate}");
            let retention = customer_retention_rate(&m).value.unwrap();
            prop_assert!((rate + retention - 1.0).abs() < 1e-12);
        } else {
            prop_assert_eq!(m.customers_at_start, 0);
        }
    }

    #[test]
    fn segments_partition_the_books_movements(start in book(), end in book(), ever in seen()) {
        let whole = Movements::from_snapshots(&start, &end, &ever);
        let mut net = Cents::ZERO;
        let mut churned = 0;
        for segment in 0..3 {
            let (s, e) = Group::Segment(format!("seg-{segment}")).select(&start, &end);
            let part = Movements::from_snapshots(&s, &e, &ever);
            net += part.net_new();
            churned += part.churned_customers;
        }
        prop_assert_eq!(net, whole.net_new());
        prop_assert_eq!(churned, whole.churned_customers);
    }
}
