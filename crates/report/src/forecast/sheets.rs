//! The plan as tables of typed cells, one per sheet of the workbook. The CSV, the XLSX, the HTML
//! report and the command line all write these, so every export has the same columns and
//! numbers; each writer only decides how a money amount or a share looks in its format.

use super::PlanDocument;
use csplan_domain::Cents;
use csplan_domain::forecast::{
    ArrMovement, BookQuarter, CostBand, Drivers, LogoMovement, Need, QuarterCost, Spread, Team,
};
use csplan_domain::segmentation::IsoDate;

/// One value of a table, typed so each format writes it its own way.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// Exact money: cents in, "$1,234.56" or 1234.56 out.
    Money(Cents),
    /// A number written with this many decimals (FTE, logos, ratios).
    Number(f64, usize),
    /// A whole count (headcount, hires, days).
    Count(u64),
    /// A share as a fraction (0.083 is 8.3%), written with one decimal as a percentage.
    Share(f64),
    Date(IsoDate),
    /// No value (e.g. a share of $0 ARR).
    Empty,
}

/// A titled table with a header row.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub title: &'static str,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

fn fte(value: f64) -> Cell {
    Cell::Number(value, 2)
}

fn optional_share(value: Option<f64>) -> Cell {
    value.map_or(Cell::Empty, Cell::Share)
}

fn band_label(band: Option<CostBand>) -> Cell {
    match band {
        Some(CostBand::BelowFive) => text("below 5% (large organisations)"),
        Some(CostBand::FiveToFifteen) => text("5-15% (established companies)"),
        Some(CostBand::AboveFifteen) => text("above 15%"),
        None => Cell::Empty,
    }
}

/// Summary, Per segment, Hire-by, Cost and Assumptions, in that order.
pub fn sheets(doc: &PlanDocument<'_>) -> Vec<Sheet> {
    vec![
        summary(doc),
        per_segment(doc),
        hire_by(doc),
        cost(doc),
        assumptions(doc),
    ]
}

fn quarter_title(doc: &PlanDocument<'_>, quarter: u32) -> String {
    doc.forecast
        .quarters
        .iter()
        .find(|q| q.number == quarter)
        .map_or_else(|| format!("Q{quarter}"), |q| q.title.clone())
}

/// The whole team per quarter: the answer's table.
fn summary(doc: &PlanDocument<'_>) -> Sheet {
    let mut headers: Vec<String> = [
        "Quarter",
        "Closing logos",
        "Closing ARR",
        "Top-down FTE",
        "Bottom-up FTE",
        "Required FTE",
        "Required headcount",
        "Effective FTE",
        "Surplus (+) / shortfall (-) FTE",
        "Hires",
        "Cumulative hires",
        "CS cost",
        "CS cost % of ARR",
        "CS Magic Number",
    ]
    .map(String::from)
    .to_vec();
    if doc.bands.is_some() {
        headers.extend(
            [
                "Required headcount P10",
                "Required headcount P50",
                "Required headcount P90",
                "CS cost P10",
                "CS cost P50",
                "CS cost P90",
            ]
            .map(String::from),
        );
    }
    let rows = doc
        .forecast
        .totals
        .iter()
        .map(|t| {
            let mut row = vec![
                text(quarter_title(doc, t.quarter)),
                Cell::Number(t.book.closing_logos, 1),
                Cell::Money(t.book.closing_arr),
                fte(t.top_down.fte),
                fte(t.bottom_up.fte),
                fte(t.team.required_fte),
                Cell::Count(t.team.required_headcount),
                fte(t.team.effective_fte),
                fte(t.team.surplus_fte),
                Cell::Count(t.team.hires),
                Cell::Count(t.team.cumulative_hires),
                Cell::Money(t.cost.cs_cost),
                optional_share(t.cost.cost_pct_of_arr),
                t.magic_number.map_or(Cell::Empty, |m| Cell::Number(m, 2)),
            ];
            if let Some(bands) = doc.bands {
                match bands.quarters.iter().find(|b| b.quarter == t.quarter) {
                    Some(b) => row.extend([
                        Cell::Number(b.required_headcount.p10, 1),
                        Cell::Number(b.required_headcount.p50, 1),
                        Cell::Number(b.required_headcount.p90, 1),
                        Cell::Money(b.cs_cost.p10),
                        Cell::Money(b.cs_cost.p50),
                        Cell::Money(b.cs_cost.p90),
                    ]),
                    None => row.extend(std::iter::repeat_n(Cell::Empty, 6)),
                }
            }
            row
        })
        .collect();
    Sheet {
        title: "Summary",
        headers,
        rows,
    }
}

fn touch(need: &Need) -> Cell {
    need.touch.map_or(Cell::Empty, |t| text(t.label()))
}

/// One row of the per-segment table: a segment's (or the total's) quarter.
fn segment_row(
    segment: &str,
    quarter: String,
    book: &BookQuarter,
    needs: (&Need, &Need),
    team: &Team,
    cost: &QuarterCost,
) -> Vec<Cell> {
    vec![
        text(segment),
        text(quarter),
        Cell::Number(book.opening_logos, 1),
        Cell::Number(book.new_logos, 1),
        Cell::Number(book.churned_logos, 1),
        Cell::Number(book.closing_logos, 1),
        Cell::Money(book.opening_arr),
        Cell::Money(book.new_arr),
        Cell::Money(book.expansion_arr),
        Cell::Money(book.contraction_arr),
        Cell::Money(book.churned_arr),
        Cell::Money(book.closing_arr),
        fte(needs.0.fte),
        Cell::Count(needs.0.headcount),
        touch(needs.0),
        fte(needs.1.fte),
        Cell::Count(needs.1.headcount),
        touch(needs.1),
        fte(team.required_fte),
        fte(team.effective_fte),
        fte(team.surplus_fte),
        Cell::Count(team.hires),
        Cell::Money(cost.cs_cost),
        optional_share(cost.cost_pct_of_arr),
    ]
}

/// Every segment's book, need and team per quarter, then the totals.
fn per_segment(doc: &PlanDocument<'_>) -> Sheet {
    let headers = [
        "Segment",
        "Quarter",
        "Opening logos",
        "New logos",
        "Churned logos",
        "Closing logos",
        "Opening ARR",
        "New ARR",
        "Expansion ARR",
        "Contraction ARR",
        "Churned ARR",
        "Closing ARR",
        "Top-down FTE",
        "Top-down headcount",
        "Top-down touch",
        "Bottom-up FTE",
        "Bottom-up headcount",
        "Bottom-up touch",
        "Required FTE",
        "Effective FTE",
        "Surplus (+) / shortfall (-) FTE",
        "Hires",
        "CS cost",
        "CS cost % of ARR",
    ]
    .map(String::from)
    .to_vec();
    let mut rows = Vec::new();
    for outlook in &doc.forecast.segments {
        for q in &outlook.quarters {
            rows.push(segment_row(
                &outlook.segment,
                quarter_title(doc, q.quarter),
                &q.book,
                (&q.top_down, &q.bottom_up),
                &q.team,
                &q.cost,
            ));
        }
    }
    for t in &doc.forecast.totals {
        rows.push(segment_row(
            "Total",
            quarter_title(doc, t.quarter),
            &t.book,
            (&t.top_down, &t.bottom_up),
            &t.team,
            &t.cost,
        ));
    }
    Sheet {
        title: "Per segment",
        headers,
        rows,
    }
}

/// The hire-by calendar: one row per new CSM.
fn hire_by(doc: &PlanDocument<'_>) -> Sheet {
    let headers = [
        "Segment",
        "Hire",
        "For quarter",
        "Requisition opens",
        "Starts",
        "Fully ramped",
        "Late by (days)",
    ]
    .map(String::from)
    .to_vec();
    let rows = doc
        .forecast
        .hires
        .iter()
        .map(|h| {
            vec![
                text(&h.segment),
                Cell::Count(u64::from(h.number)),
                text(quarter_title(doc, h.for_quarter)),
                Cell::Date(h.requisition_open),
                Cell::Date(h.start),
                Cell::Date(h.fully_ramped),
                Cell::Count(u64::from(h.late_by_days)),
            ]
        })
        .collect();
    Sheet {
        title: "Hire-by",
        headers,
        rows,
    }
}

/// What the team costs per quarter and what it keeps (DOMAIN.md §1.3, §5.2).
fn cost(doc: &PlanDocument<'_>) -> Sheet {
    let headers = [
        "Quarter",
        "CSMs paid (FTE)",
        "CSM cost",
        "Managers (FTE)",
        "Manager cost",
        "CS cost",
        "Support cost",
        "Closing ARR",
        "CS cost % of ARR",
        "Benchmark band (DOMAIN.md §1.3)",
        "Renewed ARR",
        "Upsell ARR",
        "CS Magic Number (target > 5.0)",
    ]
    .map(String::from)
    .to_vec();
    let rows = doc
        .forecast
        .totals
        .iter()
        .map(|t| {
            vec![
                text(quarter_title(doc, t.quarter)),
                fte(t.team.paid_fte),
                Cell::Money(t.cost.csm_cost),
                fte(t.cost.manager_fte),
                Cell::Money(t.cost.manager_cost),
                Cell::Money(t.cost.cs_cost),
                Cell::Money(t.support_cost),
                Cell::Money(t.book.closing_arr),
                optional_share(t.cost.cost_pct_of_arr),
                band_label(t.cost.band),
                Cell::Money(t.renewed_arr),
                Cell::Money(t.upsell_arr),
                t.magic_number.map_or(Cell::Empty, |m| Cell::Number(m, 2)),
            ]
        })
        .collect();
    Sheet {
        title: "Cost",
        headers,
        rows,
    }
}

fn logos(movement: LogoMovement) -> String {
    match movement {
        LogoMovement::Rate { rate } => format!("{:.1}% of opening logos", rate * 100.0),
        LogoMovement::Count { logos } => format!("{logos} logos"),
    }
}

fn arr(movement: ArrMovement) -> String {
    match movement {
        ArrMovement::Rate { rate } => format!("{:.1}% of opening ARR", rate * 100.0),
        ArrMovement::Amount { amount } => amount.to_exact_string(),
    }
}

fn spread(spread: Spread) -> String {
    match spread {
        Spread::Fixed => "fixed (as planned)".to_string(),
        Spread::Triangular { min, mode, max } => {
            format!("triangular x{min} / x{mode} / x{max} (min / most likely / max)")
        }
        Spread::Normal { mean, sd } => format!("normal x{mean}, sd {sd}"),
    }
}

fn drivers_text(d: &Drivers) -> String {
    format!(
        "new logos {} at {} each; churn {}; contraction {}; expansion {}",
        logos(d.new_logos),
        d.new_logo_arr.to_exact_string(),
        arr(d.churn),
        arr(d.contraction),
        arr(d.expansion)
    )
}

/// Every input that made the plan, with where its default comes from.
fn assumptions(doc: &PlanDocument<'_>) -> Sheet {
    let i = doc.inputs;
    let u = doc.uncertainty;
    let row = |input: &str, value: String, note: &str| vec![text(input), text(value), text(note)];
    let ramp = i
        .supply
        .ramp
        .productivity_by_month
        .iter()
        .enumerate()
        .map(|(m, p)| format!("month {}: {:.0}%", m + 1, p * 100.0))
        .collect::<Vec<_>>()
        .join(", ");
    let mut rows = vec![
        row("Plan", doc.name.to_string(), ""),
        row(
            "Preset",
            doc.preset.label().to_string(),
            "base = the inputs as entered",
        ),
        row("Start", i.start.to_string(), "first day of quarter 1"),
        row("Quarters", i.quarters.to_string(), "2 to 12"),
        row(
            "Required CSMs sized on",
            i.basis.label().to_string(),
            "DOMAIN.md §1.1",
        ),
        row(
            "ARR per CSM",
            i.arr_per_csm.to_exact_string(),
            "top-down; sources: $1.5M, industry range $1-2M (DOMAIN.md §1.1)",
        ),
        row(
            "Activities per CSM per month",
            format!("{}", i.csm_activities_per_month),
            "bottom-up; sources: 600 (DOMAIN.md §1.1)",
        ),
        row(
            "Rounding of FTE to people",
            i.rounding.label().to_string(),
            "NOT IN SOURCES (DOMAIN.md §8.1)",
        ),
        row(
            "Ramp of a new CSM",
            format!("{ramp}; 100% after"),
            "NOT IN SOURCES (DOMAIN.md §1.3 item 2)",
        ),
        row(
            "Hiring lead time",
            format!("{} days from requisition to start", i.supply.lead_time_days),
            "NOT IN SOURCES (DOMAIN.md §1.3 item 3)",
        ),
        row(
            "CSM attrition",
            format!("{:.1}% a year", i.supply.attrition_per_year * 100.0),
            "NOT IN SOURCES (DOMAIN.md §1.10)",
        ),
        row(
            "Fully loaded cost of a CSM",
            format!("{} a year", i.cost.csm_cost_per_year.to_exact_string()),
            "NOT IN SOURCES (DOMAIN.md §8.1)",
        ),
        row(
            "CSMs per manager",
            format!("{}", i.cost.csms_per_manager),
            "span of control",
        ),
        row(
            "Fully loaded cost of a manager",
            format!("{} a year", i.cost.manager_cost_per_year.to_exact_string()),
            "NOT IN SOURCES",
        ),
        row(
            "Support team cost",
            format!("{} a year", i.cost.support_cost_per_year.to_exact_string()),
            "CS Magic Number denominator (DOMAIN.md §5.2)",
        ),
        row(
            "Contract term",
            format!("{} months", i.cost.contract_term_months),
            "renewed ARR per quarter = opening ARR x 3 / term",
        ),
    ];
    for s in &i.segments {
        rows.push(row(
            &format!("{}: start", s.segment),
            format!(
                "{} logos, {} ARR, {} CSMs, {} activities per customer a month",
                s.opening_logos,
                s.opening_arr.to_exact_string(),
                s.current_csms,
                s.activities_per_customer_per_month
            ),
            "from the book",
        ));
        rows.push(row(
            &format!("{}: each quarter", s.segment),
            drivers_text(&s.base),
            "DOMAIN.md §1.4: the sources give no forecasting method",
        ));
        for o in &s.overrides {
            let d = s.drivers(o.quarter);
            rows.push(row(
                &format!("{}: {}", s.segment, quarter_title(doc, o.quarter)),
                drivers_text(&d),
                "override",
            ));
        }
    }
    rows.extend([
        row(
            "Monte Carlo",
            format!("{} trials, seed {}", u.trials, u.seed),
            "the same seed gives the same bands",
        ),
        row("Uncertainty: new logos", spread(u.new_logos), "multiplier"),
        row(
            "Uncertainty: churn and contraction",
            spread(u.churn),
            "multiplier",
        ),
        row("Uncertainty: expansion", spread(u.expansion), "multiplier"),
        row(
            "Uncertainty: activities per customer",
            spread(u.activities),
            "multiplier",
        ),
        row("Uncertainty: attrition", spread(u.attrition), "multiplier"),
    ]);
    Sheet {
        title: "Assumptions",
        headers: ["Input", "Value", "Source or note"]
            .map(String::from)
            .to_vec(),
        rows,
    }
}
