//! Datasets kept as spreadsheets: `content/data/<id>.xlsx`, `.xlsm`, `.xls`,
//! `.ods` or `.csv`, with an optional sidecar `content/data/<id>.yaml` that
//! gives what the sheet does not (title, source, which sheet and cells,
//! column names, labels and units). The result is the same [`Dataset`] a YAML
//! file gives, so charts, tables and pages do not know the difference.

mod csvfile;
mod grid;
pub mod messages;
mod number;
mod table;
mod workbook;

use std::path::Path;

use serde::Deserialize;

use super::data::Ordered;
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::input::dataset::Dataset;
use crate::text::Lang;
use crate::yaml;
use grid::{parse_range, Area};
use workbook::{Problem, SheetChoice};

pub use messages::two_datasets;
use messages::Sheet;
pub use number::{parse as parse_number, Parsed};

/// The extensions read as spreadsheets, lower case.
pub const EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "ods", "csv"];

/// Workbooks larger than this are refused before they are opened.
pub const MAX_FILE: u64 = 50_000_000;

/// Whether `path` names a spreadsheet dataset.
pub fn is_sheet(path: &Path) -> bool {
    extension(path).is_some_and(|e| EXTENSIONS.contains(&e.as_str()))
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// The sidecar `<id>.yaml` beside a sheet.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Sidecar {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    sheet: Option<SheetField>,
    #[serde(default)]
    header_row: Option<u32>,
    #[serde(default)]
    range: Option<String>,
    #[serde(default)]
    columns: Option<Ordered<ColumnSpec>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum SheetField {
    Number(usize),
    Name(String),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnSpec {
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    unit: Option<String>,
    /// The header text of the sheet column this name is given to.
    #[serde(default)]
    header: Option<String>,
}

/// A sidecar file's path and text.
pub struct SidecarFile<'a> {
    pub path: &'a Path,
    pub text: &'a str,
}

/// Reads the sheet at `rel` (relative to `root`) as the dataset `id`.
pub fn dataset(
    root: &Path,
    rel: &Path,
    id: String,
    sidecar: Option<SidecarFile>,
    lang: Lang,
) -> Result<Dataset, Diagnostics> {
    let side: Sidecar = match &sidecar {
        Some(s) if !s.text.trim().is_empty() => yaml::parse(s.text, s.path, 1)?,
        _ => Sidecar::default(),
    };
    let side_err = |key: &str, message: Kind| -> Diagnostic {
        match &sidecar {
            Some(s) => {
                let places = yaml::Places::of(s.text, yaml::Offset::FILE);
                let line = places
                    .find("", key, None)
                    .map_or(1, |n| n.key.map_or(1, |a| a.line));
                Diagnostic::new(s.path, message).at_line(line)
            }
            None => Diagnostic::new(rel, message),
        }
    };
    let area = match side.range.as_deref() {
        Some(text) => Some(
            parse_range(text)
                .ok_or_else(|| side_err("range", Sheet::BadRange { text: text.into() }.into()))?,
        ),
        None => None,
    };
    if let (Some(a), Some(h)) = (area, side.header_row) {
        if h == 0 || !(a.first_row..=a.last_row).contains(&(h - 1)) {
            return Err(side_err("header_row", Sheet::HeaderOutsideRange { row: h }.into()).into());
        }
    }
    let grid = read_grid(root, rel, &side, area).map_err(|p| match p {
        Problem::File(m) => Diagnostic::new(rel, m),
        Problem::Line(line, m) => Diagnostic::new(rel, m).at_line(line),
        Problem::Sheet(m) => side_err("sheet", m),
    })?;
    let header_row = side.header_row.or(area.map(|a| a.first_row + 1));
    let found = |ms: Vec<table::Found>| -> Diagnostics {
        let all = ms.into_iter().map(|f| grid.report(rel, f.at, f.kind));
        Diagnostics(all.collect())
    };
    let layout = table::layout(&grid, header_row, area.is_some()).map_err(found)?;
    let (ids, specs) = named(&layout.columns, &side, &side_err)?;
    let (rows, percent) = table::rows(&layout, &ids, lang).map_err(found)?;
    let title = side.title.unwrap_or_else(|| {
        rel.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| id.clone())
    });
    Ok(Dataset {
        id,
        title,
        source: side.source,
        description: side.description,
        columns: table::columns(&layout.columns, &ids, &specs, &percent),
        rows,
        path: rel.to_path_buf(),
        text: String::new(),
    })
}

fn read_grid(
    root: &Path,
    rel: &Path,
    side: &Sidecar,
    area: Option<Area>,
) -> Result<grid::Grid, Problem> {
    let ext = extension(rel).unwrap_or_default();
    let size = std::fs::metadata(root.join(rel))
        .map_err(|e| Problem::File(Diagnostic::io(rel, &e).kind))?
        .len();
    if size > MAX_FILE {
        return Err(Problem::File(
            Sheet::FileTooLarge {
                size_mb: format!("{:.1}", size as f64 / 1e6),
                max_mb: MAX_FILE / 1_000_000,
            }
            .into(),
        ));
    }
    let bytes =
        std::fs::read(root.join(rel)).map_err(|e| Problem::File(Diagnostic::io(rel, &e).kind))?;
    if ext == "csv" {
        if side.sheet.is_some() {
            return Err(Problem::Sheet(Sheet::SheetInCsv.into()));
        }
        return csvfile::read(&bytes, area);
    }
    let choice = match &side.sheet {
        None => SheetChoice::First,
        Some(SheetField::Number(n)) => SheetChoice::Number(*n),
        Some(SheetField::Name(n)) => SheetChoice::Name(n.clone()),
    };
    workbook::read(bytes, &ext, &choice, area)
}

type Labels = Vec<(Option<String>, Option<String>)>;

/// Each sheet column's id and its sidecar label and unit: the header's slug,
/// or the name a sidecar entry with `header:` gives it.
fn named(
    columns: &[table::SheetColumn],
    side: &Sidecar,
    side_err: &dyn Fn(&str, Kind) -> Diagnostic,
) -> Result<(Vec<String>, Labels), Diagnostics> {
    let mut ids: Vec<String> = columns.iter().map(|c| c.id.clone()).collect();
    let mut labels: Labels = vec![(None, None); columns.len()];
    let mut errors = Diagnostics::default();
    let specs = side
        .columns
        .as_ref()
        .map(|c| c.0.as_slice())
        .unwrap_or_default();
    for (key, spec) in specs {
        let found = match &spec.header {
            Some(h) => {
                let want = crate::text::slug::slugify(h);
                let i = columns.iter().position(|c| c.id == want);
                if i.is_none() {
                    let have = columns.iter().map(|c| c.header.clone()).collect();
                    let kind = Sheet::UnknownHeader {
                        header: h.clone(),
                        have,
                    };
                    errors.push(side_err(key, kind.into()));
                }
                i
            }
            None => {
                let i = columns.iter().position(|c| c.id == *key);
                if i.is_none() {
                    let have = columns.iter().map(|c| c.id.clone()).collect();
                    let kind = Sheet::UnknownColumn {
                        key: key.clone(),
                        have,
                    };
                    errors.push(side_err(key, kind.into()));
                }
                i
            }
        };
        if let Some(i) = found {
            ids[i] = key.clone();
            labels[i] = (spec.label.clone(), spec.unit.clone());
        }
    }
    for (i, id) in ids.iter().enumerate() {
        if ids[..i].contains(id) {
            errors.push(side_err(id, Sheet::RenamedTwice { id: id.clone() }.into()));
        }
    }
    errors.into_result((ids, labels))
}
