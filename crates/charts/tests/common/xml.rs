//! A small well-formedness check for the SVG the charts emit: balanced, properly nested tags,
//! quoted attributes without raw `<` or `&`, known entities only, exactly one root element.

fn check_entities(text: &str, context: &str) -> Result<(), String> {
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        let after = &rest[at + 1..];
        let end = after
            .find(';')
            .ok_or_else(|| format!("unterminated entity in {context}"))?;
        let name = &after[..end];
        let known = matches!(name, "lt" | "gt" | "amp" | "quot" | "apos")
            || (name.starts_with('#') && name.len() > 1);
        if !known {
            return Err(format!("unknown entity &{name}; in {context}"));
        }
        rest = &after[end + 1..];
    }
    Ok(())
}

fn check_attributes(attrs: &str, tag: &str) -> Result<(), String> {
    let mut rest = attrs.trim();
    while !rest.is_empty() {
        let eq = rest
            .find('=')
            .ok_or_else(|| format!("attribute without value in <{tag}>: {rest}"))?;
        let name = rest[..eq].trim();
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(format!("bad attribute name {name:?} in <{tag}>"));
        }
        let value_part = rest[eq + 1..].trim_start();
        let quote = value_part
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'')
            .ok_or_else(|| format!("unquoted attribute {name} in <{tag}>"))?;
        let close = value_part[1..]
            .find(quote)
            .ok_or_else(|| format!("unterminated attribute {name} in <{tag}>"))?;
        let value = &value_part[1..1 + close];
        if value.contains('<') {
            return Err(format!("raw < in attribute {name} of <{tag}>"));
        }
        check_entities(value, name)?;
        rest = value_part[close + 2..].trim_start();
    }
    Ok(())
}

pub fn well_formed(doc: &str) -> Result<(), String> {
    let mut stack: Vec<String> = Vec::new();
    let mut roots = 0;
    let mut rest = doc;
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        if stack.is_empty() && !text.trim().is_empty() {
            return Err(format!("text outside the root: {text:?}"));
        }
        check_entities(text, "text")?;
        let after = &rest[open + 1..];
        let close = after.find('>').ok_or("unterminated tag")?;
        let tag = &after[..close];
        if let Some(name) = tag.strip_prefix('/') {
            let expected = stack
                .pop()
                .ok_or_else(|| format!("</{name}> without opening"))?;
            if expected != name.trim() {
                return Err(format!("</{name}> closes <{expected}>"));
            }
        } else if tag.starts_with('?') || tag.starts_with('!') {
            // Declarations and comments carry no structure here.
        } else {
            let self_closing = tag.ends_with('/');
            let body = tag.trim_end_matches('/');
            let name_end = body.find(char::is_whitespace).unwrap_or(body.len());
            let name = &body[..name_end];
            if name.is_empty() {
                return Err("empty tag name".to_string());
            }
            check_attributes(&body[name_end..], name)?;
            if stack.is_empty() {
                roots += 1;
            }
            if !self_closing {
                stack.push(name.to_string());
            }
        }
        rest = &after[close + 1..];
    }
    if !rest.trim().is_empty() {
        return Err("text after the root".to_string());
    }
    if let Some(open) = stack.pop() {
        return Err(format!("<{open}> never closed"));
    }
    if roots != 1 {
        return Err(format!("{roots} root elements"));
    }
    Ok(())
}
