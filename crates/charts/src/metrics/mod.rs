//! The charts of the Metrics page (issue 7; DOMAIN.md §5.1): retention across the book's
//! snapshots.

mod retention_trend;

pub use retention_trend::{RetentionPeriod, retention_trend};
