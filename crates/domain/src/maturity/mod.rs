//! The maturity scorecard (DOMAIN.md §4): the 9 questions of the 004 framework, each leader's
//! Poor / Average / Excellent answers, the consensus and disagreement per question, the overall
//! score under CS Plan's 1/2/3 convention, the action plan (the next level up), the Q9 cadence
//! rule, and the answers file a respondent sends back.

mod action_plan;
mod answers;
pub mod answers_file;
mod cadence;
mod level;
mod questions;
mod scoring;
mod trend;

pub use action_plan::{ActionItem, action_plan};
pub use answers::{Answer, RespondentAnswers};
pub use answers_file::{
    AnswersFile, AnswersFileError, FileRespondent, canonical_checksum, canonical_json,
    parse_answers_file,
};
pub use cadence::level_for_review_cadence;
pub use level::{Level, LevelText, SCORING_CONVENTION};
pub use questions::{Helper, QUESTION_COUNT, Question, questions};
pub use scoring::{QuestionResult, ScoreCard, score};
pub use trend::TrendPoint;
