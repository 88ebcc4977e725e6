//! Problems that stop a calculation, each naming what a person has to change.

/// A plan, history or stress set-up the engine cannot compute with.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CompError {
    /// A plan field out of range: `field` is its path in the plan file (`measures[1].target`).
    #[error("plan \"{plan}\", {field}: {reason}")]
    Plan {
        plan: String,
        field: String,
        reason: String,
    },
    /// A plan file that is not a plan (TOML syntax, an unknown or missing field).
    #[error("{file}: {reason}")]
    PlanFile { file: String, reason: String },
    /// The history cannot feed this calculation (a missing column, quarter or CSM).
    #[error("history: {0}")]
    History(String),
    /// A stress-test setting out of range.
    #[error("stress set-up, {field}: {reason}")]
    Setup { field: String, reason: String },
    /// The person cancelled a run (`Progress::cancel`); no result was produced.
    #[error("the stress test was stopped before the end; nothing was changed")]
    Stopped,
}
