#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! "Customers per CSM against the touch bands": what the chart must show for a hand-made plan.

mod common;

use common::{elements_filled, extreme_plan, fixed_plan, text_contents, text_problems, texts};
use csplan_charts::{BOTTOM_UP_COLOR, TOP_DOWN_COLOR, customers_per_csm};
use csplan_domain::capacity::{CapacityParams, TouchBands, plan};

fn chart(plan: &csplan_domain::capacity::CapacityPlan) -> String {
    customers_per_csm(plan, &TouchBands::default())
}

#[test]
fn has_title_axes_legend_and_named_bands() {
    let svg = chart(&fixed_plan());
    let texts = text_contents(&svg);
    for expected in [
        "Customers per CSM against the touch bands",
        "Customers per CSM (log scale)",
        "Segment",
        "Top-down (from ARR)",
        "Bottom-up (from activities)",
        "High-touch",
        "under 50",
        "Low-touch",
        "50 to under 200",
        "Automated",
        "200 and more",
        "Enterprise",
        "Mid-Market",
        "SMB",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "{expected} missing: {texts:?}"
        );
    }
}

#[test]
fn one_marker_per_segment_and_side_with_its_value() {
    let svg = chart(&fixed_plan());
    // The legend's marker plus one per segment.
    assert_eq!(elements_filled(&svg, "circle", TOP_DOWN_COLOR).len(), 1 + 3);
    assert_eq!(elements_filled(&svg, "rect", BOTTOM_UP_COLOR).len(), 1 + 3);
    let texts = text_contents(&svg);
    // 120 / 20 = 6.0 and 600 / 13.67 = 43.9; 800 / 26.7 = 30.0 and 600 / 3.83 = 156.5;
    // 5,000 / 16.7 = 300 and 600 / 1.083 = 553.8.
    for value in ["6.0", "43.9", "30.0", "157", "300", "554"] {
        assert_eq!(
            texts.iter().filter(|t| *t == value).count(),
            1,
            "{value}: {texts:?}"
        );
    }
}

#[test]
fn larger_books_sit_higher_on_the_scale() {
    let svg = chart(&fixed_plan());
    let y_of = |value: &str| {
        texts(&svg)
            .into_iter()
            .find(|t| t.content == value)
            .unwrap()
            .y
    };
    assert!(y_of("6.0") > y_of("43.9"));
    assert!(y_of("43.9") > y_of("157"));
    assert!(y_of("157") > y_of("554"));
    // Log scale: 6 to 60 spans as many pixels as 30 to 300, roughly.
    let decade = y_of("30.0") - y_of("300");
    assert!((y_of("6.0") - y_of("43.9") - decade * (43.9f64 / 6.0).log10()).abs() < 3.0);
}

#[test]
fn a_segment_without_csms_is_drawn_at_the_top_with_a_note() {
    let svg = chart(&extreme_plan());
    let items = texts(&svg);
    let note = items.iter().find(|t| t.content == "no CSM needed").unwrap();
    let highest_value = items
        .iter()
        .filter(|t| t.content == "5,000")
        .map(|t| t.y)
        .next()
        .unwrap();
    assert!(note.y < highest_value + 20.0, "the note sits at the top");
    // Hollow markers: white fill with a coloured outline.
    assert!(svg.contains(&format!("fill=\"none\" stroke=\"{TOP_DOWN_COLOR}\"")));
}

#[test]
fn realistic_extremes_keep_every_label_readable() {
    let svg = chart(&extreme_plan());
    let texts = text_contents(&svg);
    for value in ["5.0", "5,000", "150", "6.7"] {
        assert!(texts.iter().any(|t| t == value), "{value}: {texts:?}");
    }
    assert_eq!(text_problems(&svg), Vec::<String>::new());
    assert_eq!(text_problems(&chart(&fixed_plan())), Vec::<String>::new());
}

#[test]
fn edited_bands_move_and_rename() {
    let bands = TouchBands {
        high_touch_below: 20.0,
        automated_from: 120.0,
    };
    let texts = text_contents(&customers_per_csm(&fixed_plan(), &bands));
    for expected in ["under 20", "20 to under 120", "120 and more"] {
        assert!(texts.iter().any(|t| t == expected), "{expected}: {texts:?}");
    }
}

#[test]
fn impossible_bands_give_a_chart_that_says_why() {
    let bands = TouchBands {
        high_touch_below: 250.0,
        automated_from: 200.0,
    };
    let svg = customers_per_csm(&fixed_plan(), &bands);
    assert!(svg.contains("The touch bands cannot be drawn"), "{svg}");
    assert!(svg.contains("high-touch below 250, automated from 200"));
    let nan = TouchBands {
        high_touch_below: f64::NAN,
        automated_from: 200.0,
    };
    assert!(customers_per_csm(&fixed_plan(), &nan).contains("cannot be drawn"));
}

#[test]
fn an_empty_plan_says_what_to_do() {
    let empty = plan(&[], &CapacityParams::default()).unwrap();
    let texts = text_contents(&chart(&empty));
    assert!(
        texts.iter().any(|t| t.starts_with("No segments yet")),
        "{texts:?}"
    );
    assert!(texts.contains(&"Customers per CSM (log scale)".to_string()));
}

#[test]
fn snapshot_of_the_fixed_plan() {
    insta::assert_snapshot!(chart(&fixed_plan()));
}
