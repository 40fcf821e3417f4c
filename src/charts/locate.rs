//! Where in the editor's file a chart error points: line and column of a key, of
//! a value under a key, or of the n-th inline row.

use std::path::Path;

use crate::diagnostic::msg::Chart as Problem;
use crate::diagnostic::Diagnostic;
use crate::yaml;

/// The YAML of one chart and where it sits: a whole `content/charts/*.yaml` file
/// (`first_line` 1), or a ```` ```chart ```` block inside a `.md` file, whose YAML
/// starts on `first_line` of that file.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    pub first_line: usize,
}

impl Origin<'_> {
    /// An error at the `key:` line (the first line of the chart when absent).
    pub(crate) fn at_key(&self, key: &str, message: Problem) -> Diagnostic {
        match yaml::line_of_key(self.text, key) {
            Some(line) => {
                let col = column_of(nth_line(self.text, line), key).unwrap_or(1);
                self.error(line, col, message)
            }
            None => self.error(1, 1, message),
        }
    }

    /// An error at `value` written under `key` (same line, or in the lines of the
    /// block below it, as in a multi-line `y:` list).
    pub(crate) fn at_value(&self, key: &str, value: &str, message: Problem) -> Diagnostic {
        let Some(key_line) = yaml::line_of_key(self.text, key) else {
            return self.error(1, 1, message);
        };
        let lines: Vec<&str> = self.text.lines().collect();
        let indent = indent_of(lines[key_line - 1]);
        for (i, line) in lines.iter().enumerate().skip(key_line - 1) {
            let in_block = i == key_line - 1 || line.trim().is_empty() || indent_of(line) > indent;
            if !in_block {
                break;
            }
            // Skip the key itself so that `org: org` finds the value, not the key.
            let from = if i == key_line - 1 {
                key_end(line, key)
            } else {
                0
            };
            if let Some(col) = column_of(&line[from..], value) {
                let col = col + line[..from].chars().count();
                return self.error(i + 1, col, message);
            }
        }
        self.at_key(key, message)
    }

    /// An error at the `n`-th (0-based) row of an inline `data:` list.
    pub(crate) fn at_row(&self, n: usize, message: Problem) -> Diagnostic {
        match row_line(self.text, n) {
            Some(line) => {
                let col = indent_of(nth_line(self.text, line)) + 1;
                self.error(line, col, message)
            }
            None => self.at_key("data", message),
        }
    }

    /// An error at `value` inside the `n`-th inline row.
    pub(crate) fn at_row_value(&self, n: usize, value: &str, message: Problem) -> Diagnostic {
        match row_line(self.text, n) {
            Some(line) => {
                let text = nth_line(self.text, line);
                let col = column_of(text, value).unwrap_or(indent_of(text) + 1);
                self.error(line, col, message)
            }
            None => self.at_key("data", message),
        }
    }

    fn error(&self, local_line: usize, col: usize, message: Problem) -> Diagnostic {
        Diagnostic::new(self.path, message).at(local_line + self.first_line.max(1) - 1, col)
    }
}

fn nth_line(text: &str, line: usize) -> &str {
    text.lines().nth(line - 1).unwrap_or("")
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

fn key_end(line: &str, key: &str) -> usize {
    line.find(key).map_or(0, |i| i + key.len())
}

/// 1-based column (in characters) of `token` in `line` as a whole word.
pub(crate) fn column_of(line: &str, token: &str) -> Option<usize> {
    if token.is_empty() {
        return None;
    }
    let word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let mut from = 0;
    while let Some(off) = line[from..].find(token) {
        let i = from + off;
        let end = i + token.len();
        let before_ok = !line[..i].chars().next_back().is_some_and(word);
        let after_ok = !line[end..].chars().next().is_some_and(word);
        if before_ok && after_ok {
            return Some(line[..i].chars().count() + 1);
        }
        from = end;
    }
    None
}

/// The 1-based line of the `n`-th `- ` item under `data:`; `None` for flow style
/// (`data: [[a, 1]]`), where the `data:` line is the best we can do.
fn row_line(text: &str, n: usize) -> Option<usize> {
    let start = yaml::line_of_key(text, "data")?;
    let lines: Vec<&str> = text.lines().collect();
    let key_indent = indent_of(lines[start - 1]);
    let mut seen = 0;
    for (i, line) in lines.iter().enumerate().skip(start) {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if indent_of(line) < key_indent
            || (indent_of(line) == key_indent && !trimmed.starts_with('-'))
        {
            break;
        }
        if trimmed.starts_with('-') {
            if seen == n {
                return Some(i + 1);
            }
            seen += 1;
        }
    }
    None
}

/// The name in `names` closest to `wrong`, if it is close enough to be a typo.
pub(crate) fn closest<'a>(
    wrong: &str,
    names: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    names
        .into_iter()
        .map(|n| (edit_distance(wrong, n), n))
        .filter(|&(d, n)| d <= 2.max(n.chars().count() / 4))
        .min()
        .map(|(_, n)| n)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "title: T\ntype: bar\ndata:\n  - [A, 1]\n  # note\n  - [B, x]\ny:\n  - value\n  - nam\nx: year\n";

    fn origin(first_line: usize) -> Origin<'static> {
        Origin {
            path: Path::new("a.md"),
            text: TEXT,
            first_line,
        }
    }

    /// Where a diagnostic points, as `path:line:col`.
    fn place(d: Diagnostic) -> String {
        let m = Problem::NoRows.text(crate::text::Lang::En);
        d.to_string()
            .trim_end_matches(&format!(": {m}"))
            .to_string()
    }

    #[test]
    fn rows_keys_and_values_have_lines() {
        let o = origin(1);
        let m = || Problem::NoRows;
        assert_eq!(place(o.at_row(0, m())), "a.md:4:3");
        assert_eq!(place(o.at_row_value(1, "x", m())), "a.md:6:9");
        assert_eq!(place(o.at_value("y", "nam", m())), "a.md:9:5");
        assert_eq!(place(o.at_value("x", "year", m())), "a.md:10:4");
        assert_eq!(place(o.at_key("type", m())), "a.md:2:1");
        assert_eq!(place(o.at_key("nothing", m())), "a.md:1:1");
    }

    #[test]
    fn block_lines_are_shifted_to_the_file() {
        assert_eq!(place(origin(12).at_row(0, Problem::NoRows)), "a.md:15:3");
    }

    #[test]
    fn suggests_near_names_only() {
        let names = ["ket-nap-dang-vien", "co-cau-tuoi"];
        assert_eq!(
            closest("ket-nap-dang-vein", names),
            Some("ket-nap-dang-vien")
        );
        assert_eq!(closest("dan-so", names), None);
    }
}
