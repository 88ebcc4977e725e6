//! CS Plan documents: HTML reports and questionnaires, spreadsheet-safe CSV.
