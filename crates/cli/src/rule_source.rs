//! `--rules FILE|NAME`: a rule set file (TOML, or JSON ending in .json) when such a file exists,
//! else a rule set saved in the workspace under that name.

use anyhow::{Context, Result, bail};
use csplan_domain::segmentation::RuleSet;
use csplan_store::{RuleFileFormat, Store, StoreError};
use std::path::Path;

/// Reads a rule set file without touching any workspace, so a mistake in it is reported first.
pub fn read_file(path: &Path) -> Result<RuleSet> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("could not read the rule set file {}", path.display()))?;
    let source = path.display().to_string();
    Ok(RuleFileFormat::of_path(path).read(&source, &text)?)
}

/// The file if `given` names one, else the saved rule set of that name.
pub async fn resolve(store: &Store, given: &str) -> Result<RuleSet> {
    let path = Path::new(given);
    if path.is_file() {
        return read_file(path);
    }
    match store.rule_set_by_name(given).await {
        Ok(saved) => Ok(saved.rules),
        Err(StoreError::NotFound { .. }) => {
            let saved: Vec<String> = store
                .list_rule_sets()
                .await?
                .into_iter()
                .map(|s| format!("\"{}\"", s.name))
                .collect();
            let known = if saved.is_empty() {
                "the workspace has no saved rule sets".to_string()
            } else {
                format!("saved rule sets: {}", saved.join(", "))
            };
            bail!("--rules {given}: there is no such file, and no rule set of that name ({known})")
        }
        Err(error) => Err(error.into()),
    }
}
