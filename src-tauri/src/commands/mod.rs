//! Thin adapters from IPC to the store, domain and charts crates, one file per domain area.

pub mod capacity;
pub mod compensation;
pub mod data;
pub mod forecast;
pub mod maturity;
pub mod metrics;
pub mod segmentation;
pub mod workspace;
