#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! "Performance rank vs payout rank": whether top performers are still the top earners
//! (DOMAIN.md §3.7 step 5), with each plan's Spearman correlation as the backtest reports it.

mod common;

use common::{attribute, elements_filled, text_contents, texts};
use csplan_charts::compensation::rank_vs_rank;
use csplan_charts::{BOTTOM_UP_COLOR, TOP_DOWN_COLOR};

/// Four CSMs: the current plan pays in performance order, the proposal in reverse.
fn plans() -> Vec<(String, Vec<(f64, f64)>)> {
    vec![
        (
            "Current".to_string(),
            vec![(1.0, 1.0), (2.0, 2.0), (3.0, 3.0), (4.0, 4.0)],
        ),
        (
            "Proposed".to_string(),
            vec![(1.0, 4.0), (2.0, 3.0), (3.0, 2.0), (4.0, 1.0)],
        ),
    ]
}

#[test]
fn legend_gives_each_plans_spearman() {
    let svg = rank_vs_rank(&plans());
    let texts = text_contents(&svg);
    for expected in [
        "Performance rank vs payout rank",
        "Dashed diagonal: pay follows performance exactly",
        "Current: Spearman 1.00",
        "Proposed: Spearman -1.00",
        "Performance rank (1 = best)",
        "Payout rank (1 = paid most)",
        "1",
        "4",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "{expected} missing: {texts:?}"
        );
    }
}

#[test]
fn spearman_of_tied_ranks_is_pearson_of_the_average_ranks() {
    // perf 1..4, pay (1.5, 1.5, 3, 4): Pearson = 0.9487 (DOMAIN.md §3.7 step 5 via W4's
    // Spearman, ties sharing the average rank).
    let svg = rank_vs_rank(&[(
        "Tied".to_string(),
        vec![(1.0, 1.5), (2.0, 1.5), (3.0, 3.0), (4.0, 4.0)],
    )]);
    assert!(text_contents(&svg).contains(&"Tied: Spearman 0.95".to_string()));
    let flat = rank_vs_rank(&[("Flat".to_string(), vec![(1.0, 1.5), (2.0, 1.5)])]);
    assert!(text_contents(&flat).contains(&"Flat: Spearman n/a".to_string()));
}

#[test]
fn every_csm_is_a_marker_and_rank_one_is_at_the_origin() {
    let svg = rank_vs_rank(&plans());
    // Four CSMs and the legend key of each plan.
    let dots = elements_filled(&svg, "circle", TOP_DOWN_COLOR);
    assert_eq!(dots.len(), 5);
    assert_eq!(elements_filled(&svg, "rect", BOTTOM_UP_COLOR).len(), 5);
    // The current plan's points climb the diagonal: rank 1 left and bottom, rank 4 right and top.
    let mut points: Vec<(f64, f64)> = dots
        .iter()
        .map(|c| (attribute(c, "cx"), attribute(c, "cy")))
        .filter(|(_, y)| *y > 60.0)
        .collect();
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert_eq!(points.len(), 4);
    assert!(
        points
            .windows(2)
            .all(|w| w[1].0 > w[0].0 && w[1].1 < w[0].1),
        "{points:?}"
    );
    let one = texts(&svg)
        .into_iter()
        .find(|t| t.content == "1" && t.anchor == "middle")
        .unwrap();
    assert!((one.x - points[0].0).abs() <= 1.0);
}

#[test]
fn the_diagonal_is_dashed_from_corner_to_corner() {
    let svg = rank_vs_rank(&plans());
    // The dashes are the 2-pixel grey polylines.
    let dashes: Vec<(f64, f64)> = svg
        .split("<polyline ")
        .skip(1)
        .map(|p| &p[..p.find('>').unwrap()])
        .filter(|p| p.contains("stroke=\"#6B7280\" stroke-width=\"2\""))
        .flat_map(|p| {
            let start = p.find("points=\"").unwrap() + 8;
            let end = start + p[start..].find('"').unwrap();
            p[start..end]
                .split_whitespace()
                .map(|pair| {
                    let (x, y) = pair.split_once(',').unwrap();
                    (x.parse::<f64>().unwrap(), y.parse::<f64>().unwrap())
                })
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(dashes.len() > 20, "{} dash ends", dashes.len());
    let first = dashes.first().unwrap();
    let last = dashes.last().unwrap();
    // Up and to the right across the whole plot, every dash on the one line.
    assert!(
        last.0 - first.0 > 450.0 && first.1 - last.1 > 150.0,
        "{first:?} {last:?}"
    );
    let slope = (last.1 - first.1) / (last.0 - first.0);
    for (x, y) in &dashes {
        assert!(
            (first.1 + slope * (x - first.0) - y).abs() <= 1.5,
            "{x},{y}"
        );
    }
}

#[test]
fn no_plans_or_csms_say_what_to_do() {
    for svg in [
        rank_vs_rank(&[]),
        rank_vs_rank(&[("Draft".to_string(), Vec::new())]),
    ] {
        let texts = text_contents(&svg);
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("No plans to compare yet")),
            "{texts:?}"
        );
    }
    let texts = text_contents(&rank_vs_rank(&[("Draft".to_string(), Vec::new())]));
    assert!(texts.contains(&"Draft: no CSMs".to_string()), "{texts:?}");
}

#[test]
fn a_rank_below_one_gives_a_chart_that_says_why() {
    let svg = rank_vs_rank(&[("Draft".to_string(), vec![(1.0, 1.0), (0.0, 2.0)])]);
    let text = text_contents(&svg).join(" ");
    assert!(
        text.contains("CSM 2 of &quot;Draft&quot; has performance rank 0 and payout rank 2"),
        "{text}"
    );
}

#[test]
fn snapshot_of_two_plans() {
    insta::assert_snapshot!(rank_vs_rank(&plans()));
}
