//! "Maturity by question (consensus)": the consensus level of every question of DOMAIN.md §4.1
//! on one spoke each, so the weakest questions show as the dents in the shape. plotters has no
//! polar chart, so the radar is drawn in pixels with polygons, lines and text.

use super::legend::{Entry, Key, hollow, legend, message, middle_of_body};
use super::levels::{HIGHEST, LEVELS, on_scale, score, tint};
use crate::document::{WIDTH, fallback};
use crate::frame::{
    BODY_PX, Canvas, Drawn, Mark, SMALL_PX, anchor, header, knockout_text, mark, render, text,
};
use crate::measure::fit;
use crate::palette::{BACKGROUND, FAINT, GRID, INK, MUTED, TOP_DOWN};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use std::f64::consts::TAU;

const TITLE: &str = "Maturity by question (consensus)";
const EMPTY: &str = "No questions to show yet: open an assessment on the Maturity page.";
const NOT_ANSWERED: &str = "not answered";

/// The Excellent ring's radius; the others are a third and two thirds of it.
const RADIUS: f64 = 108.0;
/// Pixels between the Excellent ring and a spoke's label.
const LABEL_GAP: f64 = 12.0;
/// Pixels kept clear at the canvas's left and right edges.
const SIDE: f64 = 16.0;
/// Pixels between a label's question line and its score line.
const LINE_GAP: f64 = 3.0;
/// How strongly the consensus area is filled with the accent colour.
const FILL_SHARE: f64 = 0.16;
/// An unanswered question sits at half the Poor ring's radius: below every level, on its spoke.
const UNANSWERED_AT: f64 = 0.5;

/// "Maturity by question (consensus)": one spoke per question, labelled with the question
/// (`questions`, short labels such as "Q1 Reporting line") and its consensus score; rings at
/// 1 Poor, 2 Average and 3 Excellent; the consensus area filled lightly in the accent colour.
/// A question without a consensus (`None`) leaves a gap in the area, a hollow ring on its spoke
/// and "not answered" under its label. `consensus` holds one score from 1 to 3 per question.
pub fn radar(questions: &[String], consensus: &[Option<f64>]) -> String {
    if let Some(problem) = problem(questions, consensus) {
        return fallback(TITLE, &problem);
    }
    render(TITLE, |root| draw(root, questions, consensus))
}

fn problem(questions: &[String], consensus: &[Option<f64>]) -> Option<String> {
    if questions.len() != consensus.len() {
        return Some(format!(
            "The radar needs as many consensus scores as questions (questions: {}, scores: {}).",
            questions.len(),
            consensus.len()
        ));
    }
    questions.iter().zip(consensus).find_map(|(question, value)| {
        let value = (*value)?;
        (!on_scale(value)).then(|| {
            format!(
                "The consensus for \"{question}\" is {value}, outside the scale of 1 (Poor) to 3 (Excellent)."
            )
        })
    })
}

/// Where the spokes of `count` questions run: the first straight up, the rest clockwise.
struct Wheel {
    centre: (f64, f64),
    count: usize,
}

impl Wheel {
    fn direction(&self, index: usize) -> (f64, f64) {
        let angle = TAU * index as f64 / self.count as f64;
        (angle.sin(), angle.cos())
    }

    fn at(&self, index: usize, radius: f64) -> (f64, f64) {
        let (sin, cos) = self.direction(index);
        (self.centre.0 + radius * sin, self.centre.1 - radius * cos)
    }

    fn pixel(&self, index: usize, radius: f64) -> (i32, i32) {
        let (x, y) = self.at(index, radius);
        (x.round() as i32, y.round() as i32)
    }

    /// The point `radius` out on the line halfway between the first and second spokes, or at
    /// 45 degrees when they are further apart, so the rings' labels still stack downwards.
    fn between_first_spokes(&self, radius: f64) -> (f64, f64) {
        let angle = (TAU / self.count as f64 / 2.0).min(TAU / 8.0);
        (
            self.centre.0 + radius * angle.sin(),
            self.centre.1 - radius * angle.cos(),
        )
    }

    /// How wide a label centred over or under the wheel may be before it reaches the labels of
    /// the neighbouring spokes.
    fn centred_label_width(&self) -> f64 {
        if self.count < 3 {
            return 300.0;
        }
        let (sin, _) = self.direction(1);
        (2.0 * (RADIUS + LABEL_GAP) * sin.abs() - 8.0).clamp(40.0, 240.0)
    }
}

fn radius_of(score: f64) -> f64 {
    RADIUS * score / HIGHEST
}

fn draw(root: &Canvas<'_>, questions: &[String], consensus: &[Option<f64>]) -> Drawn {
    let count = questions.len();
    let answered = consensus.iter().flatten().count();
    let summary = (count > 0).then(|| format!("{answered} of {count} questions answered"));
    header(root, TITLE, summary.as_deref())?;
    let fill = tint(TOP_DOWN, FILL_SHARE);
    legend(
        root,
        &[
            Entry {
                key: Key::Area {
                    fill,
                    line: TOP_DOWN,
                },
                label: "Consensus (median answer)",
            },
            Entry {
                key: Key::Hollow { color: TOP_DOWN },
                label: "Not answered",
            },
        ],
    )?;
    if count == 0 {
        return message(root, EMPTY);
    }
    let wheel = Wheel {
        centre: (f64::from(WIDTH) / 2.0, f64::from(middle_of_body(root))),
        count,
    };

    // The area goes first, so the rings and spokes stay visible through it.
    let vertices: Vec<(i32, i32)> = consensus
        .iter()
        .enumerate()
        .filter_map(|(i, value)| value.map(|v| wheel.pixel(i, radius_of(v))))
        .collect();
    if !vertices.is_empty() {
        root.draw(&Polygon::new(vertices.clone(), fill.filled()))?;
    }
    draw_rings(root, &wheel)?;
    let centre = (wheel.centre.0.round() as i32, wheel.centre.1.round() as i32);
    for i in 0..count {
        let end = wheel.pixel(i, RADIUS);
        root.draw(&PathElement::new(vec![centre, end], GRID.stroke_width(1)))?;
    }
    if let Some(first) = vertices.first() {
        let mut outline = vertices.clone();
        outline.push(*first);
        root.draw(&PathElement::new(outline, TOP_DOWN.stroke_width(2)))?;
    }
    for (i, value) in consensus.iter().enumerate() {
        match value {
            Some(v) => mark(
                root,
                Mark::Dot,
                wheel.pixel(i, radius_of(*v)),
                TOP_DOWN,
                true,
            )?,
            None => hollow(root, wheel.pixel(i, radius_of(UNANSWERED_AT)), TOP_DOWN)?,
        }
    }
    draw_ring_labels(root, &wheel, &vertices, fill)?;
    for (i, (question, value)) in questions.iter().zip(consensus).enumerate() {
        draw_spoke_label(root, &wheel, i, question, *value)?;
    }
    Ok(())
}

/// The three level rings: polygons through the spokes, or circles while there are too few
/// spokes to make a polygon.
fn draw_rings(root: &Canvas<'_>, wheel: &Wheel) -> Drawn {
    for points in 1..=LEVELS.len() {
        let radius = radius_of(points as f64);
        if wheel.count < 3 {
            let centre = (wheel.centre.0.round() as i32, wheel.centre.1.round() as i32);
            root.draw(&Circle::new(
                centre,
                radius.round() as i32,
                GRID.stroke_width(1),
            ))?;
        } else {
            let mut ring: Vec<(i32, i32)> =
                (0..wheel.count).map(|i| wheel.pixel(i, radius)).collect();
            ring.push(wheel.pixel(0, radius));
            root.draw(&PathElement::new(ring, GRID.stroke_width(1)))?;
        }
    }
    Ok(())
}

/// "1 Poor", "2 Average", "3 Excellent" just under their rings, halfway between the first two
/// spokes: no value marker sits there, and the spoke labels stay outside the outer ring. Each
/// is written on a patch of whatever lies under it, so ring and area edges never cross it.
fn draw_ring_labels(
    root: &Canvas<'_>,
    wheel: &Wheel,
    area: &[(i32, i32)],
    fill: RGBColor,
) -> Drawn {
    let px = SMALL_PX - 1.0;
    for (points, level) in (1..).zip(&LEVELS) {
        let (x, y) = wheel.between_first_spokes(radius_of(f64::from(points)));
        let label = format!("{points} {}", level.word);
        let at = (x.round() as i32, y.round() as i32 + 2);
        let middle = (at.0, at.1 + (px / 2.0).round() as i32);
        let backdrop = if inside(middle, area) {
            fill
        } else {
            BACKGROUND
        };
        let style = text(px, FAINT, anchor(HPos::Center, VPos::Top));
        knockout_text(root, &label, at, px, style, backdrop)?;
    }
    Ok(())
}

/// Whether `point` lies inside the polygon through `corners` (even-odd rule).
fn inside((x, y): (i32, i32), corners: &[(i32, i32)]) -> bool {
    let (x, y) = (f64::from(x), f64::from(y));
    let mut inside = false;
    let count = corners.len();
    for i in 0..count {
        let (xi, yi) = (f64::from(corners[i].0), f64::from(corners[i].1));
        let (xj, yj) = (
            f64::from(corners[(i + count - 1) % count].0),
            f64::from(corners[(i + count - 1) % count].1),
        );
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
    }
    inside
}

/// A spoke's question with its score (or "not answered") under it, outside the Excellent ring:
/// left of the wheel right-aligned, right of it left-aligned, over and under it centred.
fn draw_spoke_label(
    root: &Canvas<'_>,
    wheel: &Wheel,
    index: usize,
    question: &str,
    value: Option<f64>,
) -> Drawn {
    let (sin, cos) = wheel.direction(index);
    let (x, y) = wheel.at(index, RADIUS + LABEL_GAP);
    let (h_pos, width) = if sin > 0.25 {
        (HPos::Left, f64::from(WIDTH) - SIDE - x)
    } else if sin < -0.25 {
        (HPos::Right, x - SIDE)
    } else {
        (HPos::Center, wheel.centred_label_width())
    };
    let block = BODY_PX + LINE_GAP + SMALL_PX;
    let top = if cos > 0.5 {
        y - block
    } else if cos < -0.5 {
        y
    } else {
        y - block / 2.0
    };
    let x = x.round() as i32;
    let name = fit(question, BODY_PX, width);
    let style = text(BODY_PX, INK, anchor(h_pos, VPos::Top));
    root.draw(&Text::new(name, (x, top.round() as i32), style))?;
    let (line, color) = match value {
        Some(v) => (score(v), MUTED),
        None => (NOT_ANSWERED.to_string(), FAINT),
    };
    let style = text(SMALL_PX, color, anchor(h_pos, VPos::Top));
    let second = (top + BODY_PX + LINE_GAP).round() as i32;
    root.draw(&Text::new(line, (x, second), style))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_is_inside_a_square_but_not_beside_it() {
        let square = [(0, 0), (10, 0), (10, 10), (0, 10)];
        assert!(inside((5, 5), &square));
        assert!(!inside((15, 5), &square));
        assert!(!inside((5, 5), &[]));
    }

    #[test]
    fn scores_sit_a_third_of_the_radius_apart() {
        assert_eq!(radius_of(3.0), RADIUS);
        assert!((radius_of(1.0) - RADIUS / 3.0).abs() < 1e-9);
    }
}
