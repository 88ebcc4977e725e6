#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! "Maturity by question (consensus)": the radar of DOMAIN.md §4.1's nine questions on CS Plan's
//! Poor = 1, Average = 2, Excellent = 3 convention.

mod common;

use common::{attribute, elements_filled, text_contents, text_problems};
use csplan_charts::TOP_DOWN_COLOR;
use csplan_charts::maturity::radar;

pub fn questions() -> Vec<String> {
    [
        "Q1 Reporting line",
        "Q2 Renewal ownership",
        "Q3 Company-wide goals",
        "Q4 Cost to retain",
        "Q5 Health-score inputs",
        "Q6 Churn understanding",
        "Q7 Value measurement",
        "Q8 Feature requests",
        "Q9 Executive review",
    ]
    .map(String::from)
    .to_vec()
}

/// The consensus of the snapshot: Q5 unanswered, the rest from Poor to Excellent.
fn consensus() -> Vec<Option<f64>> {
    vec![
        Some(2.0),
        Some(1.5),
        Some(1.0),
        Some(3.0),
        None,
        Some(2.5),
        Some(2.0),
        Some(1.0),
        Some(2.0),
    ]
}

/// The `points` of every `<polygon>`, as pixel pairs.
fn polygons(svg: &str) -> Vec<Vec<(f64, f64)>> {
    svg.split("<polygon ")
        .skip(1)
        .map(|rest| {
            let tag = &rest[..rest.find('>').unwrap()];
            let start = tag.find("points=\"").unwrap() + 8;
            let end = start + tag[start..].find('"').unwrap();
            tag[start..end]
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
fn has_title_legend_rings_and_a_labelled_spoke_per_question() {
    let svg = radar(&questions(), &consensus());
    let texts = text_contents(&svg);
    for expected in questions().iter().map(String::as_str).chain([
        "Maturity by question (consensus)",
        "Consensus (median answer)",
        "Not answered",
        "1 Poor",
        "2 Average",
        "3 Excellent",
        "8 of 9 questions answered",
    ]) {
        assert!(
            texts.iter().any(|t| t == expected),
            "{expected} missing: {texts:?}"
        );
    }
    assert!(svg.contains("aria-label=\"Maturity by question (consensus)\""));
    // Every answered question's score under its label, one decimal.
    for (score, count) in [("1.0", 2), ("1.5", 1), ("2.0", 3), ("2.5", 1), ("3.0", 1)] {
        assert_eq!(
            texts.iter().filter(|t| *t == score).count(),
            count,
            "{score}: {texts:?}"
        );
    }
}

#[test]
fn the_area_has_a_corner_per_answered_question() {
    let svg = radar(&questions(), &consensus());
    let areas = polygons(&svg);
    assert_eq!(areas.len(), 1);
    assert_eq!(areas[0].len(), 8, "Q5 is not answered: {:?}", areas[0]);

    let all = vec![Some(2.0); 9];
    assert_eq!(polygons(&radar(&questions(), &all))[0].len(), 9);
    assert!(polygons(&radar(&questions(), &[None; 9])).is_empty());
}

#[test]
fn a_higher_consensus_sits_further_out_in_proportion() {
    let svg = radar(&questions(), &consensus());
    let markers = elements_filled(&svg, "circle", TOP_DOWN_COLOR);
    assert_eq!(markers.len(), 8, "one filled marker per answered question");
    // The first spoke points straight up and Q4's (score 3) 120 degrees clockwise of it, so
    // Q1 (score 2) and Q4 give the centre and the pixels per point.
    let centre = |m: &String| (attribute(m, "cx"), attribute(m, "cy"));
    let (q1, q4) = (centre(&markers[0]), centre(&markers[3]));
    let per_point = (q4.0 - q1.0) / (3.0 * (120f64).to_radians().sin());
    let middle = (q1.0, q1.1 + 2.0 * per_point);
    assert!((q4.1 - (middle.1 + 1.5 * per_point)).abs() <= 1.5);
    let answered: Vec<f64> = consensus().into_iter().flatten().collect();
    for (marker, score) in markers.iter().zip(&answered) {
        let (x, y) = centre(marker);
        let distance = (x - middle.0).hypot(y - middle.1);
        assert!(
            (distance - score * per_point).abs() <= 1.5,
            "score {score} sits {distance} px out, expected {}",
            score * per_point
        );
    }
}

#[test]
fn an_unanswered_question_is_hollow_and_named() {
    let svg = radar(&questions(), &consensus());
    let texts = text_contents(&svg);
    assert_eq!(texts.iter().filter(|t| *t == "not answered").count(), 1);
    // The legend's hollow ring and the one on Q5's spoke.
    let hollow = |svg: &str| {
        let ring = format!("fill=\"none\" stroke=\"{TOP_DOWN_COLOR}\"");
        svg.split("<circle ")
            .skip(1)
            .filter(|c| c[..c.find('>').unwrap()].contains(&ring))
            .count()
    };
    assert_eq!(hollow(&svg), 2);

    let none = radar(&questions(), &[None; 9]);
    let texts = text_contents(&none);
    assert_eq!(texts.iter().filter(|t| *t == "not answered").count(), 9);
    assert!(texts.contains(&"0 of 9 questions answered".to_string()));
    assert_eq!(hollow(&none), 10);
}

#[test]
fn any_number_of_long_questions_keeps_the_labels_apart() {
    for count in 1..=12 {
        for long in [false, true] {
            let questions: Vec<String> = (1..=count)
                .map(|i| {
                    if long {
                        format!(
                            "Q{i} Who owns renewals, upsells and cross-sells of existing customers"
                        )
                    } else {
                        format!("Q{i} Value")
                    }
                })
                .collect();
            let consensus: Vec<Option<f64>> = (0..count)
                .map(|i| (i % 4 != 3).then_some(1.0 + (i % 3) as f64))
                .collect();
            let svg = radar(&questions, &consensus);
            assert_eq!(
                text_problems(&svg),
                Vec::<String>::new(),
                "{count} questions, long names {long}"
            );
        }
    }
}

#[test]
fn no_questions_say_what_to_do() {
    let svg = radar(&[], &[]);
    let texts = text_contents(&svg);
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("No questions to show yet")),
        "{texts:?}"
    );
    assert!(polygons(&svg).is_empty());
}

#[test]
fn inputs_it_cannot_draw_give_a_chart_that_says_why() {
    let said = |svg: &str| text_contents(svg).join(" ");
    let text = said(&radar(&questions(), &[Some(2.0)]));
    assert!(
        text.contains("as many consensus scores as questions (questions: 9, scores: 1)"),
        "{text}"
    );
    let mut off = consensus();
    off[2] = Some(4.0);
    let text = said(&radar(&questions(), &off));
    assert!(
        text.contains(
            "The consensus for &quot;Q3 Company-wide goals&quot; is 4, outside the scale"
        ),
        "{text}"
    );
    off[2] = Some(f64::NAN);
    assert!(said(&radar(&questions(), &off)).contains("is NaN, outside the scale"));
}

#[test]
fn snapshot_of_the_fixed_consensus() {
    insta::assert_snapshot!(radar(&questions(), &consensus()));
}
