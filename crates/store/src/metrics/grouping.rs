//! How a period's queries add their rows up per group. The whole book and the ARR tiers
//! (DOMAIN.md §2.7) are a fixed list of conditions on a row, so every group's totals come back
//! in one row as conditional aggregates (`sum(CASE WHEN <tier> THEN … END)`): SQLite then never
//! sorts a million rows, as `GROUP BY` on the tier name made it do. CSMs are not known in
//! advance and are grouped by their column.

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

/// A fixed group: its key and the condition on an ARR column that keeps its rows (none for the
/// whole book).
pub(super) struct FixedGroup {
    key: &'static str,
    lower: Option<i64>,
    upper: Option<i64>,
}

pub(super) enum Grouping {
    Fixed(Vec<FixedGroup>),
    /// `GROUP BY` this expression of the row alias's columns (`{a}` stands for the alias).
    Column(&'static str),
}

impl Grouping {
    pub(super) fn of(by: GroupBy, tiers: &TierBounds) -> Grouping {
        let (ent, mid) = (tiers.enterprise_from.0, tiers.mid_market_from.0);
        let group = |key, lower, upper| FixedGroup { key, lower, upper };
        match by {
            GroupBy::Book => Grouping::Fixed(vec![group("", None, None)]),
            GroupBy::Segment => Grouping::Fixed(vec![
                group("Enterprise", Some(ent), None),
                group("Mid-Market", Some(mid), Some(ent)),
                group("SMB", None, Some(mid)),
            ]),
            GroupBy::Csm => Grouping::Column("coalesce({a}.csm_owner, '')"),
        }
    }

    pub(super) fn is_fixed(&self) -> bool {
        matches!(self, Grouping::Fixed(_))
    }

    /// The select list of `measures`, each kept to its group by the ARR column `arr` (the
    /// `by_other` measures by `other_arr` instead: the end records' tiers in a query of the
    /// start records), and the clause that ends the query. `alias` is the row alias the
    /// `Column` expression reads.
    pub(super) fn select(
        &self,
        measures: &[&Measure],
        arr: &str,
        by_other: &[&Measure],
        other_arr: &str,
        alias: &str,
    ) -> (String, &'static str) {
        match self {
            Grouping::Fixed(groups) => {
                let mut columns = Vec::new();
                for g in groups {
                    let column = |m: &&Measure, arr: &str| {
                        let mut when: Vec<String> = Vec::new();
                        if let Some(lo) = g.lower {
                            when.push(format!("{arr} >= {lo}"));
                        }
                        if let Some(hi) = g.upper {
                            when.push(format!("{arr} < {hi}"));
                        }
                        render(m, &when)
                    };
                    columns.extend(measures.iter().map(|m| column(m, arr)));
                    columns.extend(by_other.iter().map(|m| column(m, other_arr)));
                }
                (columns.join(", "), "")
            }
            Grouping::Column(expr) => {
                let key = expr.replace("{a}", alias);
                let columns = measures.iter().chain(by_other).map(|m| render(m, &[]));
                let list: Vec<String> = std::iter::once(format!("{key} AS grp"))
                    .chain(columns)
                    .collect();
                (list.join(", "), "GROUP BY grp")
            }
        }
    }

    /// Each group's key and its totals, in the order of the select list, from the rows.
    pub(super) fn read(
        &self,
        rows: &[SqliteRow],
        width: usize,
    ) -> Result<Vec<(String, Vec<i64>)>, sqlx::Error> {
        let values = |row: &SqliteRow, from: usize| {
            (from..from + width)
                .map(|i| row.try_get::<i64, _>(i))
                .collect::<Result<Vec<i64>, _>>()
        };
        match self {
            Grouping::Fixed(groups) => {
                let mut out = Vec::with_capacity(groups.len());
                for row in rows {
                    for (j, g) in groups.iter().enumerate() {
                        out.push((g.key.to_string(), values(row, j * width)?));
                    }
                }
                Ok(out)
            }
            Grouping::Column(_) => rows
                .iter()
                .map(|row| Ok((row.try_get::<String, _>(0)?, values(row, 1)?)))
                .collect(),
        }
    }
}

/// `count(…)` or `coalesce(sum(…), 0)` of the rows that meet the measure's and the group's
/// conditions.
fn render(m: &Measure, group: &[String]) -> String {
    let when: Vec<String> = group
        .iter()
        .map(String::as_str)
        .chain((!m.when.is_empty()).then_some(m.when))
        .map(|c| format!("({c})"))
        .collect();
    match (m.sum, when.is_empty()) {
        (None, true) => "count(*)".to_string(),
        (None, false) => format!("count(CASE WHEN {} THEN 1 END)", when.join(" AND ")),
        (Some(v), true) => format!("coalesce(sum({v}), 0)"),
        (Some(v), false) => format!(
            "coalesce(sum(CASE WHEN {} THEN {v} END), 0)",
            when.join(" AND ")
        ),
    }
}
