//! From a [`ChartSpec`] to [`ChartData`]: look up the dataset, pick and filter its
//! rows, read the numbers, and check that the chart type can show them.
//!
//! Every problem becomes an [`Diagnostic`] pointing at the line the editor wrote, and
//! all problems of one chart are returned together.

use std::collections::BTreeMap;

use crate::diagnostic::msg::Chart as Problem;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::input::dataset::{Cell, Dataset, Row};

use super::data::{ChartData, Series};
use super::inline;
use super::locate::{closest, Origin};
use super::spec::{ChartKind, ChartSpec, DataSource, SortOrder};

/// Categories and series before the type-specific checks.
pub(crate) struct Resolved {
    pub x_label: Option<String>,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    pub source: Option<String>,
    pub dataset: Option<String>,
}

/// Resolves chart `id` (unique on its page) against the site's datasets.
/// `org_exists` says whether an organization id is in `organizations.yaml`.
pub fn resolve(
    id: &str,
    spec: &ChartSpec,
    origin: &Origin,
    datasets: &BTreeMap<String, Dataset>,
    org_exists: &dyn Fn(&str) -> bool,
) -> Result<ChartData, Diagnostics> {
    let mut errors = Diagnostics::default();
    if spec.y.is_some() && spec.series.is_some() {
        errors.push(origin.at_key("series", Problem::YAndSeries));
    }
    let resolved = match &spec.data {
        DataSource::Dataset(ds_id) => {
            from_dataset(ds_id, spec, origin, datasets, org_exists, &mut errors)
        }
        DataSource::Rows(rows) => inline::from_rows(rows, spec, origin, &mut errors),
    };
    let Some(mut r) = resolved else {
        return Err(sorted(errors));
    };
    let rows_inline = matches!(spec.data, DataSource::Rows(_));
    check_kind(spec.kind, &r, origin, rows_inline, &mut errors);
    if let Some(order) = spec.sort {
        sort(&mut r, order);
    }
    let data = ChartData {
        id: id.to_string(),
        kind: spec.kind,
        title: spec.title.trim().to_string(),
        unit: spec.unit.clone().filter(|u| !u.trim().is_empty()),
        note: spec.note.clone(),
        source: r.source,
        dataset: r.dataset,
        description: spec.description.clone().filter(|d| !d.trim().is_empty()),
        x_label: r.x_label,
        categories: r.categories,
        series: r.series,
        height: spec.height,
    };
    errors.into_result(data)
}

fn sorted(mut errors: Diagnostics) -> Diagnostics {
    errors.sort();
    errors
}

fn from_dataset(
    ds_id: &str,
    spec: &ChartSpec,
    origin: &Origin,
    datasets: &BTreeMap<String, Dataset>,
    org_exists: &dyn Fn(&str) -> bool,
    errors: &mut Diagnostics,
) -> Option<Resolved> {
    let Some(ds) = datasets.get(ds_id) else {
        errors.push(origin.at_value("data", ds_id, unknown_dataset(ds_id, datasets)));
        return None;
    };
    if ds.rows.is_empty() {
        let msg = Problem::EmptyDataset {
            id: ds_id.to_string(),
            path: ds.path.display().to_string(),
        };
        errors.push(origin.at_value("data", ds_id, msg));
        return None;
    }
    if spec.labels.is_some() {
        errors.push(origin.at_key("labels", Problem::LabelsWithDataset));
    }
    let before = errors.len();
    let x = check_x(spec, ds, origin, errors);
    let columns = check_y(spec, ds, origin, errors);
    check_filter(spec, ds, origin, org_exists, errors);
    if errors.len() > before {
        return None;
    }
    let rows: Vec<&Row> = ds.filtered(&spec.filter).collect();
    if rows.is_empty() {
        errors.push(origin.at_key("filter", no_rows_message(spec, ds)));
        return None;
    }
    let x = x?;
    let categories = categories(&rows, x, ds, origin, errors)?;
    let series = columns
        .iter()
        .map(|(col, label)| Series {
            label: label.clone(),
            values: rows
                .iter()
                .map(|row| number(row.get(col.as_str()), col, ds, errors))
                .collect(),
        })
        .collect();
    Some(Resolved {
        x_label: ds.column(x).map(|c| c.label.clone()),
        categories,
        series,
        source: ds.source.clone(),
        dataset: Some(ds.id.clone()),
    })
}

fn unknown_dataset(ds_id: &str, datasets: &BTreeMap<String, Dataset>) -> Problem {
    Problem::UnknownDataset {
        id: ds_id.to_string(),
        near: closest(ds_id, datasets.keys().map(String::as_str)).map(str::to_string),
        known: datasets.keys().cloned().collect(),
    }
}

fn unknown_column(col: &str, key: &str, ds: &Dataset) -> Problem {
    Problem::UnknownColumn {
        column: col.to_string(),
        key: key.to_string(),
        dataset: ds.id.clone(),
        columns: column_ids(ds),
    }
}

fn column_ids(ds: &Dataset) -> Vec<String> {
    ds.columns.iter().map(|c| c.id.clone()).collect()
}

fn has_column(ds: &Dataset, col: &str) -> bool {
    ds.column(col).is_some() || ds.rows.iter().any(|r| r.contains_key(col))
}

fn check_x<'s>(
    spec: &'s ChartSpec,
    ds: &Dataset,
    origin: &Origin,
    errors: &mut Diagnostics,
) -> Option<&'s str> {
    let Some(x) = spec.x.as_deref() else {
        let msg = Problem::MissingX {
            dataset: ds.id.clone(),
            columns: column_ids(ds),
        };
        errors.push(origin.at_key("data", msg));
        return None;
    };
    if !has_column(ds, x) {
        errors.push(origin.at_value("x", x, unknown_column(x, "x", ds)));
        return None;
    }
    Some(x)
}

/// The plotted columns with their labels, from `y:` or `series:`.
fn check_y(
    spec: &ChartSpec,
    ds: &Dataset,
    origin: &Origin,
    errors: &mut Diagnostics,
) -> Vec<(String, String)> {
    let label_of = |col: &str| ds.column(col).map_or(col.to_string(), |c| c.label.clone());
    let (key, wanted): (&str, Vec<(String, String)>) = match (&spec.y, &spec.series) {
        (Some(y), _) => ("y", y.0.iter().map(|c| (c.clone(), label_of(c))).collect()),
        (None, Some(series)) => {
            let pairs = series.iter().map(|s| {
                let label = s.label.clone().unwrap_or_else(|| label_of(&s.column));
                (s.column.clone(), label)
            });
            ("series", pairs.collect())
        }
        (None, None) => {
            let msg = Problem::MissingY {
                dataset: ds.id.clone(),
                columns: column_ids(ds),
            };
            errors.push(origin.at_key("data", msg));
            return Vec::new();
        }
    };
    if wanted.is_empty() {
        let msg = Problem::NoColumns {
            key: key.to_string(),
        };
        errors.push(origin.at_key(key, msg));
    }
    for (col, _) in &wanted {
        if !has_column(ds, col) {
            errors.push(origin.at_value(key, col, unknown_column(col, key, ds)));
        }
    }
    wanted
}

fn check_filter(
    spec: &ChartSpec,
    ds: &Dataset,
    origin: &Origin,
    org_exists: &dyn Fn(&str) -> bool,
    errors: &mut Diagnostics,
) {
    for (col, want) in &spec.filter {
        if !has_column(ds, col) {
            errors.push(origin.at_value("filter", col, unknown_column(col, "filter", ds)));
        } else if col == "org" && !org_exists(&want.key()) {
            let msg = Problem::UnknownOrg { id: want.key() };
            errors.push(origin.at_value("filter", &want.key(), msg));
        }
    }
}

/// The filter, and per filtered column the values the dataset has there.
fn no_rows_message(spec: &ChartSpec, ds: &Dataset) -> Problem {
    let filter = spec
        .filter
        .iter()
        .map(|(k, v)| (k.clone(), v.key()))
        .collect();
    let values = spec
        .filter
        .keys()
        .map(|col| {
            let mut values: Vec<String> = ds
                .rows
                .iter()
                .filter_map(|r| r.get(col))
                .map(Cell::key)
                .collect();
            values.sort();
            values.dedup();
            (col.clone(), values)
        })
        .collect();
    Problem::NoMatch {
        filter,
        dataset: ds.id.clone(),
        values,
    }
}

/// Category labels from column `x`, each at most once, so a bar means one thing.
fn categories(
    rows: &[&Row],
    x: &str,
    ds: &Dataset,
    origin: &Origin,
    errors: &mut Diagnostics,
) -> Option<Vec<String>> {
    let labels: Vec<String> = rows
        .iter()
        .map(|r| r.get(x).map(Cell::key).unwrap_or_default())
        .collect();
    let before = errors.len();
    let blanks = labels.iter().filter(|l| l.trim().is_empty()).count();
    if blanks > 0 {
        let msg = Problem::BlankCategory {
            x: x.to_string(),
            rows: blanks,
            dataset: ds.id.clone(),
        };
        errors.push(origin.at_value("x", x, msg));
    }
    let mut repeated: Vec<(String, usize)> = Vec::new();
    for (i, l) in labels.iter().enumerate() {
        let n = labels.iter().filter(|o| *o == l).count();
        if n > 1 && !l.is_empty() && labels[..i].iter().all(|o| o != l) {
            repeated.push((l.clone(), n));
        }
    }
    if !repeated.is_empty() {
        let msg = Problem::RepeatedCategory {
            x: x.to_string(),
            dataset: ds.id.clone(),
            repeats: repeated,
        };
        errors.push(origin.at_value("x", x, msg));
    }
    (errors.len() == before).then_some(labels)
}

/// A dataset cell as a figure; text is an error in the dataset's file.
fn number(cell: Option<&Cell>, col: &str, ds: &Dataset, errors: &mut Diagnostics) -> Option<f64> {
    match cell? {
        Cell::Number(n) if n.is_finite() => Some(*n),
        Cell::Empty => None,
        other => {
            let text = other.key();
            let places = crate::yaml::Places::of(&ds.text, crate::yaml::Offset::FILE);
            let found = places.find("rows", col, Some(&text));
            let line = found.and_then(|n| n.key).map(|a| a.line);
            let msg = if crate::load::sheets::is_sheet(&ds.path) {
                // A sheet's column of figures was checked when it was read:
                // this one holds labels.
                Problem::TextColumn {
                    text,
                    column: col.to_string(),
                }
            } else {
                Problem::NotNumber {
                    text,
                    column: col.to_string(),
                }
            };
            let e = Diagnostic::new(&ds.path, msg);
            errors.push(match line {
                Some(line) => e.at_line(line),
                None => e,
            });
            None
        }
    }
}

/// `rows_inline`: the rows are in the chart itself, so a bad value can be pointed at.
fn check_kind(
    kind: ChartKind,
    r: &Resolved,
    origin: &Origin,
    rows_inline: bool,
    errors: &mut Diagnostics,
) {
    let name = kind.name();
    if kind.is_round() {
        if r.series.len() > 1 {
            let msg = Problem::RoundManySeries {
                kind: name.to_string(),
                count: r.series.len(),
            };
            errors.push(origin.at_key("type", msg));
        }
        let values = r
            .series
            .first()
            .map(|s| s.values.as_slice())
            .unwrap_or_default();
        for (n, (cat, v)) in r.categories.iter().zip(values).enumerate() {
            if let Some(v) = v.filter(|v| *v < 0.0) {
                let msg = Problem::NegativeShare {
                    kind: name.to_string(),
                    category: cat.clone(),
                    value: v.to_string(),
                };
                errors.push(if rows_inline {
                    origin.at_row_value(n, &v.to_string(), msg)
                } else {
                    origin.at_key("type", msg)
                });
            }
        }
        if values.iter().all(|v| v.unwrap_or(0.0) == 0.0) {
            let msg = Problem::AllZero {
                kind: name.to_string(),
            };
            errors.push(origin.at_key("type", msg));
        }
    }
    if kind == ChartKind::Progress && r.series.len() != 2 {
        let msg = Problem::ProgressSeries {
            count: r.series.len(),
        };
        errors.push(origin.at_key("type", msg));
    }
}

/// Orders categories by the first series; categories without a figure go last.
fn sort(r: &mut Resolved, order: SortOrder) {
    let Some(first) = r.series.first() else {
        return;
    };
    let mut idx: Vec<usize> = (0..r.categories.len()).collect();
    idx.sort_by(|&a, &b| {
        let (va, vb) = (first.values[a], first.values[b]);
        match (va, vb) {
            (Some(x), Some(y)) if order == SortOrder::Asc => x.total_cmp(&y),
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
    });
    r.categories = idx.iter().map(|&i| r.categories[i].clone()).collect();
    for s in &mut r.series {
        s.values = idx.iter().map(|&i| s.values[i]).collect();
    }
}
