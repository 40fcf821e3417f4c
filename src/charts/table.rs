//! The numbers behind a chart as a table for the page, formatted for the
//! site's language; the template decides the markup.

use serde::Serialize;

use super::data::ChartData;
use super::spec::ChartKind;
use super::words;
use crate::text::number;
use crate::text::Lang;

/// Headings and rows of text, ready for a `<table>`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// One row per category; progress charts add the share of the target, pie and
/// donut charts each slice's share of the whole.
pub fn table(data: &ChartData, lang: Lang) -> Table {
    let unit = data.unit.as_deref().filter(|u| *u != "%");
    let mut headers = vec![data
        .x_label
        .clone()
        .unwrap_or_else(|| words::category(lang).to_string())];
    for (i, s) in data.series.iter().enumerate() {
        let label = words::series_label(&s.label, i, data.series.len(), lang);
        headers.push(match unit {
            Some(u) => format!("{label} ({u})"),
            None => label,
        });
    }
    let extra = extra_column(data);
    match extra {
        Extra::Target => headers.push(words::share_of_target(lang).to_string()),
        Extra::Share(_) => headers.push(share_word(lang).to_string()),
        Extra::None => {}
    }
    let rows = (0..data.categories.len())
        .map(|i| {
            let mut row = vec![data.categories[i].clone()];
            row.extend(
                data.series
                    .iter()
                    .map(|s| cell(s.values[i], data.is_percent(), lang)),
            );
            match extra {
                Extra::Target => row.push(target_share(data, i, lang)),
                Extra::Share(total) => row.push(match data.series[0].values[i] {
                    Some(v) => number::percent(v / total * 100.0, lang),
                    None => "–".to_string(),
                }),
                Extra::None => {}
            }
            row
        })
        .collect();
    Table { headers, rows }
}

#[derive(Clone, Copy)]
enum Extra {
    None,
    Target,
    /// Pie or donut: the total the shares are of.
    Share(f64),
}

fn extra_column(data: &ChartData) -> Extra {
    match data.kind {
        ChartKind::Progress if data.series.len() == 2 => Extra::Target,
        ChartKind::Pie | ChartKind::Donut if !data.is_percent() && !data.series.is_empty() => {
            let total: f64 = data.series[0].values.iter().flatten().sum();
            if total > 0.0 {
                Extra::Share(total)
            } else {
                Extra::None
            }
        }
        _ => Extra::None,
    }
}

fn share_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Tỷ lệ",
        Lang::En => "Share",
    }
}

fn cell(v: Option<f64>, percent: bool, lang: Lang) -> String {
    match v {
        Some(v) if percent => format!("{}%", number::format_auto(v, lang)),
        Some(v) => number::format_auto(v, lang),
        None => "–".to_string(),
    }
}

fn target_share(data: &ChartData, i: usize, lang: Lang) -> String {
    let (v, t) = (data.series[0].values[i], data.series[1].values[i]);
    match v.zip(t).and_then(|(v, t)| number::share_of_target(v, t)) {
        Some(share) => number::percent(share, lang),
        None => "–".to_string(),
    }
}
