#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The three charts of the plan over time (issue #4 part 6; DOMAIN.md §1.3 for the hiring and
//! the 5-15% band): title, axis titles with units, legend, one mark per value, well-formed and
//! without overlapping labels, in their normal, crowded, empty and broken states.

mod common;

use common::xml::well_formed;
use common::{elements_filled, text_contents, text_problems, texts};
use csplan_charts::forecast::{
    CapacityQuarter, CostShareQuarter, DateTick, HireBar, capacity_over_time, cost_share,
    hire_timeline,
};
use csplan_domain::segmentation::IsoDate;

fn date(text: &str) -> IsoDate {
    IsoDate::parse(text).unwrap()
}

fn label(i: usize) -> String {
    format!("Q{} {}", i % 4 + 1, 2027 + i / 4)
}

/// Eight quarters: the requirement grows from 10 to 17 FTE, the team stays at 10 until Q3 2027
/// and then grows by one a quarter, so the shortfall first reaches its peak of 2.0 FTE in Q3 2027
/// (12 - 10) and stays there.
fn eight_quarters() -> Vec<CapacityQuarter> {
    let effective = [10.0, 10.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0];
    (0..8)
        .map(|i| CapacityQuarter {
            quarter: label(i),
            required: 10.0 + i as f64,
            effective: effective[i],
            band: Some((9.0 + i as f64, 11.5 + i as f64)),
        })
        .collect()
}

fn hires() -> Vec<HireBar> {
    vec![
        HireBar {
            label: "Enterprise #1".to_string(),
            requisition: date("2027-02-01"),
            start: date("2027-05-02"),
            ramped: date("2027-08-01"),
            late: false,
        },
        HireBar {
            label: "SMB #1".to_string(),
            requisition: date("2027-05-03"),
            start: date("2027-08-01"),
            ramped: date("2027-11-01"),
            late: false,
        },
    ]
}

fn ticks(count: usize) -> Vec<DateTick> {
    (0..count)
        .map(|i| DateTick {
            date: IsoDate::new(2027 + (i / 4) as i32, 1 + 3 * (i % 4) as u32, 1).unwrap(),
            label: label(i),
        })
        .collect()
}

fn shares() -> Vec<CostShareQuarter> {
    [4.0, 6.5, 9.0, 16.2]
        .iter()
        .enumerate()
        .map(|(i, p)| CostShareQuarter {
            quarter: label(i),
            percent: *p,
            band: (i == 3).then_some((14.0, 18.5)),
        })
        .collect()
}

fn has_all(svg: &str, expected: &[&str]) {
    let found = text_contents(svg);
    for text in expected {
        assert!(found.iter().any(|t| t == text), "{text} missing: {found:?}");
    }
}

#[test]
fn capacity_chart_has_title_axes_legend_and_the_largest_shortfall() {
    let svg = capacity_over_time(&eight_quarters());
    has_all(
        &svg,
        &[
            "CSMs required vs available per quarter",
            "Quarter",
            "CSMs (FTE)",
            "Required",
            "Effective team (ramp-weighted)",
            "P10-P90 of required",
            "Q1 2027",
            "Q4 2028",
            "Short 2.0 FTE at most, in Q3 2027",
        ],
    );
    // One vermillion dot and one green square per quarter (plus each legend key).
    assert_eq!(elements_filled(&svg, "circle", "#D55E00").len(), 8 + 1);
    assert_eq!(elements_filled(&svg, "rect", "#009E73").len(), 8 + 1);
    // The band is one polygon in the tint.
    assert_eq!(elements_filled(&svg, "polygon", "#F2CFB3").len(), 1);
    // Higher requirement, higher on the page: "17.0" over Q4 2028 above "10.0" over Q1 2027.
    let items = texts(&svg);
    let y = |value: &str| items.iter().find(|t| t.content == value).unwrap().y;
    assert!(y("17.0") < y("10.0"));
}

#[test]
fn hire_timeline_has_a_row_per_hire_on_a_dated_axis() {
    let svg = hire_timeline(&hires(), &ticks(4));
    has_all(
        &svg,
        &[
            "Hire-by timeline",
            "Date (requisition opens, CSM starts, CSM fully ramped)",
            "Recruiting",
            "Ramping",
            "Fully ramped",
            "Enterprise #1",
            "SMB #1",
            "Q1 2027",
            "Q4 2027",
            "2 hires, first requisition opens 2027-02-01",
            // A dashed line at the plan's start (the first tick).
            "plan starts",
        ],
    );
    let recruiting = elements_filled(&svg, "rect", "#CC79A7");
    // Two bars and the legend key.
    assert_eq!(recruiting.len(), 3);
    // The later requisition starts further right: x grows with the date.
    let x = |attrs: &String| common::attribute(attrs, "x");
    assert!(x(&recruiting[2]) > x(&recruiting[1]));
    // 90 days of recruiting are as wide as 90 days anywhere else on the axis.
    let width = |attrs: &String| common::attribute(attrs, "width");
    let (a, b) = (width(&recruiting[1]), width(&recruiting[2]));
    assert!((a - b).abs() <= 1.5, "{a} vs {b}");
}

/// Issue #4: a requisition already late on the plan's start is drawn where it really runs, as
/// the hire table shows it: it opens on the plan's start (the dashed line, the first tick
/// "Q1 2027" = 2027-01-01), the hire starts on its earliest start (2027-04-01, tick "Q2 2027")
/// and ramps from there; its recruiting bar is vermillion, its row says "(late)" and the legend
/// and the summary say so.
#[test]
fn a_late_hire_is_drawn_on_its_real_dates_and_marked_late() {
    let mut bars = hires();
    bars.push(HireBar {
        label: "Enterprise #2".to_string(),
        requisition: date("2027-01-01"),
        start: date("2027-04-01"),
        ramped: date("2027-07-01"),
        late: true,
    });
    let svg = hire_timeline(&bars, &ticks(4));
    has_all(
        &svg,
        &[
            "Recruiting",
            "Late: recruiting from plan start",
            "Enterprise #2 (late)",
            "Enterprise #1",
            "3 hires, first requisition opens 2027-01-01; 1 late",
        ],
    );
    let items = texts(&svg);
    let tick_x = |label: &str| {
        items
            .iter()
            .find(|t| t.content == label)
            .unwrap_or_else(|| panic!("tick {label} missing"))
            .x
    };
    let x = |attrs: &String| common::attribute(attrs, "x");
    // The late bar and the legend key; the on-time bars keep the purple.
    let late = elements_filled(&svg, "rect", "#D55E00");
    assert_eq!(late.len(), 2);
    assert_eq!(elements_filled(&svg, "rect", "#CC79A7").len(), 2 + 1);
    let bar = late.iter().max_by(|a, b| x(a).total_cmp(&x(b))).unwrap();
    assert!(
        (x(bar) - tick_x("Q1 2027")).abs() <= 1.0,
        "the late requisition opens on the plan's start: bar at {}, Q1 2027 at {}",
        x(bar),
        tick_x("Q1 2027")
    );
    // Its recruiting ends where its ramping starts, on the earliest start 2027-04-01.
    let end = x(bar) + common::attribute(bar, "width");
    assert!(
        (end - tick_x("Q2 2027")).abs() <= 1.0,
        "the late hire starts on 2027-04-01: bar ends at {end}, Q2 2027 at {}",
        tick_x("Q2 2027")
    );
    // Only the late hire's row is named late.
    assert_eq!(
        text_contents(&svg)
            .iter()
            .filter(|t| t.ends_with("(late)"))
            .count(),
        1
    );
}

/// "plan starts" sits above the plot, clear of the bars: with 24 rows (the demo plan's count,
/// 16 of them late) the first late bar begins right under the plot's top edge on its line.
#[test]
fn the_plan_start_label_stays_clear_of_late_bars() {
    let bars: Vec<HireBar> = (0..24)
        .map(|i| {
            let (requisition, start, ramped) = if i < 16 {
                ("2027-01-01", "2027-04-01", "2027-07-01")
            } else {
                ("2027-05-03", "2027-08-01", "2027-11-01")
            };
            HireBar {
                label: format!("SMB #{}", i + 1),
                requisition: date(requisition),
                start: date(start),
                ramped: date(ramped),
                late: i < 16,
            }
        })
        .collect();
    let svg = hire_timeline(&bars, &ticks(8));
    let items = texts(&svg);
    let label = common::text_box(items.iter().find(|t| t.content == "plan starts").unwrap());
    let bars_top = elements_filled(&svg, "rect", "#D55E00")
        .iter()
        .map(|r| common::attribute(r, "y"))
        // Not the legend's key.
        .filter(|&y| y > 50.0)
        .fold(f64::INFINITY, f64::min);
    assert!(
        label.3 <= bars_top,
        "plan starts ends at y {}, the first bar begins at {bars_top}",
        label.3
    );
    assert!(text_problems(&svg).is_empty(), "{:?}", text_problems(&svg));
}

/// Without a late hire the legend has no entry for one.
#[test]
fn the_late_entry_is_only_in_the_legend_when_a_hire_is_late() {
    let svg = hire_timeline(&hires(), &ticks(4));
    assert!(!text_contents(&svg).iter().any(|t| t.contains("late")));
}

#[test]
fn cost_share_chart_shows_the_benchmark_band_and_each_quarter() {
    let svg = cost_share(&shares());
    has_all(
        &svg,
        &[
            "CS cost as % of ARR per quarter",
            "CS cost (% of ARR, yearly rate)",
            "Quarter",
            "CS cost",
            "5-15%: established",
            "Under 5%: large companies",
            "P10-P90",
            "4.0%",
            "16.2%",
            "1 of 4 quarters above 15%",
            "5%",
            "15%",
        ],
    );
    // Four bars and the legend key.
    assert_eq!(elements_filled(&svg, "rect", "#56B4E9").len(), 5);
}

#[test]
fn every_state_is_well_formed_and_nothing_overlaps() {
    let many: Vec<CapacityQuarter> = (0..12)
        .map(|i| CapacityQuarter {
            quarter: label(i),
            required: 100.0 + 40.0 * i as f64,
            effective: 90.0 + 41.0 * i as f64,
            band: None,
        })
        .collect();
    let crowded: Vec<HireBar> = (0..40)
        .map(|i| HireBar {
            label: format!("Mid-Market #{}", i + 1),
            requisition: IsoDate::new(2027, 1 + (i % 12) as u32, 1).unwrap(),
            start: IsoDate::new(2027, 1 + (i % 12) as u32, 28).unwrap(),
            ramped: IsoDate::new(2028, 1 + (i % 12) as u32, 28).unwrap(),
            late: i % 5 == 0,
        })
        .collect();
    let awkward = vec![HireBar {
        label: "R&D <A>".to_string(),
        ..hires()[0].clone()
    }];
    let charts = [
        ("capacity", capacity_over_time(&eight_quarters())),
        ("capacity, 12 quarters", capacity_over_time(&many)),
        ("capacity, empty", capacity_over_time(&[])),
        ("hires", hire_timeline(&hires(), &ticks(4))),
        ("hires, crowded", hire_timeline(&crowded, &ticks(12))),
        ("hires, none", hire_timeline(&[], &ticks(8))),
        ("hires, awkward name", hire_timeline(&awkward, &ticks(4))),
        ("cost", cost_share(&shares())),
        ("cost, empty", cost_share(&[])),
    ];
    for (name, svg) in &charts {
        if let Err(problem) = well_formed(svg) {
            panic!("{name}: {problem}");
        }
        assert!(svg.contains("viewBox=\"0 0 640 360\""), "{name}");
        let problems = text_problems(svg);
        assert!(problems.is_empty(), "{name}: {problems:?}");
    }
    has_all(
        &charts[5].1,
        &["No hires needed: the team covers every quarter."],
    );
}

#[test]
fn impossible_values_give_a_chart_that_says_what_is_wrong() {
    let mut broken = eight_quarters();
    broken[2].band = Some((12.0, 11.0));
    let svg = capacity_over_time(&broken);
    assert!(well_formed(&svg).is_ok());
    assert!(svg.contains("the band cannot be drawn"));
    let backwards = vec![HireBar {
        start: date("2027-01-01"),
        ..hires()[0].clone()
    }];
    assert!(hire_timeline(&backwards, &[]).contains("out of order"));
    let negative = vec![CostShareQuarter {
        quarter: "Q1 2027".to_string(),
        percent: f64::NAN,
        band: None,
    }];
    assert!(cost_share(&negative).contains("a share is a number of 0 or more"));
}
