//! Health distribution (DOMAIN.md §6.2): green = good, yellow = average, red = poor. Scores are
//! points from 0 to 100; the cut-offs are NOT IN SOURCES (OPEN), so the user edits them and CS
//! Plan's defaults are green from 70 and yellow from 40.

use super::error::MetricsError;
use super::metric::{Metric, Unit, ratio};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where green and yellow start on the 0–100 points scale; below `yellow_from` is red.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct HealthBands {
    pub green_from: f64,
    pub yellow_from: f64,
}

impl Default for HealthBands {
    fn default() -> HealthBands {
        HealthBands {
            green_from: 70.0,
            yellow_from: 40.0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum HealthBand {
    Green,
    Yellow,
    Red,
}

impl HealthBands {
    pub fn validate(&self) -> Result<(), MetricsError> {
        if self.green_from.is_finite()
            && self.yellow_from.is_finite()
            && self.yellow_from < self.green_from
        {
            Ok(())
        } else {
            Err(MetricsError::HealthBands {
                green_from: self.green_from,
                yellow_from: self.yellow_from,
            })
        }
    }

    /// The band of a score; None for a score that is not a number.
    pub fn classify(&self, score: f64) -> Option<HealthBand> {
        if !score.is_finite() {
            None
        } else if score >= self.green_from {
            Some(HealthBand::Green)
        } else if score >= self.yellow_from {
            Some(HealthBand::Yellow)
        } else {
            Some(HealthBand::Red)
        }
    }
}

/// How many accounts fall in each band.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HealthDistribution {
    pub green: u32,
    pub yellow: u32,
    pub red: u32,
}

impl HealthDistribution {
    pub fn count(scores: &[f64], bands: &HealthBands) -> HealthDistribution {
        let mut d = HealthDistribution::default();
        for band in scores.iter().filter_map(|&s| bands.classify(s)) {
            match band {
                HealthBand::Green => d.green += 1,
                HealthBand::Yellow => d.yellow += 1,
                HealthBand::Red => d.red += 1,
            }
        }
        d
    }

    pub fn scored(&self) -> u32 {
        self.green + self.yellow + self.red
    }
}

/// Share of scored accounts in each band, green, yellow then red.
pub fn health_distribution(scores: &[f64], bands: &HealthBands) -> Vec<Metric> {
    let d = HealthDistribution::count(scores, bands);
    let unscored = scores.len().saturating_sub(d.scored() as usize);
    health_distribution_counted(d, unscored, bands)
}

/// The same metrics from band counts already made, e.g. by the store counting a million scores
/// inside SQLite instead of loading them.
pub fn health_distribution_counted(
    d: HealthDistribution,
    unscored: usize,
    bands: &HealthBands,
) -> Vec<Metric> {
    let total = d.scored();
    let rows = [
        (
            "health_green",
            "Health: green (good)",
            d.green,
            format!("score ≥ {}", bands.green_from),
        ),
        (
            "health_yellow",
            "Health: yellow (average)",
            d.yellow,
            format!("{} ≤ score < {}", bands.yellow_from, bands.green_from),
        ),
        (
            "health_red",
            "Health: red (poor)",
            d.red,
            format!("score < {}", bands.yellow_from),
        ),
    ];
    rows.into_iter()
        .map(|(key, label, count, band)| {
            Metric::new(
                key,
                label,
                Unit::Percent,
                &format!("accounts with {band} / accounts scored"),
                "DOMAIN.md §6.2: 001 L326 \"green, yellow, or red, to indicate good, average, or poor health\"; cut-offs NOT IN SOURCES (§8.5)",
            )
            .input("accounts in band", count.to_string())
            .input("accounts scored", total.to_string())
            .input("accounts without a score", unscored.to_string())
            .input("green from", bands.green_from.to_string())
            .input("yellow from", bands.yellow_from.to_string())
            .value(ratio(f64::from(count), f64::from(total)))
            .caveat(Some(
                "The band cut-offs are your settings (CS Plan's defaults: green from 70, yellow from 40, on 0–100 points).".to_string(),
            ))
        })
        .collect()
}
