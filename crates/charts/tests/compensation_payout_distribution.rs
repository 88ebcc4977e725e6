#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! "Variable payout per CSM": each plan's CSM totals over the backtest (DOMAIN.md §3.7 steps
//! 2-3) as dots over a box of the middle half, with the median, on a dollar axis.

mod common;

use common::{attribute, elements_filled, text_contents, texts};
use csplan_charts::compensation::payout_distribution;
use csplan_charts::{BOTTOM_UP_COLOR, TOP_DOWN_COLOR};

/// Five CSMs under each plan; the proposal pays more and spreads it wider.
fn plans() -> Vec<(String, Vec<f64>)> {
    vec![
        (
            "Current plan (80/20, GRR)".to_string(),
            vec![40_000.0, 10_000.0, 30_000.0, 20_000.0, 50_000.0],
        ),
        (
            "Proposed plan (70/30, NRR + expansion)".to_string(),
            vec![5_000.0, 25_000.0, 45_000.0, 65_000.0, 85_000.0],
        ),
    ]
}

/// The `<polyline>`s drawn in `color` with `width`, as their point lists.
fn lines(svg: &str, color: &str, width: u32) -> Vec<Vec<(f64, f64)>> {
    svg.split("<polyline ")
        .skip(1)
        .map(|rest| &rest[..rest.find('>').unwrap()])
        .filter(|attrs| {
            attrs.contains(&format!("stroke=\"{color}\""))
                && attrs.contains(&format!("stroke-width=\"{width}\""))
        })
        .map(|attrs| {
            let start = attrs.find("points=\"").unwrap() + 8;
            let end = start + attrs[start..].find('"').unwrap();
            attrs[start..end]
                .split_whitespace()
                .map(|pair| {
                    let (x, y) = pair.split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect()
        })
        .collect()
}

#[test]
fn names_figures_axis_and_legend() {
    let svg = payout_distribution(&plans());
    let texts = text_contents(&svg);
    for expected in [
        "Variable payout per CSM",
        "5 CSMs",
        "One dot per CSM",
        "Middle half and median",
        "Lowest to highest",
        "Current plan (80/20, GRR)",
        "Proposed plan (70/30, NRR + expansion)",
        // numpy's quartiles of 10k..50k: median 30k.
        "median $30k, range $10k to $50k",
        "median $45k, range $5k to $85k",
        "Variable payout per CSM over the backtest",
        // 85k with headroom runs to 100k in steps of 20k.
        "$0",
        "$20k",
        "$100k",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "{expected} missing: {texts:?}"
        );
    }
    assert!(svg.contains("aria-label=\"Variable payout per CSM\""));
}

#[test]
fn one_marker_per_csm_in_the_plans_colour_and_shape() {
    let svg = payout_distribution(&plans());
    // Five CSMs and the marker before the plan's name.
    assert_eq!(elements_filled(&svg, "circle", TOP_DOWN_COLOR).len(), 6);
    assert_eq!(elements_filled(&svg, "rect", BOTTOM_UP_COLOR).len(), 6);
}

#[test]
fn the_box_spans_the_quartiles_and_the_whisker_the_range() {
    let svg = payout_distribution(&plans());
    let boxes: Vec<String> = svg
        .split("<rect ")
        .skip(1)
        .map(|r| r[..r.find('>').unwrap()].to_string())
        .filter(|r| r.contains(&format!("stroke=\"{TOP_DOWN_COLOR}\"")))
        .collect();
    assert_eq!(boxes.len(), 1, "{boxes:?}");
    let (q1, q3) = (
        attribute(&boxes[0], "x"),
        attribute(&boxes[0], "x") + attribute(&boxes[0], "width"),
    );
    // The whisker and its two caps are the 1-pixel lines of the plan's colour.
    let whiskers = lines(&svg, TOP_DOWN_COLOR, 1);
    let long = whiskers
        .iter()
        .find(|points| points[0].1 == points[1].1)
        .unwrap();
    let (low, high) = (long[0].0, long[1].0);
    // 10k..50k against 20k..40k: the box is half the whisker, centred on it.
    assert!(
        ((q3 - q1) * 2.0 - (high - low)).abs() <= 2.0,
        "{q1} {q3} {low} {high}"
    );
    assert!(((q1 + q3) - (low + high)).abs() <= 2.0);
    let median = &lines(&svg, TOP_DOWN_COLOR, 3)[0];
    assert!((median[0].0 - (q1 + q3) / 2.0).abs() <= 1.0);
}

#[test]
fn a_higher_payout_sits_further_right() {
    let svg = payout_distribution(&[("Only".to_string(), vec![10_000.0, 30_000.0])]);
    let mut xs: Vec<f64> = elements_filled(&svg, "circle", TOP_DOWN_COLOR)
        .iter()
        .map(|c| attribute(c, "cx"))
        .collect();
    xs.sort_by(f64::total_cmp);
    // The name's marker is leftmost; then 10k, then 30k three times as far from $0.
    let zero = texts(&svg).iter().find(|t| t.content == "$0").unwrap().x;
    let ratio = (xs[2] - zero) / (xs[1] - zero);
    assert!((ratio - 3.0).abs() < 0.05, "{xs:?} from {zero}");
}

#[test]
fn a_plan_without_csms_says_so_and_nothing_draws_an_empty_chart() {
    let svg = payout_distribution(&[("Draft".to_string(), Vec::new())]);
    let texts = text_contents(&svg);
    assert!(
        texts.contains(&"no CSMs in the history".to_string()),
        "{texts:?}"
    );
    assert!(
        !texts
            .iter()
            .any(|t| t.ends_with("CSMs") && t != "no CSMs in the history")
    );

    let texts = text_contents(&payout_distribution(&[]));
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("No plans to compare yet")),
        "{texts:?}"
    );
}

#[test]
fn a_payout_that_is_not_dollars_gives_a_chart_that_says_why() {
    let svg = payout_distribution(&[("Draft".to_string(), vec![1_000.0, f64::NAN])]);
    let text = text_contents(&svg).join(" ");
    assert!(
        text.contains("CSM 2 of &quot;Draft&quot; has a payout of NaN"),
        "{text}"
    );
    let svg = payout_distribution(&[("Draft".to_string(), vec![-5.0])]);
    assert!(text_contents(&svg).join(" ").contains("0 or more"));
}

#[test]
fn snapshot_of_two_plans() {
    insta::assert_snapshot!(payout_distribution(&plans()));
}
