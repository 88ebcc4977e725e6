//! How a period's queries add their rows up per group. The whole book is one group: no
//! `GROUP BY` at all. The ARR tiers (DOMAIN.md §2.7) are a fixed list of bounds, so a row's
//! group is the small integer of its tier: SQLite sorts integers for `GROUP BY` faster than
//! the tier names, and far faster than it evaluates every total once per tier as conditional
//! aggregates (0.83 s against 1.09 s for the start join of a million rows). CSMs are not known
//! in advance and are grouped by their column.

use super::period::GroupBy;
use csplan_domain::segmentation::TierBounds;
use sqlx::Row;
use sqlx::sqlite::SqliteRow;

/// One total a query adds up: how many rows, or the sum of `value`, over the rows that meet
/// `when` (no condition: every row).
pub(super) struct Measure {
    pub sum: Option<&'static str>,
    pub when: &'static str,
}

impl Measure {
    pub(super) const fn count(when: &'static str) -> Measure {
        Measure { sum: None, when }
    }

    pub(super) const fn sum(value: &'static str, when: &'static str) -> Measure {
        Measure {
            sum: Some(value),
            when,
        }
    }
}

pub(super) enum Grouping {
    /// The whole book: every row in the one group "".
    Book,
    /// The ARR tiers, highest first: a row is in the first whose lower bound its ARR reaches.
    Tiers([(&'static str, i64); 3]),
    /// `GROUP BY` this expression of the row alias's columns (`{a}` stands for the alias).
    Column(&'static str),
}

impl Grouping {
    pub(super) fn of(by: GroupBy, tiers: &TierBounds) -> Grouping {
        match by {
            GroupBy::Book => Grouping::Book,
            GroupBy::Segment => Grouping::Tiers([
                ("Enterprise", tiers.enterprise_from.0),
                ("Mid-Market", tiers.mid_market_from.0),
                ("SMB", i64::MIN),
            ]),
            GroupBy::Csm => Grouping::Column("coalesce({a}.csm_owner, '')"),
        }
    }

    /// Whether a row's group is known from its ARR alone, so a query of the start records can
    /// also count the end records by their own group.
    pub(super) fn is_fixed(&self) -> bool {
        !matches!(self, Grouping::Column(_))
    }

    /// The index of the tier the ARR column `arr` falls in.
    fn tier_sql(tiers: &[(&str, i64); 3], arr: &str) -> String {
        let [(_, top), (_, middle), _] = tiers;
        format!("CASE WHEN {arr} >= {top} THEN 0 WHEN {arr} >= {middle} THEN 1 ELSE 2 END")
    }

    /// The select list of `measures`, grouped by the ARR column `arr` (the `by_other` measures
    /// by `other_arr` instead: the end records' tiers in a query of the start records), and the
    /// clause that ends the query. `alias` is the row alias the `Column` expression reads.
    pub(super) fn select(
        &self,
        measures: &[&Measure],
        arr: &str,
        by_other: &[&Measure],
        other_arr: &str,
        alias: &str,
    ) -> (String, &'static str) {
        let totals = measures.iter().chain(by_other).map(|m| render(m));
        match self {
            Grouping::Book => (totals.collect::<Vec<_>>().join(", "), ""),
            Grouping::Tiers(tiers) => {
                let mut list = vec![format!("{} AS grp", Self::tier_sql(tiers, arr))];
                let mut group_by = "GROUP BY grp";
                if !by_other.is_empty() {
                    list.push(format!("{} AS grp2", Self::tier_sql(tiers, other_arr)));
                    group_by = "GROUP BY grp, grp2";
                }
                list.extend(totals);
                (list.join(", "), group_by)
            }
            Grouping::Column(expr) => {
                let key = expr.replace("{a}", alias);
                let list: Vec<String> = std::iter::once(format!("{key} AS grp"))
                    .chain(totals)
                    .collect();
                (list.join(", "), "GROUP BY grp")
            }
        }
    }

    /// Each group's key and its totals, in the order of the select list (`width` measures, then
    /// `other` by the other ARR column), from the rows. A row of two tiers gives each its own
    /// totals, zero for the others'.
    pub(super) fn read(
        &self,
        rows: &[SqliteRow],
        width: usize,
        other: usize,
    ) -> Result<Vec<(String, Vec<i64>)>, sqlx::Error> {
        let values = |row: &SqliteRow, from: usize, n: usize| {
            (from..from + n)
                .map(|i| row.try_get::<i64, _>(i))
                .collect::<Result<Vec<i64>, _>>()
        };
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            match self {
                Grouping::Book => out.push((String::new(), values(row, 0, width + other)?)),
                Grouping::Tiers(tiers) => {
                    let key = |col: usize| -> Result<String, sqlx::Error> {
                        let i = row.try_get::<i64, _>(col)?;
                        let tier = usize::try_from(i).ok().and_then(|i| tiers.get(i));
                        Ok(tier.map_or("", |(name, _)| name).to_string())
                    };
                    let at = if other > 0 { 2 } else { 1 };
                    let mut own = values(row, at, width)?;
                    if other > 0 {
                        own.extend(std::iter::repeat_n(0, other));
                        let mut theirs = vec![0; width];
                        theirs.extend(values(row, at + width, other)?);
                        out.push((key(1)?, theirs));
                    }
                    out.push((key(0)?, own));
                }
                Grouping::Column(_) => {
                    out.push((row.try_get::<String, _>(0)?, values(row, 1, width + other)?))
                }
            }
        }
        Ok(out)
    }
}

/// `count(…)` or `coalesce(sum(…), 0)` of the rows that meet the measure's condition.
fn render(m: &Measure) -> String {
    match (m.sum, m.when.is_empty()) {
        (None, true) => "count(*)".to_string(),
        (None, false) => format!("count(CASE WHEN {} THEN 1 END)", m.when),
        (Some(v), true) => format!("coalesce(sum({v}), 0)"),
        (Some(v), false) => format!("coalesce(sum(CASE WHEN {} THEN {v} END), 0)", m.when),
    }
}
