//! The demo workspace's rule sets: one over ARR tiers and ICP fit, one over renewal, usage and
//! region, each segment with an activity catalogue so the capacity planner can plan over them.

use super::rows::{insert_text, store_active};
use csplan_domain::capacity::{SegmentCatalog, TouchModel, default_catalogs};
use csplan_domain::segmentation::{RuleSet, rules_from_toml, rules_to_json};
use sqlx::sqlite::SqliteConnection;

const FILES: [(&str, &str); 2] = [
    ("tiers_icp.toml", include_str!("demo/tiers_icp.toml")),
    (
        "renewal_usage.toml",
        include_str!("demo/renewal_usage.toml"),
    ),
];

/// The starting catalogue of the ARR tier that serves customers the same way: Enterprise's for
/// high-touch, Mid-Market's for low-touch, SMB's for automated.
fn catalogue_for(
    touch: TouchModel,
    tiers: &[SegmentCatalog],
) -> Option<Vec<csplan_domain::capacity::Activity>> {
    let tier = match touch {
        TouchModel::HighTouch => "Enterprise",
        TouchModel::LowTouch => "Mid-Market",
        TouchModel::Automated => "SMB",
    };
    tiers
        .iter()
        .find(|c| c.segment == tier)
        .map(|c| c.activities.clone())
}

/// The demo rule sets, parsed from the files above and given their catalogues.
pub(crate) fn rule_sets() -> Result<Vec<RuleSet>, csplan_domain::segmentation::RuleError> {
    let tiers = default_catalogs();
    FILES
        .iter()
        .map(|(file, text)| {
            let mut rules = rules_from_toml(file, text)?;
            for segment in &mut rules.segments {
                segment.activities = catalogue_for(segment.touch_model, &tiers);
            }
            rules.catch_all.activities = catalogue_for(rules.catch_all.touch_model, &tiers);
            Ok(rules)
        })
        .collect()
}

/// Saves both; the first is the active one.
pub(crate) async fn populate(conn: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    let broken = |e: csplan_domain::segmentation::RuleError| sqlx::Error::Decode(Box::new(e));
    let mut first = None;
    for rules in rule_sets().map_err(broken)? {
        let text = rules_to_json(&rules).map_err(broken)?;
        let id = insert_text(conn, &rules.name, &text).await?;
        first.get_or_insert(id);
    }
    if let Some(id) = first {
        store_active(conn, id).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both files parse and every segment, the catch-all included, carries a catalogue.
    #[test]
    fn demo_rule_sets_are_complete() {
        let sets = rule_sets().unwrap();
        assert_eq!(sets.len(), 2);
        for rules in &sets {
            assert_eq!(rules.catalogs().len(), rules.segment_names().len());
        }
        assert_eq!(
            sets[0].segment_names(),
            [
                "Strategic",
                "Enterprise",
                "Mid-Market",
                "SMB Poor Fit",
                "SMB"
            ]
        );
    }
}
