//! CS Plan's charts. Every chart is drawn in Rust by plotters as a self-contained SVG string
//! (640x360 with a `viewBox`, `role="img"` and the title as its accessible name), which the app
//! inlines and the exports save. Top-down is always [`TOP_DOWN_COLOR`] and bottom-up always
//! [`BOTTOM_UP_COLOR`]. A chart never panics: an input it cannot draw gives a chart that says so.

pub mod compensation;
mod csms_per_segment;
mod customers_per_csm;
mod document;
pub mod forecast;
mod frame;
pub mod maturity;
mod measure;
pub mod metrics;
mod numbers;
mod palette;
mod scale;
mod segment_axes;
pub mod segmentation;
mod ticked;

pub use csms_per_segment::csms_per_segment;
pub use customers_per_csm::customers_per_csm;
pub use palette::{BOTTOM_UP_COLOR, TOP_DOWN_COLOR, segment_color};
