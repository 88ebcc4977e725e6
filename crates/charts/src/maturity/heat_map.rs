//! "Answers by respondent": every respondent's level on every question of DOMAIN.md §4.1, so
//! where leaders disagree shows as a column of mixed shades. Drawn as tiles in pixels: a grid of
//! categories needs no axes.

use super::legend::{Entry, Key, legend, message};
use super::levels::{LEVELS, Level, level};
use crate::document::{HEIGHT, WIDTH, fallback};
use crate::frame::{BODY_PX, Canvas, Drawn, SMALL_PX, anchor, body, header, render, text};
use crate::measure::{fit, text_width};
use crate::palette::{GRID, INK, MUTED};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

const TITLE: &str = "Answers by respondent";
const EMPTY: &str = "No answers yet: add respondents on the Maturity page and record their answers, or import their answer files.";

/// Pixels kept clear at the canvas's left, right and bottom edges.
const SIDE: f64 = 16.0;
const BOTTOM: f64 = 8.0;
/// The names' column is as wide as the widest name, within these bounds.
const NAME_MIN: f64 = 40.0;
const NAME_MAX: f64 = 170.0;
const NAME_GAP: f64 = 10.0;
/// The question headings' row above the tiles.
const HEADING_HEIGHT: f64 = 24.0;
/// Tiles grow up to this size when there are few respondents or questions.
const MAX_ROW: f64 = 30.0;
const MAX_COLUMN: f64 = 84.0;
/// White between neighbouring tiles.
const TILE_GAP: i32 = 1;

/// "Answers by respondent": one row per respondent (`respondents`, in order), one column per
/// question (headed "Q1".. from the labels' leading "Qn", or the label itself), each tile
/// coloured by the level and carrying its word, or its initial P / A / E where the word does
/// not fit. `levels[r][q]` is respondent r's answer to question q in points (1 Poor, 2 Average,
/// 3 Excellent); `None` leaves the tile empty.
pub fn heat_map(
    respondents: &[String],
    questions: &[String],
    levels: &[Vec<Option<u8>>],
) -> String {
    if let Some(problem) = problem(respondents, questions, levels) {
        return fallback(TITLE, &problem);
    }
    render(TITLE, |root| draw(root, respondents, questions, levels))
}

fn problem(
    respondents: &[String],
    questions: &[String],
    levels: &[Vec<Option<u8>>],
) -> Option<String> {
    if respondents.len() != levels.len() {
        return Some(format!(
            "The heat map needs one row of answers per respondent (respondents: {}, rows of answers: {}).",
            respondents.len(),
            levels.len()
        ));
    }
    respondents.iter().zip(levels).find_map(|(name, row)| {
        if row.len() != questions.len() {
            return Some(format!(
                "{name}'s row of answers does not match the questions (answers: {}, questions: {}).",
                row.len(),
                questions.len()
            ));
        }
        row.iter().zip(questions).find_map(|(points, question)| {
            let points = (*points)?;
            level(points).is_none().then(|| {
                format!(
                    "{name}'s answer to \"{question}\" is {points} points; an answer is 1 (Poor), 2 (Average) or 3 (Excellent)."
                )
            })
        })
    })
}

/// The heading of a question's column: the label's leading "Q1" when it has one, so nine
/// columns fit, else the label shortened to the column.
fn heading(question: &str, width: f64) -> String {
    let tag = question.split_whitespace().next().unwrap_or_default();
    let numbered = tag.len() > 1
        && tag.starts_with(['Q', 'q'])
        && tag[1..].chars().all(|c| c.is_ascii_digit());
    if numbered {
        tag.to_string()
    } else {
        fit(question, SMALL_PX, width)
    }
}

/// Where the tiles go, in pixels.
struct Grid {
    left: f64,
    top: f64,
    column: f64,
    row: f64,
}

impl Grid {
    fn tile(&self, row: usize, column: usize) -> [(i32, i32); 2] {
        let x = self.left + self.column * column as f64;
        let y = self.top + self.row * row as f64;
        [
            (x.round() as i32 + TILE_GAP, y.round() as i32 + TILE_GAP),
            (
                (x + self.column).round() as i32 - TILE_GAP,
                (y + self.row).round() as i32 - TILE_GAP,
            ),
        ]
    }

    fn centre(&self, row: usize, column: usize) -> (i32, i32) {
        (
            (self.left + self.column * (column as f64 + 0.5)).round() as i32,
            (self.top + self.row * (row as f64 + 0.5)).round() as i32,
        )
    }
}

fn draw(
    root: &Canvas<'_>,
    respondents: &[String],
    questions: &[String],
    levels: &[Vec<Option<u8>>],
) -> Drawn {
    let answered = levels.iter().flatten().flatten().count();
    let total = respondents.len() * questions.len();
    let summary = (total > 0).then(|| {
        let people = match respondents.len() {
            1 => "1 respondent".to_string(),
            n => format!("{n} respondents"),
        };
        format!("{people}, {answered} of {total} answers")
    });
    header(root, TITLE, summary.as_deref())?;
    let mut entries: Vec<Entry<'_>> = LEVELS
        .iter()
        .map(|level| Entry {
            key: Key::Tile {
                fill: Some(level.fill),
                ink: level.ink,
                letter: level.initial,
            },
            label: level.word,
        })
        .collect();
    entries.push(Entry {
        key: Key::Tile {
            fill: None,
            ink: INK,
            letter: "",
        },
        label: "Not answered",
    });
    legend(root, &entries)?;
    if total == 0 {
        return message(root, EMPTY);
    }

    let body_top = f64::from(body(root).get_base_pixel().1);
    let rows = respondents.len() as f64;
    let row = ((f64::from(HEIGHT) - BOTTOM - body_top - HEADING_HEIGHT - 4.0) / rows).min(MAX_ROW);
    let name_px = BODY_PX.min(row - 4.0).max(8.0);
    let names_width = respondents
        .iter()
        .map(|name| text_width(name, name_px))
        .fold(NAME_MIN, f64::max)
        .min(NAME_MAX);
    let left = SIDE + names_width + NAME_GAP;
    let column = ((f64::from(WIDTH) - SIDE - left) / questions.len() as f64).min(MAX_COLUMN);
    let grid = Grid {
        left,
        top: body_top + 4.0 + HEADING_HEIGHT,
        column,
        row,
    };

    for (q, question) in questions.iter().enumerate() {
        let (x, _) = grid.centre(0, q);
        let style = text(SMALL_PX, MUTED, anchor(HPos::Center, VPos::Bottom));
        let at = (x, (grid.top - 6.0).round() as i32);
        root.draw(&Text::new(heading(question, column - 6.0), at, style))?;
    }
    let tile_px = (BODY_PX - 1.0).min(row - 8.0).max(8.0);
    let words = LEVELS
        .iter()
        .all(|level| text_width(level.word, tile_px) + 8.0 <= column);
    for (r, (name, answers)) in respondents.iter().zip(levels).enumerate() {
        let (_, y) = grid.centre(r, 0);
        let style = text(name_px, INK, anchor(HPos::Right, VPos::Center));
        let at = ((left - NAME_GAP).round() as i32, y);
        root.draw(&Text::new(fit(name, name_px, names_width), at, style))?;
        for (q, points) in answers.iter().enumerate() {
            match points.and_then(level) {
                Some(level) => draw_tile(root, &grid, (r, q), level, words, tile_px)?,
                None => root.draw(&Rectangle::new(grid.tile(r, q), GRID.stroke_width(1)))?,
            }
        }
    }
    Ok(())
}

fn draw_tile(
    root: &Canvas<'_>,
    grid: &Grid,
    (row, column): (usize, usize),
    level: &Level,
    words: bool,
    px: f64,
) -> Drawn {
    root.draw(&Rectangle::new(grid.tile(row, column), level.fill.filled()))?;
    let label = if words { level.word } else { level.initial };
    let style = text(px, level.ink, anchor(HPos::Center, VPos::Center));
    root.draw(&Text::new(
        label.to_string(),
        grid.centre(row, column),
        style,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_labels_head_their_column_with_the_number() {
        assert_eq!(heading("Q1 Reporting line", 40.0), "Q1");
        assert_eq!(heading("Q12", 40.0), "Q12");
        assert_eq!(heading("Quality of onboarding", 40.0), "Quali…");
        assert_eq!(heading("", 40.0), "");
    }
}
