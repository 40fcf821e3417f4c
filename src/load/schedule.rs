//! `content/schedule/<yyyy>-W<ww>.yaml`: one file per ISO week of the weekly
//! work schedule (lịch công tác), read but not yet checked.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::yaml;

/// One item as written. Unknown fields are errors.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    pub date: String,
    /// sáng, chiều or tối.
    #[serde(default)]
    pub session: Option<String>,
    /// HH:MM.
    #[serde(default)]
    pub time: Option<String>,
    pub content: String,
    /// Ids from people.yaml.
    #[serde(default)]
    pub people: Vec<String>,
    #[serde(default)]
    pub place: Option<String>,
    /// Thành phần.
    #[serde(default)]
    pub participants: Option<String>,
    /// Đơn vị chuẩn bị.
    #[serde(default)]
    pub prepares: Option<String>,
}

/// A week file: its ISO year and week from the name, its items and text.
#[derive(Debug, Clone)]
pub struct WeekFile {
    pub path: PathBuf,
    pub year: i16,
    pub week: i8,
    pub items: Vec<RawItem>,
    pub text: String,
}

fn bad_name(name: &str) -> crate::diagnostic::msg::Data {
    crate::diagnostic::msg::Data::WeekFileName {
        name: name.to_string(),
    }
}

/// `2026-W49.yaml` → (2026, 49); None for any other name or a week the year lacks.
pub fn week_of(name: &str) -> Option<(i16, i8)> {
    let stem = name
        .strip_suffix(".yaml")
        .or_else(|| name.strip_suffix(".yml"))?;
    let (y, w) = stem.split_once("-W")?;
    if y.len() != 4 || w.len() != 2 || !(y.bytes().chain(w.bytes()).all(|b| b.is_ascii_digit())) {
        return None;
    }
    let (year, week) = (y.parse().ok()?, w.parse().ok()?);
    jiff::civil::ISOWeekDate::new(year, week, jiff::civil::Weekday::Monday).ok()?;
    Some((year, week))
}

/// Every week file under content/schedule (sorted by path).
pub fn weeks(root: &Path) -> (Vec<WeekFile>, Diagnostics) {
    let dir = root.join("content/schedule");
    let mut errors = Diagnostics::default();
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return (out, errors);
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.path().is_file())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    for name in names {
        let rel = PathBuf::from("content/schedule").join(&name);
        let Some((year, week)) = week_of(&name) else {
            errors.push(Diagnostic::new(&rel, bad_name(&name)));
            continue;
        };
        let text = match super::read_text(root, &rel) {
            Ok(t) => t,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let items = if text.trim().is_empty() {
            Vec::new()
        } else {
            match yaml::parse::<Vec<RawItem>>(&text, &rel, 1) {
                Ok(items) => items,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            }
        };
        out.push(WeekFile {
            path: rel,
            year,
            week,
            items,
            text,
        });
    }
    (out, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn week_names() {
        assert_eq!(week_of("2026-W49.yaml"), Some((2026, 49)));
        assert_eq!(week_of("2026-W9.yaml"), None);
        assert_eq!(week_of("2026-W54.yaml"), None);
        assert_eq!(week_of("2026-w49.yaml"), None);
        assert_eq!(week_of("lich.yaml"), None);
        assert_eq!(week_of("2020-W53.yaml"), Some((2020, 53)));
        assert_eq!(week_of("2021-W53.yaml"), None);
    }
}
