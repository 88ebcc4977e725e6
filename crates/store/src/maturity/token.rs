//! The token a respondent's questionnaire carries: 128 random bits as 32 lower-case hex digits.
//! It is not a password (the workspace file is the user's own); it ties an answers file to the
//! one respondent it was exported for, so a file is never merged under someone else's name.

use rand::{Rng, RngExt};

pub(super) fn issue() -> String {
    from_rng(&mut rand::rng())
}

/// Seeded callers (the demo) get the same tokens every time.
pub(super) fn from_rng(rng: &mut impl Rng) -> String {
    let bytes: [u8; 16] = rng.random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_32_hex_digits_and_differ() {
        let (a, b) = (issue(), issue());
        assert_eq!(a.len(), 32);
        assert!(a.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')), "{a}");
        assert_ne!(a, b);
    }
}
