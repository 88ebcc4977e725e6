//! Saved segmentation rule sets (DOMAIN.md §2): named, editable, duplicable, exported to and
//! imported from readable TOML or JSON files, one of them "active" (the one the Segments page
//! opens). Each rule set is stored as its canonical JSON (rules_file.rs of the domain crate) and
//! validated again on every load, so a row edited by another program is reported, not trusted.

pub(crate) mod demo;
mod names;
mod rows;

use crate::{Store, StoreError};
use csplan_domain::segmentation::{
    RuleError, RuleSet, rules_from_json, rules_from_toml, rules_to_json, rules_to_toml,
};
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use std::path::Path;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, FromRow)]
pub struct RuleSetSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SavedRuleSet {
    #[ts(type = "number")]
    pub id: i64,
    /// `rules.name` is always the saved name.
    pub rules: RuleSet,
    pub updated_at: String,
}

/// The two readable file forms a rule set travels in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum RuleFileFormat {
    Toml,
    Json,
}

impl RuleFileFormat {
    /// `.json` is JSON; anything else is read as TOML (the examples' form).
    pub fn of_path(path: &Path) -> RuleFileFormat {
        let json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if json {
            RuleFileFormat::Json
        } else {
            RuleFileFormat::Toml
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            RuleFileFormat::Toml => "toml",
            RuleFileFormat::Json => "json",
        }
    }

    /// Reads and validates a rule set; `source` (the file name) starts every message.
    pub fn read(self, source: &str, text: &str) -> Result<RuleSet, RuleError> {
        match self {
            RuleFileFormat::Toml => rules_from_toml(source, text),
            RuleFileFormat::Json => rules_from_json(source, text),
        }
    }

    pub fn write(self, rules: &RuleSet) -> Result<String, RuleError> {
        match self {
            RuleFileFormat::Toml => rules_to_toml(rules),
            RuleFileFormat::Json => rules_to_json(rules),
        }
    }
}

/// A rule set the domain refuses, worded for the person who wrote it (the domain names the
/// rule and the field).
pub(crate) fn invalid(error: RuleError) -> StoreError {
    StoreError::InvalidInputs {
        reason: format!("{error}. Correct it and try again; nothing was saved."),
    }
}

impl Store {
    pub async fn list_rule_sets(&self) -> Result<Vec<RuleSetSummary>, StoreError> {
        sqlx::query_as(
            "SELECT id, name, updated_at FROM rule_sets ORDER BY name COLLATE NOCASE, id",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_error(e))
    }

    pub async fn rule_set(&self, id: i64) -> Result<SavedRuleSet, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.db_error(e))?;
        rows::load(&mut conn, id)
            .await
            .map_err(|e| self.db_error(e))?
            .ok_or_else(|| self.rule_set_not_found(&format!("#{id}")))?
            .into_saved(self)
    }

    pub async fn rule_set_by_name(&self, name: &str) -> Result<SavedRuleSet, StoreError> {
        let wanted = names::key(name);
        let all = self.list_rule_sets().await?;
        match all.iter().find(|s| names::key(&s.name) == wanted) {
            Some(summary) => self.rule_set(summary.id).await,
            None => Err(self.rule_set_not_found(&format!("\"{}\"", name.trim()))),
        }
    }

    /// Saves `rules` under its own name as a new rule set.
    pub async fn create_rule_set(&self, rules: &RuleSet) -> Result<SavedRuleSet, StoreError> {
        let name = names::validate(&rules.name)?;
        let mut tx = self.write_tx().await?;
        if let Some(other) = names::clash(&mut tx, "SELECT id, name FROM rule_sets", &name, None)
            .await
            .map_err(|e| self.db_error(e))?
        {
            return Err(names::taken(&other));
        }
        let text = rows::definition(&name, rules)?;
        let id = rows::insert_text(&mut tx, &name, &text)
            .await
            .map_err(|e| self.db_error(e))?;
        self.commit_rule_set(tx, id).await
    }

    /// Replaces the rules of a saved rule set; its name stays (rename changes that).
    pub async fn save_rule_set(
        &self,
        id: i64,
        rules: &RuleSet,
    ) -> Result<RuleSetSummary, StoreError> {
        let mut tx = self.write_tx().await?;
        let name = rows::name_of(&mut tx, id)
            .await
            .map_err(|e| self.db_error(e))?
            .ok_or_else(|| self.rule_set_not_found(&format!("#{id}")))?;
        self.write_rule_set(tx, id, &name, rules).await
    }

    pub async fn rename_rule_set(&self, id: i64, name: &str) -> Result<RuleSetSummary, StoreError> {
        let name = names::validate(name)?;
        let mut tx = self.write_tx().await?;
        let stored = rows::load(&mut tx, id)
            .await
            .map_err(|e| self.db_error(e))?
            .ok_or_else(|| self.rule_set_not_found(&format!("#{id}")))?;
        if let Some(other) =
            names::clash(&mut tx, "SELECT id, name FROM rule_sets", &name, Some(id))
                .await
                .map_err(|e| self.db_error(e))?
        {
            return Err(names::taken(&other));
        }
        let rules = stored.into_saved(self)?.rules;
        self.write_rule_set(tx, id, &name, &rules).await
    }

    pub async fn duplicate_rule_set(
        &self,
        id: i64,
        name: &str,
    ) -> Result<SavedRuleSet, StoreError> {
        let mut rules = self.rule_set(id).await?.rules;
        rules.name = name.to_string();
        self.create_rule_set(&rules).await
    }

    /// Scenarios planning over it fall back to ARR tiers (ON DELETE SET NULL), and it stops
    /// being the active one.
    pub async fn delete_rule_set(&self, id: i64) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let deleted = rows::delete(&mut tx, id)
            .await
            .map_err(|e| self.db_error(e))?;
        if !deleted {
            return Err(self.rule_set_not_found(&format!("#{id}")));
        }
        tx.commit().await.map_err(|e| self.db_error(e))
    }

    /// Reads a TOML or JSON rule set file (by its extension) and saves it as a new rule set; a
    /// name already in use gets " (2)", " (3)" ... so an import never overwrites anything.
    pub async fn import_rule_set(&self, path: &Path) -> Result<SavedRuleSet, StoreError> {
        let text = std::fs::read_to_string(path).map_err(|e| StoreError::io(path, "read", e))?;
        let source = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mut rules = RuleFileFormat::of_path(path)
            .read(&source, &text)
            .map_err(invalid)?;
        let existing: Vec<String> = self
            .list_rule_sets()
            .await?
            .into_iter()
            .map(|s| s.name)
            .collect();
        rules.name = names::free_variant(&names::validate(&rules.name)?, &existing);
        self.create_rule_set(&rules).await
    }

    /// The saved rule set as file text in the given form.
    pub async fn export_rule_set(
        &self,
        id: i64,
        format: RuleFileFormat,
    ) -> Result<String, StoreError> {
        let rules = self.rule_set(id).await?.rules;
        format.write(&rules).map_err(invalid)
    }

    /// The rule set the Segments page opened last, if it still exists.
    pub async fn active_rule_set_id(&self) -> Result<Option<i64>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.db_error(e))?;
        rows::load_active(&mut conn)
            .await
            .map_err(|e| self.db_error(e))
    }

    pub async fn set_active_rule_set_id(&self, id: i64) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        if rows::name_of(&mut tx, id)
            .await
            .map_err(|e| self.db_error(e))?
            .is_none()
        {
            return Err(self.rule_set_not_found(&format!("#{id}")));
        }
        rows::store_active(&mut tx, id)
            .await
            .map_err(|e| self.db_error(e))?;
        tx.commit().await.map_err(|e| self.db_error(e))
    }

    /// Writes `rules` under `name` over the saved rule set `id` and commits; its new summary.
    async fn write_rule_set(
        &self,
        mut tx: sqlx::Transaction<'static, sqlx::Sqlite>,
        id: i64,
        name: &str,
        rules: &RuleSet,
    ) -> Result<RuleSetSummary, StoreError> {
        let text = rows::definition(name, rules)?;
        rows::update_text(&mut tx, id, name, &text)
            .await
            .map_err(|e| self.db_error(e))?;
        let summary = rows::summary(&mut tx, id)
            .await
            .map_err(|e| self.db_error(e))?
            .ok_or_else(|| self.rule_set_not_found(&format!("#{id}")))?;
        tx.commit().await.map_err(|e| self.db_error(e))?;
        Ok(summary)
    }

    async fn commit_rule_set(
        &self,
        mut tx: sqlx::Transaction<'static, sqlx::Sqlite>,
        id: i64,
    ) -> Result<SavedRuleSet, StoreError> {
        let stored = rows::load(&mut tx, id)
            .await
            .map_err(|e| self.db_error(e))?
            .ok_or_else(|| self.rule_set_not_found(&format!("#{id}")))?;
        tx.commit().await.map_err(|e| self.db_error(e))?;
        stored.into_saved(self)
    }

    pub(crate) fn rule_set_not_found(&self, which: &str) -> StoreError {
        StoreError::NotFound {
            path: self.path.clone(),
            what: format!("The rule set {which}"),
        }
    }
}
