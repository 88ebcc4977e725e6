#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! "CSMs needed per segment": what the chart must show for a hand-made plan.

mod common;

use common::{attribute, elements_filled, extreme_plan, fixed_plan, text_contents, text_problems};
use csplan_charts::{BOTTOM_UP_COLOR, TOP_DOWN_COLOR, csms_per_segment};
use csplan_domain::capacity::{CapacityParams, plan};

#[test]
fn has_title_axes_and_legend() {
    let svg = csms_per_segment(&fixed_plan());
    let texts = text_contents(&svg);
    for expected in [
        "CSMs needed per segment",
        "CSMs (FTE)",
        "Segment",
        "Top-down (from ARR)",
        "Bottom-up (from activities)",
        "Enterprise",
        "Mid-Market",
        "SMB",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "{expected} missing: {texts:?}"
        );
    }
    assert!(svg.contains("aria-label=\"CSMs needed per segment\""));
}

#[test]
fn one_bar_per_segment_and_side_in_the_method_colours() {
    let svg = csms_per_segment(&fixed_plan());
    // One swatch in the legend, then one bar per segment.
    let top_down = elements_filled(&svg, "rect", TOP_DOWN_COLOR);
    let bottom_up = elements_filled(&svg, "rect", BOTTOM_UP_COLOR);
    assert_eq!(top_down.len(), 1 + 3);
    assert_eq!(bottom_up.len(), 1 + 3);

    // Bar heights are proportional to FTE: 20.0, 26.7, 16.7 top-down; 2.7, 5.1, 9.0 bottom-up.
    let plan = fixed_plan();
    let heights: Vec<f64> = top_down[1..]
        .iter()
        .chain(&bottom_up[1..])
        .map(|bar| attribute(bar, "height"))
        .collect();
    let ftes: Vec<f64> = plan
        .segments
        .iter()
        .map(|s| s.top_down.fte)
        .chain(plan.segments.iter().map(|s| s.bottom_up.fte))
        .collect();
    let pixels_per_fte = heights[0] / ftes[0];
    for (height, fte) in heights.iter().zip(&ftes) {
        assert!(
            (height - fte * pixels_per_fte).abs() <= 1.5,
            "bar of {fte} FTE is {height} px high"
        );
    }
    // Top-down bars stand left of their segment's bottom-up bar.
    for (td, bu) in top_down[1..].iter().zip(&bottom_up[1..]) {
        assert!(attribute(td, "x") < attribute(bu, "x"));
    }
}

#[test]
fn every_bar_carries_its_fte_with_one_decimal() {
    let svg = csms_per_segment(&fixed_plan());
    let texts = text_contents(&svg);
    // Enterprise $30M / $1.5M = 20.0; 120 x 13.67 / 600 = 2.7. Mid-Market 26.7 and 5.1.
    // SMB $25M / $1.5M = 16.7; 5,000 x 1.083 / 600 = 9.0.
    for value in ["20.0", "2.7", "26.7", "5.1", "16.7", "9.0"] {
        assert_eq!(
            texts.iter().filter(|t| *t == value).count(),
            1,
            "{value}: {texts:?}"
        );
    }
    assert!(texts.contains(&"Total 63.3 FTE top-down, 16.9 FTE bottom-up".to_string()));
}

#[test]
fn realistic_extremes_keep_every_label_readable() {
    let svg = csms_per_segment(&extreme_plan());
    let texts = text_contents(&svg);
    for value in ["400.0", "0.3", "12.0", "0.0"] {
        assert!(texts.iter().any(|t| t == value), "{value}: {texts:?}");
    }
    assert_eq!(text_problems(&svg), Vec::<String>::new());
    assert_eq!(
        text_problems(&csms_per_segment(&fixed_plan())),
        Vec::<String>::new()
    );
}

#[test]
fn an_empty_plan_says_what_to_do() {
    let empty = plan(&[], &CapacityParams::default()).unwrap();
    let svg = csms_per_segment(&empty);
    let texts = text_contents(&svg);
    assert!(
        texts.iter().any(|t| t.starts_with("No segments yet")),
        "{texts:?}"
    );
    assert!(texts.contains(&"CSMs (FTE)".to_string()));
    assert!(elements_filled(&svg, "rect", TOP_DOWN_COLOR).len() <= 1);
}

#[test]
fn snapshot_of_the_fixed_plan() {
    insta::assert_snapshot!(csms_per_segment(&fixed_plan()));
}
