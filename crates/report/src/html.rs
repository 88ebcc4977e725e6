//! Text into HTML: everything a user typed (names, evidence, notes) goes through `escape`; and
//! the self-contained page every HTML document is written into.

/// The policy of a page that only shows: its own styles and inline images, nothing loaded, no
/// script, so a report opened from an email attachment cannot reach the network.
pub(crate) const NO_SCRIPT_CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// One self-contained page: `title` (escaped here) and `css` in the head under the content
/// security policy `csp`, `main` inside `<main>`, then `after_main` (scripts) before `</body>`.
pub(crate) fn page(title: &str, csp: &str, css: &str, main: &str, after_main: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<title>{title}</title>
<style>
{css}</style>
</head>
<body>
<main>
{main}</main>
{after_main}</body>
</html>
"#,
        title = escape(title),
    )
}

/// Escapes the five characters that could end an attribute or start markup.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON placed inside a `<script>` element: `<`, `>` and `&` become \u escapes (valid only inside
/// JSON strings, which is the only place they can occur), so no value can close the element.
pub(crate) fn script_json(value: &serde_json::Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// A score on the 1 to 3 scale with one decimal, or a dash when there is none.
pub(crate) fn score(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format!("{v:.1}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_script_ends_are_escaped() {
        assert_eq!(
            escape(r#"<b onclick='x'>"A&B"</b>"#),
            "&lt;b onclick=&#39;x&#39;&gt;&quot;A&amp;B&quot;&lt;/b&gt;"
        );
        let json = script_json(&serde_json::json!({ "name": "</script><b>&" }));
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["name"], "</script><b>&");
        assert_eq!(score(Some(1.25)), "1.2");
        assert_eq!(score(None), "–");
    }
}
