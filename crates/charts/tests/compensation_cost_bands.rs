#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! "Yearly variable cost under stress": each plan's P5-P95 cost with median and mean against
//! its budget (WORKLOADS.md W5's summary).

mod common;

use common::{attribute, elements_filled, text_contents, texts};
use csplan_charts::compensation::{CostBand, cost_bands};
use csplan_charts::{BOTTOM_UP_COLOR, TOP_DOWN_COLOR};

fn bands() -> Vec<CostBand> {
    vec![
        CostBand {
            plan: "Current plan (80/20, GRR)".to_string(),
            p5: 250_000.0,
            p50: 290_000.0,
            p95: 340_000.0,
            mean: 292_000.0,
            budget: 288_000.0,
        },
        CostBand {
            plan: "Proposed plan (70/30, NRR + expansion)".to_string(),
            p5: 300_000.0,
            p50: 400_000.0,
            p95: 600_000.0,
            mean: 420_000.0,
            budget: 432_000.0,
        },
    ]
}

#[test]
fn figures_budget_and_legend() {
    let svg = cost_bands(&bands());
    let texts = text_contents(&svg);
    for expected in [
        "Yearly variable cost under stress",
        "P5 to P95 of the trials",
        "Median",
        "Mean",
        "Budget",
        "Current plan (80/20, GRR)",
        // Shortened to leave the figures their room.
        "Proposed plan (70/30, NRR + expansi…",
        "P5 $250k, median $290k, P95 $340k, mean $292k",
        "P5 $300k, median $400k, P95 $600k, mean $420k",
        "budget $288k",
        "budget $432k",
        "Variable pay for the whole team in a year",
        "$0",
        "$200k",
        "$600k",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "{expected} missing: {texts:?}"
        );
    }
}

#[test]
fn the_bar_runs_from_p5_to_p95_on_the_dollar_axis() {
    let svg = cost_bands(&bands());
    let zero = texts(&svg).iter().find(|t| t.content == "$0").unwrap().x;
    let per_dollar = {
        let tick = texts(&svg)
            .into_iter()
            .find(|t| t.content == "$200k")
            .unwrap();
        (tick.x - zero) / 200_000.0
    };
    for (color, band) in [
        (TOP_DOWN_COLOR, &bands()[0]),
        (BOTTOM_UP_COLOR, &bands()[1]),
    ] {
        // The bar and the marker before the plan's name.
        let bar = elements_filled(&svg, "rect", color)
            .into_iter()
            .max_by(|a, b| attribute(a, "width").total_cmp(&attribute(b, "width")))
            .unwrap();
        let left = attribute(&bar, "x");
        let width = attribute(&bar, "width");
        assert!((left - zero - band.p5 * per_dollar).abs() <= 2.0, "{bar}");
        assert!(
            (width - (band.p95 - band.p5) * per_dollar).abs() <= 2.0,
            "{bar}"
        );
    }
}

#[test]
fn a_budget_near_the_end_of_the_axis_writes_its_amount_to_the_left() {
    let band = CostBand {
        plan: "Tight".to_string(),
        p5: 100_000.0,
        p50: 150_000.0,
        p95: 200_000.0,
        mean: 150_000.0,
        budget: 230_000.0,
    };
    let svg = cost_bands(&[band]);
    let label = texts(&svg)
        .into_iter()
        .find(|t| t.content == "budget $230k")
        .unwrap();
    assert_eq!(label.anchor, "end", "{label:?}");
    assert!(common::text_problems(&svg).is_empty());
}

#[test]
fn no_bands_say_what_to_do() {
    let texts = text_contents(&cost_bands(&[]));
    assert!(
        texts.iter().any(|t| t.starts_with("No stress test yet")),
        "{texts:?}"
    );
}

#[test]
fn costs_out_of_order_give_a_chart_that_says_why() {
    let mut band = bands().remove(0);
    band.p5 = 500_000.0;
    let text = text_contents(&cost_bands(&[band])).join(" ");
    assert!(
        text.contains("The costs of &quot;Current plan (80/20, GRR)&quot; are out of order"),
        "{text}"
    );
}

#[test]
fn snapshot_of_two_plans() {
    insta::assert_snapshot!(cost_bands(&bands()));
}
