//! The plan's exports (issue #4 part 7): the workbook opens with its five sheets and the
//! engine's exact numbers (read back with calamine), the CSV and the sheets neutralise formula
//! starts (DESIGN.md "Decisions"), and the CFO report is one self-contained HTML page with the
//! three charts and the assumptions. The plan is the engine's worked example (DOMAIN.md §1.1,
//! §1.3, §1.4; crates/domain/tests/forecast_worked_examples.rs).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use csplan_domain::Cents;
use csplan_domain::compensation::Progress;
use csplan_domain::forecast::{
    Drivers, ForecastInputs, LogoMovement, Preset, SegmentForecast, Uncertainty, forecast, simulate,
};
use csplan_domain::segmentation::IsoDate;
use csplan_report::forecast::{PlanDocument, forecast_csv, forecast_report_html, forecast_xlsx};
use std::io::Cursor;

fn inputs(segment: &str) -> ForecastInputs {
    let segment = SegmentForecast {
        segment: segment.into(),
        opening_logos: 100.0,
        opening_arr: Cents::from_dollars(15_000_000),
        current_csms: 10.0,
        activities_per_customer_per_month: 6.0,
        base: Drivers {
            new_logos: LogoMovement::Rate { rate: 0.10 },
            new_logo_arr: Cents::from_dollars(150_000),
            ..Drivers::default()
        },
        overrides: Vec::new(),
    };
    let mut inputs = ForecastInputs::new(IsoDate::parse("2027-01-01").unwrap(), vec![segment]);
    inputs.quarters = 4;
    inputs
}

fn with_document<T>(segment: &str, bands: bool, f: impl FnOnce(&PlanDocument<'_>) -> T) -> T {
    let inputs = inputs(segment);
    let uncertainty = Uncertainty {
        trials: 500,
        seed: 3,
        ..Uncertainty::default()
    };
    let plan = forecast(&inputs).unwrap();
    let run = bands.then(|| simulate(&inputs, &uncertainty, &Progress::new()).unwrap());
    f(&PlanDocument {
        name: "Growing book",
        inputs: &inputs,
        uncertainty: &uncertainty,
        preset: Preset::Base,
        forecast: &plan,
        bands: run.as_ref(),
    })
}

#[test]
fn the_workbook_opens_with_five_sheets_and_exact_numbers() {
    let bytes = with_document("Mid-Market", true, |doc| forecast_xlsx(doc).unwrap());
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Summary", "Per segment", "Hire-by", "Cost", "Assumptions"]
    );
    let summary = book.worksheet_range("Summary").unwrap();
    let header: Vec<String> = summary
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header[0], "Quarter");
    assert_eq!(header[2], "Closing ARR");
    assert!(header.contains(&"Required headcount P90".to_string()));
    // Q1 2027: $16,500,000.00 of ARR, 11 CSMs top-down (§1.1 step 1).
    let q1: Vec<&Data> = summary.rows().nth(1).unwrap().iter().collect();
    assert_eq!(q1[0], &Data::String("Q1 2027".into()));
    assert_eq!(q1[2], &Data::Float(16_500_000.0));
    assert_eq!(q1[3], &Data::Float(11.0));
    // Q4's ARR keeps its cents: $21,961,500.00.
    let q4: Vec<&Data> = summary.rows().nth(4).unwrap().iter().collect();
    assert_eq!(q4[2], &Data::Float(21_961_500.0));

    let hires = book.worksheet_range("Hire-by").unwrap();
    assert_eq!(hires.height(), 1 + 5, "a header and the 5 hires");
    let first: Vec<&Data> = hires.rows().nth(1).unwrap().iter().collect();
    assert_eq!(first[0], &Data::String("Mid-Market".into()));
    // The requisition date is a real date: 2026-07-03.
    match first[3] {
        Data::DateTime(date) => {
            let (y, m, d, ..) = date.to_ymd_hms_milli();
            assert_eq!((y, m, d), (2026, 7, 3));
        }
        other => panic!("the requisition date is not a date: {other:?}"),
    }
    assert_eq!(first[6], &Data::Float(182.0));

    let assumptions = book.worksheet_range("Assumptions").unwrap();
    let texts: Vec<String> = assumptions.rows().map(|r| r[0].to_string()).collect();
    for input in [
        "Hiring lead time",
        "Ramp of a new CSM",
        "Monte Carlo",
        "Mid-Market: each quarter",
    ] {
        assert!(
            texts.iter().any(|t| t == input),
            "{input} missing: {texts:?}"
        );
    }
}

#[test]
fn formula_starts_are_neutralised_in_every_format() {
    let (csv, bytes) = with_document("=HYPERLINK(\"x\")", false, |doc| {
        (forecast_csv(doc), forecast_xlsx(doc).unwrap())
    });
    assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range("Per segment").unwrap();
    assert_eq!(
        sheet.rows().nth(1).unwrap()[0],
        Data::String("'=HYPERLINK(\"x\")".into())
    );
}

#[test]
fn the_cfo_report_is_one_self_contained_page_with_charts_and_assumptions() {
    let html = with_document("R&D <Pilot>", true, forecast_report_html);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("default-src 'none'"), "no network");
    assert!(!html.contains("<script"), "no script");
    assert_eq!(html.matches("<svg").count(), 3);
    for chart in [
        "CSMs required vs available per quarter",
        "Hire-by timeline",
        "CS cost as % of ARR per quarter",
    ] {
        assert!(html.contains(&format!("aria-label=\"{chart}\"")), "{chart}");
    }
    assert!(html.contains("15 CSMs needed by Q4 2027"));
    assert!(html.contains("R&amp;D &lt;Pilot&gt;"), "names are escaped");
    assert!(!html.contains("R&D <Pilot>"));
    assert!(html.contains("<b>Hiring lead time:</b> 90 days from requisition to start"));
    assert!(html.contains("risk bands from 500 trials, seed 3"));
    // Every element opened is closed: the tags that need it balance.
    for tag in [
        "section", "figure", "table", "ul", "li", "main", "svg", "p", "div",
    ] {
        let opened =
            html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
        let closed = html.matches(&format!("</{tag}>")).count();
        assert_eq!(
            opened, closed,
            "<{tag}> opened {opened} times, closed {closed}"
        );
    }
}
