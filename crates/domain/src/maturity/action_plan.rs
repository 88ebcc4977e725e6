//! What moves each question up: "If your company sits in the “poor” or “average” groups in any of
//! the 9 questions, use this as a framework for advocating for the changes required to move to
//! the next level." (004 L79, DOMAIN.md §4.1). The advice is the text of the next level up.

use super::level::{Level, LevelText};
use super::questions::{Helper, questions};
use super::scoring::ScoreCard;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One question the team should move up, with what the next level looks like.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActionItem {
    #[ts(type = "number")]
    pub number: u8,
    pub heading: String,
    /// The consensus level.
    pub current: Level,
    /// The statement of the level one step up, verbatim.
    pub next: LevelText,
    /// Respondents whose level differs from the consensus level, in the card's order; the
    /// conversation starts with them. Respondents who did not answer are not listed.
    pub dissenters: Vec<String>,
    pub helps: Option<Helper>,
}

/// An action item for every question whose consensus level is Poor or Average, in question
/// order. Unanswered questions have no consensus and get none.
pub fn action_plan(card: &ScoreCard) -> Vec<ActionItem> {
    let all = questions();
    card.questions
        .iter()
        .filter_map(|result| {
            let current = result.consensus_level?;
            let question = all.iter().find(|q| q.number == result.number)?;
            let next = question.level_text(current.next()?)?.clone();
            let dissenters = card
                .respondents
                .iter()
                .zip(&result.levels)
                .filter(|(_, level)| level.is_some_and(|l| l != current))
                .map(|(name, _)| name.clone())
                .collect();
            Some(ActionItem {
                number: result.number,
                heading: result.heading.clone(),
                current,
                next,
                dissenters,
                helps: question.helps.clone(),
            })
        })
        .collect()
}
