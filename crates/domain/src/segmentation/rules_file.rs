//! Rule sets as readable TOML files (examples/rules/*.toml), checked on the way in and out.

use super::rules::{RuleError, RuleSet};

/// Reads and validates a rule set; `source` (the file name) starts every problem, and the toml
/// crate's message adds the line, column and key where it knows them.
pub fn rules_from_toml(source: &str, text: &str) -> Result<RuleSet, RuleError> {
    let rules: RuleSet = toml::from_str(text).map_err(|error| RuleError::File {
        file: source.to_string(),
        reason: error.to_string(),
    })?;
    rules.validate()?;
    Ok(rules)
}

/// Writes a rule set as TOML that `rules_from_toml` reads back to the same rule set.
pub fn rules_to_toml(rules: &RuleSet) -> Result<String, RuleError> {
    rules.validate()?;
    toml::to_string_pretty(rules).map_err(|error| RuleError::File {
        file: rules.name.clone(),
        reason: error.to_string(),
    })
}

/// The same rule set as JSON, for export next to TOML.
pub fn rules_to_json(rules: &RuleSet) -> Result<String, RuleError> {
    rules.validate()?;
    serde_json::to_string_pretty(rules).map_err(|error| RuleError::File {
        file: rules.name.clone(),
        reason: error.to_string(),
    })
}

/// Reads a rule set exported as JSON.
pub fn rules_from_json(source: &str, text: &str) -> Result<RuleSet, RuleError> {
    let rules: RuleSet = serde_json::from_str(text).map_err(|error| RuleError::File {
        file: source.to_string(),
        reason: error.to_string(),
    })?;
    rules.validate()?;
    Ok(rules)
}
