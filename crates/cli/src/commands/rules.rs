//! `csplan rules list|export|import`: thin front doors onto the store's saved rule sets.

use crate::rules_args::{RuleFormat, RulesCommand};
use anyhow::{Context, Result, bail};
use csplan_store::{RuleFileFormat, Store};
use std::io::Write;
use std::path::Path;
use std::time::Duration;

pub async fn run(command: &RulesCommand) -> Result<()> {
    let db = match command {
        RulesCommand::List { db } | RulesCommand::Export { db, .. } => db,
        RulesCommand::Import { db, .. } => db,
    };
    let store = Store::open_with(db, None, Duration::from_secs(5)).await?;
    let result = match command {
        RulesCommand::List { .. } => list(&store).await,
        RulesCommand::Export {
            name, format, out, ..
        } => export(&store, name, *format, out.as_deref()).await,
        RulesCommand::Import { file, .. } => import(&store, file).await,
    };
    store.close().await;
    result
}

async fn list(store: &Store) -> Result<()> {
    let active = store.active_rule_set_id().await?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for summary in store.list_rule_sets().await? {
        let rules = store.rule_set(summary.id).await?.rules;
        let mark = if Some(summary.id) == active { "*" } else { " " };
        writeln!(
            out,
            "{mark} {}\t{}\t(saved {})",
            summary.name,
            rules.segment_names().join(" > "),
            summary.updated_at
        )?;
    }
    Ok(())
}

async fn export(store: &Store, name: &str, format: RuleFormat, out: Option<&Path>) -> Result<()> {
    let format = match format {
        RuleFormat::Toml => RuleFileFormat::Toml,
        RuleFormat::Json => RuleFileFormat::Json,
    };
    let saved = store.rule_set_by_name(name).await?;
    let text = store.export_rule_set(saved.id, format).await?;
    match out {
        Some(path) => {
            if path.exists() {
                bail!(
                    "{} already exists; choose another file name (nothing was overwritten)",
                    path.display()
                );
            }
            std::fs::write(path, text)
                .with_context(|| format!("could not write {}", path.display()))?;
            eprintln!("Wrote \"{}\" to {}.", saved.rules.name, path.display());
        }
        None => {
            let stdout = std::io::stdout();
            stdout.lock().write_all(text.as_bytes())?;
        }
    }
    Ok(())
}

async fn import(store: &Store, file: &Path) -> Result<()> {
    let saved = store.import_rule_set(file).await?;
    println!(
        "Saved \"{}\" ({} segments: {}).",
        saved.rules.name,
        saved.rules.segment_names().len(),
        saved.rules.segment_names().join(", ")
    );
    Ok(())
}
