//! Rule set names: trimmed, 1 to 80 characters, unique ignoring case.

use crate::StoreError;
use crate::names::{MAX_CHARS, NameProblem, check};
pub(super) use crate::names::{clash, key};

pub(super) fn validate(name: &str) -> Result<String, StoreError> {
    check(name, true).map_err(|problem| StoreError::InvalidName {
        reason: match problem {
            NameProblem::Empty => {
                format!("A rule set needs a name. Type one (up to {MAX_CHARS} characters).")
            }
            NameProblem::TooLong { chars } => format!(
                "Rule set names can be at most {MAX_CHARS} characters; this one has {chars}. Shorten it."
            ),
        },
    })
}

pub(super) fn taken(name: &str) -> StoreError {
    StoreError::InvalidName {
        reason: format!(
            "A rule set named \"{name}\" already exists (names are compared ignoring upper and lower case). Choose another name."
        ),
    }
}

/// The first of "name", "name (2)", "name (3)" ... that no rule set uses, for imports that
/// must not fail just because a colleague's file carries a name already in the workspace.
pub(super) fn free_variant(name: &str, existing: &[String]) -> String {
    let used = |candidate: &str| existing.iter().any(|e| key(e) == key(candidate));
    if !used(name) {
        return name.to_string();
    }
    (2..)
        .map(|n| {
            let suffix = format!(" ({n})");
            // Keep the whole name within the 80-character limit.
            let room = MAX_CHARS.saturating_sub(suffix.chars().count());
            let stem: String = name.chars().take(room).collect();
            format!("{}{suffix}", stem.trim_end())
        })
        .find(|candidate| !used(candidate))
        .unwrap_or_else(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_limits_and_compares_ignoring_case() {
        assert_eq!(validate("  By region ").unwrap(), "By region");
        assert_eq!(validate(" ").unwrap_err().code(), "invalid-name");
        assert_eq!(
            validate(&"é".repeat(81)).unwrap_err().code(),
            "invalid-name"
        );
    }

    #[test]
    fn free_variant_counts_up_ignoring_case() {
        let existing = vec!["Tiers".to_string(), "tiers (2)".to_string()];
        assert_eq!(free_variant("Other", &existing), "Other");
        assert_eq!(free_variant("TIERS", &existing), "TIERS (3)");
        let long = "x".repeat(80);
        let variant = free_variant(&long, std::slice::from_ref(&long));
        assert_eq!(variant.chars().count(), 80);
        assert!(variant.ends_with(" (2)"));
    }
}
