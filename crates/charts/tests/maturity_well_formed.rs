#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Every maturity chart, in every state, is one well-formed, accessible SVG document.

mod common;

use common::xml::well_formed;
use csplan_charts::maturity::{heat_map, radar, trend};

const AWKWARD: &str = "R&D <\"Pilot\"> 'A'";

fn all_charts() -> Vec<(&'static str, String)> {
    let questions: Vec<String> = (1..=9).map(|i| format!("Q{i} {AWKWARD}")).collect();
    let people = vec![AWKWARD.to_string(), "Grace".to_string()];
    let answers = vec![vec![Some(1); 9], vec![None; 9]];
    let mut consensus = vec![Some(2.0); 9];
    consensus[4] = None;
    vec![
        ("radar", radar(&questions, &consensus)),
        ("radar, none answered", radar(&questions, &[None; 9])),
        ("radar, empty", radar(&[], &[])),
        ("radar, off the scale", radar(&questions, &[Some(9.0); 9])),
        ("heat map", heat_map(&people, &questions, &answers)),
        ("heat map, empty", heat_map(&[], &questions, &[])),
        ("heat map, mismatched", heat_map(&people, &questions, &[])),
        (
            "trend",
            trend(&[(AWKWARD.to_string(), Some(2.0)), ("B".to_string(), None)]),
        ),
        ("trend, empty", trend(&[])),
        (
            "trend, off the scale",
            trend(&[(AWKWARD.to_string(), Some(-1.0))]),
        ),
    ]
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
    let svg = heat_map(
        &["R&D".to_string()],
        &["Q1 Reporting line".to_string()],
        &[vec![Some(2)]],
    );
    assert!(svg.contains(">\nR&amp;D\n<"), "{svg}");
}
