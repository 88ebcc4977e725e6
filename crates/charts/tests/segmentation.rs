#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The Segments page's charts on hand-made segments: title, axis titles with units, legend,
//! one bar per segment and measure in the segment's colour with heights in proportion, labels
//! that neither overlap nor leave the canvas, the empty state, and well-formed XML.

mod common;

use common::xml::well_formed;
use common::{attribute, elements_filled, text_contents, text_problems};
use csplan_charts::segmentation::{arr_and_accounts, health_per_segment};
use csplan_domain::Cents;
use csplan_domain::capacity::TouchModel;
use csplan_domain::metrics::HealthBands;
use csplan_domain::segmentation::{SegmentHealth, SegmentSummary};

const COLOURS: [&str; 8] = [
    "#0072B2", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#E69F00", "#F0E442", "#000000",
];

fn summary(
    name: &str,
    colour: &str,
    accounts: u64,
    dollars: i64,
    book: (u64, i64),
) -> SegmentSummary {
    SegmentSummary {
        segment: name.into(),
        touch_model: TouchModel::LowTouch,
        colour: colour.into(),
        accounts,
        total_arr: Cents(dollars * 100),
        share_of_arr: dollars as f64 / book.1 as f64,
        share_of_accounts: accounts as f64 / book.0 as f64,
        mean_health: None,
        health_points: 0,
        nps: None,
        nps_responses: 0,
        nps_promoters: 0,
        nps_detractors: 0,
        renewals_next_90_days: 0,
        renewals_next_90_days_arr: Cents(0),
    }
}

/// Book of 100 accounts and $10M: Strategic 5 / $4M, Mid-Market 25 / $4.5M, SMB 70 / $1.5M.
fn three() -> Vec<SegmentSummary> {
    let book = (100, 10_000_000);
    vec![
        summary("Strategic", "#0072B2", 5, 4_000_000, book),
        summary("Mid-Market", "#CC79A7", 25, 4_500_000, book),
        summary("SMB", "#56B4E9", 70, 1_500_000, book),
    ]
}

fn many(n: usize) -> Vec<SegmentSummary> {
    let book = (n as u64 * 1_234, n as i64 * 12_345_678);
    (0..n)
        .map(|i| {
            summary(
                &format!("International growth segment {i}"),
                COLOURS[i % COLOURS.len()],
                1_234,
                12_345_678,
                book,
            )
        })
        .collect()
}

fn health(name: &str, colour: &str, red: u64, yellow: u64, green: u64) -> SegmentHealth {
    SegmentHealth {
        segment: name.into(),
        colour: colour.into(),
        red,
        yellow,
        green,
    }
}

#[test]
fn arr_and_accounts_has_title_axes_legend_and_values() {
    let svg = arr_and_accounts(&three());
    let texts = text_contents(&svg);
    for expected in [
        "ARR and accounts per segment",
        "Segment",
        "Share of the book (%)",
        "Share of ARR (label: ARR)",
        "Share of accounts (label: accounts)",
        "Total $10M ARR, 100 accounts",
        "Strategic",
        "$4M",
        "$4.5M",
        "$1.5M",
        "5",
        "25",
        "70",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "{expected} missing: {texts:?}"
        );
    }
    assert!(text_problems(&svg).is_empty(), "{:?}", text_problems(&svg));
    well_formed(&svg).unwrap();
}

/// Solid ARR bars in the segment colour, heights in proportion to the share: 40%, 45%, 15%.
#[test]
fn arr_bars_take_the_segment_colour_in_proportion() {
    let svg = arr_and_accounts(&three());
    let heights: Vec<f64> = ["#0072B2", "#CC79A7", "#56B4E9"]
        .iter()
        .map(|c| {
            let bars = elements_filled(&svg, "rect", c);
            assert_eq!(bars.len(), 1, "one solid bar in {c}");
            attribute(&bars[0], "height")
        })
        .collect();
    let per_point = heights[0] / 40.0;
    for (height, share) in heights.iter().zip([40.0, 45.0, 15.0]) {
        assert!(
            (height - share * per_point).abs() <= 1.5,
            "{height} px for {share}%"
        );
    }
}

#[test]
fn many_segments_with_long_names_keep_labels_apart() {
    for n in [1, 6, 12] {
        let svg = arr_and_accounts(&many(n));
        assert!(
            text_problems(&svg).is_empty(),
            "{n}: {:?}",
            text_problems(&svg)
        );
        well_formed(&svg).unwrap();
    }
}

/// One segment with the whole book: the axis stops at 100% (plus label room), not at 150.
#[test]
fn a_share_axis_never_passes_100_percent() {
    let svg = arr_and_accounts(&[summary("Everyone", "#56B4E9", 10, 1_000, (10, 1_000))]);
    let texts = text_contents(&svg);
    assert!(texts.iter().any(|t| t == "100"), "{texts:?}");
    assert!(!texts.iter().any(|t| t == "120" || t == "150"), "{texts:?}");
    assert!(text_problems(&svg).is_empty(), "{:?}", text_problems(&svg));
}

#[test]
fn empty_book_says_what_to_do() {
    let svg = arr_and_accounts(&[]);
    let texts = text_contents(&svg).join(" ");
    assert!(
        texts.contains("import accounts on the Data page"),
        "{texts}"
    );
    well_formed(&svg).unwrap();
    let svg = health_per_segment(
        &[health("SMB", "#56B4E9", 0, 0, 0)],
        &HealthBands::default(),
    );
    assert!(text_contents(&svg).join(" ").contains("import accounts"));
    well_formed(&svg).unwrap();
}

/// Strategic 2 red / 3 yellow / 5 green of 10: bands 20%, 30%, 50% of the bar's height.
#[test]
fn health_stacks_red_yellow_green_to_100_percent() {
    let rows = [
        health("Strategic", "#0072B2", 2, 3, 5),
        health("SMB <\"pooled\"> & co", "#56B4E9", 30, 0, 10),
    ];
    let svg = health_per_segment(&rows, &HealthBands::default());
    let texts = text_contents(&svg);
    for expected in [
        "Health per segment",
        "Accounts (%)",
        "Segment",
        "Red: health below 40",
        "Yellow: 40 to below 70",
        "Green: 70 and above",
        "32 of 50 accounts red (64.0%)",
        "n = 10",
        "n = 40",
        "20%",
        "30%",
        "50%",
        "75%",
        "25%",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "{expected} missing: {texts:?}"
        );
    }
    let red = elements_filled(&svg, "rect", "#D55E00");
    let yellow = elements_filled(&svg, "rect", "#F0E442");
    let green = elements_filled(&svg, "rect", "#009E73");
    // One legend swatch each, then one band per segment that has accounts in it.
    assert_eq!((red.len(), yellow.len(), green.len()), (3, 2, 3));
    let (r, y, g) = (
        attribute(&red[1], "height"),
        attribute(&yellow[1], "height"),
        attribute(&green[1], "height"),
    );
    assert!(
        (y / r - 1.5).abs() < 0.1 && (g / r - 2.5).abs() < 0.1,
        "{r} {y} {g}"
    );
    assert!(text_problems(&svg).is_empty(), "{:?}", text_problems(&svg));
    well_formed(&svg).unwrap();
}

#[test]
fn health_with_many_segments_and_edited_cut_offs() {
    let rows: Vec<SegmentHealth> = (0..12)
        .map(|i| health(&format!("Segment number {i}"), COLOURS[i % 8], 1, 2, 3))
        .collect();
    let bands = HealthBands {
        green_from: 62.5,
        yellow_from: 30.0,
    };
    let svg = health_per_segment(&rows, &bands);
    let texts = text_contents(&svg);
    assert!(texts.iter().any(|t| t == "Yellow: 30 to below 62.5"));
    assert!(text_problems(&svg).is_empty(), "{:?}", text_problems(&svg));
    well_formed(&svg).unwrap();
}
