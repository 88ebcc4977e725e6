//! Inputs a plan over time cannot work with, each naming what a person has to change.

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ForecastError {
    #[error("A plan covers 2 to 12 quarters (it asks for {0}).")]
    Quarters(u32),
    #[error("The plan has no segments: add at least one segment's starting book.")]
    NoSegments,
    #[error("Segment names must be unique: \"{0}\" appears twice.")]
    DuplicateSegment(String),
    #[error("Segment {segment}: {field} {reason}.")]
    Segment {
        segment: String,
        field: &'static str,
        reason: String,
    },
    #[error("Segment {segment}, Q{quarter}: {field} {reason}.")]
    Quarter {
        segment: String,
        quarter: u32,
        field: &'static str,
        reason: String,
    },
    #[error("{field} {reason}.")]
    Field { field: &'static str, reason: String },
    #[error("Risk bands: {input} {reason}.")]
    Spread { input: &'static str, reason: String },
    #[error("The risk-band run was cancelled before it finished.")]
    Stopped,
}
