//! `csplan plan` for people (the answer, the plan per quarter and the hire-by calendar as
//! tables) and for scripts (the engine's whole result as JSON).

use crate::commands::plan::Computed;
use anyhow::Result;
use comfy_table::{CellAlignment, Table, presets::UTF8_FULL_CONDENSED};
use csplan_domain::forecast::Preset;
use csplan_report::forecast::{Cell, Sheet, sheets};
use serde_json::json;
use std::io::Write;

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => text.clone(),
        Cell::Money(cents) => cents.to_exact_string(),
        Cell::Number(value, decimals) => format!("{value:.decimals$}"),
        Cell::Count(count) => count.to_string(),
        Cell::Share(fraction) => format!("{:.1}%", fraction * 100.0),
        Cell::Date(date) => date.to_string(),
        Cell::Empty => "-".to_string(),
    }
}

fn print_sheet(sheet: &Sheet, columns: &[&str], out: &mut impl Write) -> Result<()> {
    let picked: Vec<usize> = columns
        .iter()
        .filter_map(|c| sheet.headers.iter().position(|h| h == c))
        .collect();
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_header(picked.iter().map(|&i| sheet.headers[i].clone()));
    for row in &sheet.rows {
        table.add_row(
            picked
                .iter()
                .map(|&i| row.get(i).map(cell_text).unwrap_or_default()),
        );
    }
    for (position, &i) in picked.iter().enumerate() {
        let numeric = sheet
            .rows
            .first()
            .and_then(|r| r.get(i))
            .is_some_and(|c| !matches!(c, Cell::Text(_)));
        if let (true, Some(column)) = (numeric, table.column_mut(position)) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    writeln!(out, "{table}")?;
    Ok(())
}

pub fn table(computed: &Computed, out: &mut impl Write) -> Result<()> {
    let sheets = sheets(&computed.document());
    writeln!(
        out,
        "How many CSMs do we need each quarter, and when must we hire? {}",
        computed.forecast.headline
    )?;
    if let Some(summary) = sheets.iter().find(|s| s.title == "Summary") {
        print_sheet(
            summary,
            &[
                "Quarter",
                "Closing ARR",
                "Top-down FTE",
                "Bottom-up FTE",
                "Required headcount",
                "Effective FTE",
                "Surplus (+) / shortfall (-) FTE",
                "Hires",
                "CS cost",
                "CS cost % of ARR",
                "CS Magic Number",
                "Required headcount P10",
                "Required headcount P50",
                "Required headcount P90",
            ],
            out,
        )?;
    }
    match &computed.bands {
        Some(bands) => writeln!(
            out,
            "Risk bands: {} trials, seed {}; the same seed gives the same bands.",
            bands.trials, bands.seed
        )?,
        None => writeln!(
            out,
            "No risk bands ({}).",
            if computed.preset == Preset::Base {
                "--trials 0"
            } else {
                "bands are computed for the base plan"
            }
        )?,
    }
    if let Some(hires) = sheets.iter().find(|s| s.title == "Hire-by") {
        if hires.rows.is_empty() {
            writeln!(out, "Hire-by calendar: no hires needed.")?;
        } else {
            writeln!(out, "Hire-by calendar:")?;
            print_sheet(
                hires,
                &hires.headers.iter().map(String::as_str).collect::<Vec<_>>(),
                out,
            )?;
        }
    }
    Ok(())
}

/// The plan's name, the preset, the engine's forecast and the bands, as they are.
pub fn json(computed: &Computed, out: &mut impl Write) -> Result<()> {
    let value = json!({
        "plan": computed.name,
        "preset": computed.preset,
        "forecast": computed.forecast,
        "bands": computed.bands,
    });
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)?;
    Ok(())
}
