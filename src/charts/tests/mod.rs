//! Tests across the chart modules: YAML in, errors or SVG/table/CSV out.
//! Fixtures here; the checks in `resolving.rs`, `drawing.rs` and `outputs.rs`.

mod drawing;
mod outputs;
mod resolving;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostics;
use crate::input::dataset::{Cell, Column, Dataset, Row};
use crate::yaml;

use super::{resolve, ChartData, ChartSpec, Origin};

pub(super) const KET_NAP_YAML: &str = "title: Kết nạp đảng viên mới
source: Báo cáo của Ban Tổ chức Tỉnh ủy
columns:
  org:     { label: Đơn vị }
  year:    { label: Năm }
  value:   { label: Kết nạp, unit: đảng viên }
  target:  { label: Chỉ tiêu, unit: đảng viên }
rows:
  - { org: tinh, year: 2019, value: 6890, target: 7000 }
  - { org: tinh, year: 2020, value: 7120, target: 7000 }
  - { org: tinh, year: 2021, value: 7314, target: 7200 }
  - { org: tinh, year: 2022, value: 7950, target: 8120 }
  - { org: tinh, year: 2023, value: 8012, target: 8000 }
  - { org: thai-hoa, year: 2021, value: 100, target: 120 }
  - { org: thai-hoa, year: 2022, value: nhiều, target: 120 }
";

fn column(id: &str, label: &str) -> Column {
    Column {
        id: id.into(),
        label: label.into(),
        unit: None,
    }
}

fn row(pairs: &[(&str, Cell)]) -> Row {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

fn num(v: f64) -> Cell {
    Cell::Number(v)
}

fn txt(v: &str) -> Cell {
    Cell::Text(v.into())
}

/// The datasets a loader would build from `content/data/`.
pub(super) fn datasets() -> BTreeMap<String, Dataset> {
    let mut rows: Vec<Row> = [
        (2019, 6890, 7000),
        (2020, 7120, 7000),
        (2021, 7314, 7200),
        (2022, 7950, 8120),
        (2023, 8012, 8000),
    ]
    .iter()
    .map(|&(y, v, t)| {
        row(&[
            ("org", txt("tinh")),
            ("year", num(y as f64)),
            ("value", num(v as f64)),
            ("target", num(t as f64)),
        ])
    })
    .collect();
    rows.push(row(&[
        ("org", txt("thai-hoa")),
        ("year", num(2021.0)),
        ("value", num(100.0)),
        ("target", num(120.0)),
    ]));
    rows.push(row(&[
        ("org", txt("thai-hoa")),
        ("year", num(2022.0)),
        ("value", txt("nhiều")),
        ("target", num(120.0)),
    ]));
    let ket_nap = Dataset {
        id: "ket-nap-dang-vien".into(),
        title: "Kết nạp đảng viên mới".into(),
        source: Some("Báo cáo của Ban Tổ chức Tỉnh ủy".into()),
        description: None,
        columns: vec![
            column("org", "Đơn vị"),
            column("year", "Năm"),
            column("value", "Kết nạp"),
            column("target", "Chỉ tiêu"),
        ],
        rows,
        path: PathBuf::from("content/data/ket-nap-dang-vien.yaml"),
        text: KET_NAP_YAML.into(),
    };
    let empty = Dataset {
        id: "trong".into(),
        title: "Trống".into(),
        source: None,
        description: None,
        columns: vec![column("org", "Đơn vị")],
        rows: Vec::new(),
        path: PathBuf::from("content/data/trong.yaml"),
        text: "title: Trống\nrows: []\n".into(),
    };
    [ket_nap, empty]
        .into_iter()
        .map(|d| (d.id.clone(), d))
        .collect()
}

pub(super) fn org_exists(id: &str) -> bool {
    ["tinh", "thai-hoa", "tam-ky"].contains(&id)
}

/// Parses and resolves `text` as `content/charts/a.yaml`.
pub(super) fn chart(text: &str) -> Result<ChartData, Diagnostics> {
    chart_at(text, Path::new("content/charts/a.yaml"), 1)
}

/// Parses and resolves `text` as YAML starting on `first_line` of `path`.
pub(super) fn chart_at(
    text: &str,
    path: &Path,
    first_line: usize,
) -> Result<ChartData, Diagnostics> {
    let spec: ChartSpec = yaml::parse(text, path, first_line)?;
    let origin = Origin {
        path,
        text,
        first_line,
    };
    resolve("a", &spec, &origin, &datasets(), &org_exists)
}

/// The one error message of a chart that must fail.
pub(super) fn error_of(text: &str) -> String {
    let errors = chart(text).expect_err("the chart should not resolve");
    assert_eq!(errors.len(), 1, "{errors}");
    errors.0[0].to_string()
}

/// The one error of a chart that must fail, as `line:col: message` in Vietnamese.
pub(super) fn error_vi(text: &str) -> String {
    let errors = chart(text).expect_err("the chart should not resolve");
    assert_eq!(errors.len(), 1, "{errors}");
    let e = &errors.0[0];
    let (line, col) = (e.line().unwrap_or(0), e.column().unwrap_or(0));
    format!("{line}:{col}: {}", e.message(crate::text::Lang::Vi))
}

/// A `<text>` element of an SVG: where it is anchored, its size and content.
#[derive(Debug)]
pub(super) struct SvgText {
    pub x: f64,
    pub anchor: String,
    pub size: f64,
    /// As written in the SVG, entities and all.
    pub raw: String,
}

pub(super) fn texts(svg: &str) -> Vec<SvgText> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find("<text ") {
        let open_end = start + rest[start..].find('>').expect("tag ends");
        let close = open_end + rest[open_end..].find("</text>").expect("text closes");
        let tag = &rest[start..open_end];
        out.push(SvgText {
            x: attr(tag, "x").parse().expect("x"),
            anchor: attr(tag, "text-anchor").to_string(),
            size: attr(tag, "font-size").parse().expect("font-size"),
            raw: rest[open_end + 1..close].trim().to_string(),
        });
        rest = &rest[close..];
    }
    out
}

fn attr<'a>(tag: &'a str, name: &str) -> &'a str {
    let key = format!(" {name}=\"");
    let i = tag.find(&key).unwrap_or_else(|| panic!("{name} in {tag}")) + key.len();
    &tag[i..i + tag[i..].find('"').expect("quote")]
}

/// Just the contents of every `<text>`.
pub(super) fn words(svg: &str) -> Vec<String> {
    texts(svg).into_iter().map(|t| t.raw).collect()
}
