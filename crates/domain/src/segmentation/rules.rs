//! Rule sets (DOMAIN.md §2): ordered segment rules, the first whose conditions all hold wins,
//! and a last catch-all so every account lands in exactly one segment.

use super::account::Account;
use super::condition::Condition;
use super::date::IsoDate;
use crate::capacity::{Activity, SegmentCatalog, TouchModel};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One segment: who belongs (all conditions hold), how they are served, and what their
/// customers get each month (the capacity planner's bottom-up catalogue, DOMAIN.md §2.7).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SegmentRule {
    pub name: String,
    pub touch_model: TouchModel,
    /// A CSS colour for charts, e.g. `#0072B2`.
    pub colour: String,
    #[serde(default)]
    pub conditions: Vec<Condition>,
    /// The activities one customer of the segment gets a month; None until someone fills it in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activities: Option<Vec<Activity>>,
}

/// The last segment, for every account no rule matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CatchAll {
    pub name: String,
    pub touch_model: TouchModel,
    pub colour: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activities: Option<Vec<Activity>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    pub name: String,
    /// The day "renewal within N days", tenure and the 90-day renewal summary count from.
    pub as_of: IsoDate,
    #[serde(default)]
    pub segments: Vec<SegmentRule>,
    pub catch_all: CatchAll,
}

/// A rule set that cannot be used, naming the rule and the field to change.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("rule set file {file}: {reason}")]
    File { file: String, reason: String },
    #[error("rule set \"{rule_set}\", {rule}: {reason}")]
    Rule {
        rule_set: String,
        rule: String,
        reason: String,
    },
}

impl RuleSet {
    /// Segment names in assignment order, the catch-all last; `assign` indexes into this.
    pub fn segment_names(&self) -> Vec<&str> {
        self.segments
            .iter()
            .map(|s| s.name.as_str())
            .chain(std::iter::once(self.catch_all.name.as_str()))
            .collect()
    }

    pub fn touch_models(&self) -> Vec<TouchModel> {
        self.segments
            .iter()
            .map(|s| s.touch_model)
            .chain(std::iter::once(self.catch_all.touch_model))
            .collect()
    }

    pub fn colours(&self) -> Vec<&str> {
        self.segments
            .iter()
            .map(|s| s.colour.as_str())
            .chain(std::iter::once(self.catch_all.colour.as_str()))
            .collect()
    }

    /// The activity catalogues for the capacity planner, one per segment that has one.
    pub fn catalogs(&self) -> Vec<SegmentCatalog> {
        let rules = self
            .segments
            .iter()
            .map(|s| (&s.name, &s.activities))
            .chain(std::iter::once((
                &self.catch_all.name,
                &self.catch_all.activities,
            )));
        rules
            .filter_map(|(name, activities)| {
                activities.as_ref().map(|a| SegmentCatalog {
                    segment: name.clone(),
                    activities: a.clone(),
                })
            })
            .collect()
    }

    /// Checks names (present, unique ignoring case) and every condition; errors name the rule.
    pub fn validate(&self) -> Result<(), RuleError> {
        let error = |rule: String, reason: String| RuleError::Rule {
            rule_set: self.name.clone(),
            rule,
            reason,
        };
        if self.name.trim().is_empty() {
            return Err(error(
                "the rule set".into(),
                "give the rule set a name".into(),
            ));
        }
        let names = self.segment_names();
        for (index, name) in names.iter().enumerate() {
            let label = if index == self.segments.len() {
                "the catch-all segment".to_string()
            } else {
                format!("rule {}", index + 1)
            };
            if name.trim().is_empty() {
                return Err(error(label, "the segment name is empty".into()));
            }
            let colour = self.colours()[index];
            if !is_hex_colour(colour) {
                return Err(error(
                    format!("{label} ({name})"),
                    format!("colour \"{colour}\" is not a colour like #0072B2"),
                ));
            }
            if names[..index]
                .iter()
                .any(|earlier| earlier.to_lowercase() == name.to_lowercase())
            {
                return Err(error(
                    format!("{label} ({name})"),
                    "another segment already has this name; segment names must be unique".into(),
                ));
            }
        }
        for (index, rule) in self.segments.iter().enumerate() {
            for condition in &rule.conditions {
                if let Some(reason) = condition.problem() {
                    return Err(error(format!("rule {} ({})", index + 1, rule.name), reason));
                }
            }
        }
        Ok(())
    }

    /// The index (into `segment_names`) of the first segment whose conditions all hold.
    pub fn segment_of(&self, account: &Account) -> usize {
        self.segments
            .iter()
            .position(|rule| rule.conditions.iter().all(|c| c.holds(account, self.as_of)))
            .unwrap_or(self.segments.len())
    }
}

/// `#` and six hex digits: what the charts and the UI take.
fn is_hex_colour(text: &str) -> bool {
    text.strip_prefix('#')
        .is_some_and(|hex| hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Below this many accounts one thread is quicker than starting others.
const PARALLEL_FROM: usize = 50_000;

/// Each account's segment, as an index into `rules.segment_names()`: first match wins, and the
/// catch-all (the last index) takes the rest. A large book is split into one contiguous chunk
/// per core (the "re-segmenting 1M accounts after a rule change under 100 ms"); every
/// account is judged on its own, so the result is the same as one pass.
pub fn assign(rules: &RuleSet, accounts: &[Account]) -> Vec<usize> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || accounts.len() < PARALLEL_FROM {
        return accounts.iter().map(|a| rules.segment_of(a)).collect();
    }
    let chunk = accounts.len().div_ceil(threads);
    let mut segments = vec![0; accounts.len()];
    std::thread::scope(|scope| {
        for (part, out) in accounts.chunks(chunk).zip(segments.chunks_mut(chunk)) {
            scope.spawn(move || {
                for (slot, account) in out.iter_mut().zip(part) {
                    *slot = rules.segment_of(account);
                }
            });
        }
    });
    segments
}
