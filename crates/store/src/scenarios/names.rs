//! Scenario names: trimmed, 1 to 80 characters, unique ignoring case.

use crate::StoreError;

const MAX_CHARS: usize = 80;

pub(super) fn validate(name: &str) -> Result<String, StoreError> {
    let trimmed = name.trim();
    let chars = trimmed.chars().count();
    if chars == 0 {
        return Err(StoreError::InvalidName {
            reason: "A scenario needs a name. Type one (up to 80 characters).".to_string(),
        });
    }
    if chars > MAX_CHARS {
        return Err(StoreError::InvalidName {
            reason: format!(
                "Scenario names can be at most {MAX_CHARS} characters; this one has {chars}. Shorten it."
            ),
        });
    }
    Ok(trimmed.to_string())
}

/// The form two names are compared in: trimmed and lower-cased with Unicode rules, so
/// "Base Plan" and "base plan" (or "ÜBER" and "über") count as the same name.
pub(super) fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_limits_length() {
        assert_eq!(validate("  Q3 plan ").unwrap(), "Q3 plan");
        assert_eq!(validate("   ").unwrap_err().code(), "invalid-name");
        assert!(validate(&"é".repeat(80)).is_ok());
        assert_eq!(
            validate(&"é".repeat(81)).unwrap_err().code(),
            "invalid-name"
        );
    }

    #[test]
    fn compares_ignoring_case() {
        assert_eq!(key(" Base Plan"), key("base plan"));
        assert_eq!(key("ÜBER"), key("über"));
    }
}
