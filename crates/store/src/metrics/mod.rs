//! The book over time (issue 7): dated snapshots of the accounts, the metrics of any period
//! between two of them (whole book, per segment, per CSM), the early-warning list, and the
//! cost inputs the dashboard remembers.

pub(crate) mod demo;
mod grouping;
mod movements;
mod period;
mod setup;
mod snapshots;
mod source_file;
mod warnings;

pub use movements::{MovementsImport, MovementsPeriod};
pub use period::{GroupBy, GroupReport, NO_CSM, PeriodReport};
pub use setup::MetricsSetup;
pub use snapshots::Snapshot;
pub use warnings::{BandRenewals, EarlyWarning, WarningThresholds};
