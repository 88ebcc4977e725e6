//! Activity catalogues as CSV files a spreadsheet can edit:
//! `segment,activity,per_customer_per_month,minutes`, one activity per row, rows of a segment
//! kept in file order. Problems are reported with the file, line and column.

use anyhow::{Context, Result, bail};
use csplan_domain::capacity::{Activity, SegmentCatalog};
use std::path::Path;

const COLUMNS: [&str; 4] = ["segment", "activity", "per_customer_per_month", "minutes"];

fn number(text: &str, file: &Path, line: u64, column: &str) -> Result<f64> {
    match text.trim().parse::<f64>() {
        Ok(value) if value.is_finite() && value >= 0.0 => Ok(value),
        _ => bail!(
            "{}, line {line}, column {column}: \"{text}\" is not a number of 0 or more",
            file.display()
        ),
    }
}

pub fn read(file: &Path) -> Result<Vec<SegmentCatalog>> {
    let mut reader = csv::Reader::from_path(file)
        .with_context(|| format!("cannot read the catalogue {}", file.display()))?;
    let headers = reader
        .headers()
        .with_context(|| format!("{}, line 1: cannot read the header", file.display()))?
        .clone();
    let header: Vec<String> = headers.iter().map(|h| h.trim().to_lowercase()).collect();
    if header != COLUMNS {
        bail!(
            "{}, line 1: the header must be {} (it is {})",
            file.display(),
            COLUMNS.join(","),
            header.join(",")
        );
    }
    let mut catalogs: Vec<SegmentCatalog> = Vec::new();
    for record in reader.records() {
        let record = record.with_context(|| format!("{}: unreadable row", file.display()))?;
        let line = record.position().map_or(0, |p| p.line());
        let segment = record.get(0).unwrap_or("").trim();
        let name = record.get(1).unwrap_or("").trim();
        if segment.is_empty() || name.is_empty() {
            bail!(
                "{}, line {line}: segment and activity must not be empty",
                file.display()
            );
        }
        let activity = Activity {
            name: name.to_string(),
            per_customer_per_month: number(record.get(2).unwrap_or(""), file, line, COLUMNS[2])?,
            minutes: number(record.get(3).unwrap_or(""), file, line, COLUMNS[3])?,
        };
        match catalogs.iter_mut().find(|c| c.segment == segment) {
            Some(catalog) => catalog.activities.push(activity),
            None => catalogs.push(SegmentCatalog {
                segment: segment.to_string(),
                activities: vec![activity],
            }),
        }
    }
    if catalogs.is_empty() {
        bail!("{}: the catalogue has no activities", file.display());
    }
    Ok(catalogs)
}
