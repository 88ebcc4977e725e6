//! Reads a CSM history CSV (columns of shared/bench/DATA.md §2, any extra numeric columns after
//! them). Validation is all-or-nothing: the first problem rejects the file, naming the file,
//! the physical line (header = line 1) and the column.

use super::history::{CsmQuarter, History};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::Read;

pub const HISTORY_COLUMNS: [&str; 17] = [
    "csm_id",
    "csm_name",
    "segment",
    "quarter",
    "quarter_index",
    "book_arr_start",
    "num_accounts",
    "renewable_arr",
    "renewed_arr",
    "churned_arr",
    "downgraded_arr",
    "expansion_arr",
    "expansion_quota",
    "grr",
    "nrr",
    "nps",
    "onboarding_days",
];

/// Why a history file was rejected.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct HistoryError {
    pub file: String,
    pub line: Option<u64>,
    pub column: Option<String>,
    pub reason: String,
}

impl fmt::Display for HistoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
        }
        write!(f, ": {}", self.reason)
    }
}

struct Row<'a> {
    file: &'a str,
    line: u64,
    record: &'a csv::StringRecord,
    index: &'a HashMap<&'static str, usize>,
}

impl Row<'_> {
    fn error(&self, column: &str, reason: impl Into<String>) -> HistoryError {
        HistoryError {
            file: self.file.to_string(),
            line: Some(self.line),
            column: Some(column.to_string()),
            reason: reason.into(),
        }
    }

    fn text(&self, column: &'static str) -> Result<&str, HistoryError> {
        let text = self
            .index
            .get(column)
            .and_then(|&i| self.record.get(i))
            .unwrap_or("");
        if text.trim().is_empty() {
            return Err(self.error(column, "is empty"));
        }
        Ok(text)
    }

    fn number(&self, column: &'static str) -> Result<f64, HistoryError> {
        let text = self.text(column)?;
        match text.trim().parse::<f64>() {
            Ok(value) if value.is_finite() => Ok(value),
            _ => Err(self.error(column, format!("\"{text}\" is not a number"))),
        }
    }

    fn at_least(&self, column: &'static str, minimum: f64) -> Result<f64, HistoryError> {
        let value = self.number(column)?;
        if value < minimum {
            return Err(self.error(column, format!("{value} is below {minimum}")));
        }
        Ok(value)
    }

    fn whole(&self, column: &'static str) -> Result<f64, HistoryError> {
        let value = self.at_least(column, 0.0)?;
        if value.fract() != 0.0 {
            return Err(self.error(column, format!("{value} is not a whole number")));
        }
        Ok(value)
    }
}

/// `2024Q1` → (2024, 1).
fn parse_quarter(text: &str) -> Option<(i32, u8)> {
    let (year, quarter) = text.split_once('Q')?;
    let year: i32 = year.parse().ok().filter(|y| (1900..=9999).contains(y))?;
    let quarter: u8 = quarter.parse().ok().filter(|q| (1..=4).contains(q))?;
    Some((year, quarter))
}

fn parse_row(row: &Row, extra: &[(usize, String)]) -> Result<CsmQuarter, HistoryError> {
    let quarter = row.text("quarter")?.trim().to_string();
    let Some((year, quarter_of_year)) = parse_quarter(&quarter) else {
        return Err(row.error(
            "quarter",
            format!("\"{quarter}\" is not a quarter like 2024Q1"),
        ));
    };
    let quarter_index = row.whole("quarter_index")?;
    if quarter_index < 1.0 || quarter_index > f64::from(u32::MAX) {
        return Err(row.error("quarter_index", "must be a whole number from 1"));
    }
    let renewable_arr = row.at_least("renewable_arr", 0.0)?;
    if renewable_arr == 0.0 {
        return Err(row.error(
            "renewable_arr",
            "is 0: the renewal cohort's grr and nrr are undefined",
        ));
    }
    let renewed_arr = row.at_least("renewed_arr", 0.0)?;
    let churned_arr = row.at_least("churned_arr", 0.0)?;
    let downgraded_arr = row.at_least("downgraded_arr", 0.0)?;
    let expansion_arr = row.at_least("expansion_arr", 0.0)?;
    if (renewable_arr - churned_arr - downgraded_arr - renewed_arr).abs() > 0.005 {
        return Err(row.error(
            "renewed_arr",
            format!(
                "{renewed_arr} is not renewable_arr − churned_arr − downgraded_arr ({})",
                renewable_arr - churned_arr - downgraded_arr
            ),
        ));
    }
    let grr = row.number("grr")?;
    // Stored rounded to 6 decimals (DATA.md §2), so half a unit of the 6th decimal is tolerated.
    let tolerance = 5.000_001e-7;
    if (grr - renewed_arr / renewable_arr).abs() > tolerance {
        return Err(row.error(
            "grr",
            format!("{grr} is not renewed_arr / renewable_arr to 6 decimals"),
        ));
    }
    let nrr = row.number("nrr")?;
    if (nrr - (renewed_arr + expansion_arr) / renewable_arr).abs() > tolerance {
        return Err(row.error(
            "nrr",
            format!("{nrr} is not (renewed_arr + expansion_arr) / renewable_arr to 6 decimals"),
        ));
    }
    let nps = row.number("nps")?;
    if !(-100.0..=100.0).contains(&nps) {
        return Err(row.error("nps", format!("{nps} is outside −100…100")));
    }
    let onboarding_days = row.number("onboarding_days")?;
    if onboarding_days <= 0.0 {
        return Err(row.error(
            "onboarding_days",
            format!("{onboarding_days} must be more than 0"),
        ));
    }
    let mut extra_values = Vec::with_capacity(extra.len());
    for (i, name) in extra {
        let text = row.record.get(*i).unwrap_or("").trim();
        if text.is_empty() {
            extra_values.push(None);
            continue;
        }
        match text.parse::<f64>() {
            Ok(value) if value.is_finite() => extra_values.push(Some(value)),
            _ => return Err(row.error(name, format!("\"{text}\" is not a number"))),
        }
    }
    Ok(CsmQuarter {
        csm_id: row.text("csm_id")?.to_string(),
        csm_name: row.text("csm_name")?.to_string(),
        segment: row.text("segment")?.to_string(),
        quarter,
        // Checked above to be whole and within u32.
        quarter_index: quarter_index as u32,
        year,
        quarter_of_year,
        book_arr_start: row.at_least("book_arr_start", 0.0)?,
        num_accounts: row.whole("num_accounts")?,
        renewable_arr,
        renewed_arr,
        churned_arr,
        downgraded_arr,
        expansion_arr,
        expansion_quota: row.at_least("expansion_quota", 0.0)?,
        grr,
        nrr,
        nps,
        onboarding_days,
        extra: extra_values,
    })
}

/// Parses a history CSV; `file` names the source in every error.
pub fn read_history(file: &str, reader: impl Read) -> Result<History, HistoryError> {
    let whole_file = |reason: String| HistoryError {
        file: file.to_string(),
        line: None,
        column: None,
        reason,
    };
    let mut csv = csv::ReaderBuilder::new().from_reader(reader);
    let headers = csv
        .headers()
        .map_err(|e| whole_file(format!("cannot read the header: {e}")))?
        .clone();
    let names: Vec<String> = headers.iter().map(|h| h.trim().to_string()).collect();
    let mut index: HashMap<&'static str, usize> = HashMap::new();
    for column in HISTORY_COLUMNS {
        match names.iter().position(|n| n == column) {
            Some(i) => {
                index.insert(column, i);
            }
            None => {
                return Err(HistoryError {
                    file: file.to_string(),
                    line: Some(1),
                    column: Some(column.to_string()),
                    reason: "missing from the header".to_string(),
                });
            }
        }
    }
    let mut seen_names = HashSet::new();
    for name in &names {
        if !seen_names.insert(name) {
            return Err(HistoryError {
                file: file.to_string(),
                line: Some(1),
                column: Some(name.clone()),
                reason: "appears twice in the header".to_string(),
            });
        }
    }
    let extra: Vec<(usize, String)> = names
        .iter()
        .enumerate()
        .filter(|(_, n)| !HISTORY_COLUMNS.contains(&n.as_str()))
        .map(|(i, n)| (i, n.clone()))
        .collect();
    let mut rows = Vec::new();
    let mut keys = HashSet::new();
    let mut labels: HashMap<u32, String> = HashMap::new();
    let mut record = csv::StringRecord::new();
    loop {
        match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line());
                return Err(HistoryError {
                    file: file.to_string(),
                    line,
                    column: None,
                    reason: e.to_string(),
                });
            }
        }
        let row = Row {
            file,
            line: record.position().map_or(0, |p| p.line()),
            record: &record,
            index: &index,
        };
        let parsed = parse_row(&row, &extra)?;
        if !keys.insert((parsed.csm_id.clone(), parsed.quarter_index)) {
            return Err(row.error(
                "quarter_index",
                format!(
                    "{} has quarter {} twice",
                    parsed.csm_id, parsed.quarter_index
                ),
            ));
        }
        let label = labels
            .entry(parsed.quarter_index)
            .or_insert_with(|| parsed.quarter.clone());
        if *label != parsed.quarter {
            return Err(row.error(
                "quarter",
                format!(
                    "quarter_index {} is {label} on an earlier line but {} here",
                    parsed.quarter_index, parsed.quarter
                ),
            ));
        }
        rows.push(parsed);
    }
    if rows.is_empty() {
        return Err(whole_file("the history has no rows".to_string()));
    }
    Ok(History::new(
        rows,
        extra.into_iter().map(|(_, n)| n).collect(),
    ))
}
