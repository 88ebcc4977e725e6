//! `csplan rules`: the rule sets saved in a workspace, and their TOML/JSON files.

use clap::{Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// The saved rule sets: name, segments in rule order, last change; * marks the active one.
    List {
        /// The workspace file (it must exist).
        #[arg(long)]
        db: PathBuf,
    },
    /// Write a saved rule set as a readable file (to stdout without --out).
    Export {
        /// The saved rule set's name (ignoring upper and lower case).
        name: String,
        #[arg(long)]
        db: PathBuf,
        #[arg(long, value_enum, default_value = "toml")]
        format: RuleFormat,
        /// Where to write it; an existing file is not overwritten.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Save a rule set file (TOML, or JSON ending in .json) in the workspace; a name already
    /// in use gets " (2)", " (3)" ... so nothing is overwritten.
    Import {
        file: PathBuf,
        #[arg(long)]
        db: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RuleFormat {
    Toml,
    Json,
}
