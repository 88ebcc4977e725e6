#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Every compensation chart, in every state, is one well-formed, accessible SVG document whose
//! labels stay apart and on the canvas, for one to three plans and one to 200 CSMs.

mod common;

use common::text_problems;
use common::xml::well_formed;
use csplan_charts::compensation::{CostBand, cost_bands, payout_distribution, rank_vs_rank};

const AWKWARD: &str = "R&D <\"Pilot\"> 'A'";
const LONG: &str = "Proposed plan for the enterprise team (70/30, NRR + expansion, no cap)";
const TEAMS: [usize; 7] = [1, 2, 3, 12, 50, 120, 200];

/// A deterministic spread of payouts around `centre`, some tied, some far out.
fn payouts(csms: usize, centre: f64) -> Vec<f64> {
    (0..csms)
        .map(|i| {
            let wobble = ((i * 37 + 11) % 101) as f64 / 100.0 - 0.5;
            let tail = if i % 17 == 16 { 2.5 } else { 1.0 };
            (centre * (1.0 + wobble * tail)).max(0.0).round()
        })
        .collect()
}

/// Performance rank 1..n against a shuffled payout rank, with a pair of ties.
fn ranks(csms: usize, shift: usize) -> Vec<(f64, f64)> {
    (0..csms)
        .map(|i| {
            let pay = (i * 7 + shift) % csms + 1;
            let pay = if i < 2 && csms > 2 { 1.5 } else { pay as f64 };
            ((i + 1) as f64, pay)
        })
        .collect()
}

fn names(plans: usize) -> Vec<String> {
    ["Current plan (80/20, GRR)", LONG, "Flat-year variant"][..plans]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

fn band(plan: &str, scale: f64) -> CostBand {
    CostBand {
        plan: plan.to_string(),
        p5: 250_000.0 * scale,
        p50: 290_000.0 * scale,
        p95: 340_000.0 * scale,
        mean: 292_000.0 * scale,
        budget: 288_000.0 * scale,
    }
}

fn all_charts() -> Vec<(String, String)> {
    let mut charts = Vec::new();
    for plans in 1..=3 {
        for csms in TEAMS {
            let names = names(plans);
            let pay: Vec<(String, Vec<f64>)> = names
                .iter()
                .enumerate()
                .map(|(i, n)| (n.clone(), payouts(csms, 40_000.0 * (i + 1) as f64)))
                .collect();
            let rank: Vec<(String, Vec<(f64, f64)>)> = names
                .iter()
                .enumerate()
                .map(|(i, n)| (n.clone(), ranks(csms, i * 3)))
                .collect();
            charts.push((
                format!("payout, {plans} plans, {csms} CSMs"),
                payout_distribution(&pay),
            ));
            charts.push((
                format!("ranks, {plans} plans, {csms} CSMs"),
                rank_vs_rank(&rank),
            ));
        }
        let names = names(plans);
        for scale in [0.001, 1.0, 40.0] {
            let bands: Vec<CostBand> = names
                .iter()
                .enumerate()
                .map(|(i, n)| band(n, scale * (1.0 + i as f64)))
                .collect();
            charts.push((
                format!("bands, {plans} plans, scale {scale}"),
                cost_bands(&bands),
            ));
        }
        // A budget far below and far above the costs.
        let mut low = band(&names[0], 1.0);
        low.budget = 0.0;
        let mut high = band(&names[plans - 1], 1.0);
        high.budget = 3_000_000.0;
        charts.push((
            format!("bands, {plans} plans, budgets at the ends"),
            cost_bands(&[low, high]),
        ));
    }
    charts
}

fn broken_and_empty() -> Vec<(&'static str, String)> {
    vec![
        ("payout, empty", payout_distribution(&[])),
        (
            "payout, no CSMs",
            payout_distribution(&[("Draft".to_string(), Vec::new())]),
        ),
        (
            "payout, all zero",
            payout_distribution(&[("Draft".to_string(), vec![0.0; 5])]),
        ),
        (
            "payout, NaN",
            payout_distribution(&[("Draft".to_string(), vec![f64::NAN])]),
        ),
        ("ranks, empty", rank_vs_rank(&[])),
        (
            "ranks, no CSMs",
            rank_vs_rank(&[("Draft".to_string(), Vec::new())]),
        ),
        (
            "ranks, zero rank",
            rank_vs_rank(&[("Draft".to_string(), vec![(0.0, 1.0)])]),
        ),
        ("bands, empty", cost_bands(&[])),
        ("bands, all zero", cost_bands(&[band("Draft", 0.0)])),
        (
            "bands, infinite",
            cost_bands(&[band("Draft", f64::INFINITY)]),
        ),
    ]
}

/// Three plans whose names need escaping, shortened in the legend. Not checked for overlap:
/// the test's measure counts an entity such as `&amp;` as five characters.
fn awkward_names() -> Vec<(String, String)> {
    let names = [AWKWARD, LONG, AWKWARD].map(str::to_string);
    vec![
        (
            "payout, awkward names".to_string(),
            payout_distribution(&names.clone().map(|n| (n, payouts(12, 30_000.0)))),
        ),
        (
            "ranks, awkward names".to_string(),
            rank_vs_rank(&names.clone().map(|n| (n, ranks(12, 1)))),
        ),
        (
            "bands, awkward names".to_string(),
            cost_bands(&names.map(|n| band(&n, 1.0))),
        ),
        (
            "payout, awkward name, NaN".to_string(),
            payout_distribution(&[(AWKWARD.to_string(), vec![f64::NAN])]),
        ),
        (
            "ranks, awkward name, zero rank".to_string(),
            rank_vs_rank(&[(AWKWARD.to_string(), vec![(0.0, 1.0)])]),
        ),
        (
            "bands, awkward name, infinite".to_string(),
            cost_bands(&[band(AWKWARD, f64::INFINITY)]),
        ),
    ]
}

#[test]
fn every_chart_parses_as_xml_and_is_an_accessible_image() {
    let charts = all_charts().into_iter().chain(awkward_names()).chain(
        broken_and_empty()
            .into_iter()
            .map(|(n, s)| (n.to_string(), s)),
    );
    for (name, svg) in charts {
        if let Err(problem) = well_formed(&svg) {
            panic!("{name}: {problem}\n{svg}");
        }
        let root = &svg[..svg.find('>').unwrap()];
        assert!(root.starts_with("<svg "), "{name}");
        assert!(root.contains("viewBox=\"0 0 640 360\""), "{name}");
        assert!(root.contains("role=\"img\""), "{name}");
        assert!(root.contains("aria-label=\""), "{name}");
        assert_eq!(svg.matches("<title>").count(), 1, "{name}");
    }
}

#[test]
fn labels_stay_apart_and_on_the_canvas() {
    let charts = all_charts().into_iter().chain(
        broken_and_empty()
            .into_iter()
            .map(|(n, s)| (n.to_string(), s)),
    );
    for (name, svg) in charts {
        assert_eq!(text_problems(&svg), Vec::<String>::new(), "{name}");
    }
}

#[test]
fn plan_names_with_reserved_characters_are_escaped() {
    let svg = payout_distribution(&[(AWKWARD.to_string(), vec![1_000.0])]);
    assert!(
        svg.contains("R&amp;D &lt;&quot;Pilot&quot;&gt; &apos;A&apos;"),
        "{svg}"
    );
    let svg = rank_vs_rank(&[(AWKWARD.to_string(), vec![(1.0, 1.0)])]);
    assert!(svg.contains("R&amp;D &lt;&quot;Pilot&quot;&gt;"), "{svg}");
}
