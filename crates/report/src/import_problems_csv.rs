//! An import's validation report as CSV, to fix the file from in a spreadsheet: one row per
//! problem with the physical line (the header is line 1), the column, the value as the file has
//! it and the reason. Values come from someone else's export, so every text cell is neutralised
//! ("=HYPERLINK(...)" stays text).

use crate::spreadsheet::neutralise;

const HEADER: [&str; 4] = ["line", "column", "value", "reason"];

/// One problem as plain values; `column` is None when the whole record is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProblemRow<'a> {
    pub line: u64,
    pub column: Option<&'a str>,
    pub value: &'a str,
    pub reason: &'a str,
}

/// RFC 4180 CSV with a header row, CRLF line ends, spreadsheet-safe cells.
pub fn import_problems_csv<'a>(problems: impl IntoIterator<Item = ProblemRow<'a>>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing into memory cannot fail: the only errors are the sink's, and a Vec has none.
    let _ = writer.write_record(HEADER);
    for p in problems {
        let _ = writer.write_record([
            p.line.to_string(),
            p.column.map_or_else(String::new, neutralise),
            neutralise(p.value),
            neutralise(p.reason),
        ]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_per_problem_quoted_and_neutralised() {
        let csv = import_problems_csv([
            ProblemRow {
                line: 4,
                column: Some("ARR"),
                value: "twelve, thousand",
                reason: "not an amount",
            },
            ProblemRow {
                line: 9,
                column: None,
                value: "",
                reason: "has 18 fields; the header has 17",
            },
            ProblemRow {
                line: 12,
                column: Some("Account Name"),
                value: "=HYPERLINK(\"http://x\")",
                reason: "-",
            },
        ]);
        assert_eq!(
            csv,
            "line,column,value,reason\r\n\
             4,ARR,\"twelve, thousand\",not an amount\r\n\
             9,,,has 18 fields; the header has 17\r\n\
             12,Account Name,\"'=HYPERLINK(\"\"http://x\"\")\",'-\r\n"
        );
    }
}
