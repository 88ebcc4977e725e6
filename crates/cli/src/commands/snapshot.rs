//! `csplan snapshot take|add|list|delete`: the dated snapshots of the book that metric periods
//! are measured between.

use crate::args::Format;
use crate::metrics_args::SnapshotCommand;
use anyhow::Result;
use comfy_table::{CellAlignment, Table, presets::UTF8_FULL_CONDENSED};
use csplan_report::neutralise;
use csplan_store::{Snapshot, Store};
use std::io::Write;
use std::time::Duration;

fn describe(snapshot: &Snapshot) -> String {
    format!(
        "snapshot {} \"{}\" as of {}: {} customers, {} ARR",
        snapshot.id,
        snapshot.label,
        snapshot.as_of,
        snapshot.customers,
        snapshot.arr.to_exact_string()
    )
}

pub async fn run(command: &SnapshotCommand) -> Result<()> {
    let db = match command {
        SnapshotCommand::Take { db, .. }
        | SnapshotCommand::Add { db, .. }
        | SnapshotCommand::List { db, .. }
        | SnapshotCommand::Delete { db, .. } => db,
    };
    let store = Store::open_with(db, None, Duration::from_secs(5)).await?;
    let result = act(&store, command).await;
    store.close().await;
    result
}

async fn act(store: &Store, command: &SnapshotCommand) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match command {
        SnapshotCommand::Take { as_of, label, .. } => {
            let taken = store
                .take_snapshot(as_of, label.as_deref().unwrap_or(as_of))
                .await?;
            writeln!(out, "Took {}.", describe(&taken))?;
        }
        SnapshotCommand::Add {
            file, as_of, label, ..
        } => {
            let added = store
                .add_snapshot_csv(file, as_of, label.as_deref().unwrap_or(as_of))
                .await?;
            writeln!(out, "Added {} from {}.", describe(&added), file.display())?;
        }
        SnapshotCommand::List { format, .. } => {
            let snapshots = store.snapshots().await?;
            match format {
                Format::Json => {
                    serde_json::to_writer_pretty(&mut out, &snapshots)?;
                    writeln!(out)?;
                }
                Format::Csv => {
                    let mut writer = csv::Writer::from_writer(&mut out);
                    writer.write_record(["id", "as_of", "label", "source", "customers", "arr"])?;
                    for s in &snapshots {
                        writer.write_record([
                            s.id.to_string(),
                            s.as_of.clone(),
                            neutralise(&s.label),
                            neutralise(&s.source),
                            s.customers.to_string(),
                            s.arr.to_plain_string(),
                        ])?;
                    }
                    writer.flush()?;
                }
                Format::Table => {
                    let mut table = Table::new();
                    table.load_preset(UTF8_FULL_CONDENSED).set_header(vec![
                        "Id",
                        "As of",
                        "Label",
                        "Source",
                        "Customers",
                        "ARR",
                    ]);
                    for s in &snapshots {
                        table.add_row(vec![
                            s.id.to_string(),
                            s.as_of.clone(),
                            s.label.clone(),
                            s.source.clone(),
                            s.customers.to_string(),
                            s.arr.to_exact_string(),
                        ]);
                    }
                    for index in [4, 5] {
                        if let Some(column) = table.column_mut(index) {
                            column.set_cell_alignment(CellAlignment::Right);
                        }
                    }
                    writeln!(out, "{table}")?;
                }
            }
        }
        SnapshotCommand::Delete { id, .. } => {
            let snapshot = store.snapshot(*id).await?;
            store.delete_snapshot(*id).await?;
            writeln!(out, "Deleted {}.", describe(&snapshot))?;
        }
    }
    Ok(())
}
