#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! "Answers by respondent": every respondent's level (DOMAIN.md §4.1: Poor, Average, Excellent)
//! on every question, as coloured tiles.

mod common;

use common::{attribute, text_contents, text_problems, texts};
use csplan_charts::maturity::heat_map;

fn questions(count: usize) -> Vec<String> {
    let names = [
        "Reporting line",
        "Renewal ownership",
        "Company-wide goals",
        "Cost to retain",
        "Health-score inputs",
        "Churn understanding",
        "Value measurement",
        "Feature requests",
        "Executive review",
    ];
    (0..count)
        .map(|i| format!("Q{} {}", i + 1, names[i % names.len()]))
        .collect()
}

fn people() -> Vec<String> {
    [
        "Ada Lovelace (CEO)",
        "Grace Hopper (CCO)",
        "Katherine Johnson (CFO)",
    ]
    .map(String::from)
    .to_vec()
}

/// The answers of the snapshot: Ada skipped Q5, Katherine Q6.
fn answers() -> Vec<Vec<Option<u8>>> {
    vec![
        vec![
            Some(1),
            Some(2),
            Some(3),
            Some(2),
            None,
            Some(1),
            Some(2),
            Some(3),
            Some(1),
        ],
        vec![
            Some(2),
            Some(2),
            Some(3),
            Some(1),
            Some(2),
            Some(1),
            Some(3),
            Some(3),
            Some(1),
        ],
        vec![
            Some(1),
            Some(3),
            Some(2),
            Some(2),
            Some(2),
            None,
            Some(2),
            Some(3),
            Some(2),
        ],
    ]
}

/// A `<rect>` as drawn: its corner, size and fill.
#[derive(Debug)]
struct Tile {
    x: f64,
    y: f64,
    width: f64,
    height: f64,
    fill: String,
}

fn rects(svg: &str) -> Vec<Tile> {
    svg.split("<rect ")
        .skip(1)
        .map(|rest| {
            let tag = &rest[..rest.find('>').unwrap()];
            let fill_at = tag.find("fill=\"").unwrap() + 6;
            Tile {
                x: attribute(tag, "x"),
                y: attribute(tag, "y"),
                width: attribute(tag, "width"),
                height: attribute(tag, "height"),
                fill: tag[fill_at..fill_at + tag[fill_at..].find('"').unwrap()].to_string(),
            }
        })
        .collect()
}

/// The legend's fills for Poor, Average and Excellent: the first three filled swatches under
/// the title (the canvas's background comes first).
fn level_fills(svg: &str) -> Vec<String> {
    rects(svg)
        .into_iter()
        .filter(|r| r.y > 0.0 && r.y < 58.0 && r.fill != "none")
        .map(|r| r.fill)
        .take(3)
        .collect()
}

/// The answered tiles in reading order, each with the text written inside it.
fn answered_tiles(svg: &str) -> Vec<(String, String)> {
    let fills = level_fills(svg);
    let items = texts(svg);
    let mut tiles: Vec<Tile> = rects(svg)
        .into_iter()
        .filter(|r| r.y >= 58.0 && fills.contains(&r.fill))
        .collect();
    tiles.sort_by(|a, b| (a.y, a.x).partial_cmp(&(b.y, b.x)).unwrap());
    tiles
        .into_iter()
        .map(|tile| {
            let inside: Vec<&str> = items
                .iter()
                .filter(|t| {
                    t.x > tile.x
                        && t.x < tile.x + tile.width
                        && t.y > tile.y
                        && t.y < tile.y + tile.height
                })
                .map(|t| t.content.as_str())
                .collect();
            assert_eq!(inside.len(), 1, "{tile:?} holds {inside:?}");
            let level = ["P", "A", "E"][fills.iter().position(|f| *f == tile.fill).unwrap()];
            (level.to_string(), inside[0].to_string())
        })
        .collect()
}

#[test]
fn has_title_legend_names_and_question_headings() {
    let svg = heat_map(&people(), &questions(9), &answers());
    let texts = text_contents(&svg);
    let headings = (1..=9).map(|i| format!("Q{i}"));
    for expected in people().into_iter().chain(headings).chain(
        [
            "Answers by respondent",
            "Poor",
            "Average",
            "Excellent",
            "Not answered",
            "3 respondents, 25 of 27 answers",
        ]
        .map(String::from),
    ) {
        assert!(texts.contains(&expected), "{expected} missing: {texts:?}");
    }
    assert!(svg.contains("aria-label=\"Answers by respondent\""));
}

#[test]
fn one_tile_per_answer_coloured_and_lettered_by_its_level() {
    let svg = heat_map(&people(), &questions(9), &answers());
    assert_eq!(level_fills(&svg).len(), 3);
    let tiles = answered_tiles(&svg);
    let expected: Vec<String> = answers()
        .iter()
        .flatten()
        .flatten()
        .map(|points| ["P", "A", "E"][usize::from(*points) - 1].to_string())
        .collect();
    assert_eq!(tiles.len(), 25, "27 answers less the two skipped");
    let drawn: Vec<String> = tiles.iter().map(|(level, _)| level.clone()).collect();
    assert_eq!(drawn, expected, "tiles in reading order");
    for (level, written) in &tiles {
        assert_eq!(level, written, "a tile says the level it is coloured for");
    }
    // Every tile, answered or not, has the same size: 27 in all.
    let fills = level_fills(&svg);
    let grid: Vec<Tile> = rects(&svg)
        .into_iter()
        .filter(|r| r.y >= 58.0 && (fills.contains(&r.fill) || r.fill == "none"))
        .collect();
    assert_eq!(grid.len(), 27);
    assert!(grid.iter().all(|t| (t.width - grid[0].width).abs() <= 1.0));
}

#[test]
fn roomy_tiles_write_the_level_word() {
    let svg = heat_map(
        &people()[..1],
        &questions(4),
        &[vec![Some(1), Some(2), Some(3), None]],
    );
    let words: Vec<String> = answered_tiles(&svg).into_iter().map(|(_, w)| w).collect();
    assert_eq!(words, ["Poor", "Average", "Excellent"]);
    assert!(text_contents(&svg).contains(&"1 respondent, 3 of 4 answers".to_string()));
}

#[test]
fn one_to_twelve_respondents_with_long_names_stay_readable() {
    for count in 1..=12 {
        let names: Vec<String> = (1..=count)
            .map(|i| format!("Respondent {i}, Senior Vice President of Global Customer Success"))
            .collect();
        let levels: Vec<Vec<Option<u8>>> = (0..count)
            .map(|r| {
                (0..9)
                    .map(|q| ((r + q) % 5 != 0).then_some(((r * q) % 3 + 1) as u8))
                    .collect()
            })
            .collect();
        let svg = heat_map(&names, &questions(9), &levels);
        assert_eq!(
            text_problems(&svg),
            Vec::<String>::new(),
            "{count} respondents"
        );
        assert_eq!(
            answered_tiles(&svg).len(),
            levels.iter().flatten().flatten().count()
        );
    }
}

#[test]
fn no_respondents_say_what_to_do() {
    for svg in [
        heat_map(&[], &questions(9), &[]),
        heat_map(&people(), &[], &[vec![], vec![], vec![]]),
    ] {
        let texts = text_contents(&svg);
        assert!(
            texts.iter().any(|t| t.starts_with("No answers yet")),
            "{texts:?}"
        );
    }
}

#[test]
fn inputs_it_cannot_draw_give_a_chart_that_says_why() {
    let said = |svg: &str| text_contents(svg).join(" ");
    let text = said(&heat_map(&people(), &questions(9), &answers()[..2]));
    assert!(
        text.contains("(respondents: 3, rows of answers: 2)"),
        "{text}"
    );
    let mut short = answers();
    short[1].pop();
    let text = said(&heat_map(&people(), &questions(9), &short));
    assert!(
        text.contains("Grace Hopper (CCO)&apos;s row of answers does not match the questions (answers: 8, questions: 9)"),
        "{text}"
    );
    let mut wrong = answers();
    wrong[2][3] = Some(4);
    let text = said(&heat_map(&people(), &questions(9), &wrong));
    assert!(
        text.contains("answer to &quot;Q4 Cost to retain&quot; is 4 points"),
        "{text}"
    );
}

#[test]
fn snapshot_of_the_fixed_answers() {
    insta::assert_snapshot!(heat_map(&people(), &questions(9), &answers()));
}
