//! The few interface words charts write themselves (in the SVG, the description
//! and the table), in the site's language.

use super::spec::ChartKind;
use crate::text::number;
use crate::text::Lang;

pub(crate) fn kind_name(kind: ChartKind, lang: Lang) -> &'static str {
    match (lang, kind) {
        (Lang::Vi, ChartKind::Bar) => "Biểu đồ cột",
        (Lang::Vi, ChartKind::Hbar) => "Biểu đồ thanh ngang",
        (Lang::Vi, ChartKind::Stacked) => "Biểu đồ cột chồng",
        (Lang::Vi, ChartKind::Line) => "Biểu đồ đường",
        (Lang::Vi, ChartKind::Area) => "Biểu đồ vùng",
        (Lang::Vi, ChartKind::Pie) => "Biểu đồ tròn",
        (Lang::Vi, ChartKind::Donut) => "Biểu đồ vành khuyên",
        (Lang::Vi, ChartKind::Progress) => "Biểu đồ tiến độ so với chỉ tiêu",
        (Lang::En, ChartKind::Bar) => "Bar chart",
        (Lang::En, ChartKind::Hbar) => "Horizontal bar chart",
        (Lang::En, ChartKind::Stacked) => "Stacked bar chart",
        (Lang::En, ChartKind::Line) => "Line chart",
        (Lang::En, ChartKind::Area) => "Area chart",
        (Lang::En, ChartKind::Pie) => "Pie chart",
        (Lang::En, ChartKind::Donut) => "Donut chart",
        (Lang::En, ChartKind::Progress) => "Progress against target",
    }
}

/// Heading for the category column when the data does not name it.
pub(crate) fn category(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Danh mục",
        Lang::En => "Category",
    }
}

/// Heading for an unlabelled series.
pub(crate) fn value(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Giá trị",
        Lang::En => "Value",
    }
}

pub(crate) fn share_of_target(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "% chỉ tiêu",
        Lang::En => "% of target",
    }
}

pub(crate) fn unit(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Đơn vị",
        Lang::En => "Unit",
    }
}

pub(crate) fn no_data(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "không có số liệu",
        Lang::En => "no data",
    }
}

/// "107% · vượt chỉ tiêu": the share reached and whether the target is met.
pub(crate) fn target_status(value: Option<f64>, target: Option<f64>, lang: Lang) -> String {
    match target_verdict(value, target, lang) {
        Some((share, verdict)) => format!("{share} · {verdict}"),
        None => no_target(lang).to_string(),
    }
}

pub(crate) fn no_target(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "chưa có chỉ tiêu",
        Lang::En => "no target",
    }
}

/// The share as shown ("107%") and the verdict, judged on the share as shown
/// (99.96% shows as 100% and counts as met); `None` without a target.
pub(crate) fn target_verdict(
    value: Option<f64>,
    target: Option<f64>,
    lang: Lang,
) -> Option<(String, &'static str)> {
    use std::cmp::Ordering::*;
    let share = value
        .zip(target)
        .and_then(|(v, t)| number::share_of_target(v, t))?;
    let shown = (share * 10.0).round() / 10.0;
    let verdict = match (lang, shown.partial_cmp(&100.0)) {
        (Lang::Vi, Some(Greater)) => "vượt chỉ tiêu",
        (Lang::Vi, Some(Equal)) => "đạt chỉ tiêu",
        (Lang::Vi, _) => "chưa đạt",
        (Lang::En, Some(Greater)) => "above target",
        (Lang::En, Some(Equal)) => "target met",
        (Lang::En, _) => "below target",
    };
    Some((number::percent(share, lang), verdict))
}

/// A label to show for series `i`: its own, or the generic word when empty.
pub(crate) fn series_label(label: &str, i: usize, count: usize, lang: Lang) -> String {
    match (label.trim().is_empty(), count) {
        (false, _) => label.to_string(),
        (true, 1) => value(lang).to_string(),
        (true, _) => format!("{} {}", value(lang), i + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        assert_eq!(
            target_status(Some(639.0), Some(597.0), Lang::Vi),
            "107% · vượt chỉ tiêu"
        );
        assert_eq!(
            target_status(Some(597.0), Some(597.0), Lang::En),
            "100% · target met"
        );
        assert_eq!(
            target_status(Some(500.0), Some(597.0), Lang::En),
            "83,8% · below target".replace(',', ".")
        );
        assert_eq!(target_status(Some(5.0), None, Lang::Vi), "chưa có chỉ tiêu");
    }
}
