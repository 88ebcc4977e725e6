//! Scoring, consensus, disagreement and the action plan on hand-made teams (DOMAIN.md §4.1
//! "Scoring": Poor = 1, Average = 2, Excellent = 3, unweighted, CS Plan's convention; "next level"
//! advice is the text of the next level up), and the Q9 cadence rule (DOMAIN.md §8.4).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_domain::maturity::{
    Answer, Level, RespondentAnswers, SCORING_CONVENTION, TrendPoint, action_plan,
    level_for_review_cadence, questions, score,
};

fn leader(name: &str, levels: &[(u8, Level)]) -> RespondentAnswers {
    RespondentAnswers {
        name: name.to_string(),
        role: "VP".to_string(),
        answers: levels
            .iter()
            .map(|&(question, level)| Answer {
                question,
                level,
                evidence: String::new(),
                note: String::new(),
            })
            .collect(),
    }
}

fn all_nine(name: &str, level: Level) -> RespondentAnswers {
    let levels: Vec<(u8, Level)> = (1..=9).map(|q| (q, level)).collect();
    leader(name, &levels)
}

#[test]
fn three_leaders_one_per_level_agree_on_average_but_disagree_by_two() {
    let team = [
        leader("Ana", &[(1, Level::Poor)]),
        leader("Ben", &[(1, Level::Average)]),
        leader("Cy", &[(1, Level::Excellent)]),
    ];
    let card = score(&team);
    let q1 = &card.questions[0];
    assert_eq!(q1.number, 1);
    assert_eq!(
        q1.levels,
        [
            Some(Level::Poor),
            Some(Level::Average),
            Some(Level::Excellent)
        ]
    );
    assert_eq!(q1.consensus, Some(2.0));
    assert_eq!(q1.consensus_level, Some(Level::Average));
    assert_eq!(q1.spread, Some(2));
    assert!(q1.disagreement);
    assert_eq!(card.respondents, ["Ana", "Ben", "Cy"]);
}

#[test]
fn an_even_split_takes_the_mean_of_the_middle_two_and_reads_as_the_level_below() {
    let team = [
        leader("Ana", &[(4, Level::Poor)]),
        leader("Ben", &[(4, Level::Average)]),
    ];
    let card = score(&team);
    let q4 = &card.questions[3];
    assert_eq!(q4.consensus, Some(1.5));
    assert_eq!(
        q4.consensus_level,
        Some(Level::Poor),
        "1.5 is not yet Average"
    );
    assert_eq!(q4.spread, Some(1));
    assert!(q4.disagreement);

    let plan = action_plan(&card);
    assert_eq!(plan.len(), 1, "only Q4 is answered");
    let item = &plan[0];
    assert_eq!(item.number, 4);
    assert_eq!(item.current, Level::Poor);
    assert_eq!(item.next.level, Level::Average);
    assert_eq!(item.next, questions()[3].levels[1]);
    assert!(
        item.next
            .text
            .starts_with("Company has rule of thumb metrics")
    );
    assert_eq!(item.dissenters, ["Ben"]);
    assert_eq!(
        item.helps.as_ref().map(|h| h.page.as_str()),
        Some("capacity")
    );
}

#[test]
fn the_median_of_four_is_the_mean_of_the_middle_two() {
    let team = [
        leader("A", &[(2, Level::Poor)]),
        leader("B", &[(2, Level::Excellent)]),
        leader("C", &[(2, Level::Average)]),
        leader("D", &[(2, Level::Excellent)]),
    ];
    let q2 = &score(&team).questions[1];
    // Sorted points 1, 2, 3, 3: the middle two are 2 and 3.
    assert_eq!(q2.consensus, Some(2.5));
    assert_eq!(q2.consensus_level, Some(Level::Average));
    assert_eq!(q2.spread, Some(2));
}

#[test]
fn a_team_at_excellent_everywhere_has_no_action_item_and_scores_three() {
    let team = [
        all_nine("Ana", Level::Excellent),
        all_nine("Ben", Level::Excellent),
    ];
    let card = score(&team);
    assert!(action_plan(&card).is_empty());
    assert_eq!(card.overall, Some(3.0));
    assert_eq!(card.answered, 9);
    assert!(
        card.questions
            .iter()
            .all(|q| q.spread == Some(0) && !q.disagreement)
    );
}

#[test]
fn agreement_at_average_asks_for_excellent_with_no_dissenters() {
    let card = score(&[
        all_nine("Ana", Level::Average),
        all_nine("Ben", Level::Average),
    ]);
    let plan = action_plan(&card);
    assert_eq!(plan.len(), 9);
    for (item, question) in plan.iter().zip(questions()) {
        assert_eq!(item.number, question.number);
        assert_eq!(item.heading, question.heading);
        assert_eq!(item.current, Level::Average);
        assert_eq!(item.next, question.levels[2]);
        assert!(item.dissenters.is_empty());
        assert_eq!(item.helps, question.helps);
    }
}

#[test]
fn overall_is_the_unweighted_mean_of_the_consensus_of_answered_questions() {
    let team = [
        leader(
            "Ana",
            &[(1, Level::Poor), (2, Level::Excellent), (3, Level::Average)],
        ),
        leader("Ben", &[(1, Level::Average), (2, Level::Excellent)]),
    ];
    let card = score(&team);
    // Q1 1.5, Q2 3, Q3 2 (Ben did not answer it); Q4–Q9 unanswered are left out.
    assert_eq!(card.questions[2].levels, [Some(Level::Average), None]);
    assert_eq!(card.questions[2].consensus, Some(2.0));
    assert_eq!(card.overall, Some((1.5 + 3.0 + 2.0) / 3.0));
    assert_eq!(card.answered, 3);
    assert_eq!(card.convention, SCORING_CONVENTION);
    assert!(
        card.convention
            .starts_with("Poor = 1, Average = 2, Excellent = 3, unweighted")
    );
}

#[test]
fn unanswered_questions_have_no_consensus_and_no_action_item() {
    let card = score(&[leader("Ana", &[(9, Level::Poor)]), leader("Ben", &[])]);
    assert_eq!(card.questions.len(), 9);
    for result in &card.questions[..8] {
        assert_eq!(result.levels, [None, None]);
        assert_eq!(result.consensus, None);
        assert_eq!(result.consensus_level, None);
        assert_eq!(result.spread, None);
        assert!(!result.disagreement);
    }
    let plan = action_plan(&card);
    assert_eq!(plan.iter().map(|i| i.number).collect::<Vec<_>>(), [9]);
    assert!(
        plan[0].dissenters.is_empty(),
        "Ben did not answer, so he did not dissent"
    );
}

#[test]
fn nobody_answered_gives_no_overall() {
    let card = score(&[]);
    assert_eq!(card.overall, None);
    assert_eq!(card.answered, 0);
    assert!(card.respondents.is_empty());
    assert!(action_plan(&card).is_empty());
}

#[test]
fn answers_to_questions_outside_the_framework_are_ignored() {
    let card = score(&[leader("Ana", &[(0, Level::Poor), (10, Level::Poor)])]);
    assert_eq!(card.answered, 0);
    assert_eq!(card.overall, None);
}

#[test]
fn the_trend_point_carries_overall_and_consensus_per_question() {
    let card = score(&[leader("Ana", &[(1, Level::Average), (9, Level::Poor)])]);
    let point = TrendPoint::from_card("Q1 2025", "2025-03-31", &card);
    assert_eq!(point.assessment, "Q1 2025");
    assert_eq!(point.assessed_on, "2025-03-31");
    assert_eq!(point.overall, Some(1.5));
    assert_eq!(point.consensus.len(), 9);
    assert_eq!(point.consensus[0], Some(2.0));
    assert_eq!(point.consensus[1], None);
    assert_eq!(point.consensus[8], Some(1.0));
}

#[test]
fn review_cadence_sets_question_nine_daily_monthly_or_rarer() {
    // DOMAIN.md §8.4: every 3–6 months → Poor, monthly → Average, daily → Excellent.
    assert_eq!(level_for_review_cadence(0.5), Level::Excellent);
    assert_eq!(level_for_review_cadence(1.0), Level::Excellent);
    assert_eq!(level_for_review_cadence(2.0), Level::Average);
    assert_eq!(level_for_review_cadence(7.0), Level::Average);
    assert_eq!(level_for_review_cadence(31.0), Level::Average);
    assert_eq!(level_for_review_cadence(32.0), Level::Poor);
    assert_eq!(level_for_review_cadence(90.0), Level::Poor);
    assert_eq!(level_for_review_cadence(182.0), Level::Poor);
    assert_eq!(level_for_review_cadence(f64::NAN), Level::Poor);
}
