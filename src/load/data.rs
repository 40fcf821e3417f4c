//! Reads the YAML data files: datasets, named charts, organizations, documents.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::Deserialize as DeriveDeserialize;

use rayon::prelude::*;

use super::{files_under, read_text, sheets, ChartFile};
use crate::diagnostic::msg::Data;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::input::dataset::{Cell, Column, Dataset, Row};
use crate::input::document::DocumentEntry;
use crate::input::org::Organization;
use crate::text::Lang;
use crate::yaml;

/// A YAML mapping that keeps the order the editor wrote, so columns appear in
/// that order without a `columns:` list.
#[derive(Debug, Clone)]
pub struct Ordered<V>(pub Vec<(String, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Ordered<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V2<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for V2<V> {
            type Value = Ordered<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping of names to values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, V>()? {
                    out.push((k, v));
                }
                Ok(Ordered(out))
            }
        }
        d.deserialize_map(V2(PhantomData))
    }
}

#[derive(Debug, DeriveDeserialize)]
#[serde(deny_unknown_fields)]
struct DatasetFile {
    title: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    columns: Option<Ordered<ColumnSpec>>,
    #[serde(default)]
    rows: Vec<Ordered<Cell>>,
}

#[derive(Debug, Default, DeriveDeserialize)]
#[serde(deny_unknown_fields)]
struct ColumnSpec {
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    unit: Option<String>,
}

/// Every dataset under `content/data/`: a `.yaml` file with rows, or a
/// spreadsheet (`.xlsx`, `.ods`, `.csv` …) with an optional `.yaml` of the
/// same name describing it (see [`super::sheets`]). The id is the path below
/// data/ without the extension. Also returns the ids of datasets that could
/// not be read, so references to them are not reported a second time.
pub fn datasets(root: &Path, lang: Lang) -> (Vec<Dataset>, Vec<String>, Diagnostics) {
    let mut exts = vec!["yaml", "yml"];
    exts.extend(sheets::EXTENSIONS);
    let (paths, mut errors) = files_under(root, "data", &exts);
    let mut by_id: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for rel in paths.into_iter().filter(|p| !office_lock_file(p)) {
        by_id.entry(id_of(&rel, "data")).or_default().push(rel);
    }
    let results: Vec<(String, Result<Dataset, Diagnostics>)> = by_id
        .into_par_iter()
        .map(|(id, files)| {
            let result = one_dataset(root, &id, &files, lang);
            (id, result)
        })
        .collect();
    let mut out = Vec::new();
    let mut failed = Vec::new();
    for (id, result) in results {
        match result {
            Ok(d) => out.push(d),
            Err(e) => {
                failed.push(id);
                errors.extend(e);
            }
        }
    }
    (out, failed, errors)
}

/// Excel's `~$name.xlsx` and LibreOffice's `.~lock` files exist while a
/// workbook is open; they are not datasets.
fn office_lock_file(rel: &Path) -> bool {
    rel.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("~$"))
}

/// The dataset `id` from its files: one YAML file, or one sheet with at most
/// one YAML sidecar; anything more is two datasets with one id.
fn one_dataset(
    root: &Path,
    id: &str,
    files: &[PathBuf],
    lang: Lang,
) -> Result<Dataset, Diagnostics> {
    let (sheet_files, yaml_files): (Vec<&PathBuf>, Vec<&PathBuf>) =
        files.iter().partition(|p| sheets::is_sheet(p));
    let shown = |p: &PathBuf| p.display().to_string();
    if files.len() > 1 && (sheet_files.len() != 1 || yaml_files.len() > 1) {
        let msg = sheets::two_datasets(&shown(&files[0]), &shown(&files[1]), id);
        return Err(Diagnostic::new(files[1].as_path(), msg).into());
    }
    let Some(sheet) = sheet_files.first() else {
        return dataset(root, files[0].as_path());
    };
    let Some(side) = yaml_files.first() else {
        return sheets::dataset(root, sheet, id.to_string(), None, lang);
    };
    let text = read_text(root, side)?;
    // Top-level `rows:` makes the YAML a dataset of its own, not a sidecar.
    if let Some(line) = yaml::Places::of(&text, yaml::Offset::FILE)
        .key("rows")
        .map(|a| a.line)
    {
        let msg = sheets::two_datasets(&shown(side), &shown(sheet), id);
        return Err(Diagnostic::new(side.as_path(), msg).at_line(line).into());
    }
    let sidecar = sheets::SidecarFile {
        path: side,
        text: &text,
    };
    sheets::dataset(root, sheet, id.to_string(), Some(sidecar), lang)
}

fn dataset(root: &Path, rel: &Path) -> Result<Dataset, Diagnostics> {
    let text = read_text(root, rel)?;
    let file: DatasetFile = yaml::parse(&text, rel, 1)?;
    if file.rows.is_empty() {
        let places = yaml::Places::of(&text, yaml::Offset::FILE);
        let line = places.key("rows").map_or(1, |a| a.line);
        return Err(Diagnostic::new(rel, Data::NoRows).at_line(line).into());
    }
    let mut columns: Vec<Column> = Vec::new();
    let declared = file.columns.map(|c| c.0).unwrap_or_default();
    for (id, spec) in &declared {
        columns.push(Column {
            id: id.clone(),
            label: spec.label.clone().unwrap_or_else(|| id.clone()),
            unit: spec.unit.clone(),
        });
    }
    let mut errors = Diagnostics::default();
    let mut rows = Vec::with_capacity(file.rows.len());
    let places = yaml::OnDemand::new(&text, yaml::Offset::FILE);
    for (i, row) in file.rows.into_iter().enumerate() {
        let mut r = Row::new();
        for (k, v) in row.0 {
            if !columns.iter().any(|c| c.id == k) {
                if declared.is_empty() {
                    columns.push(Column {
                        id: k.clone(),
                        label: k.clone(),
                        unit: None,
                    });
                } else {
                    let line = places.line(&format!("rows[{i}].{k}"), 1);
                    let declared = columns.iter().map(|c| c.id.clone()).collect();
                    let kind = Data::UnknownColumn {
                        column: k.clone(),
                        declared,
                    };
                    errors.push(Diagnostic::new(rel, kind).at_line(line));
                    continue;
                }
            }
            r.insert(k, v);
        }
        rows.push(r);
    }
    errors.into_result(())?;
    Ok(Dataset {
        id: id_of(rel, "data"),
        title: file.title,
        source: file.source,
        description: file.description,
        columns,
        rows,
        path: rel.to_path_buf(),
        text,
    })
}

/// `content/charts/a/b.yaml` → `a/b`.
pub fn id_of(rel: &Path, dir: &str) -> String {
    let base = Path::new("content").join(dir);
    let inner = rel.strip_prefix(&base).unwrap_or(rel).with_extension("");
    inner
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

pub fn chart_files(root: &Path) -> (Vec<ChartFile>, Vec<String>, Diagnostics) {
    let mut out = Vec::new();
    let mut failed = Vec::new();
    let (paths, mut errors) = files_under(root, "charts", &["yaml", "yml"]);
    for rel in paths {
        match read_text(root, &rel) {
            Ok(text) => out.push(ChartFile {
                id: id_of(&rel, "charts"),
                path: rel,
                text,
            }),
            Err(e) => {
                failed.push(id_of(&rel, "charts"));
                errors.push(e);
            }
        }
    }
    (out, failed, errors)
}

/// A list file such as organizations.yaml; absent means empty.
fn list_file<T: for<'de> Deserialize<'de>>(
    root: &Path,
    name: &str,
) -> (Vec<T>, String, Diagnostics) {
    let rel = PathBuf::from("content").join(name);
    if !root.join(&rel).exists() {
        return (Vec::new(), String::new(), Diagnostics::default());
    }
    let text = match read_text(root, &rel) {
        Ok(t) => t,
        Err(e) => return (Vec::new(), String::new(), e.into()),
    };
    if text.trim().is_empty() {
        return (Vec::new(), text, Diagnostics::default());
    }
    match yaml::parse::<Vec<T>>(&text, &rel, 1) {
        Ok(items) => (items, text, Diagnostics::default()),
        Err(e) => (Vec::new(), text, e.into()),
    }
}

pub fn organizations(root: &Path) -> (Vec<Organization>, String, Diagnostics) {
    list_file(root, "organizations.yaml")
}

pub fn people(root: &Path) -> (Vec<crate::input::person::Person>, String, Diagnostics) {
    list_file(root, "people.yaml")
}

pub fn documents(root: &Path) -> (Vec<DocumentEntry>, String, Diagnostics) {
    list_file(root, "documents.yaml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_paths() {
        assert_eq!(
            id_of(Path::new("content/charts/tam-ky/tuoi.yaml"), "charts"),
            "tam-ky/tuoi"
        );
        assert_eq!(id_of(Path::new("content/data/a.yaml"), "data"), "a");
    }

    #[test]
    fn excel_owner_files_are_not_datasets() {
        assert!(office_lock_file(Path::new("content/data/~$ket-qua.xlsx")));
        assert!(!office_lock_file(Path::new("content/data/ket-qua.xlsx")));
    }

    #[test]
    fn ordered_map_keeps_order() {
        let m: Ordered<u32> = yaml::parse("b: 1\na: 2\nc: 3\n", Path::new("x"), 1).unwrap();
        let keys: Vec<_> = m.0.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "c"]);
    }
}
