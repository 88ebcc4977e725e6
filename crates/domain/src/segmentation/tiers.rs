//! ARR tiers (WORKLOADS.md W2 rule set A): Enterprise if ARR >= the Enterprise bound,
//! Mid-Market if ARR >= the Mid-Market bound, SMB otherwise. Lower bounds are inclusive:
//! with the defaults 100,000.00 is Enterprise and 99,999.99 Mid-Market.

use super::SegmentBook;
use crate::money::Cents;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
pub enum ArrTier {
    Enterprise,
    #[serde(rename = "Mid-Market")]
    MidMarket,
    #[serde(rename = "SMB")]
    Smb,
}

impl ArrTier {
    /// Largest first, the order every table and chart uses.
    pub const ALL: [ArrTier; 3] = [ArrTier::Enterprise, ArrTier::MidMarket, ArrTier::Smb];

    pub fn name(self) -> &'static str {
        match self {
            ArrTier::Enterprise => "Enterprise",
            ArrTier::MidMarket => "Mid-Market",
            ArrTier::Smb => "SMB",
        }
    }
}

/// The editable lower bounds of the two upper tiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TierBounds {
    /// ARR at or above this is Enterprise (default $100,000).
    pub enterprise_from: Cents,
    /// ARR at or above this (and below the Enterprise bound) is Mid-Market (default $25,000).
    pub mid_market_from: Cents,
}

impl Default for TierBounds {
    fn default() -> Self {
        TierBounds {
            enterprise_from: Cents::from_dollars(100_000),
            mid_market_from: Cents::from_dollars(25_000),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TierError {
    #[error(
        "The Mid-Market bound ({mid}) must be below the Enterprise bound ({enterprise}) and above $0."
    )]
    BoundsOutOfOrder { mid: String, enterprise: String },
}

impl TierBounds {
    pub fn validate(&self) -> Result<(), TierError> {
        if self.mid_market_from.0 <= 0 || self.mid_market_from >= self.enterprise_from {
            return Err(TierError::BoundsOutOfOrder {
                mid: self.mid_market_from.to_short_string(),
                enterprise: self.enterprise_from.to_short_string(),
            });
        }
        Ok(())
    }

    pub fn tier_of(&self, arr: Cents) -> ArrTier {
        if arr >= self.enterprise_from {
            ArrTier::Enterprise
        } else if arr >= self.mid_market_from {
            ArrTier::MidMarket
        } else {
            ArrTier::Smb
        }
    }
}

/// Splits a book, given as each account's ARR, into the three tiers. Tiers without accounts are
/// left out, as W3 prints only the segments present.
pub fn segment_by_tier(arr: &[Cents], bounds: &TierBounds) -> Result<Vec<SegmentBook>, TierError> {
    bounds.validate()?;
    let mut accounts = [0u64; 3];
    let mut total = [0i64; 3];
    for &value in arr {
        let index = bounds.tier_of(value) as usize;
        accounts[index] += 1;
        total[index] += value.0;
    }
    Ok(ArrTier::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| accounts[*i] > 0)
        .map(|(i, tier)| SegmentBook {
            segment: tier.name().to_string(),
            accounts: accounts[i],
            total_arr: Cents(total[i]),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dollars(text: &str) -> Cents {
        Cents::parse_decimal(text).unwrap()
    }

    /// WORKLOADS.md W2 rule set A: the boundary probes of rows ACC-0000002..5.
    #[test]
    fn lower_bounds_are_inclusive() {
        let bounds = TierBounds::default();
        assert_eq!(bounds.tier_of(dollars("100000.00")), ArrTier::Enterprise);
        assert_eq!(bounds.tier_of(dollars("99999.99")), ArrTier::MidMarket);
        assert_eq!(bounds.tier_of(dollars("25000.00")), ArrTier::MidMarket);
        assert_eq!(bounds.tier_of(dollars("24999.99")), ArrTier::Smb);
        assert_eq!(bounds.tier_of(dollars("600.00")), ArrTier::Smb);
    }

    #[test]
    fn summarises_exactly_and_omits_empty_tiers() {
        let book = [dollars("0.10"), dollars("0.20"), dollars("150000.00")];
        let segments = segment_by_tier(&book, &TierBounds::default()).unwrap();
        assert_eq!(
            segments,
            vec![
                SegmentBook {
                    segment: "Enterprise".into(),
                    accounts: 1,
                    total_arr: Cents(15_000_000)
                },
                SegmentBook {
                    segment: "SMB".into(),
                    accounts: 2,
                    total_arr: Cents(30)
                },
            ]
        );
    }

    #[test]
    fn rejects_bounds_out_of_order() {
        let bounds = TierBounds {
            enterprise_from: Cents::from_dollars(20_000),
            mid_market_from: Cents::from_dollars(25_000),
        };
        assert!(segment_by_tier(&[], &bounds).is_err());
    }

    proptest! {
        /// Segments partition the book: every account lands in exactly one tier, and counts and
        /// ARR add up to the whole book.
        #[test]
        fn tiers_partition_the_book(
            arr in proptest::collection::vec(0i64..2_000_000_000, 0..300),
            mid in 1i64..50_000_000,
            extra in 1i64..50_000_000,
        ) {
            let book: Vec<Cents> = arr.iter().copied().map(Cents).collect();
            let bounds = TierBounds { mid_market_from: Cents(mid), enterprise_from: Cents(mid + extra) };
            let segments = segment_by_tier(&book, &bounds).unwrap();
            let accounts: u64 = segments.iter().map(|s| s.accounts).sum();
            let total: Cents = segments.iter().map(|s| s.total_arr).sum();
            prop_assert_eq!(accounts, book.len() as u64);
            prop_assert_eq!(total, book.iter().copied().sum::<Cents>());
        }
    }
}
