//! Text measured without a font: the SVG is drawn by the viewer's system font, which the
//! charts cannot see, so widths are estimated on the wide side and labels are given room for
//! the widest likely rendering.

/// Average advance of a system-ui character as a share of the font size.
const CHAR_WIDTH: f64 = 0.6;

/// Estimated width of `text` at `px` pixels.
pub(crate) fn text_width(text: &str, px: f64) -> f64 {
    text.chars().count() as f64 * px * CHAR_WIDTH
}

/// `text` shortened with an ellipsis to fit `width` pixels at `px`.
pub(crate) fn fit(text: &str, px: f64, width: f64) -> String {
    if text_width(text, px) <= width {
        return text.to_string();
    }
    let keep = ((width / (px * CHAR_WIDTH)).floor() as usize).saturating_sub(1);
    let mut short: String = text.chars().take(keep).collect();
    short.push('…');
    short
}

/// `text` broken between words into lines of at most `width` pixels at `px`; a single word
/// longer than a line is shortened with an ellipsis.
pub(crate) fn wrap(text: &str, px: f64, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, px) <= width || line.is_empty() {
            line = candidate;
        } else {
            lines.push(fit(&line, px, width));
            line = word.to_string();
        }
    }
    if !line.is_empty() {
        lines.push(fit(&line, px, width));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_long_names_with_an_ellipsis() {
        assert_eq!(fit("SMB", 12.0, 100.0), "SMB");
        let short = fit("Strategic Enterprise Accounts", 12.0, 60.0);
        assert!(short.ends_with('…'));
        assert!(text_width(&short, 12.0) <= 60.0);
    }

    #[test]
    fn wraps_between_words_within_the_width() {
        let lines = wrap("one two three four five six", 10.0, 60.0);
        assert_eq!(lines, ["one two", "three four", "five six"]);
        assert!(lines.iter().all(|l| text_width(l, 10.0) <= 60.0));
        assert!(wrap("", 10.0, 60.0).is_empty());
        assert_eq!(wrap("Supercalifragilistic", 10.0, 60.0), ["Supercali…"]);
    }
}
