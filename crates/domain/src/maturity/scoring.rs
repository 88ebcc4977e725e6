//! The scorecard: per question each leader's level, the consensus (median) and how far apart the
//! leaders are; overall, the mean of the consensus values. Points are CS Plan's convention
//! (DOMAIN.md §4.1 "Scoring", §8.4): Poor = 1, Average = 2, Excellent = 3, unweighted.

use super::answers::RespondentAnswers;
use super::level::{Level, SCORING_CONVENTION};
use super::questions::questions;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where the team stands on one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct QuestionResult {
    #[ts(type = "number")]
    pub number: u8,
    pub heading: String,
    /// One per respondent, in the order given; None = not answered.
    pub levels: Vec<Option<Level>>,
    /// Median of the answered points; with an even count, the mean of the middle two.
    pub consensus: Option<f64>,
    /// The level at or below the median: 1.5 reads as Poor ("not yet Average").
    pub consensus_level: Option<Level>,
    /// Highest minus lowest points among the answers.
    #[ts(type = "number | null")]
    pub spread: Option<u8>,
    /// True when at least two leaders put the company on different levels (spread ≥ 1).
    pub disagreement: bool,
}

/// The whole assessment scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ScoreCard {
    /// Respondent names, in the order given; `QuestionResult::levels` follows this order.
    pub respondents: Vec<String>,
    /// The 9 questions in order, answered or not.
    pub questions: Vec<QuestionResult>,
    /// Mean of the consensus values of the questions that have answers; None when none has.
    pub overall: Option<f64>,
    /// How many of the 9 questions have at least one answer (the ones `overall` averages).
    #[ts(type = "number")]
    pub answered: u32,
    /// The points convention, to show beside every score.
    pub convention: String,
}

/// Scores an assessment. Answers to question numbers outside 1–9 are not part of the framework
/// and are left out.
pub fn score(respondents: &[RespondentAnswers]) -> ScoreCard {
    let results: Vec<QuestionResult> = questions()
        .into_iter()
        .map(|question| {
            let levels: Vec<Option<Level>> = respondents
                .iter()
                .map(|respondent| respondent.level_for(question.number))
                .collect();
            let mut points: Vec<u8> = levels.iter().flatten().map(|l| l.points()).collect();
            points.sort_unstable();
            let consensus = median(&points);
            let spread = match (points.first(), points.last()) {
                (Some(low), Some(high)) => Some(high - low),
                _ => None,
            };
            QuestionResult {
                number: question.number,
                heading: question.heading,
                levels,
                consensus,
                consensus_level: consensus.map(Level::at_or_below),
                spread,
                disagreement: spread.is_some_and(|s| s >= 1),
            }
        })
        .collect();
    let consensus: Vec<f64> = results.iter().filter_map(|r| r.consensus).collect();
    let overall = if consensus.is_empty() {
        None
    } else {
        Some(consensus.iter().sum::<f64>() / consensus.len() as f64)
    };
    ScoreCard {
        respondents: respondents.iter().map(|r| r.name.clone()).collect(),
        answered: consensus.len() as u32,
        questions: results,
        overall,
        convention: SCORING_CONVENTION.to_string(),
    }
}

/// Median of sorted points; the mean of the middle two for an even count.
fn median(sorted: &[u8]) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let middle = f64::from(sorted[n / 2]);
    Some(if n % 2 == 1 {
        middle
    } else {
        (f64::from(sorted[n / 2 - 1]) + middle) / 2.0
    })
}
