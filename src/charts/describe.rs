//! The chart in words, for screen readers (the SVG's `<desc>`) and for anyone
//! who cannot see it: the type, the title, then every figure.

use super::data::ChartData;
use super::spec::ChartKind;
use super::words;
use crate::text::number;
use crate::text::Lang;

/// One or two sentences stating the numbers, in the site's language; the
/// editor's `description:` when there is one.
pub fn describe(data: &ChartData, lang: Lang) -> String {
    if let Some(text) = &data.description {
        return text.trim().to_string();
    }
    let items: Vec<String> = (0..data.categories.len())
        .map(|i| format!("{}: {}", data.categories[i], figures(data, i, lang)))
        .collect();
    let mut out = format!(
        "{}: {}.",
        words::kind_name(data.kind, lang),
        data.title.trim_end_matches('.')
    );
    if !items.is_empty() {
        out.push(' ');
        out.push_str(&items.join("; "));
        out.push('.');
    }
    if let Some(unit) = data.unit.as_deref().filter(|u| *u != "%") {
        out.push_str(&format!(" {}: {unit}.", words::unit(lang)));
    }
    out
}

/// The figures of category `i`: "100", "Kết nạp 100, Chỉ tiêu 120",
/// "58,73 (58,7%)" or "639, chỉ tiêu 597 (107%, vượt chỉ tiêu)".
fn figures(data: &ChartData, i: usize, lang: Lang) -> String {
    let fig = |v: Option<f64>| match v {
        Some(v) if data.is_percent() => format!("{}%", number::format_auto(v, lang)),
        Some(v) => number::format_auto(v, lang),
        None => words::no_data(lang).to_string(),
    };
    let values: Vec<Option<f64>> = data.series.iter().map(|s| s.values[i]).collect();
    match data.kind {
        ChartKind::Progress if values.len() == 2 => {
            let target_word = match lang {
                Lang::Vi => "chỉ tiêu",
                Lang::En => "target",
            };
            let mut out = format!("{}, {target_word} {}", fig(values[0]), fig(values[1]));
            if let Some((share, verdict)) = words::target_verdict(values[0], values[1], lang) {
                out.push_str(&format!(" ({share}, {verdict})"));
            }
            out
        }
        ChartKind::Pie | ChartKind::Donut if !data.is_percent() => {
            let total: f64 = data.series[0].values.iter().flatten().sum();
            match values[0] {
                Some(v) if total > 0.0 => format!(
                    "{} ({})",
                    fig(Some(v)),
                    number::percent(v / total * 100.0, lang)
                ),
                v => fig(v),
            }
        }
        _ if values.len() == 1 => fig(values[0]),
        _ => data
            .series
            .iter()
            .enumerate()
            .map(|(s, series)| {
                let label = words::series_label(&series.label, s, data.series.len(), lang);
                format!("{label} {}", fig(values[s]))
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}
