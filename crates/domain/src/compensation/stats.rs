//! The statistics the backtest and stress test report, defined as WORKLOADS.md W4/W5 define
//! them (so the numbers match pandas, numpy, DuckDB and Excel).

/// Ranks with 1 = highest; tied values share the average of the ranks they span.
pub fn descending_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[b].total_cmp(&values[a]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        // Ranks start+1 ..= end, averaged.
        let average = (start + 1 + end) as f64 / 2.0;
        for &i in &order[start..end] {
            ranks[i] = average;
        }
        start = end;
    }
    ranks
}

pub fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// Pearson correlation; `None` when either side has no spread.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let (mx, my) = (mean(x), mean(y));
    let mut sxy = 0.0;
    let mut sxx = 0.0;
    let mut syy = 0.0;
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// z-scores with the population standard deviation (ddof = 0); all 0 when there is no spread.
pub fn z_scores(values: &[f64]) -> Vec<f64> {
    let m = mean(values);
    let variance = values.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / values.len() as f64;
    let sd = variance.sqrt();
    values
        .iter()
        .map(|v| if sd > 0.0 { (v - m) / sd } else { 0.0 })
        .collect()
}

/// Percentile `p` (0–1) of sorted values by linear interpolation between closest ranks
/// (numpy's default, Excel PERCENTILE.INC, DuckDB quantile_cont).
pub fn percentile_sorted(sorted: &[f64], p: f64) -> f64 {
    let Some(&last) = sorted.last() else {
        return f64::NAN;
    };
    let h = (sorted.len() - 1) as f64 * p;
    let lower = h.floor() as usize;
    if lower + 1 >= sorted.len() {
        return last;
    }
    let fraction = h - lower as f64;
    sorted[lower] + (sorted[lower + 1] - sorted[lower]) * fraction
}

/// Python's `round` for the top-decile size: halves go to the even neighbour.
pub fn round_half_even(value: f64) -> usize {
    let floor = value.floor();
    let fraction = value - floor;
    let rounded = if fraction > 0.5 || (fraction == 0.5 && floor % 2.0 != 0.0) {
        floor + 1.0
    } else {
        floor
    };
    rounded.max(0.0) as usize
}

/// Indices of the `m` largest values, ties broken by the lower index (the id order).
pub fn top_indices(values: &[f64], m: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
    order.truncate(m);
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_share_the_average_rank() {
        assert_eq!(
            descending_ranks(&[3.0, 1.0, 3.0, 2.0]),
            vec![1.5, 4.0, 1.5, 3.0]
        );
    }

    #[test]
    fn percentiles_interpolate_like_numpy() {
        // numpy.percentile([1, 2, 3, 4], 90) = 3.7; 10 -> 1.3.
        let sorted = [1.0, 2.0, 3.0, 4.0];
        assert!((percentile_sorted(&sorted, 0.9) - 3.7).abs() < 1e-12);
        assert!((percentile_sorted(&sorted, 0.1) - 1.3).abs() < 1e-12);
        assert_eq!(percentile_sorted(&sorted, 1.0), 4.0);
    }

    #[test]
    fn half_rounds_to_even() {
        assert_eq!(round_half_even(20.0), 20);
        assert_eq!(round_half_even(2.5), 2);
        assert_eq!(round_half_even(3.5), 4);
        assert_eq!(round_half_even(0.7), 1);
    }
}
