//! The maturity scorecard's charts (DOMAIN.md §4.1): the consensus per question as a radar, every
//! respondent's answers as a heat map, and the overall score across assessments as a trend.
//! Levels are drawn on CS Plan's own convention, Poor = 1, Average = 2, Excellent = 3 (§4.1
//! "Scoring": the source defines the three levels and no points). Each function takes plain
//! values, so the page, the report and the CLI draw the same chart from the same score card.

mod heat_map;
mod legend;
mod levels;
mod radar;
mod trend;

pub use heat_map::heat_map;
pub use radar::radar;
pub use trend::trend;
