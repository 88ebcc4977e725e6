//! The quarter axis the two per-quarter charts share: one slot per quarter, its label under
//! the slot's centre, thinned from the first quarter on when the labels would overlap.

use crate::frame::{BODY_PX, Canvas, PLOT_WIDTH, SlotChart, builder};
use crate::measure::{fit, text_width};
use crate::scale::LinearAxis;
use crate::ticked::Ticked;
use plotters::prelude::*;

/// Longest a quarter label may be before it is shortened ("Q1 2027" is about 45 pixels).
const LABEL_MAX: f64 = 90.0;

/// The chart of a per-quarter plot: a slot per quarter across, the linear value `axis` up the
/// side; with the labels to write under the slots (see `labels`).
pub(super) fn quarter_chart<'a, 'b>(
    body: &'a Canvas<'b>,
    quarters: &[String],
    axis: &LinearAxis,
) -> Result<(SlotChart<'a, 'b>, Vec<String>), DrawingAreaErrorKind<std::io::Error>> {
    let (names, centres) = labels(quarters);
    let chart = builder(body).build_cartesian_2d(
        Ticked::new(0.0..quarters.len() as f64, centres),
        Ticked::new(0.0..axis.upper, axis.ticks.clone()),
    )?;
    Ok((chart, names))
}

/// The labels to write under each slot (empty where a label is skipped) and the slot centres.
fn labels(quarters: &[String]) -> (Vec<String>, Vec<f64>) {
    let count = quarters.len().max(1);
    let slot = PLOT_WIDTH / count as f64;
    let widest = quarters
        .iter()
        .map(|q| text_width(q, BODY_PX))
        .fold(0.0, f64::max)
        .min(LABEL_MAX);
    let every = ((widest + 8.0) / slot.max(1.0)).ceil().max(1.0) as usize;
    let names = quarters
        .iter()
        .enumerate()
        .map(|(i, q)| {
            if i.is_multiple_of(every) {
                fit(q, BODY_PX, LABEL_MAX.min(slot * every as f64 - 6.0))
            } else {
                String::new()
            }
        })
        .collect();
    let centres = (0..quarters.len()).map(|i| i as f64 + 0.5).collect();
    (names, centres)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frame::slot_name;

    #[test]
    fn labels_thin_out_only_when_they_would_overlap() {
        let eight: Vec<String> = (1..=8)
            .map(|q| format!("Q{} 2027", (q - 1) % 4 + 1))
            .collect();
        let (names, centres) = labels(&eight);
        assert!(names.iter().all(|n| !n.is_empty()), "{names:?}");
        assert_eq!(centres.first(), Some(&0.5));
        let many: Vec<String> = (0..60)
            .map(|i| format!("Q{} {}", i % 4 + 1, 2027 + i / 4))
            .collect();
        let (names, _) = labels(&many);
        assert!(names[0] == "Q1 2027");
        assert!(names.iter().filter(|n| n.is_empty()).count() > 30);
        assert_eq!(slot_name(&names, 0.7), "Q1 2027");
        assert_eq!(slot_name(&names, 99.0), "");
    }
}
