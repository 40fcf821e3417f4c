//! Where in the editor's file a chart error points: line and column of a key, of
//! a value under a key, or of the n-th inline row.

use std::path::Path;

use crate::diagnostic::msg::Chart as Problem;
use crate::diagnostic::Diagnostic;
use crate::yaml::{At, Offset, Places};

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
    /// Where the chart's keys and values are written in the file (read only
    /// when a message needs a place).
    fn places(&self) -> Places {
        Places::of(self.text, Offset::line(self.first_line))
    }

    /// An error at the `key:` (the first line of the chart when absent).
    pub(crate) fn at_key(&self, key: &str, message: Problem) -> Diagnostic {
        self.error(self.places().key(key), message)
    }

    /// An error at `value` written under `key` (`data: ds`, an item of a `y:`
    /// list, a column named in `filter:`), else at the key.
    pub(crate) fn at_value(&self, key: &str, value: &str, message: Problem) -> Diagnostic {
        let places = self.places();
        let at = places
            .scalar_in(key, value)
            .or_else(|| places.find(key, value, None).and_then(|n| n.key))
            .or_else(|| places.key(key));
        self.error(at, message)
    }

    /// An error at the `n`-th (0-based) row of an inline `data:` list.
    pub(crate) fn at_row(&self, n: usize, message: Problem) -> Diagnostic {
        let places = self.places();
        let at = places.value(&format!("data[{n}]"));
        self.error(at.or_else(|| places.key("data")), message)
    }

    /// An error at `value` inside the `n`-th inline row.
    pub(crate) fn at_row_value(&self, n: usize, value: &str, message: Problem) -> Diagnostic {
        let places = self.places();
        let row = format!("data[{n}]");
        let at = places
            .scalar_where(&row, |s| same_value(s, value))
            .or_else(|| places.value(&row))
            .or_else(|| places.key("data"));
        self.error(at, message)
    }

    fn error(&self, at: Option<At>, message: Problem) -> Diagnostic {
        let at = at.unwrap_or(At {
            line: self.first_line.max(1),
            col: 1,
        });
        Diagnostic::new(self.path, message).at(at.line, at.col)
    }
}

/// Whether `written` (a scalar as in the file) is `wanted`, comparing figures
/// as numbers: `-5.0` is the `-5` a message names, `.inf` its `inf`.
fn same_value(written: &str, wanted: &str) -> bool {
    let number = |s: &str| -> Option<f64> {
        let lower = s.to_ascii_lowercase();
        let yaml_special = lower.replacen(".inf", "inf", 1).replacen(".nan", "nan", 1);
        yaml_special.parse().ok()
    };
    written == wanted
        || match (number(written), number(wanted)) {
            (Some(a), Some(b)) => a == b || (a.is_nan() && b.is_nan()),
            _ => false,
        }
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
        assert_eq!(place(o.at_row(0, m())), "a.md:4:5");
        assert_eq!(place(o.at_row_value(1, "x", m())), "a.md:6:9");
        assert_eq!(place(o.at_value("y", "nam", m())), "a.md:9:5");
        assert_eq!(place(o.at_value("x", "year", m())), "a.md:10:4");
        assert_eq!(place(o.at_key("type", m())), "a.md:2:1");
        assert_eq!(place(o.at_key("nothing", m())), "a.md:1:1");
    }

    #[test]
    fn block_lines_are_shifted_to_the_file() {
        assert_eq!(place(origin(12).at_row(0, Problem::NoRows)), "a.md:15:5");
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
