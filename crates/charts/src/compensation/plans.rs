//! How a plan looks on every compensation chart: the first plan (the current one in a backtest)
//! blue dots, the second (the proposal) orange squares, then the remaining Okabe-Ito colours, so
//! a reader matches a plan across the three charts by colour and, without colour, by shape.

use crate::frame::{Canvas, Drawn};
use crate::palette::{BACKGROUND, BOTTOM_UP, TOP_DOWN, rgb, segment_color};
use plotters::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Shape {
    Dot,
    Square,
}

#[derive(Clone, Copy)]
pub(crate) struct PlanStyle {
    pub color: RGBColor,
    pub shape: Shape,
}

/// The style of the plan at `index` in the caller's order.
pub(super) fn plan_style(index: usize) -> PlanStyle {
    let color = match index {
        0 => TOP_DOWN,
        1 => BOTTOM_UP,
        more => rgb(segment_color(more - 2)),
    };
    let shape = if index.is_multiple_of(2) {
        Shape::Dot
    } else {
        Shape::Square
    };
    PlanStyle { color, shape }
}

/// A filled marker of `radius` pixels with a one-pixel white rim, so neighbours that touch stay
/// countable. `frame::mark` has one size for a handful of values; a team of 200 CSMs needs
/// smaller ones.
pub(super) fn marker(
    root: &Canvas<'_>,
    style: PlanStyle,
    (x, y): (i32, i32),
    radius: i32,
) -> Drawn {
    let rim = radius + 1;
    match style.shape {
        Shape::Dot => {
            root.draw(&Circle::new((x, y), rim, BACKGROUND.filled()))?;
            root.draw(&Circle::new((x, y), radius, style.color.filled()))
        }
        Shape::Square => {
            // A square of the dot's area looks the same size.
            let half = (f64::from(radius) * 0.886).round().max(1.0) as i32;
            root.draw(&Rectangle::new(
                [(x - half - 1, y - half - 1), (x + half + 1, y + half + 1)],
                BACKGROUND.filled(),
            ))?;
            root.draw(&Rectangle::new(
                [(x - half, y - half), (x + half, y + half)],
                style.color.filled(),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbouring_plans_differ_in_colour_and_shape() {
        for index in 0..8 {
            let (a, b) = (plan_style(index), plan_style(index + 1));
            assert_ne!(a.color, b.color);
            assert_ne!(a.shape, b.shape);
        }
        assert_eq!(plan_style(0).color, TOP_DOWN);
        assert_eq!(plan_style(1).color, BOTTOM_UP);
    }
}
