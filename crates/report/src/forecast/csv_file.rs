//! The plan as one CSV table: every segment's quarters, then the totals (the "Per segment"
//! sheet). Money is exact to the cent without separators, shares are percentages with one
//! decimal, and every text cell is made safe for spreadsheets.

use super::PlanDocument;
use super::sheets::{Cell, Sheet, sheets};
use crate::spreadsheet::neutralise;

/// A cell as CSV text.
pub(crate) fn csv_cell(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => neutralise(text),
        Cell::Money(cents) => cents.to_plain_string(),
        Cell::Number(value, decimals) => format!("{value:.decimals$}"),
        Cell::Count(count) => count.to_string(),
        Cell::Share(fraction) => format!("{:.1}", fraction * 100.0),
        Cell::Date(date) => date.to_string(),
        Cell::Empty => String::new(),
    }
}

/// Any sheet as CSV text; header cells are neutralised too.
pub(crate) fn sheet_csv(sheet: &Sheet) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header: Vec<String> = sheet.headers.iter().map(|h| neutralise(h)).collect();
    // Writing into memory cannot fail; a failed record would only shorten the file.
    let _ = writer.write_record(&header);
    for row in &sheet.rows {
        let _ = writer.write_record(row.iter().map(csv_cell));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The "Per segment" sheet as CSV.
pub fn forecast_csv(doc: &PlanDocument<'_>) -> String {
    sheets(doc)
        .into_iter()
        .find(|s| s.title == "Per segment")
        .map(|s| sheet_csv(&s))
        .unwrap_or_default()
}
