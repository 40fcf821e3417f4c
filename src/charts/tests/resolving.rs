//! From YAML to ChartData, and every mistake an editor can make, with its place.

use std::path::Path;

use super::{chart, chart_at, error_of, error_vi};
use crate::charts::ChartKind;

const BASE: &str = "title: Kết nạp đảng viên mới so với chỉ tiêu\ntype: bar\ndata: ket-nap-dang-vien\nfilter: { org: tinh }\nx: year\ny: [value, target]\nunit: đảng viên\n";

#[test]
fn a_dataset_chart_resolves() {
    let d = chart(BASE).unwrap();
    assert_eq!(d.kind, ChartKind::Bar);
    assert_eq!(d.categories, ["2019", "2020", "2021", "2022", "2023"]);
    assert_eq!(d.series[0].label, "Kết nạp");
    assert_eq!(d.series[1].label, "Chỉ tiêu");
    assert_eq!(d.series[0].values[2], Some(7314.0));
    assert_eq!(d.x_label.as_deref(), Some("Năm"));
    assert_eq!(d.source.as_deref(), Some("Báo cáo của Ban Tổ chức Tỉnh ủy"));
    assert_eq!(d.dataset.as_deref(), Some("ket-nap-dang-vien"));
    assert_eq!(d.unit.as_deref(), Some("đảng viên"));
}

#[test]
fn series_labels_and_sorting() {
    let text = BASE.replace(
        "y: [value, target]",
        "series: [{ column: value, label: Số kết nạp }]\nsort: desc",
    );
    let d = chart(&text).unwrap();
    assert_eq!(d.series.len(), 1);
    assert_eq!(d.series[0].label, "Số kết nạp");
    assert_eq!(d.categories, ["2023", "2022", "2021", "2020", "2019"]);
    assert_eq!(d.series[0].values[0], Some(8012.0));
}

#[test]
fn inline_rows_resolve_and_org_ids_can_be_renamed() {
    let d = chart("type: pie\ntitle: Cơ cấu\nunit: \"%\"\ndata:\n  - [Dưới 30 tuổi, 58.73]\n  - [Từ 31 đến 40 tuổi, 32.43]\n  - [Trên 40 tuổi, 8.84]\n").unwrap();
    assert_eq!(
        d.categories,
        ["Dưới 30 tuổi", "Từ 31 đến 40 tuổi", "Trên 40 tuổi"]
    );
    assert_eq!(d.series[0].values, [Some(58.73), Some(32.43), Some(8.84)]);
    assert_eq!(d.series[0].label, "");
    let mut d = chart(&BASE.replace(
        "filter: { org: tinh }\nx: year",
        "filter: { year: 2021 }\nx: org",
    ))
    .unwrap();
    assert_eq!(d.categories, ["tinh", "thai-hoa"]);
    d.rename_categories(|id| (id == "thai-hoa").then(|| "Thị ủy Thái Hòa".to_string()));
    assert_eq!(d.categories, ["tinh", "Thị ủy Thái Hòa"]);
}

#[test]
fn unknown_dataset_lists_known_ones() {
    assert_eq!(
        error_of(&BASE.replace("data: ket-nap-dang-vien", "data: ket-nap-dang-vein")),
        "content/charts/a.yaml:3:7: unknown dataset `ket-nap-dang-vein` (did you mean `ket-nap-dang-vien`?); known datasets: ket-nap-dang-vien, trong"
    );
}

#[test]
fn unknown_columns_list_the_existing_ones() {
    let has = "the dataset ket-nap-dang-vien has: org, year, value, target";
    assert_eq!(
        error_of(&BASE.replace("y: [value, target]", "y: [value, nam]")),
        format!("content/charts/a.yaml:6:12: unknown column `nam` in y; {has}")
    );
    assert_eq!(
        error_of(&BASE.replace("x: year", "x: nam")),
        format!("content/charts/a.yaml:5:4: unknown column `nam` in x; {has}")
    );
    assert_eq!(
        error_of(&BASE.replace(
            "y: [value, target]",
            "series:\n  - { column: value }\n  - { column: chi-tieu, label: Chỉ tiêu }"
        )),
        format!("content/charts/a.yaml:8:15: unknown column `chi-tieu` in series; {has}")
    );
    assert_eq!(
        error_of(&BASE.replace("{ org: tinh }", "{ don-vi: tinh }")),
        format!("content/charts/a.yaml:4:11: unknown column `don-vi` in filter; {has}")
    );
}

#[test]
fn unknown_organization_in_filter() {
    assert_eq!(
        error_of(&BASE.replace("org: tinh", "org: tam-ki")),
        "content/charts/a.yaml:4:16: unknown organization `tam-ki` in filter; use an id from content/organizations.yaml"
    );
}

#[test]
fn text_in_a_dataset_is_reported_in_the_dataset_file() {
    assert_eq!(
        error_of(&BASE.replace("org: tinh", "org: thai-hoa")),
        "content/data/ket-nap-dang-vien.yaml:15: `nhiều` in column value is not a number; write figures like 7314 or 58.73 (a dot before decimals, no thousands separator)"
    );
}

#[test]
fn text_in_inline_rows_is_reported_at_its_row() {
    assert_eq!(
        error_of("title: T\ntype: pie\ndata:\n  - [A, 1]\n  - [B, \"58,73\"]\n"),
        "content/charts/a.yaml:5:9: `58,73` in row 2 is not a number; write it as 58.73 (a dot before decimals, no thousands separator)"
    );
}

#[test]
fn pies_need_positive_shares() {
    assert_eq!(
        error_of("title: T\ntype: pie\ndata:\n  - [Tăng, 5]\n  - [Giảm, -3]\n"),
        "content/charts/a.yaml:5:12: a pie chart cannot show a negative share: `Giảm` is -3; use bar instead"
    );
    assert_eq!(
        error_of("title: T\ntype: donut\ndata:\n  - [A, 0]\n  - [B, 0]\n"),
        "content/charts/a.yaml:2:1: every value of this donut chart is zero or missing; there is nothing to share out"
    );
}

#[test]
fn empty_dataset_and_empty_filter_result() {
    assert_eq!(
        error_of("title: T\ntype: bar\ndata: trong\nx: org\ny: org\n"),
        "content/charts/a.yaml:3:7: the dataset trong (content/data/trong.yaml) has no rows to draw"
    );
    assert_eq!(
        error_of(&BASE.replace("{ org: tinh }", "{ org: tam-ky }")),
        "content/charts/a.yaml:4:1: the filter org: tam-ky matches no rows of the dataset ket-nap-dang-vien; org there is one of: thai-hoa, tinh"
    );
    assert_eq!(
        error_of("title: T\ntype: bar\ndata: []\n"),
        "content/charts/a.yaml:3:1: data: has no rows; write one row per category, like - [Dưới 30 tuổi, 58.73]"
    );
}

#[test]
fn progress_needs_a_target() {
    assert_eq!(
        error_of(&BASE.replace("type: bar", "type: progress").replace("y: [value, target]", "y: value")),
        "content/charts/a.yaml:2:1: a progress chart needs a value and a target, this one has 1 series: give y: [value, target] for a dataset, or rows like - [Kết nạp 2015–2020, 639, 597]"
    );
    let d = chart("title: T\ntype: progress\ndata:\n  - [Kết nạp 2015–2020, 639, 597]\n").unwrap();
    assert_eq!(d.series[1].values, [Some(597.0)]);
}

#[test]
fn dataset_charts_need_x_and_y() {
    assert_eq!(
        error_of(&BASE.replace("x: year\n", "")),
        "content/charts/a.yaml:3:1: missing x: name the column that holds the categories; the dataset ket-nap-dang-vien has: org, year, value, target"
    );
    assert_eq!(
        error_of(&BASE.replace("y: [value, target]\n", "")),
        "content/charts/a.yaml:3:1: missing y: name the column(s) to plot, like y: [value, target]; the dataset ket-nap-dang-vien has: org, year, value, target"
    );
}

#[test]
fn a_category_twice_asks_for_a_filter() {
    assert_eq!(
        error_of(&BASE.replace("filter: { org: tinh }\n", "")),
        "content/charts/a.yaml:4:4: x: year repeats in the dataset ket-nap-dang-vien: `2021` in 2 rows, `2022` in 2 rows; add a filter (like filter: { org: … }) so that each year appears once"
    );
}

#[test]
fn inline_rows_must_agree() {
    let errors = chart(
        "title: T\ntype: bar\nlabels: [A, B, C]\ndata:\n  - [X, 1, 2]\n  - [Y, 1]\n  - [3]\n",
    )
    .unwrap_err();
    let text = errors.to_string();
    assert_eq!(
        text,
        "content/charts/a.yaml:3:1: labels: has 3 label(s) but each row has 2 number(s); give one label per number\n\
         content/charts/a.yaml:6:5: row 2 has 1 number(s) but row 1 has 2; every row needs one number per series\n\
         content/charts/a.yaml:7:5: row 3 needs a label and at least one number, like - [Dưới 30 tuổi, 58.73]\n"
    );
}

#[test]
fn all_errors_of_one_chart_come_together() {
    let text = "title: T\ntype: pie\ndata: ket-nap-dang-vien\nfilter: { nam: 2021, org: tinh }\nx: nam\ny: [value, chi-tieu]\n";
    let errors = chart(text).unwrap_err();
    assert_eq!(errors.len(), 3, "{errors}");
    let text = errors.to_string();
    assert!(
        text.contains("a.yaml:4:11: unknown column `nam` in filter"),
        "{text}"
    );
    assert!(
        text.contains("a.yaml:5:4: unknown column `nam` in x"),
        "{text}"
    );
    assert!(
        text.contains("a.yaml:6:12: unknown column `chi-tieu` in y"),
        "{text}"
    );
}

#[test]
fn a_block_in_markdown_reports_markdown_lines() {
    // The ```chart fence is on line 9 of the article, the YAML starts on line 10.
    let block = "type: pie\ntitle: T\ndata:\n  - [A, 5]\n  - [B, sáu]\n";
    let errors = chart_at(block, Path::new("content/articles/a.md"), 10).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "content/articles/a.md:14:9: `sáu` in row 2 is not a number; write figures like 7314 or 58.73 (a dot before decimals, no thousands separator)\n"
    );
}

#[test]
fn dataset_keys_do_not_apply_to_inline_rows() {
    assert_eq!(
        error_of("title: T\ntype: bar\ny: value\ndata:\n  - [A, 1]\n"),
        "content/charts/a.yaml:3:1: y: works with a dataset (data: <dataset id>); with rows written in place, put the numbers in the rows and name them with labels: [..]"
    );
}

// The same mistakes as an editor reading in Vietnamese sees them: a broken or
// half-English translation fails here.

#[test]
fn unknown_dataset_in_vietnamese() {
    assert_eq!(
        error_vi(&BASE.replace("data: ket-nap-dang-vien", "data: ket-nap-dang-vein")),
        "3:7: không có bộ số liệu `ket-nap-dang-vein` (có phải là `ket-nap-dang-vien`?); các bộ số liệu hiện có: `ket-nap-dang-vien`, `trong`"
    );
}

#[test]
fn unknown_column_in_vietnamese_lists_the_columns() {
    assert_eq!(
        error_vi(&BASE.replace("y: [value, target]", "y: [value, nam]")),
        "6:12: không có cột `nam` (ghi ở mục `y:`); bộ số liệu `ket-nap-dang-vien` có các cột: `org`, `year`, `value`, `target`"
    );
}

#[test]
fn negative_pie_share_in_vietnamese() {
    assert_eq!(
        error_vi("title: T\ntype: pie\ndata:\n  - [Tăng, 5]\n  - [Giảm, -3]\n"),
        "5:12: biểu đồ `pie` không thể hiện được phần có giá trị âm: `Giảm` bằng -3; hãy dùng biểu đồ cột (`type: bar`)"
    );
}
