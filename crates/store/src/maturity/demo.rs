//! The demo company's two leadership self-assessments, half a year apart, so the maturity page
//! has a scorecard, disagreements, an action plan and a trend on first launch. The answers are
//! fixed; the tokens come from a fixed seed, so every demo file is identical.

use super::token;
use csplan_domain::maturity::Level;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use sqlx::sqlite::SqliteConnection;

const SEED: u64 = 20_251_215;

/// The executive team; every one of them answers both assessments.
const TEAM: [(&str, &str); 3] = [
    ("Dana Whitfield", "CEO"),
    ("Marcus Chen", "CFO"),
    ("Priya Raman", "VP Customer Success"),
];

struct DemoAssessment {
    name: &'static str,
    assessed_on: &'static str,
    /// Per respondent (TEAM order), questions 1 to 9: P = Poor, A = Average, E = Excellent.
    levels: [&'static str; 3],
    /// (respondent, question, evidence, note) for the answers that carry more than a level.
    remarks: &'static [(usize, u8, &'static str, &'static str)],
}

/// The past assessment mostly Poor; the current one a step up on several questions, with the
/// VP Customer Success seeing the reporting line and the budget model lower than the others.
const ASSESSMENTS: [DemoAssessment; 2] = [
    DemoAssessment {
        name: "Leadership review H1 2025",
        assessed_on: "2025-06-30",
        levels: ["AAPPPAPAP", "APPAPPPPP", "PPPPPPPAP"],
        remarks: &[
            (
                1,
                4,
                "Headcount follows the $2M ARR per CSM rule",
                "Budget requests come in ad hoc",
            ),
            (
                2,
                9,
                "Customer feedback deck reviewed at the quarterly offsite",
                "",
            ),
        ],
    },
    DemoAssessment {
        name: "Leadership review H2 2025",
        assessed_on: "2025-12-15",
        levels: ["AAAAAAPAA", "AAPAPAAAA", "PAPPPAPAA"],
        remarks: &[
            (
                0,
                9,
                "Monthly executive customer-feedback review since September",
                "",
            ),
            (
                1,
                4,
                "Capacity plan in CS Plan: top-down and bottom-up per segment",
                "",
            ),
            (
                2,
                1,
                "The CS leader reports to the CEO but is not in the executive meeting",
                "Seat at the table is the first ask",
            ),
            (
                2,
                4,
                "",
                "Still no agreed budget for hiring ahead of the customer load",
            ),
        ],
    },
];

fn level(code: u8) -> Level {
    match code {
        b'E' => Level::Excellent,
        b'A' => Level::Average,
        _ => Level::Poor,
    }
}

pub(crate) async fn populate(conn: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    for demo in &ASSESSMENTS {
        let assessment_id: i64 = sqlx::query_scalar(
            "INSERT INTO maturity_assessments (name, assessed_on, created_at)
             VALUES (?1, ?2, ?2 || 'T09:00:00.000Z') RETURNING id",
        )
        .bind(demo.name)
        .bind(demo.assessed_on)
        .fetch_one(&mut *conn)
        .await?;
        for (index, ((name, role), levels)) in TEAM.iter().zip(demo.levels).enumerate() {
            let respondent_id: i64 = sqlx::query_scalar(
                "INSERT INTO maturity_respondents (assessment_id, name, role, token)
                 VALUES (?1, ?2, ?3, ?4) RETURNING id",
            )
            .bind(assessment_id)
            .bind(name)
            .bind(role)
            .bind(token::from_rng(&mut rng))
            .fetch_one(&mut *conn)
            .await?;
            for (question, code) in (1u8..).zip(levels.bytes()) {
                let (evidence, note) = demo
                    .remarks
                    .iter()
                    .find(|(who, q, _, _)| *who == index && *q == question)
                    .map_or(("", ""), |(_, _, evidence, note)| (*evidence, *note));
                sqlx::query(
                    "INSERT INTO maturity_answers
                         (respondent_id, question, level, evidence, note, answered_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6 || 'T09:00:00.000Z')",
                )
                .bind(respondent_id)
                .bind(i64::from(question))
                .bind(level(code).key())
                .bind(evidence)
                .bind(note)
                .bind(demo.assessed_on)
                .execute(&mut *conn)
                .await?;
            }
        }
    }
    Ok(())
}
