//! The demo workspace's comp plans: WORKLOADS.md W4's plan in use and its draft, from the
//! example plan files, so the compensation pages have a backtest to show on first launch.

use super::{prepare, rows};
use csplan_domain::compensation::plan_from_toml;
use sqlx::sqlite::SqliteConnection;

pub(crate) const CURRENT: &str = "Current plan (80/20, GRR)";
pub(crate) const PROPOSED: &str = "Proposed plan (70/30, NRR + expansion)";

const PLANS: [(&str, &str, &str); 2] = [
    (
        CURRENT,
        "examples/comp/current.toml",
        include_str!("../../../../examples/comp/current.toml"),
    ),
    (
        PROPOSED,
        "examples/comp/proposed.toml",
        include_str!("../../../../examples/comp/proposed.toml"),
    ),
];

pub(crate) async fn populate(conn: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    for (name, file, text) in PLANS {
        // Built into the binary and checked by the tests below, so these cannot fail for a user.
        let plan = plan_from_toml(file, text).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
        let (_, toml) =
            prepare(name, &plan).map_err(|e| sqlx::Error::Decode(e.to_string().into()))?;
        let id = rows::insert_plan(conn, name).await?;
        rows::insert_version(conn, id, 1, &toml).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_plans_are_valid_under_their_demo_names() {
        for (name, file, text) in PLANS {
            let plan = plan_from_toml(file, text).unwrap();
            let (named, toml) = prepare(name, &plan).unwrap();
            assert_eq!(named.name, name);
            assert_eq!(plan_from_toml(name, &toml).unwrap(), named);
        }
    }
}
