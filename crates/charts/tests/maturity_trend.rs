#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! "Overall maturity over time": the overall score per assessment on CS Plan's 1 to 3 convention
//! (DOMAIN.md §4.1 "Scoring").

mod common;

use common::{elements_filled, text_contents, text_problems, texts};
use csplan_charts::TOP_DOWN_COLOR;
use csplan_charts::maturity::trend;

/// Four quarters; the third assessment has no answers yet.
fn quarters() -> Vec<(String, Option<f64>)> {
    vec![
        ("2024-03-31".to_string(), Some(1.6)),
        ("2024-06-30".to_string(), Some(1.9)),
        ("2024-09-30".to_string(), None),
        ("2024-12-31".to_string(), Some(2.4)),
    ]
}

/// Every accent `<polyline>`: the trend's line pieces.
fn lines(svg: &str) -> usize {
    svg.split("<polyline ")
        .skip(1)
        .filter(|p| p[..p.find('>').unwrap()].contains(&format!("stroke=\"{TOP_DOWN_COLOR}\"")))
        .count()
}

#[test]
fn has_title_axes_names_and_the_change_since_the_first() {
    let svg = trend(&quarters());
    let texts = text_contents(&svg);
    for expected in [
        "Overall maturity over time",
        "Overall score (1 = Poor, 3 = Excellent)",
        "Assessment",
        "2024-03-31",
        "2024-06-30",
        "2024-09-30",
        "2024-12-31",
        "Poor",
        "Average",
        "Excellent",
        "Not scored (no answers yet)",
        // 2.4 - 1.6 = 0.8.
        "Latest 2.4, up 0.8 since the first assessment",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "{expected} missing: {texts:?}"
        );
    }
    assert!(svg.contains("aria-label=\"Overall maturity over time\""));
}

#[test]
fn every_score_has_a_marker_and_its_value_higher_scores_higher() {
    let svg = trend(&quarters());
    assert_eq!(elements_filled(&svg, "circle", TOP_DOWN_COLOR).len(), 3);
    let items = texts(&svg);
    let y_of = |value: &str| items.iter().find(|t| t.content == value).unwrap().y;
    assert!(y_of("1.6") > y_of("1.9"));
    assert!(y_of("1.9") > y_of("2.4"));
    // A linear scale: 1.6 to 1.9 takes 0.3 / 0.5 of the pixels 1.9 to 2.4 takes.
    let ratio = (y_of("1.6") - y_of("1.9")) / (y_of("1.9") - y_of("2.4"));
    assert!((ratio - 0.6).abs() < 0.05, "{ratio}");
}

#[test]
fn an_assessment_without_a_score_breaks_the_line() {
    let svg = trend(&quarters());
    // 1.6 to 1.9, then nothing across the gap, and 2.4 stands alone.
    assert_eq!(lines(&svg), 1);
    assert!(text_contents(&svg).contains(&"not scored".to_string()));
    let joined = vec![
        ("A".to_string(), Some(1.0)),
        ("B".to_string(), Some(2.0)),
        ("C".to_string(), Some(3.0)),
    ];
    assert_eq!(lines(&trend(&joined)), 1);
    assert!(!text_contents(&trend(&joined)).contains(&"Not scored (no answers yet)".to_string()));
}

#[test]
fn one_assessment_is_one_marker() {
    let svg = trend(&[("Baseline".to_string(), Some(1.8))]);
    assert_eq!(elements_filled(&svg, "circle", TOP_DOWN_COLOR).len(), 1);
    assert_eq!(lines(&svg), 0);
    let texts = text_contents(&svg);
    assert!(texts.contains(&"1.8".to_string()));
    assert!(texts.contains(&"Latest 1.8".to_string()));
}

#[test]
fn many_long_named_assessments_keep_the_labels_apart() {
    for count in 1..=24 {
        let points: Vec<(String, Option<f64>)> = (0..count)
            .map(|i| {
                let score = (i % 5 != 3).then_some(1.0 + f64::from(i % 9) * 0.25);
                (format!("Quarterly leadership assessment {}", i + 1), score)
            })
            .collect();
        let svg = trend(&points);
        assert_eq!(
            text_problems(&svg),
            Vec::<String>::new(),
            "{count} assessments"
        );
        // The latest assessment is always named.
        assert!(
            texts(&svg)
                .iter()
                .any(|t| t.content.starts_with("Quarterly")),
            "{count}"
        );
    }
}

#[test]
fn no_assessments_say_what_to_do() {
    let texts = text_contents(&trend(&[]));
    assert!(
        texts.iter().any(|t| t.starts_with("No assessments yet")),
        "{texts:?}"
    );
    assert!(texts.contains(&"Overall score (1 = Poor, 3 = Excellent)".to_string()));
}

#[test]
fn a_score_off_the_scale_gives_a_chart_that_says_why() {
    let svg = trend(&[("Q3 review".to_string(), Some(0.5))]);
    let text = text_contents(&svg).join(" ");
    assert!(
        text.contains("The overall score of &quot;Q3 review&quot; is 0.5, outside the scale"),
        "{text}"
    );
}

#[test]
fn snapshot_of_four_quarters() {
    insta::assert_snapshot!(trend(&quarters()));
}
