//! From a [`ChartSpec`] to [`ChartData`]: look up the dataset, pick and filter its
//! rows, read the numbers, and check that the chart type can show them.
//!
//! Every problem becomes an [`Diagnostic`] pointing at the line the editor wrote, and
//! all problems of one chart are returned together.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::dataset::{Cell, Dataset, Row};

use super::data::{ChartData, Series};
use super::inline;
use super::locate::{closest, some_names, Origin};
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
        errors.push(origin.at_key("series", "give either y or series, not both"));
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
        let msg = format!(
            "the dataset {ds_id} ({}) has no rows to draw",
            ds.path.display()
        );
        errors.push(origin.at_value("data", ds_id, msg));
        return None;
    }
    if spec.labels.is_some() {
        errors.push(origin.at_key("labels", "labels: names the numbers of inline rows; with a dataset, use series: [{ column: value, label: … }]"));
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

fn unknown_dataset(ds_id: &str, datasets: &BTreeMap<String, Dataset>) -> String {
    let ids = datasets.keys().map(String::as_str);
    let mut msg = format!("unknown dataset `{ds_id}`");
    if let Some(near) = closest(ds_id, datasets.keys().map(String::as_str)) {
        msg.push_str(&format!(" (did you mean `{near}`?)"));
    }
    if datasets.is_empty() {
        msg.push_str("; there are no datasets: add one as content/data/<id>.yaml");
    } else {
        msg.push_str(&format!("; known datasets: {}", some_names(ids, 8)));
    }
    msg
}

fn unknown_column(col: &str, place: &str, ds: &Dataset) -> String {
    format!(
        "unknown column `{col}` in {place}; the dataset {} has: {}",
        ds.id,
        ds.column_names()
    )
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
        let msg = format!(
            "missing x: name the column that holds the categories; the dataset {} has: {}",
            ds.id,
            ds.column_names()
        );
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
            let msg = format!(
                "missing y: name the column(s) to plot, like y: [value, target]; the dataset {} has: {}",
                ds.id,
                ds.column_names()
            );
            errors.push(origin.at_key("data", msg));
            return Vec::new();
        }
    };
    if wanted.is_empty() {
        errors.push(origin.at_key(key, format!("{key}: is empty; name at least one column")));
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
            let msg = format!(
                "unknown organization `{}` in filter; use an id from content/organizations.yaml",
                want.key()
            );
            errors.push(origin.at_value("filter", &want.key(), msg));
        }
    }
}

/// "the filter org: x matches no rows of d; org there is one of: a, b".
fn no_rows_message(spec: &ChartSpec, ds: &Dataset) -> String {
    let pairs: Vec<String> = spec
        .filter
        .iter()
        .map(|(k, v)| format!("{k}: {}", v.key()))
        .collect();
    let mut msg = format!(
        "the filter {} matches no rows of the dataset {}",
        pairs.join(", "),
        ds.id
    );
    for col in spec.filter.keys() {
        let mut values: Vec<String> = ds
            .rows
            .iter()
            .filter_map(|r| r.get(col))
            .map(Cell::key)
            .collect();
        values.sort();
        values.dedup();
        msg.push_str(&format!(
            "; {col} there is one of: {}",
            some_names(values.iter().map(String::as_str), 8)
        ));
    }
    msg
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
        let msg = format!(
            "x: {x} is empty in {blanks} row(s) of the dataset {}; every drawn row needs a {x}",
            ds.id
        );
        errors.push(origin.at_value("x", x, msg));
    }
    let mut repeated: Vec<String> = Vec::new();
    for (i, l) in labels.iter().enumerate() {
        let n = labels.iter().filter(|o| *o == l).count();
        if n > 1 && !l.is_empty() && labels[..i].iter().all(|o| o != l) {
            repeated.push(format!("`{l}` in {n} rows"));
        }
    }
    if !repeated.is_empty() {
        let msg = format!(
            "x: {x} repeats in the dataset {}: {}; add a filter (like filter: {{ org: … }}) so that each {x} appears once",
            ds.id,
            some_names(repeated.iter().map(String::as_str), 5)
        );
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
            let line = crate::yaml::line_of(&ds.text, col, &text);
            let msg = if crate::load::sheets::is_sheet(&ds.path) {
                // A sheet's column of figures was checked when it was read:
                // this one holds labels.
                format!("`{text}` in column {col} is not a number: the column holds text, not figures; plot a column of figures")
            } else {
                format!(
                    "`{text}` in column {col} is not a number; {}",
                    number_hint(&text)
                )
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

/// What to write instead: YAML numbers use a dot for decimals and no grouping.
pub(crate) fn number_hint(text: &str) -> String {
    let fixed = text.trim().replace('.', "").replace(',', ".");
    if text.contains(',') && fixed.parse::<f64>().is_ok() {
        format!("write it as {fixed} (a dot before decimals, no thousands separator)")
    } else {
        "write figures like 7314 or 58.73 (a dot before decimals, no thousands separator)"
            .to_string()
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
            let msg = format!("a {name} chart shows one series, this one has {}; use bar or stacked to compare series", r.series.len());
            errors.push(origin.at_key("type", msg));
        }
        let values = r
            .series
            .first()
            .map(|s| s.values.as_slice())
            .unwrap_or_default();
        for (n, (cat, v)) in r.categories.iter().zip(values).enumerate() {
            if let Some(v) = v.filter(|v| *v < 0.0) {
                let msg = format!(
                    "a {name} chart cannot show a negative share: `{cat}` is {v}; use bar instead"
                );
                errors.push(if rows_inline {
                    origin.at_row_value(n, &v.to_string(), msg)
                } else {
                    origin.at_key("type", msg)
                });
            }
        }
        if values.iter().all(|v| v.unwrap_or(0.0) == 0.0) {
            let msg = format!("every value of this {name} chart is zero or missing; there is nothing to share out");
            errors.push(origin.at_key("type", msg));
        }
    }
    if kind == ChartKind::Progress && r.series.len() != 2 {
        let msg = format!(
            "a progress chart needs a value and a target, this one has {} series: give y: [value, target] for a dataset, or rows like - [Kết nạp 2015–2020, 639, 597]",
            r.series.len()
        );
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
