//! The questionnaire's texts are the source's texts: every clue, level statement and commentary
//! line of `maturity::questions()` appears verbatim in its question's block of DOMAIN.md §4.1,
//! read from `shared/DOMAIN.md` at test time. Only whitespace and curly/straight quotes are
//! normalised, as DOMAIN.md's own quoting rule allows.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_domain::maturity::{Level, questions};
use std::path::PathBuf;

fn domain_md() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/DOMAIN.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Whitespace runs become one space; curly double and single quotes become straight ones.
fn normalise(text: &str) -> String {
    let straight: String = text
        .chars()
        .map(|c| match c {
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2018}' | '\u{2019}' => '\'',
            c => c,
        })
        .collect();
    straight.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The §4.1 blocks, one per question, keyed by question number: from "**Qn " up to the next
/// question's block or the summary table.
fn blocks(domain: &str) -> Vec<(u8, String)> {
    let start = domain.find("### 4.1").expect("DOMAIN.md has no §4.1");
    let end = domain[start..]
        .find("### 4.2")
        .expect("DOMAIN.md has no §4.2")
        + start;
    let section = &domain[start..end];
    let section = &section[..section.find("Summary table").unwrap_or(section.len())];
    let mut found = Vec::new();
    for number in 1..=9u8 {
        let marker = format!("**Q{number} ");
        let Some(from) = section.find(&marker) else {
            continue;
        };
        let rest = &section[from..];
        let to = rest[marker.len()..]
            .find("\n**Q")
            .map_or(rest.len(), |i| i + marker.len());
        found.push((number, rest[..to].to_string()));
    }
    found
}

#[test]
fn domain_md_has_exactly_nine_question_blocks_and_the_app_has_nine_questions() {
    let domain = domain_md();
    let numbers: Vec<u8> = blocks(&domain).iter().map(|(n, _)| *n).collect();
    assert_eq!(numbers, (1..=9).collect::<Vec<u8>>());
    let app: Vec<u8> = questions().iter().map(|q| q.number).collect();
    assert_eq!(app, numbers);
}

#[test]
fn every_level_text_and_commentary_is_verbatim_from_its_block() {
    let domain = domain_md();
    let blocks = blocks(&domain);
    let mut checked = 0;
    for question in questions() {
        let (_, block) = blocks
            .iter()
            .find(|(n, _)| *n == question.number)
            .unwrap_or_else(|| panic!("DOMAIN.md §4.1 has no block for Q{}", question.number));
        let block = normalise(block);
        let levels: Vec<Level> = question.levels.iter().map(|l| l.level).collect();
        assert_eq!(levels, [Level::Poor, Level::Average, Level::Excellent]);
        for level in &question.levels {
            let quoted = format!(
                "**{}:** \"{}\"",
                level.level.label(),
                normalise(&level.text)
            );
            assert!(
                block.contains(&quoted),
                "Q{} {}: the text is not the block's {} line:\n{}",
                question.number,
                level.level.label(),
                level.level.label(),
                level.text
            );
            checked += 1;
            for line in &level.commentary {
                assert!(
                    block.contains(&format!("\"{}\"", normalise(line))),
                    "Q{} {}: commentary not in DOMAIN.md:\n{line}",
                    question.number,
                    level.level.label()
                );
                checked += 1;
            }
        }
        assert!(
            block.contains(&format!("Clue: \"{}\"", normalise(&question.clue))),
            "Q{}: the clue is not the block's Clue line:\n{}",
            question.number,
            question.clue
        );
        assert!(
            block.contains(&format!("[{}]", question.source)),
            "Q{}: the source {} is not the block's citation",
            question.number,
            question.source
        );
    }
    assert_eq!(checked, 27 + 27, "27 level texts and 27 commentary lines");
}

#[test]
fn every_commentary_line_of_domain_md_is_in_the_app() {
    // The other direction: a quoted sub-line under a level in DOMAIN.md that the app leaves out
    // would silently shorten the questionnaire.
    let domain = domain_md();
    for (number, block) in blocks(&domain) {
        let question = questions()
            .into_iter()
            .find(|q| q.number == number)
            .unwrap();
        let app: Vec<String> = question
            .levels
            .iter()
            .flat_map(|l| l.commentary.iter().map(|c| normalise(c)))
            .collect();
        for line in block.lines().filter(|l| l.starts_with("  * ")) {
            let Some(open) = line.find('"') else { continue };
            let Some(close) = line.rfind("\" [L") else {
                continue;
            };
            let quote = normalise(&line[open + 1..close]);
            assert!(
                app.contains(&quote),
                "Q{number}: DOMAIN.md line missing from the app: {quote}"
            );
        }
    }
}
