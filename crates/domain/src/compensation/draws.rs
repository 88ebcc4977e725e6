//! The standard normal draws of the stress test. Two generators:
//! * exact: WORKLOADS.md W5's counter-based generator (lowbias32 hashed counters, Box–Muller),
//!   which any language reproduces draw for draw, so results can be checked to 1e-9;
//! * free: ChaCha8 with rand_distr's normal sampler, one stream per trial.
//!
//! Both give each trial its own draws, independent of the others, so trials can run in any
//! order or on any thread and still produce the same numbers.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Generator {
    /// W5-exact: reproducible in any language.
    Exact,
    /// ChaCha8 streams.
    #[default]
    Free,
}

/// Chris Wellons' lowbias32 hash (W5).
pub fn lowbias32(mut x: u32) -> u32 {
    x ^= x >> 16;
    x = x.wrapping_mul(0x7feb_352d);
    x ^= x >> 15;
    x = x.wrapping_mul(0x846c_a68b);
    x ^= x >> 16;
    x
}

/// W5's uniform in (0, 1) for counter `n`.
fn uniform(n: u32, seed: u32) -> f64 {
    (f64::from(lowbias32(lowbias32(n ^ seed))) + 0.5) / 4_294_967_296.0
}

/// W5's Box–Muller pair for (trial, entity) with `entities` entities per trial. The counter is
/// `(trial × entities + entity) × 2 + component`, computed modulo 2³² as W5's uint32 is; the
/// caller keeps it in range (`exact_fits`).
pub fn exact_normals(trial: u32, entity: u32, entities: u32, seed: u32) -> (f64, f64) {
    let n = trial
        .wrapping_mul(entities)
        .wrapping_add(entity)
        .wrapping_mul(2);
    let u0 = uniform(n, seed);
    let u1 = uniform(n.wrapping_add(1), seed);
    let r = (-2.0 * u0.ln()).sqrt();
    let theta = 2.0 * std::f64::consts::PI * u1;
    (r * theta.cos(), r * theta.sin())
}

/// Whether every counter of `trials` × `entities` fits in 32 bits (W5: T ≤ 10 million).
pub fn exact_fits(trials: u32, entities: u32) -> bool {
    u64::from(trials) * u64::from(entities) * 2 <= u64::from(u32::MAX) + 1
}

/// The free generator's stream for one trial.
pub struct FreeStream(ChaCha8Rng);

impl FreeStream {
    pub fn new(seed: u64, trial: u32) -> FreeStream {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(u64::from(trial));
        FreeStream(rng)
    }

    pub fn pair(&mut self) -> (f64, f64) {
        (
            StandardNormal.sample(&mut self.0),
            StandardNormal.sample(&mut self.0),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WORKLOADS.md W5 / benchlib.mc_normals(0, 0).
    #[test]
    fn trial_zero_entity_zero_matches_the_reference() {
        let (z0, z1) = exact_normals(0, 0, 201, 20_260_101);
        assert_eq!(z0, 0.761_482_455_879_863_7);
        assert_eq!(z1, 1.328_294_216_679_498_7);
    }

    #[test]
    fn ten_million_trials_fit_and_more_do_not() {
        assert!(exact_fits(10_000_000, 201));
        assert!(!exact_fits(11_000_000, 201));
    }
}
