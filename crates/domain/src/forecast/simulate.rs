//! The risk bands (issue #4 part 4): a seeded Monte Carlo over the uncertain inputs. Each trial
//! draws one multiplier per uncertain input (new logos, churn and contraction, expansion,
//! activities per customer, attrition), shared by every segment and quarter of the trial (a
//! good or bad year hits the whole book), and runs the plan's own per-segment engine at those
//! factors. P10 / P50 / P90 are then taken per quarter, in total and per segment.
//!
//! Trial t draws from its own ChaCha8 stream (seed, stream t), so the bands depend only on the
//! seed and the trial count: not on the order trials run in or on how many threads run them.

use super::engine::{segment_quarters, timeline};
use super::error::ForecastError;
use super::factors::Factors;
use super::inputs::ForecastInputs;
use super::staffing::HireTiming;
use super::uncertainty::{
    Band, MoneyBand, QuarterBands, RiskBands, SegmentBands, SegmentQuarterBands, Spread,
    Uncertainty,
};
use crate::compensation::Progress;
use crate::money::Cents;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Normal, Triangular};

/// The most trials one run takes: every trial's results are kept for the percentiles, and
/// 100,000 trials of a 12-quarter, 5-segment plan already hold 190 MB.
pub const MAX_TRIALS: u32 = 100_000;

/// Trials run between two looks at the cancel switch.
const BLOCK: usize = 1024;

/// Values kept per trial and quarter for the total, and per segment.
const TOTAL_VALUES: usize = 5;
const SEGMENT_VALUES: usize = 3;

enum Sampler {
    Fixed,
    Triangular(Triangular<f64>),
    Normal(Normal<f64>),
}

impl Sampler {
    fn new(input: &'static str, spread: Spread) -> Result<Sampler, ForecastError> {
        let bad = |reason: String| ForecastError::Spread { input, reason };
        match spread {
            Spread::Fixed => Ok(Sampler::Fixed),
            Spread::Triangular { min, mode, max } => {
                if !(min.is_finite() && mode.is_finite() && max.is_finite() && min >= 0.0) {
                    return Err(bad(format!(
                        "needs multipliers of 0 or more (min {min}, most likely {mode}, max {max})"
                    )));
                }
                Triangular::new(min, max, mode)
                    .map(Sampler::Triangular)
                    .map_err(|_| {
                        bad(format!(
                            "needs min <= most likely <= max (it has {min}, {mode}, {max})"
                        ))
                    })
            }
            Spread::Normal { mean, sd } => {
                if !(mean.is_finite() && sd.is_finite() && mean >= 0.0 && sd >= 0.0) {
                    return Err(bad(format!(
                        "needs a mean and a standard deviation of 0 or more (mean {mean}, sd {sd})"
                    )));
                }
                Normal::new(mean, sd)
                    .map(Sampler::Normal)
                    .map_err(|e| bad(e.to_string()))
            }
        }
    }

    fn draw(&self, rng: &mut ChaCha8Rng) -> f64 {
        match self {
            Sampler::Fixed => 1.0,
            Sampler::Triangular(d) => d.sample(rng),
            // A multiplier below 0 would mean negative churn or logos.
            Sampler::Normal(d) => d.sample(rng).max(0.0),
        }
    }
}

struct Samplers([Sampler; 5]);

impl Samplers {
    fn new(u: &Uncertainty) -> Result<Samplers, ForecastError> {
        Ok(Samplers([
            Sampler::new("new logos", u.new_logos)?,
            Sampler::new("churn", u.churn)?,
            Sampler::new("expansion", u.expansion)?,
            Sampler::new("activities per customer", u.activities)?,
            Sampler::new("attrition", u.attrition)?,
        ]))
    }

    /// Trial `trial`'s factors, always drawn in the same order from its own stream.
    fn factors(&self, seed: u64, trial: u64) -> Factors {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(trial);
        let [n, c, e, a, t] = &self.0;
        Factors {
            new_logos: n.draw(&mut rng),
            churn: c.draw(&mut rng),
            expansion: e.draw(&mut rng),
            activities: a.draw(&mut rng),
            attrition: t.draw(&mut rng),
        }
    }
}

/// Where each value of a trial goes in its row.
struct Layout {
    quarters: usize,
    segments: usize,
}

impl Layout {
    fn width(&self) -> usize {
        self.quarters * (TOTAL_VALUES + SEGMENT_VALUES * self.segments)
    }
    fn total(&self, quarter: usize, value: usize) -> usize {
        quarter * TOTAL_VALUES + value
    }
    fn segment(&self, segment: usize, quarter: usize, value: usize) -> usize {
        self.quarters * TOTAL_VALUES + (segment * self.quarters + quarter) * SEGMENT_VALUES + value
    }
}

/// One trial's row: per quarter the total's required FTE, required headcount, cumulative hires,
/// closing ARR and CS cost (cents), then per segment and quarter required FTE, headcount and CS
/// cost.
fn trial(
    inputs: &ForecastInputs,
    factors: &Factors,
    timing: &HireTiming,
    layout: &Layout,
    row: &mut [f64],
) {
    row.fill(0.0);
    for (s, segment) in inputs.segments.iter().enumerate() {
        for (q, sq) in segment_quarters(segment, inputs, factors, timing)
            .iter()
            .enumerate()
        {
            let team = &sq.team;
            let values = [
                team.required_fte,
                team.required_headcount as f64,
                team.cumulative_hires as f64,
                sq.book.closing_arr.0 as f64,
                sq.cost.cs_cost.0 as f64,
            ];
            for (v, value) in values.into_iter().enumerate() {
                row[layout.total(q, v)] += value;
            }
            row[layout.segment(s, q, 0)] = team.required_fte;
            row[layout.segment(s, q, 1)] = team.required_headcount as f64;
            row[layout.segment(s, q, 2)] = sq.cost.cs_cost.0 as f64;
        }
    }
}

/// Runs every trial on `threads` threads into trial-major rows. Each thread takes one
/// contiguous run of trials; every trial's draws depend only on its number.
fn run_trials(
    inputs: &ForecastInputs,
    uncertainty: &Uncertainty,
    samplers: &Samplers,
    timing: &HireTiming,
    layout: &Layout,
    progress: &Progress,
    threads: usize,
) -> Vec<f64> {
    let trials = uncertainty.trials as usize;
    let width = layout.width();
    let mut rows = vec![0.0; trials * width];
    let per_thread = trials.div_ceil(threads.clamp(1, trials.max(1)));
    std::thread::scope(|scope| {
        for (chunk_index, chunk) in rows.chunks_mut(per_thread * width).enumerate() {
            scope.spawn(move || {
                let first = chunk_index * per_thread;
                for (block_index, block) in chunk.chunks_mut(BLOCK * width).enumerate() {
                    if progress.is_cancelled() {
                        return;
                    }
                    let block_first = first + block_index * BLOCK;
                    for (offset, row) in block.chunks_mut(width).enumerate() {
                        let t = (block_first + offset) as u64;
                        let factors = samplers.factors(uncertainty.seed, t);
                        trial(inputs, &factors, timing, layout, row);
                    }
                    progress.add_trials((block.len() / width) as u64);
                }
            });
        }
    });
    rows
}

/// `percentile_sorted(sorted, p)` (linear between closest ranks) without sorting: the two order
/// statistics it interpolates between are found by selection, which is what keeps the
/// percentiles of 10,000 trials cheap. Same values, same arithmetic, so the same result.
fn percentile(values: &mut [f64], p: f64) -> f64 {
    let h = (values.len() - 1) as f64 * p;
    let lower = h.floor() as usize;
    let (_, &mut low, above) = values.select_nth_unstable_by(lower, f64::total_cmp);
    match above.iter().copied().min_by(f64::total_cmp) {
        Some(high) => low + (high - low) * (h - lower as f64),
        None => low,
    }
}

fn band(rows: &[f64], width: usize, column: usize, scratch: &mut Vec<f64>) -> Band {
    scratch.clear();
    scratch.extend(rows.iter().skip(column).step_by(width));
    Band {
        p10: percentile(scratch, 0.1),
        p50: percentile(scratch, 0.5),
        p90: percentile(scratch, 0.9),
    }
}

fn money(b: Band) -> MoneyBand {
    let cents = |v: f64| Cents(v.round() as i64);
    MoneyBand {
        p10: cents(b.p10),
        p50: cents(b.p50),
        p90: cents(b.p90),
    }
}

fn summarize(
    inputs: &ForecastInputs,
    uncertainty: &Uncertainty,
    layout: &Layout,
    rows: &[f64],
) -> RiskBands {
    let width = layout.width();
    let mut scratch = Vec::with_capacity(uncertainty.trials as usize);
    let mut band_of = |column: usize| band(rows, width, column, &mut scratch);
    let quarters = (0..layout.quarters)
        .map(|q| QuarterBands {
            quarter: q as u32 + 1,
            required_fte: band_of(layout.total(q, 0)),
            required_headcount: band_of(layout.total(q, 1)),
            cumulative_hires: band_of(layout.total(q, 2)),
            closing_arr: money(band_of(layout.total(q, 3))),
            cs_cost: money(band_of(layout.total(q, 4))),
        })
        .collect();
    let segments = inputs
        .segments
        .iter()
        .enumerate()
        .map(|(s, segment)| SegmentBands {
            segment: segment.segment.clone(),
            quarters: (0..layout.quarters)
                .map(|q| SegmentQuarterBands {
                    quarter: q as u32 + 1,
                    required_fte: band_of(layout.segment(s, q, 0)),
                    required_headcount: band_of(layout.segment(s, q, 1)),
                    cs_cost: money(band_of(layout.segment(s, q, 2))),
                })
                .collect(),
        })
        .collect();
    RiskBands {
        trials: uncertainty.trials,
        seed: uncertainty.seed,
        quarters,
        segments,
    }
}

fn simulate_on(
    inputs: &ForecastInputs,
    uncertainty: &Uncertainty,
    progress: &Progress,
    threads: usize,
) -> Result<RiskBands, ForecastError> {
    inputs.validate()?;
    if !(1..=MAX_TRIALS).contains(&uncertainty.trials) {
        return Err(ForecastError::Spread {
            input: "trials",
            reason: format!(
                "must be from 1 to {MAX_TRIALS} (it is {})",
                uncertainty.trials
            ),
        });
    }
    let samplers = Samplers::new(uncertainty)?;
    let layout = Layout {
        quarters: inputs.quarters as usize,
        segments: inputs.segments.len(),
    };
    let timing = timeline(inputs)?.timing;
    let rows = run_trials(
        inputs,
        uncertainty,
        &samplers,
        &timing,
        &layout,
        progress,
        threads,
    );
    if progress.is_cancelled() {
        return Err(ForecastError::Stopped);
    }
    Ok(summarize(inputs, uncertainty, &layout, &rows))
}

/// The risk bands of a plan, on the machine's cores. `progress` counts finished trials; once it
/// is cancelled the run stops within a block of trials and answers [`ForecastError::Stopped`].
pub fn simulate(
    inputs: &ForecastInputs,
    uncertainty: &Uncertainty,
    progress: &Progress,
) -> Result<RiskBands, ForecastError> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    simulate_on(inputs, uncertainty, progress, threads)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forecast::{ArrMovement, Drivers, LogoMovement, SegmentForecast};
    use crate::segmentation::IsoDate;

    fn inputs() -> ForecastInputs {
        let segment = |name: &str, arr: i64| SegmentForecast {
            segment: name.to_string(),
            opening_logos: 100.0,
            opening_arr: Cents::from_dollars(arr),
            current_csms: 5.0,
            activities_per_customer_per_month: 8.0,
            base: Drivers {
                new_logos: LogoMovement::Rate { rate: 0.05 },
                new_logo_arr: Cents::from_dollars(90_000),
                churn: ArrMovement::Rate { rate: 0.03 },
                contraction: ArrMovement::Rate { rate: 0.01 },
                expansion: ArrMovement::Rate { rate: 0.04 },
            },
            overrides: Vec::new(),
        };
        let mut inputs = ForecastInputs::new(
            IsoDate::parse("2027-01-01").unwrap(),
            vec![segment("A", 9_000_000), segment("B", 4_000_000)],
        );
        inputs.supply.attrition_per_year = 0.15;
        inputs
    }

    /// Selection gives exactly the sorted percentiles (ties, odd and even counts, one value).
    #[test]
    fn percentile_matches_the_sorted_definition() {
        use crate::compensation::percentile_sorted;
        let sets: [&[f64]; 4] = [
            &[3.0, 1.0, 2.0, 2.0, 5.0, 8.0, 1.0],
            &[0.5, -1.0, 7.25, 3.0],
            &[4.0],
            &[1.0, 1.0, 1.0, 2.0, 9.0, 9.0],
        ];
        for set in sets {
            let mut sorted = set.to_vec();
            sorted.sort_by(f64::total_cmp);
            for p in [0.0, 0.1, 0.5, 0.9, 1.0] {
                let mut scratch = set.to_vec();
                assert_eq!(percentile(&mut scratch, p), percentile_sorted(&sorted, p));
            }
        }
    }

    /// The bands do not depend on how many threads run the trials.
    #[test]
    fn thread_count_does_not_change_the_bands() {
        let u = Uncertainty {
            trials: 3_001,
            ..Uncertainty::default()
        };
        let one = simulate_on(&inputs(), &u, &Progress::new(), 1).unwrap();
        let three = simulate_on(&inputs(), &u, &Progress::new(), 3).unwrap();
        assert_eq!(one, three);
    }
}
