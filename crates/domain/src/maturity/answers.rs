//! What one leader answered: a level per question, with the evidence and note behind it
//! (DOMAIN.md §4.1 "Scoring": each answer records the level and, optionally, evidence and notes).

use super::level::Level;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One leader's answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Answer {
    #[ts(type = "number")]
    pub question: u8,
    pub level: Level,
    /// What the leader points to for this level (may be empty).
    pub evidence: String,
    /// Anything else the leader wants the team to read (may be empty).
    pub note: String,
}

/// Everything one leader answered in one assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RespondentAnswers {
    pub name: String,
    pub role: String,
    pub answers: Vec<Answer>,
}

impl RespondentAnswers {
    /// This leader's level on a question, if they answered it. A list holding the same question
    /// twice (only possible when built by hand; answers files reject it) counts the first.
    pub fn level_for(&self, question: u8) -> Option<Level> {
        self.answers
            .iter()
            .find(|answer| answer.question == question)
            .map(|answer| answer.level)
    }
}
