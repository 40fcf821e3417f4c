//! Charts whose numbers are written in place: `data: [[label, number, …], …]`.

use crate::diagnostic::msg::Chart as Problem;
use crate::diagnostic::Diagnostics;
use crate::input::dataset::Cell;

use super::data::Series;
use super::locate::Origin;
use super::resolve::Resolved;
use super::spec::ChartSpec;

pub(crate) fn from_rows(
    rows: &[Vec<Cell>],
    spec: &ChartSpec,
    origin: &Origin,
    errors: &mut Diagnostics,
) -> Option<Resolved> {
    refuse_dataset_keys(spec, origin, errors);
    if rows.is_empty() {
        errors.push(origin.at_key("data", Problem::NoRows));
        return None;
    }
    let width = rows[0].len().saturating_sub(1);
    let mut categories = Vec::with_capacity(rows.len());
    let mut columns: Vec<Vec<Option<f64>>> = vec![Vec::with_capacity(rows.len()); width];
    for (n, row) in rows.iter().enumerate() {
        let label = row.first().map(Cell::key).unwrap_or_default();
        if row.len() < 2 || label.trim().is_empty() {
            let msg = Problem::RowIncomplete { row: n + 1 };
            errors.push(origin.at_row(n, msg));
            continue;
        }
        if row.len() - 1 != width {
            let msg = Problem::RowWidth {
                row: n + 1,
                numbers: row.len() - 1,
                width,
            };
            errors.push(origin.at_row(n, msg));
            continue;
        }
        categories.push(label);
        for (col, cell) in columns.iter_mut().zip(&row[1..]) {
            col.push(row_number(cell, n, origin, errors));
        }
    }
    let labels = series_labels(spec, width, origin, errors);
    let series = labels
        .into_iter()
        .zip(columns)
        .map(|(label, values)| Series { label, values })
        .collect();
    Some(Resolved {
        x_label: spec.x.clone(),
        categories,
        series,
        source: None,
        dataset: None,
    })
}

/// `filter`, `y` and `series` name dataset columns; inline rows have none.
fn refuse_dataset_keys(spec: &ChartSpec, origin: &Origin, errors: &mut Diagnostics) {
    let used = [
        ("filter", !spec.filter.is_empty()),
        ("y", spec.y.is_some()),
        ("series", spec.series.is_some()),
    ];
    for (key, present) in used {
        if present {
            let msg = Problem::DatasetKeyWithRows {
                key: key.to_string(),
            };
            errors.push(origin.at_key(key, msg));
        }
    }
}

fn row_number(cell: &Cell, n: usize, origin: &Origin, errors: &mut Diagnostics) -> Option<f64> {
    match cell {
        Cell::Number(v) if v.is_finite() => Some(*v),
        Cell::Empty => None,
        other => {
            let text = other.key();
            let at = origin.at_row_value(
                n,
                &text,
                Problem::RowNotNumber {
                    text: text.clone(),
                    row: n + 1,
                },
            );
            errors.push(at);
            None
        }
    }
}

/// The `labels:` list, or empty labels (readers then see a generic word).
fn series_labels(
    spec: &ChartSpec,
    width: usize,
    origin: &Origin,
    errors: &mut Diagnostics,
) -> Vec<String> {
    match &spec.labels {
        Some(labels) if labels.len() == width => {
            labels.iter().map(|l| l.trim().to_string()).collect()
        }
        Some(labels) => {
            let msg = Problem::LabelsCount {
                labels: labels.len(),
                width,
            };
            errors.push(origin.at_key("labels", msg));
            vec![String::new(); width]
        }
        None => vec![String::new(); width],
    }
}
