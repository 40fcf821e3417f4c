//! The one place that knows which YAML library we use.
//!
//! serde_yaml is archived upstream; keeping every call behind [`parse`] means a swap
//! to another serde-compatible parser touches only this folder. Where a key or a
//! value was written comes from [`Places`] (one pass over saphyr-parser's events).

mod places;

pub use places::{At, Node, Offset, OnDemand, Places};

use std::borrow::Cow;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostic::msg::Yaml;
use crate::diagnostic::{Diagnostic, Diagnostics};

/// Parses `text` (YAML that starts on line `first_line` of `path`) into `T`.
///
/// Diagnostics carry the line and column in the file, not in the YAML fragment, so a
/// front-matter mistake points at the right line of the `.md` file. Warnings (a
/// value read as if quoted) are dropped; [`parse_noting`] keeps them.
pub fn parse<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    first_line: usize,
) -> Result<T, Diagnostic> {
    parse_noting(text, path, first_line, &mut Diagnostics::default())
}

/// [`parse`], pushing a warning into `warnings` for each plain value that holds
/// `: ` and was read as if quoted (`trangtin check --fix` quotes them).
pub fn parse_noting<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    first_line: usize,
    warnings: &mut Diagnostics,
) -> Result<T, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::new(path, Yaml::Empty).at(first_line, 1));
    }
    let mut text = Cow::Borrowed(text);
    // Each repair costs a parse: a bound keeps a pathological file fast.
    let mut repairs = Vec::new();
    loop {
        let err = match serde_yaml::from_str(&text) {
            Ok(value) => {
                for (line, col) in repairs {
                    let w = Diagnostic::new(path, Yaml::ColonValueRead).warning();
                    warnings.push(w.at(line + first_line - 1, col));
                }
                return Ok(value);
            }
            Err(e) => e,
        };
        // Editors write `note: Nguồn: Văn phòng Tỉnh ủy` and mean text; strict
        // YAML refuses the second colon. Such a value is read as if quoted.
        if repairs.len() < 200 {
            if let Some(line) = err.location().map(|l| l.line()) {
                if let Some((fixed, col)) = quote_value(&text, line) {
                    text = Cow::Owned(fixed);
                    repairs.push((line, col));
                    continue;
                }
            }
        }
        let (kind, place) = explain(&err.to_string());
        let error = Diagnostic::new(path, kind);
        return Err(
            match place.or_else(|| err.location().map(|l| (l.line(), l.column()))) {
                Some((line, col)) => error.at(line + first_line - 1, col),
                None => error.at_line(first_line),
            },
        );
    }
}

/// The lines (1-based, ascending) whose plain value [`parse`] reads as if
/// quoted: what `trangtin check --fix` quotes in the file.
pub fn repairs(text: &str) -> Vec<usize> {
    let mut text = Cow::Borrowed(text);
    let mut lines = Vec::new();
    while lines.len() < 200 {
        let Err(e) = serde_yaml::from_str::<serde_yaml::Value>(&text) else {
            break;
        };
        let Some(line) = e.location().map(|l| l.line()) else {
            break;
        };
        let Some((fixed, _)) = quote_value(&text, line) else {
            break;
        };
        text = Cow::Owned(fixed);
        lines.push(line);
    }
    lines.sort_unstable();
    lines.dedup();
    lines
}

/// `text` with the plain value on `line` (1-based) put in double quotes, and
/// the 1-based column (in characters) where the value starts, when that line is
/// `key: value` whose value holds `: ` (and is not already quoted, a list, a
/// mapping or a block); None otherwise. Only the value's characters change.
pub fn quote_value(text: &str, line: usize) -> Option<(String, usize)> {
    let before = line.checked_sub(1)?;
    let offset: usize = text.split_inclusive('\n').take(before).map(str::len).sum();
    let at = text.split_inclusive('\n').nth(before)?;
    let body = at.trim_end_matches(['\n', '\r']);
    let mut start = body.len() - body.trim_start().len();
    while body[start..].starts_with("- ") {
        start += 2 + body[start + 2..].len() - body[start + 2..].trim_start().len();
    }
    let (key, value) = body[start..].split_once(": ")?;
    let plain_key = !key.is_empty() && !key.contains([':', '"', '\'', '{', '[', '#', ',']);
    let (value, comment) = match value.find(" #") {
        Some(i) => (&value[..i], &value[i..]),
        None => (value, ""),
    };
    let value_at = start + key.len() + 2 + (value.len() - value.trim_start().len());
    let trailing = &value[value.trim_end().len()..];
    let value = value.trim();
    // A colon ending the value (`Ghi chú:`) is as much a mistake as one inside.
    let plain_value = (value.contains(": ") || value.ends_with(':'))
        && !value.starts_with(['"', '\'', '{', '[', '|', '>', '&', '*', '!', '%', '@', '`']);
    if !plain_key || !plain_value {
        return None;
    }
    let quoted = value.replace('\\', "\\\\").replace('"', "\\\"");
    let fixed = format!("{}\"{quoted}\"{trailing}{comment}", &body[..value_at]);
    let column = body[..value_at].chars().count() + 1;
    Some((
        format!("{}{fixed}{}", &text[..offset], &text[offset + body.len()..]),
        column,
    ))
}

/// serde_yaml's message as a typed problem, and a better place for it where
/// the parser names one (an unclosed quote is reported where the file ends, but
/// the mistake is where the quote opened).
fn explain(raw: &str) -> (Yaml, Option<(usize, usize)>) {
    if let Some(place) = raw
        .split("while scanning a quoted scalar at ")
        .nth(1)
        .and_then(line_col)
    {
        return (Yaml::UnclosedQuote, Some(place));
    }
    if raw.starts_with("mapping values are not allowed in this context") {
        return (Yaml::ColonInValue, None);
    }
    (classify(&plain_message(raw)), None)
}

/// serde's structured messages (`count: invalid type: …`) as variants; what
/// the scanner says stays its own words, in a [`Yaml::Syntax`].
fn classify(msg: &str) -> Yaml {
    const STARTS: [&str; 7] = [
        "unknown field `",
        "missing field `",
        "duplicate field `",
        "invalid type: ",
        "invalid value: ",
        "unknown variant `",
        "data did not match any variant",
    ];
    let found = STARTS.iter().find_map(|s| {
        if msg.starts_with(s) {
            return Some((None, msg));
        }
        let i = msg.find(&format!(": {s}"))?;
        Some((Some(msg[..i].to_string()), &msg[i + 2..]))
    });
    let Some((at, rest)) = found else {
        return Yaml::Syntax {
            detail: msg.to_string(),
        };
    };
    let first_name = || rest.split('`').nth(1).unwrap_or("").to_string();
    let names_after = |s: &str| -> Vec<String> {
        s.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    if rest.starts_with("unknown field") {
        let expected = names_after(rest.split_once(", expected ").map_or("", |(_, e)| e));
        Yaml::UnknownField {
            at,
            field: first_name(),
            expected,
        }
    } else if rest.starts_with("unknown variant") {
        let expected = names_after(rest.split_once(", expected ").map_or("", |(_, e)| e));
        Yaml::UnknownVariant {
            at,
            variant: first_name(),
            expected,
        }
    } else if rest.starts_with("missing field") {
        Yaml::MissingField {
            at,
            field: first_name(),
        }
    } else if rest.starts_with("duplicate field") {
        Yaml::DuplicateField {
            at,
            field: first_name(),
        }
    } else if rest.starts_with("data did not match") {
        let of = rest.rsplit(' ').next().unwrap_or("").to_string();
        Yaml::NoForm { at, of }
    } else {
        let (head, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
        let (what, found) = head.split_once(": ").unwrap_or((head, ""));
        let (found, expected) = (found.to_string(), expected.to_string());
        match what {
            "invalid type" => Yaml::InvalidType {
                at,
                found,
                expected,
            },
            _ => Yaml::InvalidValue {
                at,
                found,
                expected,
            },
        }
    }
}

/// `line 1 column 8…` → (1, 8).
fn line_col(s: &str) -> Option<(usize, usize)> {
    let mut words = s.split_whitespace();
    let (Some("line"), Some(l), Some("column"), Some(c)) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return None;
    };
    Some((
        l.parse().ok()?,
        c.trim_end_matches(|ch: char| !ch.is_ascii_digit())
            .parse()
            .ok()?,
    ))
}

/// serde_yaml appends " at line L column C" to its messages; we print the place
/// ourselves, in front, so it is cut here. Its wording is kept otherwise, since it
/// names the field and lists the expected ones.
fn plain_message(raw: &str) -> String {
    let cut = match raw.find(" at line ") {
        Some(i) => &raw[..i],
        None => raw,
    };
    let cut = cut.trim_end_matches(':');
    let cut = strip_index_path(cut);
    let mut out = cut.to_string();
    for (rust, words) in [
        ("expected u32", "expected a whole number"),
        ("expected u64", "expected a whole number"),
        ("expected usize", "expected a whole number"),
        ("expected i64", "expected a whole number"),
        ("expected f64", "expected a number"),
        ("expected a borrowed string", "expected text"),
        ("expected a sequence", "expected a list"),
    ] {
        out = out.replace(rust, words);
    }
    out
}

/// `.[1].value: invalid…` → `value: invalid…`: the item number means nothing to
/// an editor once the line is given.
fn strip_index_path(msg: &str) -> &str {
    let Some((path, rest)) = msg.split_once(": ") else {
        return msg;
    };
    if !path.starts_with(".[") && !path.starts_with('[') {
        return msg;
    }
    match path.rsplit_once("].") {
        Some((_, field)) if !field.is_empty() => &msg[msg.len() - rest.len() - 2 - field.len()..],
        _ => rest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        title: String,
        count: Option<u32>,
    }

    #[test]
    fn unknown_field_points_at_file_line() {
        let err = parse::<T>("title: a\nfoo: 1\n", Path::new("x.md"), 2).unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.md:3:1: unknown field `foo`, expected `title` or `count`"
        );
    }

    #[test]
    fn wrong_type_reads_as_words() {
        let err = parse::<T>("title: a\ncount: nhiều\n", Path::new("s.yaml"), 1).unwrap_err();
        assert!(
            err.to_string().starts_with(
                "s.yaml:2:8: count: invalid type: string \"nhiều\", expected a whole number"
            ),
            "{err}"
        );
    }

    #[test]
    fn messages_in_editors_words() {
        let err = parse::<T>("title: \"abc\ncount: 1\n", Path::new("a.md"), 2).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.md:2:8: the quoted text that starts here is not closed; add the closing quote (\")"
        );
        let err = parse::<T>("title: 'a': b\n", Path::new("s.yaml"), 1).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("s.yaml:1:11: a colon followed by a space"),
            "{err}"
        );
        let err = parse::<Vec<T>>("- title: a\n  count: x\n", Path::new("s.yaml"), 1).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("s.yaml:2:10: count: invalid type"),
            "{err}"
        );
        assert_eq!(strip_index_path(".[1].value: bad"), "value: bad");
        assert_eq!(strip_index_path("[0]: bad"), "bad");
        assert_eq!(strip_index_path("title: bad"), "title: bad");
    }

    #[test]
    fn a_second_colon_in_a_plain_value_is_text() {
        let t: T = parse(
            "title: Nguồn: Văn phòng \"Tỉnh ủy\" # ghi chú\n",
            Path::new("s"),
            1,
        )
        .unwrap();
        assert_eq!(t.title, "Nguồn: Văn phòng \"Tỉnh ủy\"");
        let list: Vec<T> = parse(
            "- title: a: b\\c\r\n  count: 2\n- title: ok\n",
            Path::new("s"),
            1,
        )
        .unwrap();
        assert_eq!(list[0].title, "a: b\\c");
        assert_eq!(list[0].count, Some(2));
        assert_eq!(list[1].title, "ok");
        let t: T = parse("title: Ghi chú:\n", Path::new("s"), 1).unwrap();
        assert_eq!(t.title, "Ghi chú:");
        // Inside a flow mapping the colon stays an error.
        let err = parse::<Vec<T>>("- { title: a: b }\n", Path::new("s"), 1).unwrap_err();
        assert!(err.to_string().starts_with("s:1:"), "{err}");
    }

    #[test]
    fn empty_is_an_error_not_a_panic() {
        let err = parse::<T>("  \n", Path::new("s.yaml"), 1).unwrap_err();
        assert!(err.to_string().contains("empty"));
    }
}
