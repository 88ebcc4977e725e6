//! Satisfaction (DOMAIN.md §5.6): NPS bands from 000 L44–47 on the 0–10 scale, and the aggregate
//! NPS, which the sources never state (industry convention, labelled as external).

use super::error::MetricsError;
use super::metric::{Metric, Unit};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// NPS answers counted by band: detractors 0–6, passives 7–8, promoters 9–10 (000 L45–47).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NpsCounts {
    pub detractors: u32,
    pub passives: u32,
    pub promoters: u32,
}

impl NpsCounts {
    /// Counts answers on the 0–10 scale; an answer above 10 is refused with its position (1-based).
    pub fn from_scores(scores: &[u8]) -> Result<NpsCounts, MetricsError> {
        let mut counts = NpsCounts::default();
        for (index, &score) in scores.iter().enumerate() {
            match score {
                0..=6 => counts.detractors += 1,
                7..=8 => counts.passives += 1,
                9..=10 => counts.promoters += 1,
                _ => {
                    return Err(MetricsError::NpsScore {
                        position: index + 1,
                        score,
                    });
                }
            }
        }
        Ok(counts)
    }

    pub fn responses(&self) -> u32 {
        self.detractors + self.passives + self.promoters
    }
}

/// NPS in points: % promoters − % detractors, from −100 to 100.
pub fn nps(counts: NpsCounts) -> Metric {
    let total = counts.responses();
    let value = (total > 0).then(|| {
        (f64::from(counts.promoters) - f64::from(counts.detractors)) * 100.0 / f64::from(total)
    });
    Metric::new(
        "nps",
        "Net Promoter Score (NPS)",
        Unit::Points,
        "(promoters 9–10 − detractors 0–6) / responses × 100",
        "DOMAIN.md §5.6 NPS: bands 000 L44–47; aggregate formula NOT IN SOURCES (industry convention)",
    )
    .input("promoters (9–10)", counts.promoters.to_string())
    .input("passives (7–8)", counts.passives.to_string())
    .input("detractors (0–6)", counts.detractors.to_string())
    .input("responses", total.to_string())
    .value(value)
    .caveat(Some(if total == 0 {
        "No NPS responses in the period.".to_string()
    } else {
        "The sources give the bands but not the aggregate; % promoters − % detractors is the industry convention, not from the sources. 003's glossary uses a 1–10 scale; CS Plan uses 000's 0–10 because the bands need 0.".to_string()
    }))
}
