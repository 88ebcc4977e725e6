//! A rule set's segments as a spreadsheet (issue #3 "export segments"): the summary per
//! segment (accounts, ARR exact to the cent, shares, mean health, NPS, renewals in 90 days)
//! and, when asked, every account with the segment it lands in. Segment and account names are
//! people's text, so every text cell is neutralised (DESIGN.md "Decisions").

use crate::spreadsheet::neutralise;
use csplan_domain::segmentation::{Account, RuleSet, SegmentSummary, assign, summarize_assigned};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

const SUMMARY_COLUMNS: [&str; 12] = [
    "segment",
    "touch_model",
    "accounts",
    "share_of_accounts",
    "total_arr",
    "share_of_arr",
    "mean_health",
    "nps",
    "nps_responses",
    "renewals_next_90_days",
    "renewals_next_90_days_arr",
    "colour",
];
const ACCOUNT_COLUMNS: [&str; 4] = ["account_id", "account_name", "segment", "arr"];

/// What `segments_file` writes: the summary as CSV, each account's segment as CSV, or a
/// workbook with the summary and, when asked, the accounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentsFile {
    SummaryCsv,
    AccountsCsv,
    Workbook { with_accounts: bool },
}

/// The export of `rules` over the book, as `csplan export segments` and the Segments page's
/// "Export segments…" both write it, so the two files are the same for the same rule set.
pub fn segments_file(
    rules: &RuleSet,
    accounts: &[Account],
    file: SegmentsFile,
) -> Result<Vec<u8>, XlsxError> {
    let assigned = assign(rules, accounts);
    let summary = summarize_assigned(rules, accounts, &assigned);
    let names: Vec<String> = rules
        .segment_names()
        .iter()
        .map(|n| n.to_string())
        .collect();
    let members = Membership {
        accounts,
        assigned: &assigned,
        names: &names,
    };
    Ok(match file {
        SegmentsFile::SummaryCsv => segments_csv(&summary).into_bytes(),
        SegmentsFile::AccountsCsv => memberships_csv(&members).into_bytes(),
        SegmentsFile::Workbook { with_accounts } => {
            segments_xlsx(&summary, with_accounts.then_some(&members))?
        }
    })
}

/// Each account and the index of its segment in `names` (from `assign`).
pub struct Membership<'a> {
    pub accounts: &'a [Account],
    pub assigned: &'a [usize],
    pub names: &'a [String],
}

fn number(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

fn csv_text(rows: impl Iterator<Item = Vec<String>>, header: &[&str]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing into memory cannot fail: the only errors are the sink's, and a Vec has none.
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(&row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The summary per segment as CSV; shares are fractions 0-1, money in dollars with cents.
pub fn segments_csv(summary: &[SegmentSummary]) -> String {
    let rows = summary.iter().map(|s| {
        vec![
            neutralise(&s.segment),
            s.touch_model.label().to_string(),
            s.accounts.to_string(),
            s.share_of_accounts.to_string(),
            s.total_arr.to_plain_string(),
            s.share_of_arr.to_string(),
            number(s.mean_health),
            number(s.nps),
            s.nps_responses.to_string(),
            s.renewals_next_90_days.to_string(),
            s.renewals_next_90_days_arr.to_plain_string(),
            s.colour.clone(),
        ]
    });
    csv_text(rows, &SUMMARY_COLUMNS)
}

/// Every account and its segment as CSV, in book order.
pub fn memberships_csv(members: &Membership<'_>) -> String {
    let rows = members
        .accounts
        .iter()
        .zip(members.assigned)
        .map(|(a, &i)| {
            vec![
                neutralise(&a.account_id),
                neutralise(&a.account_name),
                neutralise(members.names.get(i).map_or("", String::as_str)),
                a.arr.to_plain_string(),
            ]
        });
    csv_text(rows, &ACCOUNT_COLUMNS)
}

fn header(sheet: &mut Worksheet, columns: &[&str]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    for (column, name) in columns.iter().enumerate() {
        let column = u16::try_from(column).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, column, *name, &bold)?;
    }
    Ok(())
}

/// A workbook with a "Segments" sheet and, with `members`, an "Accounts" sheet; money as
/// numbers with two decimals, shares as percentages.
pub fn segments_xlsx(
    summary: &[SegmentSummary],
    members: Option<&Membership<'_>>,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let money = Format::new().set_num_format("#,##0.00");
    let share = Format::new().set_num_format("0.0%");
    let sheet = workbook.add_worksheet();
    sheet.set_name("Segments")?;
    header(sheet, &SUMMARY_COLUMNS)?;
    for (index, s) in summary.iter().enumerate() {
        let row = u32::try_from(index + 1).unwrap_or(u32::MAX);
        sheet.write_string(row, 0, neutralise(&s.segment))?;
        sheet.write_string(row, 1, s.touch_model.label())?;
        sheet.write_number(row, 2, s.accounts as f64)?;
        sheet.write_number_with_format(row, 3, s.share_of_accounts, &share)?;
        sheet.write_number_with_format(row, 4, s.total_arr.0 as f64 / 100.0, &money)?;
        sheet.write_number_with_format(row, 5, s.share_of_arr, &share)?;
        if let Some(health) = s.mean_health {
            sheet.write_number(row, 6, health)?;
        }
        if let Some(nps) = s.nps {
            sheet.write_number(row, 7, nps)?;
        }
        sheet.write_number(row, 8, s.nps_responses as f64)?;
        sheet.write_number(row, 9, s.renewals_next_90_days as f64)?;
        sheet.write_number_with_format(
            row,
            10,
            s.renewals_next_90_days_arr.0 as f64 / 100.0,
            &money,
        )?;
        sheet.write_string(row, 11, &s.colour)?;
    }
    if let Some(members) = members {
        let sheet = workbook.add_worksheet();
        sheet.set_name("Accounts")?;
        header(sheet, &ACCOUNT_COLUMNS)?;
        for (index, (a, &i)) in members.accounts.iter().zip(members.assigned).enumerate() {
            let row = u32::try_from(index + 1).unwrap_or(u32::MAX);
            sheet.write_string(row, 0, neutralise(&a.account_id))?;
            sheet.write_string(row, 1, neutralise(&a.account_name))?;
            sheet.write_string(
                row,
                2,
                neutralise(members.names.get(i).map_or("", String::as_str)),
            )?;
            sheet.write_number_with_format(row, 3, a.arr.0 as f64 / 100.0, &money)?;
        }
    }
    workbook.save_to_buffer()
}
