#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Every chart, in every state, is one well-formed SVG document the UI can inline.

mod common;

use common::xml::well_formed;
use common::{book, extreme_plan, fixed_plan};
use csplan_charts::{csms_per_segment, customers_per_csm};
use csplan_domain::capacity::{CapacityParams, SegmentCatalog, TouchBands, plan};

fn all_charts() -> Vec<(String, String)> {
    let bands = TouchBands::default();
    let empty = plan(&[], &CapacityParams::default()).unwrap();
    // A name with every character XML reserves, to prove labels are escaped.
    let mut params = CapacityParams::default();
    params.catalogs.push(SegmentCatalog {
        segment: "R&D <\"Pilot\"> 'A'".to_string(),
        activities: Vec::new(),
    });
    let awkward = plan(&[book("R&D <\"Pilot\"> 'A'", 3, 90_000)], &params).unwrap();
    let broken_bands = TouchBands {
        high_touch_below: 300.0,
        automated_from: 100.0,
    };
    let mut charts = Vec::new();
    for (name, plan) in [
        ("fixed", fixed_plan()),
        ("extreme", extreme_plan()),
        ("empty", empty),
        ("awkward", awkward),
    ] {
        charts.push((format!("{name} CSMs"), csms_per_segment(&plan)));
        charts.push((
            format!("{name} customers"),
            customers_per_csm(&plan, &bands),
        ));
        charts.push((
            format!("{name} customers, broken bands"),
            customers_per_csm(&plan, &broken_bands),
        ));
    }
    charts
}

#[test]
fn every_chart_parses_as_xml() {
    for (name, svg) in all_charts() {
        if let Err(problem) = well_formed(&svg) {
            panic!("{name}: {problem}\n{svg}");
        }
    }
}

#[test]
fn every_chart_is_a_scalable_accessible_image() {
    for (name, svg) in all_charts() {
        let root = &svg[..svg.find('>').unwrap()];
        assert!(root.starts_with("<svg "), "{name}");
        assert!(root.contains("viewBox=\"0 0 640 360\""), "{name}");
        assert!(root.contains("role=\"img\""), "{name}");
        assert!(root.contains("aria-label=\""), "{name}");
        assert_eq!(svg.matches("<title>").count(), 1, "{name}");
    }
}

#[test]
fn names_with_reserved_characters_are_escaped() {
    let mut params = CapacityParams::default();
    params.catalogs.push(SegmentCatalog {
        segment: "R&D".to_string(),
        activities: Vec::new(),
    });
    let plan = plan(&[book("R&D", 3, 90_000)], &params).unwrap();
    let svg = csms_per_segment(&plan);
    assert!(svg.contains(">\nR&amp;D\n<"), "{svg}");
}

#[test]
fn the_checker_rejects_broken_documents() {
    assert!(well_formed("<svg><g></g></svg>").is_ok());
    assert!(well_formed("<svg a=\"1\"><rect b='2'/></svg>\n").is_ok());
    assert!(well_formed("<svg><g></svg>").is_err());
    assert!(well_formed("<svg></svg><svg></svg>").is_err());
    assert!(well_formed("<svg a=1></svg>").is_err());
    assert!(well_formed("<svg>R&D</svg>").is_err());
    assert!(well_formed("<svg a=\"<\"></svg>").is_err());
    assert!(well_formed("<svg>").is_err());
}

#[test]
fn the_text_layout_check_catches_overlaps_and_overflow() {
    let text = |x: i32, y: i32, content: &str| {
        format!(
            "<text x=\"{x}\" y=\"{y}\" dy=\"0.76em\" text-anchor=\"start\" font-size=\"12\">\n{content}\n</text>\n"
        )
    };
    let clear = format!(
        "<svg>{}{}</svg>",
        text(10, 10, "20.0"),
        text(60, 10, "26.7")
    );
    assert!(common::text_problems(&clear).is_empty());
    let crowded = format!(
        "<svg>{}{}</svg>",
        text(10, 10, "20.0"),
        text(30, 14, "26.7")
    );
    assert_eq!(common::text_problems(&crowded).len(), 1);
    let cut = format!("<svg>{}</svg>", text(620, 10, "Mid-Market"));
    assert_eq!(common::text_problems(&cut).len(), 1);
}
