//! The Segments page's charts (issue #3: "ARR and account count per segment; health
//! distribution per segment"). Each segment keeps the colour its rule set gives it, so a segment
//! looks the same on every chart and table.

mod arr_and_accounts;
mod bars;
mod health;

pub use arr_and_accounts::arr_and_accounts;
pub use health::health_per_segment;
