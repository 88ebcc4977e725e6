//! CS Plan's pure calculations. Every function takes plain values and returns plain values:
//! no IO, no async, no database and no UI types, so the app, the CLI, the exports and the tests
//! all show the same numbers. Formulas cite `shared/DOMAIN.md` by section.

pub mod capacity;
pub mod compensation;
pub mod forecast;
pub mod maturity;
pub mod metrics;
pub mod money;
pub mod segmentation;
pub mod values;

pub use money::Cents;
