//! A chart after resolving: plain labels and numbers, ready to draw, describe,
//! tabulate and export. Nothing here refers back to YAML or datasets.

use serde::Serialize;

use super::spec::ChartKind;

/// The figures of one chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartData {
    /// Unique per chart on a page; ids in the SVG derive from it.
    pub id: String,
    pub kind: ChartKind,
    pub title: String,
    pub unit: Option<String>,
    pub note: Option<String>,
    /// The dataset's `source:`, for the caption.
    pub source: Option<String>,
    /// The dataset id, when the chart draws one (for a link to its page or CSV).
    pub dataset: Option<String>,
    /// Editor-written text for screen readers; [`super::describe`] writes one otherwise.
    pub description: Option<String>,
    /// Heading of the category column (the dataset column's label).
    pub x_label: Option<String>,
    pub categories: Vec<String>,
    /// For `progress`: series 0 is the value, series 1 the target.
    pub series: Vec<Series>,
    pub height: Option<u32>,
}

/// One line of numbers, one value per category; `None` where there is no figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// Empty for inline rows without `labels:`; readers then see a generic word.
    pub label: String,
    pub values: Vec<Option<f64>>,
}

impl ChartData {
    /// Replaces category labels for which `name_of` knows a better name, e.g.
    /// organization ids (`thai-hoa`) by their names (`Thị ủy Thái Hòa`).
    pub fn rename_categories(&mut self, name_of: impl Fn(&str) -> Option<String>) {
        for c in &mut self.categories {
            if let Some(name) = name_of(c) {
                *c = name;
            }
        }
    }

    /// Smallest and largest figure over all series (0 and 0 when there are none).
    pub(crate) fn value_bounds(&self) -> (f64, f64) {
        let all = self
            .series
            .iter()
            .flat_map(|s| s.values.iter().flatten().copied());
        all.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)))
    }

    /// The unit when it is `%`, written right after numbers; other units go in a caption.
    pub(crate) fn is_percent(&self) -> bool {
        self.unit.as_deref() == Some("%")
    }
}
