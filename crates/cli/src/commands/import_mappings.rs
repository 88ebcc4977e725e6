//! Column mappings from the command line: `--map "Header=field"` overrides on top of the mapping
//! an import would use (saved or detected), and `csplan import mappings`, the saved ones.

use crate::import_args::ImportAccountsArgs;
use anyhow::{Context, Result, anyhow};
use csplan_store::{ColumnMapping, ColumnTarget, DEFAULT_BUSY_TIMEOUT, ImportOptions, Store};
use std::path::Path;

/// One `--map` value: the column's header and what it becomes.
struct Override<'a> {
    given: &'a str,
    header: &'a str,
    target: ColumnTarget,
}

fn parse(given: &str) -> Result<Override<'_>> {
    // A field name never holds "=", a header might: the last one separates them.
    let (header, name) = given
        .rsplit_once('=')
        .filter(|(header, _)| !header.trim().is_empty())
        .ok_or_else(|| {
            anyhow!(
                "--map \"{given}\" needs the form \"Column Header=field\", for example --map \"Contract Value=arr\""
            )
        })?;
    let target = ColumnTarget::from_name(name).ok_or_else(|| {
        anyhow!(
            "--map \"{given}\": \"{}\" is not a field; use one of {}",
            name.trim(),
            ColumnTarget::names().join(", ")
        )
    })?;
    Ok(Override {
        given,
        header: header.trim(),
        target,
    })
}

/// The mapping to import with when `--map` is given: the one the import would use (saved under
/// `--mapping NAME`, remembered for the file's headers, or detected) with each override applied
/// in order; `None` without `--map`, so the store picks as usual. Every value is checked before
/// the file is read.
pub async fn overridden(args: &ImportAccountsArgs) -> Result<Option<ColumnMapping>> {
    if args.map.is_empty() {
        return Ok(None);
    }
    let overrides = args
        .map
        .iter()
        .map(|given| parse(given))
        .collect::<Result<Vec<_>>>()?;
    let options = ImportOptions {
        mapping_name: args.mapping.clone(),
        sheet: args.sheet.clone(),
        ..ImportOptions::default()
    };
    let (mut mapping, _) =
        Store::import_mapping_at(&args.db, DEFAULT_BUSY_TIMEOUT, &args.file, &options).await?;
    for o in overrides {
        mapping = mapping
            .with_target(o.header, o.target)
            .with_context(|| format!("--map \"{}\"", o.given))?;
    }
    Ok(Some(mapping))
}

/// One line per saved mapping: its name (or the headers it was remembered for), how many
/// columns, when it was last used, and what each column becomes in `--map` form.
pub async fn list(db: &Path) -> Result<()> {
    let store = Store::open_with(db, None, DEFAULT_BUSY_TIMEOUT).await?;
    let result = store.saved_mappings().await;
    store.close().await;
    let saved = result?;
    if saved.is_empty() {
        println!(
            "No saved mappings yet: an import remembers its mapping, and --mapping NAME saves it under a name."
        );
        return Ok(());
    }
    let mut table = comfy_table::Table::new();
    table.load_preset(comfy_table::presets::ASCII_MARKDOWN);
    table.set_header(["name", "columns", "last used (UTC)", "mapping"]);
    for mapping in saved {
        table.add_row([
            mapping
                .name
                .unwrap_or_else(|| "(these headers, no name)".to_string()),
            mapping.headers.len().to_string(),
            mapping
                .updated_at
                .replace('T', " ")
                .chars()
                .take(16)
                .collect(),
            mapping
                .mapping
                .columns
                .iter()
                .map(|c| format!("{}={}", c.header, c.target.name()))
                .collect::<Vec<_>>()
                .join("; "),
        ]);
    }
    println!("{table}");
    Ok(())
}
