//! Metrics for the whole book, per segment and per CSM (issue 7 part 2) by filtering the book
//! before computing. An account belongs to the group of its start-of-period record, or of its
//! end record when it was not a customer at the start, so an account that moved segment or CSM
//! in the period is counted once, where the period began, and never churns out of one group
//! into another.

use super::movements::AccountArr;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap, HashSet};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case", tag = "by", content = "name")]
pub enum Group {
    Book,
    Segment(String),
    Csm(String),
}

/// The segment and CSM an account reports under: the first of its rows that names one.
#[derive(Default)]
struct Owner<'a> {
    segment: Option<&'a str>,
    csm: Option<&'a str>,
}

fn owners<'a>(start: &'a [AccountArr], end: &'a [AccountArr]) -> HashMap<&'a str, Owner<'a>> {
    let mut owners: HashMap<&str, Owner> = HashMap::new();
    let in_start: HashSet<&str> = start.iter().map(|a| a.account_id.as_str()).collect();
    let rows = start.iter().chain(
        end.iter()
            .filter(|a| !in_start.contains(a.account_id.as_str())),
    );
    for row in rows {
        let owner = owners.entry(row.account_id.as_str()).or_default();
        owner.segment = owner.segment.or(row.segment.as_deref());
        owner.csm = owner.csm.or(row.csm.as_deref());
    }
    owners
}

impl Group {
    pub fn label(&self) -> String {
        match self {
            Group::Book => "Whole book".to_string(),
            Group::Segment(name) => format!("Segment {name}"),
            Group::Csm(name) => format!("CSM {name}"),
        }
    }

    /// The account ids in this group. With a movements file, pass the start book and an empty
    /// end: accounts new in the file carry no segment or CSM and count in the whole book only.
    pub fn members(&self, start: &[AccountArr], end: &[AccountArr]) -> HashSet<String> {
        owners(start, end)
            .into_iter()
            .filter(|(_, owner)| match self {
                Group::Book => true,
                Group::Segment(name) => owner.segment == Some(name.as_str()),
                Group::Csm(name) => owner.csm == Some(name.as_str()),
            })
            .map(|(id, _)| id.to_string())
            .collect()
    }

    /// The start and end books restricted to this group's accounts.
    pub fn select(
        &self,
        start: &[AccountArr],
        end: &[AccountArr],
    ) -> (Vec<AccountArr>, Vec<AccountArr>) {
        let members = self.members(start, end);
        let keep = |book: &[AccountArr]| -> Vec<AccountArr> {
            book.iter()
                .filter(|a| members.contains(&a.account_id))
                .cloned()
                .collect()
        };
        (keep(start), keep(end))
    }
}

/// Every group the two books report under: the whole book, then each segment, then each CSM,
/// by name.
pub fn groups(start: &[AccountArr], end: &[AccountArr]) -> Vec<Group> {
    let owners = owners(start, end);
    let segments: BTreeSet<&str> = owners.values().filter_map(|o| o.segment).collect();
    let csms: BTreeSet<&str> = owners.values().filter_map(|o| o.csm).collect();
    std::iter::once(Group::Book)
        .chain(segments.into_iter().map(|s| Group::Segment(s.to_string())))
        .chain(csms.into_iter().map(|c| Group::Csm(c.to_string())))
        .collect()
}
