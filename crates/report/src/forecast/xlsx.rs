//! The plan as an XLSX workbook (rust_xlsxwriter): the sheets Summary, Per segment, Hire-by,
//! Cost and Assumptions, money as numbers in a currency format (exact cents), shares in a
//! percentage format, dates as real dates, and every text cell safe for spreadsheets.

use super::PlanDocument;
use super::sheets::{Cell, sheets};
use crate::spreadsheet::neutralise;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};

/// The workbook's bytes, or what went wrong writing it.
pub fn forecast_xlsx(doc: &PlanDocument<'_>) -> Result<Vec<u8>, String> {
    build(doc).map_err(|e| format!("the workbook could not be written ({e})"))
}

fn build(doc: &PlanDocument<'_>) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let money = Format::new().set_num_format("$#,##0.00");
    let share = Format::new().set_num_format("0.0%");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let decimals = [
        Format::new().set_num_format("0"),
        Format::new().set_num_format("0.0"),
        Format::new().set_num_format("0.00"),
    ];
    for sheet in sheets(doc) {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(sheet.title)?;
        for (column, title) in sheet.headers.iter().enumerate() {
            let column = column as u16;
            worksheet.write_string_with_format(0, column, neutralise(title), &header)?;
            worksheet.set_column_width(column, if column == 0 { 22 } else { 15 })?;
        }
        worksheet.set_freeze_panes(1, 0)?;
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Text(text) => {
                        worksheet.write_string(r, c, neutralise(text))?;
                    }
                    // Cents to dollars: a double holds every cent exactly below $90 trillion.
                    Cell::Money(cents) => {
                        worksheet.write_number_with_format(r, c, cents.dollars(), &money)?;
                    }
                    Cell::Number(value, places) => {
                        let format = &decimals[(*places).min(2)];
                        worksheet.write_number_with_format(r, c, *value, format)?;
                    }
                    Cell::Count(count) => {
                        worksheet.write_number(r, c, *count as f64)?;
                    }
                    Cell::Share(fraction) => {
                        worksheet.write_number_with_format(r, c, *fraction, &share)?;
                    }
                    Cell::Date(day) => {
                        let excel = ExcelDateTime::parse_from_str(&day.to_string())?;
                        worksheet.write_datetime_with_format(r, c, &excel, &date)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        if sheet.title == "Assumptions" {
            worksheet.set_column_width(1, 70)?;
            worksheet.set_column_width(2, 50)?;
        }
    }
    workbook.save_to_buffer()
}
