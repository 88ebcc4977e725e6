//! Reading the values real CRM and billing exports contain (issue #3 part 1, "values real exports
//! contain"): amounts with currency symbols, codes and either decimal comma or point; whole numbers
//! with thousands separators; percentages; dates in ISO, US/European numeric and month-name forms.
//! Pure text -> value functions, so the importer, the app and the tests agree on every reading.

mod amount;
mod date;
mod number;

pub use amount::{Amount, AmountError, parse_amount};
pub use date::{DateOrder, DateReading, DateValueError, NumericDate, read_date};
pub use number::{WholeError, parse_percent_points, parse_whole};
