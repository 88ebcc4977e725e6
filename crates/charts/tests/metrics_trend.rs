#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! "Revenue and logo retention per period": NRR, GRR and logo retention per period between
//! snapshots (DOMAIN.md §5.1), with title, axis titles with units, legend, a marker per value,
//! well-formed and without overlapping labels.

mod common;

use common::xml::well_formed;
use common::{elements_filled, text_contents, text_problems};
use csplan_charts::metrics::{RetentionPeriod, retention_trend};

fn period(label: &str, nrr: f64, grr: f64, logo: f64) -> RetentionPeriod {
    RetentionPeriod {
        label: label.to_string(),
        nrr: Some(nrr),
        grr: Some(grr),
        logo: Some(logo),
    }
}

fn four() -> Vec<RetentionPeriod> {
    vec![
        period("End of 2025-Q1", 101.3, 96.8, 97.9),
        period("End of 2025-Q2", 99.4, 96.0, 98.1),
        period("End of 2025-Q3", 102.0, 97.2, 97.6),
        period("End of 2025-Q4", 104.2, 91.0, 96.5),
    ]
}

#[test]
fn has_title_axes_legend_and_the_latest_values() {
    let svg = retention_trend(&four());
    well_formed(&svg).unwrap();
    let texts = text_contents(&svg);
    for expected in [
        "Revenue and logo retention per period",
        "End of 2025-Q4: NRR 104.2%, GRR 91.0%",
        "Period (ending snapshot)",
        "Retention (% of start of period)",
        "NRR (with expansion)",
        "GRR (without expansion)",
        "Logo retention (customers)",
        "End of 2025-Q1",
        "104.2%",
        "91.0%",
        "100%",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "{expected} missing: {texts:?}"
        );
    }
    assert!(text_problems(&svg).is_empty(), "{:?}", text_problems(&svg));
}

#[test]
fn one_marker_per_value_in_each_series_colour() {
    let svg = retention_trend(&four());
    for colour in ["#0072B2", "#D55E00", "#009E73"] {
        assert_eq!(elements_filled(&svg, "circle", colour).len(), 4, "{colour}");
    }
}

#[test]
fn empty_and_broken_inputs_say_what_to_do() {
    let svg = retention_trend(&[]);
    well_formed(&svg).unwrap();
    assert!(
        text_contents(&svg)
            .iter()
            .any(|t| t.contains("Needs two snapshots"))
    );
    let mut broken = four();
    broken[1].grr = Some(f64::NAN);
    let svg = retention_trend(&broken);
    well_formed(&svg).unwrap();
    assert!(svg.contains("End of 2025-Q2 is NaN%"), "{svg}");
}
