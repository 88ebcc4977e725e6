//! "Hire-by timeline": one row per new CSM the plan needs, from the day the requisition opens,
//! through the start date (the hiring lead time), to the day they are fully ramped (the ramp
//! profile), on a dated axis, so "hire ahead of the customer load" (DOMAIN.md §1.3, [004 L41])
//! becomes a calendar a leader can hold recruiting to. A requisition already late on the plan's
//! start is drawn where it really runs (opened on the plan's start, so the hire starts and ramps
//! later than planned), in its own colour and named "late", as the hire table shows it.

use crate::compensation::legend::{Entry, Key, legend};
use crate::document::fallback;
use crate::frame::{
    BODY_PX, Canvas, Drawn, SMALL_PX, anchor, axis_line, axis_title_style, body, builder, empty,
    grid_line, header, render, text, tick_style,
};
use crate::measure::{fit, text_width};
use crate::palette::{BACKGROUND, INK, MUTED, rgb};
use crate::ticked::Ticked;
use csplan_domain::segmentation::IsoDate;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

const TITLE: &str = "Hire-by timeline";
const X_TITLE: &str = "Date (requisition opens, CSM starts, CSM fully ramped)";
const EMPTY: &str = "No hires needed: the team covers every quarter.";
const PLAN_START: &str = "plan starts";

/// Okabe-Ito reddish purple while recruiting, bluish green while ramping (the colour of the
/// effective team on the capacity chart: a ramping hire is becoming capacity), vermillion while
/// recruiting for a requisition that is already late.
const RECRUITING: RGBColor = rgb("#CC79A7");
const RAMPING: RGBColor = rgb("#009E73");
const RECRUITING_LATE: RGBColor = rgb("#D55E00");
const LATE_ENTRY: &str = "Late: recruiting from plan start";
/// After a late hire's name, so the row says it without the colour.
const LATE_SUFFIX: &str = " (late)";
/// Widest a hire's name may be left of the plot, and wider when a row must also say " (late)"
/// ("Mid-Market #12 (late)" is 21 characters).
const NAME_MAX: f64 = 100.0;
const NAME_MAX_LATE: f64 = 152.0;
/// Between the name and the plot.
const NAME_GAP: f64 = 12.0;

/// One new CSM of the hire-by calendar, on the dates the hire really follows.
#[derive(Debug, Clone, PartialEq)]
pub struct HireBar {
    /// Who or what the hire is for, e.g. "Enterprise #2".
    pub label: String,
    pub requisition: IsoDate,
    pub start: IsoDate,
    pub ramped: IsoDate,
    /// The requisition should have opened before the plan's start: `requisition` is the plan's
    /// start and `start`/`ramped` the earliest dates from there.
    pub late: bool,
}

/// A labelled date on the time axis, e.g. each quarter's first day as "Q3 2027".
#[derive(Debug, Clone, PartialEq)]
pub struct DateTick {
    pub date: IsoDate,
    pub label: String,
}

/// "Hire-by timeline": per hire, a purple bar (vermillion when late) from requisition to start
/// and a green bar from start to fully ramped with a dot on the ramped day; `ticks` label the
/// dated axis, the first of them the plan's start.
pub fn hire_timeline(hires: &[HireBar], ticks: &[DateTick]) -> String {
    if let Some(problem) = problem(hires) {
        return fallback(TITLE, &problem);
    }
    render(TITLE, |root| draw(root, hires, ticks))
}

fn problem(hires: &[HireBar]) -> Option<String> {
    hires.iter().find_map(|h| {
        (!(h.requisition <= h.start && h.start <= h.ramped)).then(|| {
            format!(
                "The dates of {} are out of order (requisition {}, start {}, fully ramped {}); each must be on or after the one before.",
                h.label, h.requisition, h.start, h.ramped
            )
        })
    })
}

/// "6 hires, first requisition opens 2027-02-01", then "; 2 late" when some are.
fn summary(hires: &[HireBar]) -> Option<String> {
    let first = hires.iter().map(|h| h.requisition).min()?;
    let count = hires.len();
    let noun = if count == 1 { "hire" } else { "hires" };
    let late = hires.iter().filter(|h| h.late).count();
    let late = if late == 0 {
        String::new()
    } else {
        format!("; {late} late")
    };
    Some(format!(
        "{count} {noun}, first requisition opens {first}{late}"
    ))
}

/// How wide the names may be: wider when some row says " (late)".
fn name_max(hires: &[HireBar]) -> f64 {
    if hires.iter().any(|h| h.late) {
        NAME_MAX_LATE
    } else {
        NAME_MAX
    }
}

/// The row's name, shortened to `width`, keeping " (late)" whole on a late hire.
fn row_name(hire: &HireBar, px: f64, width: f64) -> String {
    if !hire.late {
        return fit(&hire.label, px, width);
    }
    let room = width - text_width(LATE_SUFFIX, px);
    format!("{}{LATE_SUFFIX}", fit(&hire.label, px, room))
}

fn day(date: IsoDate) -> f64 {
    date.day_number() as f64
}

fn draw(root: &Canvas<'_>, hires: &[HireBar], ticks: &[DateTick]) -> Drawn {
    header(root, TITLE, summary(hires).as_deref())?;
    let mut entries = vec![Entry::new(Key::Bar(RECRUITING), "Recruiting")];
    if hires.iter().any(|h| h.late) {
        entries.push(Entry::new(Key::Bar(RECRUITING_LATE), LATE_ENTRY));
    }
    entries.push(Entry::new(Key::Bar(RAMPING), "Ramping"));
    entries.push(Entry::new(Key::Dot(INK), "Fully ramped"));
    legend(root, &entries)?;
    let body = body(root);
    if hires.is_empty() {
        return empty(&body, X_TITLE, "", EMPTY);
    }

    let dates = hires
        .iter()
        .flat_map(|h| [day(h.requisition), day(h.ramped)])
        .chain(ticks.iter().map(|t| day(t.date)));
    let (first, last) = dates.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), d| {
        (lo.min(d), hi.max(d))
    });
    // A little room either side, so the first and last bars do not touch the frame.
    let pad = ((last - first) * 0.02).max(7.0);
    let (lo, hi) = (first - pad, last + pad);

    let names = name_max(hires);
    let name_area = (names + NAME_GAP) as u32;
    let plot_width = f64::from(crate::document::WIDTH) - f64::from(name_area) - 24.0;
    let widest = ticks
        .iter()
        .map(|t| text_width(&t.label, BODY_PX))
        .fold(0.0, f64::max);
    let min_gap = (widest + 10.0) * (hi - lo) / plot_width;
    let mut shown: Vec<&DateTick> = Vec::new();
    for tick in ticks {
        let at = day(tick.date);
        let clear = shown
            .last()
            .is_none_or(|prev| at - day(prev.date) >= min_gap);
        if clear && (lo..=hi).contains(&at) {
            shown.push(tick);
        }
    }
    let positions: Vec<f64> = shown.iter().map(|t| day(t.date)).collect();
    let rows = hires.len() as f64;
    let mut chart = builder(&body)
        .y_label_area_size(name_area)
        .build_cartesian_2d(
            Ticked::new(lo..hi, positions.clone()),
            Ticked::new(0.0..rows, Vec::new()),
        )?;
    let label_of = |x: &f64| {
        shown
            .iter()
            .find(|t| (day(t.date) - x).abs() < 0.5)
            .map(|t| t.label.clone())
            .unwrap_or_default()
    };
    chart
        .configure_mesh()
        .disable_y_mesh()
        .bold_line_style(grid_line())
        .axis_style(axis_line())
        .label_style(tick_style())
        .axis_desc_style(axis_title_style())
        .x_label_formatter(&label_of)
        .x_desc(X_TITLE)
        .draw()?;

    let (_, top) = chart.backend_coord(&(lo, rows));
    let (left, bottom) = chart.backend_coord(&(lo, 0.0));
    // The first tick is the plan's start, where every late requisition opens.
    if let Some(first) = ticks.first().filter(|t| day(t.date) > lo) {
        let (x, _) = chart.backend_coord(&(day(first.date), 0.0));
        let mut y = top;
        while y < bottom {
            root.draw(&PathElement::new(
                vec![(x, y), (x, (y + 4).min(bottom))],
                INK.stroke_width(1),
            ))?;
            y += 7;
        }
        // Above the plot, not in it: the late rows' bars begin on this line, under its label.
        let style = text(SMALL_PX, INK, anchor(HPos::Left, VPos::Bottom));
        root.draw(&Text::new(PLAN_START, (x + 3, top - 2), style))?;
    }
    let row_px = f64::from(bottom - top) / rows;
    let half = (row_px * 0.32).clamp(1.0, 7.0);
    let every = (14.0 / row_px).ceil().max(1.0) as usize;
    for (i, hire) in hires.iter().enumerate() {
        // The first hire on top.
        let middle = f64::from(top) + row_px * (i as f64 + 0.5);
        let y = |offset: f64| (middle + offset).round() as i32;
        let x = |date: IsoDate| chart.backend_coord(&(day(date), 0.0)).0;
        let (req, start, ramped) = (x(hire.requisition), x(hire.start), x(hire.ramped));
        let recruiting = if hire.late {
            RECRUITING_LATE
        } else {
            RECRUITING
        };
        root.draw(&Rectangle::new(
            [(req, y(-half)), (start.max(req + 1), y(half))],
            recruiting.filled(),
        ))?;
        root.draw(&Rectangle::new(
            [(start, y(-half)), (ramped.max(start + 1), y(half))],
            RAMPING.filled(),
        ))?;
        let radius = (half as i32).clamp(2, 4);
        root.draw(&Circle::new(
            (ramped, y(0.0)),
            radius + 1,
            BACKGROUND.filled(),
        ))?;
        root.draw(&Circle::new((ramped, y(0.0)), radius, INK.filled()))?;
        if i.is_multiple_of(every) {
            let px = if row_px >= 14.0 { BODY_PX } else { SMALL_PX };
            let style = text(px, MUTED, anchor(HPos::Right, VPos::Center));
            root.draw(&Text::new(
                row_name(hire, px, names),
                (left - 6, y(0.0)),
                style,
            ))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> IsoDate {
        IsoDate::parse(text).unwrap()
    }

    fn hire(requisition: &str, start: &str, ramped: &str) -> HireBar {
        HireBar {
            label: "SMB #1".to_string(),
            requisition: date(requisition),
            start: date(start),
            ramped: date(ramped),
            late: false,
        }
    }

    #[test]
    fn the_summary_counts_hires_and_names_the_first_requisition() {
        let hires = [
            hire("2027-05-01", "2027-07-30", "2027-10-30"),
            hire("2027-02-01", "2027-05-02", "2027-08-02"),
        ];
        assert_eq!(
            summary(&hires).as_deref(),
            Some("2 hires, first requisition opens 2027-02-01")
        );
        assert_eq!(
            summary(&hires[..1]).as_deref(),
            Some("1 hire, first requisition opens 2027-05-01")
        );
        assert_eq!(summary(&[]), None);
        let late = HireBar {
            late: true,
            ..hires[1].clone()
        };
        assert_eq!(
            summary(&[hires[0].clone(), late]).as_deref(),
            Some("2 hires, first requisition opens 2027-02-01; 1 late")
        );
    }

    #[test]
    fn a_late_hire_keeps_late_after_a_shortened_name() {
        let late = HireBar {
            label: "Strategic Enterprise Accounts #12".to_string(),
            late: true,
            ..hire("2027-01-01", "2027-04-01", "2027-07-01")
        };
        assert_eq!(name_max(std::slice::from_ref(&late)), NAME_MAX_LATE);
        let name = row_name(&late, BODY_PX, NAME_MAX_LATE);
        assert!(name.ends_with("… (late)"), "{name}");
        assert!(text_width(&name, BODY_PX) <= NAME_MAX_LATE, "{name}");
        let mid_market = HireBar {
            label: "Mid-Market #12".to_string(),
            ..late
        };
        assert_eq!(
            row_name(&mid_market, BODY_PX, NAME_MAX_LATE),
            "Mid-Market #12 (late)"
        );
        let on_time = hire("2027-01-01", "2027-04-01", "2027-07-01");
        assert_eq!(name_max(std::slice::from_ref(&on_time)), NAME_MAX);
        assert_eq!(row_name(&on_time, BODY_PX, NAME_MAX), "SMB #1");
    }

    #[test]
    fn dates_must_be_in_order() {
        assert_eq!(
            problem(&[hire("2027-01-01", "2027-04-01", "2027-07-01")]),
            None
        );
        let backwards = hire("2027-04-02", "2027-04-01", "2027-07-01");
        assert!(problem(&[backwards]).unwrap().contains("out of order"));
    }
}
