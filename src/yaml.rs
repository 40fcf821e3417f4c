//! The one place that knows which YAML library we use.
//!
//! serde_yaml is archived upstream; keeping every call behind [`parse`] means a swap
//! to another serde-compatible parser touches only this file.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::error::Error;

/// Parses `text` (YAML that starts on line `first_line` of `path`) into `T`.
///
/// Errors carry the line and column in the file, not in the YAML fragment, so a
/// front-matter mistake points at the right line of the `.md` file.
pub fn parse<T: DeserializeOwned>(text: &str, path: &Path, first_line: usize) -> Result<T, Error> {
    if text.trim().is_empty() {
        return Err(Error::new(path, "the YAML is empty; expected some settings here").at(first_line, 1));
    }
    serde_yaml::from_str(text).map_err(|e| {
        let message = plain_message(&e.to_string());
        let err = Error::new(path, message);
        match e.location() {
            Some(loc) => err.at(loc.line() + first_line - 1, loc.column()),
            None => err.at_line(first_line),
        }
    })
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
    // "invalid type: string \"x\", expected u32" reads better for editors as words.
    cut.replace("expected u32", "expected a whole number")
        .replace("expected u64", "expected a whole number")
        .replace("expected i64", "expected a whole number")
        .replace("expected f64", "expected a number")
        .replace("expected a borrowed string", "expected text")
}

/// The 1-based line of the first `key: value` line whose value is `value`, to point
/// an error about a value (an unknown organization, say) at where it was written.
pub fn line_of(text: &str, key: &str, value: &str) -> Option<usize> {
    text.lines().position(|line| {
        let Some(i) = find_key(line, key) else {
            return false;
        };
        let rest = line[i + key.len()..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            return false;
        };
        let rest = rest.trim_start().trim_start_matches(['"', '\'']);
        rest.starts_with(value)
            && !rest[value.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '_')
    })
    .map(|i| i + 1)
}

/// The 1-based line where a top-level or nested `key:` first appears.
pub fn line_of_key(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            find_key(line, key).is_some_and(|i| line[i + key.len()..].trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

fn find_key(line: &str, key: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(off) = line[from..].find(key) {
        let i = from + off;
        let before = line[..i].chars().next_back();
        if before.is_none_or(|c| c == ' ' || c == '{' || c == ',' || c == '-' || c == '\t') {
            return Some(i);
        }
        from = i + key.len();
    }
    None
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
        assert!(err.to_string().starts_with("s.yaml:2:8: count: invalid type: string \"nhiều\", expected a whole number"), "{err}");
    }

    #[test]
    fn empty_is_an_error_not_a_panic() {
        let err = parse::<T>("  \n", Path::new("s.yaml"), 1).unwrap_err();
        assert!(err.to_string().contains("empty"));
    }

    #[test]
    fn finds_lines_of_values_and_keys() {
        let text = "rows:\n  - { org: thai-hoa, year: 2021 }\n  - { org: tinh, year: 2023 }\n";
        assert_eq!(line_of(text, "org", "tinh"), Some(3));
        assert_eq!(line_of(text, "org", "thai"), None);
        assert_eq!(line_of_key(text, "rows"), Some(1));
        assert_eq!(line_of_key(text, "year"), Some(2));
    }
}
