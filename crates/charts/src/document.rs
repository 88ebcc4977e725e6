//! The SVG document around a drawing: plotters draws the picture; this module names it for
//! screen readers and turns a drawing error into a chart that shows the error instead.

use crate::measure::wrap;
use crate::numbers::compact;
use crate::palette::{BACKGROUND, FAINT, INK};
use plotters::style::RGBColor;
use std::fmt::Write;

/// Every chart is drawn at this size; its `viewBox` lets the UI scale it to any width.
pub(crate) const WIDTH: u32 = 640;
pub(crate) const HEIGHT: u32 = 360;
pub(crate) const FONT_FAMILY: &str = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif";

/// Gives the root `<svg>` `role="img"`, an `aria-label` and a `<title>` with the chart's title,
/// and tabular figures so the numbers of neighbouring labels line up.
/// Returns `None` if `svg` has no root element to decorate.
pub(crate) fn label(svg: &str, title: &str) -> Option<String> {
    let svg = tidy_font_sizes(svg);
    let start = svg.find("<svg")?;
    let end = start + svg[start..].find('>')?;
    let title = escape(title);
    let mut out = String::with_capacity(svg.len() + 3 * title.len() + 128);
    out.push_str(&svg[..end]);
    out.push_str(&format!(
        " role=\"img\" aria-label=\"{title}\" style=\"font-variant-numeric: tabular-nums\">\n<title>{title}</title>"
    ));
    out.push_str(&svg[end + 1..]);
    Some(out)
}

const PROBLEM_PX: f64 = 13.0;
const PROBLEM_LINE: usize = 20;

/// `font-size="15.000000000000002"` becomes `font-size="15"`: plotters divides the size by 1.24
/// in floating point, and the noise would make every snapshot and diff harder to read.
fn tidy_font_sizes(svg: &str) -> String {
    const KEY: &str = "font-size=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = rest.find(KEY) {
        let value_start = at + KEY.len();
        let Some(length) = rest[value_start..].find('"') else {
            break;
        };
        out.push_str(&rest[..value_start]);
        let value = &rest[value_start..value_start + length];
        match value.parse::<f64>() {
            Ok(size) => out.push_str(&compact(size)),
            Err(_) => out.push_str(value),
        }
        rest = &rest[value_start + length..];
    }
    out.push_str(rest);
    out
}

/// A chart-sized SVG that states `problem` under `title`, for when drawing failed, so the page
/// still shows a readable message where the chart belongs.
pub(crate) fn fallback(title: &str, problem: &str) -> String {
    let (w, h) = (WIDTH, HEIGHT);
    let faint = hex(FAINT);
    let lines = wrap(problem, PROBLEM_PX, f64::from(w) - 64.0);
    let first = h as usize / 2 - PROBLEM_LINE * lines.len().saturating_sub(1) / 2;
    let mut problem = String::new();
    for (i, line) in lines.iter().enumerate() {
        // Writing into a String cannot fail.
        let _ = writeln!(
            problem,
            "<text x=\"{cx}\" y=\"{y}\" text-anchor=\"middle\" font-family=\"{FONT_FAMILY}\" font-size=\"{PROBLEM_PX}\" fill=\"{faint}\">{line}</text>",
            cx = w / 2,
            y = first + PROBLEM_LINE * i,
            line = escape(line),
        );
    }
    let title = escape(title);
    let background = hex(BACKGROUND);
    let ink = hex(INK);
    format!(
        "<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\" \
role=\"img\" aria-label=\"{title}\">\n<title>{title}</title>\n\
<rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"{background}\"/>\n\
<text x=\"16\" y=\"28\" font-family=\"{FONT_FAMILY}\" font-size=\"15\" font-weight=\"bold\" fill=\"{ink}\">{title}</text>\n\
{problem}</svg>\n"
    )
}

fn hex(color: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", color.0, color.1, color.2)
}

/// Text and attribute values safe inside SVG.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_the_root_element_once() {
        let svg = "<svg width=\"1\" viewBox=\"0 0 1 1\">\n<rect/>\n</svg>\n";
        let labelled = label(svg, "A & B").unwrap();
        assert!(labelled.starts_with(
            "<svg width=\"1\" viewBox=\"0 0 1 1\" role=\"img\" aria-label=\"A &amp; B\""
        ));
        assert!(labelled.contains("<title>A &amp; B</title>\n<rect/>"));
        assert_eq!(labelled.matches("<svg").count(), 1);
        assert_eq!(label("no root here", "x"), None);
    }

    #[test]
    fn font_sizes_lose_their_float_noise() {
        let svg = "<svg>\n<text font-size=\"15.000000000000002\" x=\"1\">a</text><text font-size=\"11.5\">b</text></svg>";
        let labelled = label(svg, "t").unwrap();
        assert!(
            labelled.contains("font-size=\"15\" x=\"1\">a"),
            "{labelled}"
        );
        assert!(labelled.contains("font-size=\"11.5\">b"));
    }

    #[test]
    fn fallback_shows_the_problem_escaped() {
        let svg = fallback("Chart", "bands <broken>");
        assert!(svg.contains("role=\"img\" aria-label=\"Chart\""));
        assert!(svg.contains(">bands &lt;broken&gt;</text>"));
        let long = fallback("Chart", &"word ".repeat(100));
        assert!(
            long.matches("<text").count() > 3,
            "long problems wrap onto lines"
        );
        assert!(svg.contains("viewBox=\"0 0 640 360\""));
    }
}
