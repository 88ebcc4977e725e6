//! Axis ranges and tick positions on round numbers (1, 2, 5 times a power of ten), so every
//! gridline is a number a reader can say out loud.

/// A linear axis from 0 with room above the tallest bar for its value label.
pub(crate) struct LinearAxis {
    pub upper: f64,
    pub ticks: Vec<f64>,
    /// Decimals a tick label needs to stay exact at this step (0.5 needs one).
    pub decimals: usize,
}

/// Round steps, smallest first, as multiples of a power of ten.
const STEPS: [f64; 3] = [1.0, 2.0, 5.0];

/// About five gridlines from 0 to at least `max` plus `headroom` (a share of `max`) for the
/// value labels above the tallest bar.
pub(crate) fn linear(max: f64, headroom: f64) -> LinearAxis {
    let max = if max.is_finite() && max > 0.0 {
        max * (1.0 + headroom)
    } else {
        1.0
    };
    let rough = max / 5.0;
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = STEPS
        .iter()
        .chain(std::iter::once(&10.0))
        .map(|m| m * magnitude)
        .find(|step| *step >= rough)
        .unwrap_or(10.0 * magnitude);
    let count = (max / step).ceil().max(1.0) as usize;
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10().floor()) as usize
    };
    LinearAxis {
        upper: step * count as f64,
        ticks: (0..=count).map(|i| step * i as f64).collect(),
        decimals,
    }
}

/// A logarithmic axis that holds every value and both band edges with room for the outer bands.
pub(crate) struct LogAxis {
    pub lower: f64,
    pub upper: f64,
    pub ticks: Vec<f64>,
}

/// Most tick labels a log axis of the charts' height can show without crowding.
const MAX_LOG_TICKS: usize = 9;

/// `low` and `high` are the smallest and largest values that must show; the axis reaches a
/// round number at least half of `low` below and twice `high` above, so markers at the
/// extremes keep their labels inside the chart.
pub(crate) fn logarithmic(low: f64, high: f64) -> LogAxis {
    let low = if low.is_finite() && low > 0.0 {
        low
    } else {
        1.0
    };
    let high = if high.is_finite() && high > low {
        high
    } else {
        low * 10.0
    };
    let lower = round_down(low / 2.0);
    let upper = round_up(high * 2.0);
    // 1-2-5 gridlines while they fit; over a wide range 1-5, then only the powers of ten.
    let ticks = [&[1.0, 2.0, 5.0][..], &[1.0, 5.0][..], &[1.0][..]]
        .iter()
        .map(|mantissas| ticks_between(lower, upper, mantissas))
        .find(|ticks| ticks.len() <= MAX_LOG_TICKS)
        .unwrap_or_default();
    LogAxis {
        lower,
        upper,
        ticks,
    }
}

fn round_down(value: f64) -> f64 {
    let magnitude = 10f64.powf(value.log10().floor());
    STEPS
        .iter()
        .rev()
        .map(|m| m * magnitude)
        .find(|candidate| *candidate <= value * (1.0 + 1e-9))
        .unwrap_or(magnitude)
}

fn round_up(value: f64) -> f64 {
    let magnitude = 10f64.powf(value.log10().floor());
    STEPS
        .iter()
        .chain(std::iter::once(&10.0))
        .map(|m| m * magnitude)
        .find(|candidate| *candidate >= value * (1.0 - 1e-9))
        .unwrap_or(10.0 * magnitude)
}

fn ticks_between(lower: f64, upper: f64, mantissas: &[f64]) -> Vec<f64> {
    let first = lower.log10().floor() as i32;
    let last = upper.log10().ceil() as i32;
    (first..=last)
        .flat_map(|power| mantissas.iter().map(move |m| m * 10f64.powi(power)))
        .filter(|tick| *tick >= lower * (1.0 - 1e-9) && *tick <= upper * (1.0 + 1e-9))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_axis_leaves_headroom_on_round_steps() {
        let axis = linear(20.0, 0.12);
        assert_eq!(axis.upper, 25.0);
        assert_eq!(axis.ticks, [0.0, 5.0, 10.0, 15.0, 20.0, 25.0]);
        assert_eq!(axis.decimals, 0);

        let axis = linear(400.0, 0.12);
        assert_eq!(axis.upper, 500.0);

        let axis = linear(0.3, 0.12);
        assert_eq!(axis.decimals, 1);
        assert!(axis.upper >= 0.3 * 1.12);
    }

    #[test]
    fn linear_axis_of_nothing_is_zero_to_one() {
        let axis = linear(0.0, 0.12);
        assert_eq!(axis.upper, 1.0);
        assert_eq!(linear(f64::NAN, 0.12).upper, 1.0);
    }

    #[test]
    fn log_axis_holds_small_and_large_books() {
        let axis = logarithmic(5.0, 5000.0);
        assert_eq!(axis.lower, 2.0);
        assert_eq!(axis.upper, 10_000.0);
        assert_eq!(
            axis.ticks,
            [5.0, 10.0, 50.0, 100.0, 500.0, 1000.0, 5000.0, 10_000.0]
        );

        let axis = logarithmic(43.9, 200.0);
        assert_eq!(axis.lower, 20.0);
        assert_eq!(axis.upper, 500.0);
        assert_eq!(axis.ticks, [20.0, 50.0, 100.0, 200.0, 500.0]);
    }
}
