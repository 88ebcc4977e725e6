//! `csplan maturity ...`, as clap parses it.

use clap::{Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum MaturityWhat {
    /// Every assessment in the workspace, newest first.
    List {
        /// The workspace file (it must exist).
        #[arg(long)]
        db: PathBuf,
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    /// One assessment's scorecard (consensus and spread per question) and action plan.
    Report {
        /// The workspace file (it must exist).
        #[arg(long)]
        db: PathBuf,
        /// The assessment's name (upper and lower case are not told apart).
        #[arg(long)]
        assessment: String,
        /// table and json to read and for scripts; html is the printable report; csv is every
        /// answer, one row per respondent and question.
        #[arg(long, value_enum, default_value = "table")]
        format: ReportFormat,
    },
    /// Merge an answers file a respondent saved from their questionnaire. Merging the same file
    /// again changes nothing; a file that was edited, or that belongs to another workspace,
    /// assessment or respondent, is refused and nothing is written.
    ImportAnswers {
        /// The answers file (.csplan-answers.json).
        file: PathBuf,
        /// The workspace file (it must exist).
        #[arg(long)]
        db: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Table,
    Json,
    Html,
    Csv,
}
