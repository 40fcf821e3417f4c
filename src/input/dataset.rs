//! Datasets: tables of figures from `content/data/**.yaml`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// One cell of a dataset row, as the editor wrote it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Cell {
    Number(f64),
    Bool(bool),
    Text(String),
    Empty,
}

impl Cell {
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Cell::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The cell as text for matching filters and labelling axes: `2021`, `tinh`.
    pub fn key(&self) -> String {
        match self {
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::Text(s) => s.clone(),
            Cell::Empty => String::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }
}

pub type Row = BTreeMap<String, Cell>;

/// A column's label and unit, declared or inferred.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    pub id: String,
    pub label: String,
    pub unit: Option<String>,
}

/// A dataset after loading: columns in their display order, rows as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// The file name without `.yaml`, relative to `content/data/` (`ket-nap-dang-vien`).
    pub id: String,
    pub title: String,
    pub source: Option<String>,
    pub description: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Where it came from, relative to the site root, for error messages.
    pub path: PathBuf,
    /// The file's text, kept to point errors at the line of a value.
    pub text: String,
}

impl Dataset {
    /// Where `path` (`rows[3].org`) is written in a YAML dataset; None for a
    /// spreadsheet, whose cells carry their own place.
    pub fn place(&self, path: &str) -> Option<crate::yaml::At> {
        crate::yaml::Places::of(&self.text, crate::yaml::Offset::FILE).key(path)
    }

    pub fn column(&self, id: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.id == id)
    }

    pub fn column_names(&self) -> String {
        self.columns
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Rows whose cells equal every `filter` value (compared as text, so
    /// `year: 2021` matches a number cell 2021).
    pub fn filtered<'a>(
        &'a self,
        filter: &'a BTreeMap<String, Cell>,
    ) -> impl Iterator<Item = &'a Row> + 'a {
        self.rows.iter().filter(move |row| {
            filter
                .iter()
                .all(|(k, want)| row.get(k).is_some_and(|have| have.key() == want.key()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_matches_numbers_as_text() {
        let mut r1 = Row::new();
        r1.insert("org".into(), Cell::Text("tinh".into()));
        r1.insert("year".into(), Cell::Number(2023.0));
        let mut r2 = r1.clone();
        r2.insert("org".into(), Cell::Text("thai-hoa".into()));
        let ds = Dataset {
            id: "d".into(),
            title: "D".into(),
            source: None,
            description: None,
            columns: vec![],
            rows: vec![r1, r2],
            path: "content/data/d.yaml".into(),
            text: String::new(),
        };
        let mut f = BTreeMap::new();
        f.insert("year".to_string(), Cell::Text("2023".into()));
        assert_eq!(ds.filtered(&f).count(), 2);
        f.insert("org".to_string(), Cell::Text("tinh".into()));
        assert_eq!(ds.filtered(&f).count(), 1);
    }
}
