//! What an editor writes to describe a chart, as read from YAML.
//!
//! Only the shape is checked here (serde); whether the columns, datasets and
//! numbers make sense is [`super::resolve`]'s job, because it needs the datasets.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::input::dataset::Cell;

/// The eight chart types an editor can choose with `type:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    Bar,
    Hbar,
    Stacked,
    Line,
    Area,
    Pie,
    Donut,
    /// Value against target, one bar per category.
    Progress,
}

impl ChartKind {
    pub const ALL: [ChartKind; 8] = [
        ChartKind::Bar,
        ChartKind::Hbar,
        ChartKind::Stacked,
        ChartKind::Line,
        ChartKind::Area,
        ChartKind::Pie,
        ChartKind::Donut,
        ChartKind::Progress,
    ];

    /// The word an editor writes after `type:`.
    pub fn name(self) -> &'static str {
        match self {
            ChartKind::Bar => "bar",
            ChartKind::Hbar => "hbar",
            ChartKind::Stacked => "stacked",
            ChartKind::Line => "line",
            ChartKind::Area => "area",
            ChartKind::Pie => "pie",
            ChartKind::Donut => "donut",
            ChartKind::Progress => "progress",
        }
    }

    /// Pie and donut share out a whole: one series, no negatives.
    pub fn is_round(self) -> bool {
        matches!(self, ChartKind::Pie | ChartKind::Donut)
    }
}

/// Category order: as written (none), or by the first series' value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    Asc,
    Desc,
}

/// One plotted column with an optional label that replaces the column's own.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesSpec {
    pub column: String,
    pub label: Option<String>,
}

/// A chart as written in `content/charts/*.yaml` or in a ```` ```chart ```` block.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartSpec {
    pub title: String,
    #[serde(rename = "type")]
    pub kind: ChartKind,
    pub data: DataSource,
    /// Column → value; only rows matching every pair are drawn.
    #[serde(default)]
    pub filter: BTreeMap<String, Cell>,
    /// The category column of a dataset. With inline rows: the heading of the
    /// first column in the table and CSV.
    pub x: Option<String>,
    pub y: Option<Columns>,
    pub series: Option<Vec<SeriesSpec>>,
    /// Series labels for inline rows, one per number in a row.
    pub labels: Option<Vec<String>>,
    pub unit: Option<String>,
    pub note: Option<String>,
    pub sort: Option<SortOrder>,
    /// Editor-written text for screen readers, replacing the generated one.
    pub description: Option<String>,
    pub height: Option<u32>,
}

/// `data:` is either a dataset id or rows written in place.
#[derive(Debug, Clone, PartialEq)]
pub enum DataSource {
    Dataset(String),
    /// `[label, number, number…]` per row, as written.
    Rows(Vec<Vec<Cell>>),
}

/// `y:` is one column name or a list of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns(pub Vec<String>);

// Hand-written visitors rather than `#[serde(untagged)]`: untagged enums fail with
// "data did not match any variant", which tells an editor nothing.
impl<'de> Deserialize<'de> for DataSource {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = DataSource;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a dataset id (like ket-nap-dang-vien) or a list of rows (like - [Dưới 30 tuổi, 58.73])",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DataSource, E> {
                Ok(DataSource::Dataset(v.trim().to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<DataSource, A::Error> {
                let mut rows = Vec::new();
                while let Some(row) = seq.next_element::<Vec<Cell>>()? {
                    rows.push(row);
                }
                Ok(DataSource::Rows(rows))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for Columns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Columns;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a column name (like value) or a list of them (like [value, target])")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Columns, E> {
                Ok(Columns(vec![v.trim().to_string()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Columns, A::Error> {
                let mut cols = Vec::new();
                while let Some(c) = seq.next_element::<String>()? {
                    cols.push(c.trim().to_string());
                }
                Ok(Columns(cols))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml;
    use std::path::Path;

    fn parse(text: &str) -> Result<ChartSpec, crate::diagnostic::Diagnostic> {
        yaml::parse(text, Path::new("content/charts/a.yaml"), 1)
    }

    #[test]
    fn reads_the_dataset_form() {
        let s = parse("title: T\ntype: bar\ndata: ket-nap-dang-vien\nfilter: { org: tinh }\nx: year\ny: [value, target]\nsort: desc\n")
            .unwrap();
        assert_eq!(s.kind, ChartKind::Bar);
        assert_eq!(s.data, DataSource::Dataset("ket-nap-dang-vien".into()));
        assert_eq!(s.y, Some(Columns(vec!["value".into(), "target".into()])));
        assert_eq!(s.filter.get("org"), Some(&Cell::Text("tinh".into())));
        assert_eq!(s.sort, Some(SortOrder::Desc));
        let s = parse("title: T\ntype: line\ndata: d\nx: year\ny: value\n").unwrap();
        assert_eq!(s.y, Some(Columns(vec!["value".into()])));
    }

    #[test]
    fn reads_inline_rows() {
        let s = parse(
            "type: pie\ntitle: T\nunit: \"%\"\ndata:\n  - [Dưới 30 tuổi, 58.73]\n  - [2021, 8]\n",
        )
        .unwrap();
        let DataSource::Rows(rows) = s.data else {
            panic!()
        };
        assert_eq!(
            rows[0],
            vec![Cell::Text("Dưới 30 tuổi".into()), Cell::Number(58.73)]
        );
        assert_eq!(rows[1][0].key(), "2021");
    }

    #[test]
    fn unknown_type_lists_the_allowed_ones() {
        let err = parse("title: T\ntype: radar\ndata: d\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "content/charts/a.yaml:2:7: type: unknown variant `radar`, expected one of `bar`, `hbar`, `stacked`, `line`, `area`, `pie`, `donut`, `progress`"
        );
    }

    #[test]
    fn unknown_field_lists_the_expected_ones() {
        let err = parse("title: T\ntype: bar\ndata: d\ncolour: red\n").unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("content/charts/a.yaml:4:1: unknown field `colour`, expected one of `title`, `type`, `data`"), "{text}");
    }

    #[test]
    fn bad_data_says_what_is_expected() {
        let err = parse("title: T\ntype: bar\ndata: 5\n").unwrap_err();
        assert!(
            err.to_string()
                .contains("expected a dataset id (like ket-nap-dang-vien) or a list of rows"),
            "{err}"
        );
    }
}
