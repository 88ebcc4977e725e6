//! One module per subcommand, each a thin front door onto the store and domain calls.

mod capacity;
mod comp;
mod demo;
mod export;
mod import;
mod import_mappings;
mod maturity;
mod metrics;
pub(crate) mod plan;
mod rules;
mod segment;
mod snapshot;

use crate::args::{Cli, Command, ImportWhat};
use anyhow::Result;

pub async fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Demo { db } => demo::run(&db).await,
        Command::Import {
            what: ImportWhat::Accounts(args),
        } => import::accounts(&args).await,
        Command::Import {
            what: ImportWhat::Undo { db, id },
        } => import::undo(&db, id).await,
        Command::Import {
            what: ImportWhat::List { db },
        } => import::list(&db).await,
        Command::Import {
            what: ImportWhat::Mappings { db },
        } => import_mappings::list(&db).await,
        Command::Import {
            what: ImportWhat::History { file, db },
        } => import::history(&file, &db).await,
        Command::Capacity(args) => capacity::run(&args).await,
        Command::Maturity { what } => maturity::run(what).await,
        Command::Comp { what } => comp::run(&what).await,
        Command::Segment(args) => segment::run(&args).await,
        Command::Rules { what } => rules::run(&what).await,
        Command::Plan(args) => plan::run(&args).await,
        Command::Export { what } => export::run(&what).await,
        Command::Metrics(args) => metrics::run(&args).await,
        Command::Snapshot { what } => snapshot::run(&what).await,
        Command::Warnings(args) => metrics::warnings(&args).await,
        Command::Movements { what } => metrics::movements(&what).await,
    }
}
