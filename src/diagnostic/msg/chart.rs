//! Charts: a `content/charts/*.yaml` file or a ```` ```chart ```` block, checked
//! against the datasets (columns, filters, organizations) and against what its
//! type can show (pie shares, progress targets). Also the numbers written in a
//! chart's own rows and the figures it reads from a dataset.

use strum::IntoStaticStr;

use crate::text::Lang;

/// How many names a list shows before "… (N in all)".
const SHOWN: usize = 8;

const ROW_EXAMPLE: &str = "- [Dưới 30 tuổi, 58.73]";

/// A chart problem.
#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Chart {
    /// Both `y:` and `series:` written.
    YAndSeries,
    UnknownDataset {
        id: String,
        /// A known id close enough to be a typo.
        near: Option<String>,
        known: Vec<String>,
    },
    EmptyDataset {
        id: String,
        path: String,
    },
    /// `labels:` with `data: <dataset id>`.
    LabelsWithDataset,
    MissingX {
        dataset: String,
        columns: Vec<String>,
    },
    MissingY {
        dataset: String,
        columns: Vec<String>,
    },
    /// `y: []` or `series: []`.
    NoColumns {
        key: String,
    },
    UnknownColumn {
        column: String,
        /// The key it was written under: `x`, `y`, `series` or `filter`.
        key: String,
        dataset: String,
        columns: Vec<String>,
    },
    UnknownOrg {
        id: String,
    },
    /// The filter leaves no row; `values` are, per filtered column, the values
    /// the dataset has there.
    NoMatch {
        filter: Vec<(String, String)>,
        dataset: String,
        values: Vec<(String, Vec<String>)>,
    },
    BlankCategory {
        x: String,
        rows: usize,
        dataset: String,
    },
    /// Categories that appear more than once, with how many rows each.
    RepeatedCategory {
        x: String,
        dataset: String,
        repeats: Vec<(String, usize)>,
    },
    /// Text in a dataset column plotted as figures.
    NotNumber {
        text: String,
        column: String,
    },
    /// Same, in a spreadsheet, where the column was already read as text.
    TextColumn {
        text: String,
        column: String,
    },
    /// Pie or donut with more than one series.
    RoundManySeries {
        kind: String,
        count: usize,
    },
    NegativeShare {
        kind: String,
        category: String,
        value: String,
    },
    AllZero {
        kind: String,
    },
    ProgressSeries {
        count: usize,
    },
    /// `data: []`.
    NoRows,
    /// 1-based `row`.
    RowIncomplete {
        row: usize,
    },
    RowWidth {
        row: usize,
        numbers: usize,
        width: usize,
    },
    /// `filter`, `y` or `series` with rows written in place.
    DatasetKeyWithRows {
        key: String,
    },
    RowNotNumber {
        text: String,
        row: usize,
    },
    LabelsCount {
        labels: usize,
        width: usize,
    },
}

impl Chart {
    pub fn text(&self, l: Lang) -> String {
        use Chart::*;
        match self {
            YAndSeries => l.pick(
                "chỉ dùng một trong hai mục `y:` hoặc `series:`, không dùng cả hai; hãy xóa một mục",
                "give either y or series, not both",
            ).into(),
            UnknownDataset { id, near, known } => unknown_dataset(id, near.as_deref(), known, l),
            EmptyDataset { id, path } => l.pick(
                format!("bộ số liệu `{id}` (`{path}`) không có dòng số liệu nào để vẽ; hãy thêm số liệu vào tệp đó"),
                format!("the dataset {id} ({path}) has no rows to draw"),
            ),
            LabelsWithDataset => l.pick(
                "mục `labels:` chỉ dùng để đặt tên cho các số viết ngay trong biểu đồ; khi lấy số liệu từ bộ số liệu, hãy dùng `series: [{ column: value, label: … }]`",
                "labels: names the numbers of inline rows; with a dataset, use series: [{ column: value, label: … }]",
            ).into(),
            MissingX { dataset, columns } => l.pick(
                format!("thiếu mục `x:`: hãy ghi tên cột chứa các hạng mục (nhãn trên trục); bộ số liệu `{dataset}` có các cột: {}", names(columns, l)),
                format!("missing x: name the column that holds the categories; the dataset {dataset} has: {}", names(columns, l)),
            ),
            MissingY { dataset, columns } => l.pick(
                format!("thiếu mục `y:`: hãy ghi tên (các) cột số liệu cần vẽ, ví dụ `y: [value, target]`; bộ số liệu `{dataset}` có các cột: {}", names(columns, l)),
                format!("missing y: name the column(s) to plot, like y: [value, target]; the dataset {dataset} has: {}", names(columns, l)),
            ),
            NoColumns { key } => l.pick(
                format!("mục `{key}:` đang để trống; hãy ghi tên ít nhất một cột"),
                format!("{key}: is empty; name at least one column"),
            ),
            UnknownColumn { column, key, dataset, columns } => l.pick(
                format!("không có cột `{column}` (ghi ở mục `{key}:`); bộ số liệu `{dataset}` có các cột: {}", names(columns, l)),
                format!("unknown column `{column}` in {key}; the dataset {dataset} has: {}", names(columns, l)),
            ),
            UnknownOrg { id } => l.pick(
                format!("không có tổ chức `{id}` (ghi ở mục `filter:`); hãy dùng một mã tổ chức có trong `content/organizations.yaml`"),
                format!("unknown organization `{id}` in filter; use an id from content/organizations.yaml"),
            ),
            NoMatch { filter, dataset, values } => no_match(filter, dataset, values, l),
            BlankCategory { x, rows, dataset } => l.pick(
                format!("cột `{x}` (mục `x:`) để trống ở {rows} dòng của bộ số liệu `{dataset}`; mỗi dòng được vẽ đều cần có giá trị ở cột `{x}`"),
                format!("x: {x} is empty in {rows} row(s) of the dataset {dataset}; every drawn row needs a {x}"),
            ),
            RepeatedCategory { x, dataset, repeats } => repeated(x, dataset, repeats, l),
            NotNumber { text, column } => l.pick(
                format!("`{text}` ở cột `{column}` không phải là số; {}", number_hint(text, l)),
                format!("`{text}` in column {column} is not a number; {}", number_hint(text, l)),
            ),
            TextColumn { text, column } => l.pick(
                format!("`{text}` ở cột `{column}` không phải là số: cột này chứa chữ, không chứa số liệu; hãy chọn một cột số liệu để vẽ"),
                format!("`{text}` in column {column} is not a number: the column holds text, not figures; plot a column of figures"),
            ),
            RoundManySeries { kind, count } => l.pick(
                format!("biểu đồ `{kind}` chỉ vẽ được một dãy số liệu, biểu đồ này có {count} dãy; để so sánh nhiều dãy, hãy dùng `type: bar` hoặc `type: stacked`"),
                format!("a {kind} chart shows one series, this one has {count}; use bar or stacked to compare series"),
            ),
            NegativeShare { kind, category, value } => l.pick(
                format!("biểu đồ `{kind}` không thể hiện được phần có giá trị âm: `{category}` bằng {value}; hãy dùng biểu đồ cột (`type: bar`)"),
                format!("a {kind} chart cannot show a negative share: `{category}` is {value}; use bar instead"),
            ),
            AllZero { kind } => l.pick(
                format!("mọi giá trị của biểu đồ `{kind}` này đều bằng 0 hoặc để trống, nên không có gì để chia phần; hãy kiểm tra lại số liệu"),
                format!("every value of this {kind} chart is zero or missing; there is nothing to share out"),
            ),
            ProgressSeries { count } => l.pick(
                format!("biểu đồ `progress` cần một giá trị thực hiện và một chỉ tiêu, biểu đồ này có {count} dãy số liệu: với bộ số liệu, hãy ghi `y: [value, target]`; với số viết ngay trong biểu đồ, hãy viết các dòng như `- [Kết nạp 2015–2020, 639, 597]`"),
                format!("a progress chart needs a value and a target, this one has {count} series: give y: [value, target] for a dataset, or rows like - [Kết nạp 2015–2020, 639, 597]"),
            ),
            NoRows => l.pick(
                format!("mục `data:` chưa có dòng nào; hãy viết mỗi hạng mục một dòng, ví dụ `{ROW_EXAMPLE}`"),
                format!("data: has no rows; write one row per category, like {ROW_EXAMPLE}"),
            ),
            RowIncomplete { row } => l.pick(
                format!("dòng số liệu thứ {row} cần có một nhãn và ít nhất một số, ví dụ `{ROW_EXAMPLE}`"),
                format!("row {row} needs a label and at least one number, like {ROW_EXAMPLE}"),
            ),
            RowWidth { row, numbers, width } => l.pick(
                format!("dòng số liệu thứ {row} có {numbers} số nhưng dòng thứ 1 có {width} số; mọi dòng phải có số lượng số bằng nhau (mỗi dãy số liệu một số)"),
                format!("row {row} has {numbers} number(s) but row 1 has {width}; every row needs one number per series"),
            ),
            DatasetKeyWithRows { key } => l.pick(
                format!("mục `{key}:` chỉ dùng khi lấy số liệu từ một bộ số liệu (`data: <mã bộ số liệu>`); khi số liệu viết ngay trong biểu đồ, hãy ghi số vào các dòng và đặt tên cho chúng bằng `labels: [..]`"),
                format!("{key}: works with a dataset (data: <dataset id>); with rows written in place, put the numbers in the rows and name them with labels: [..]"),
            ),
            RowNotNumber { text, row } => l.pick(
                format!("`{text}` ở dòng số liệu thứ {row} không phải là số; {}", number_hint(text, l)),
                format!("`{text}` in row {row} is not a number; {}", number_hint(text, l)),
            ),
            LabelsCount { labels, width } => l.pick(
                format!("mục `labels:` có {labels} nhãn nhưng mỗi dòng có {width} số; hãy ghi mỗi số một nhãn"),
                format!("labels: has {labels} label(s) but each row has {width} number(s); give one label per number"),
            ),
        }
    }
}

fn unknown_dataset(id: &str, near: Option<&str>, known: &[String], l: Lang) -> String {
    let mut msg = l.pick(
        format!("không có bộ số liệu `{id}`"),
        format!("unknown dataset `{id}`"),
    );
    if let Some(near) = near {
        msg.push_str(&l.pick(
            format!(" (có phải là `{near}`?)"),
            format!(" (did you mean `{near}`?)"),
        ));
    }
    msg.push_str(&if known.is_empty() {
        l.pick(
            "; chưa có bộ số liệu nào: hãy thêm một tệp `content/data/<mã>.yaml`".into(),
            "; there are no datasets: add one as content/data/<id>.yaml".into(),
        )
    } else {
        l.pick(
            format!("; các bộ số liệu hiện có: {}", some(known, SHOWN, l)),
            format!("; known datasets: {}", some(known, SHOWN, l)),
        )
    });
    msg
}

fn no_match(
    filter: &[(String, String)],
    dataset: &str,
    values: &[(String, Vec<String>)],
    l: Lang,
) -> String {
    let pairs: Vec<String> = filter.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    let mut msg = l.pick(
        format!(
            "bộ lọc `{}` không khớp với dòng nào của bộ số liệu `{dataset}`",
            pairs.join(", ")
        ),
        format!(
            "the filter {} matches no rows of the dataset {dataset}",
            pairs.join(", ")
        ),
    );
    for (col, vals) in values {
        msg.push_str(&l.pick(
            format!("; cột `{col}` trong bộ số liệu này chỉ có các giá trị: {}", some(vals, SHOWN, l)),
            format!("; {col} there is one of: {}", some(vals, SHOWN, l)),
        ));
    }
    msg
}

fn repeated(x: &str, dataset: &str, repeats: &[(String, usize)], l: Lang) -> String {
    let each: Vec<String> = repeats
        .iter()
        .map(|(v, n)| l.pick(format!("`{v}` ở {n} dòng"), format!("`{v}` in {n} rows")))
        .collect();
    let list = shorten(&each, 5, l);
    l.pick(
        format!("giá trị ở cột `{x}` (mục `x:`) bị lặp lại trong bộ số liệu `{dataset}`: {list}; hãy thêm bộ lọc (ví dụ `filter: {{ org: … }}`) để mỗi giá trị `{x}` chỉ xuất hiện một lần"),
        format!("x: {x} repeats in the dataset {dataset}: {list}; add a filter (like filter: {{ org: … }}) so that each {x} appears once"),
    )
}

/// What to write instead: YAML numbers use a dot for decimals and no grouping.
fn number_hint(text: &str, l: Lang) -> String {
    let fixed = text.trim().replace('.', "").replace(',', ".");
    if text.contains(',') && fixed.parse::<f64>().is_ok() {
        l.pick(
            format!("hãy viết `{fixed}` (dùng dấu chấm trước phần thập phân, không dùng dấu phân cách hàng nghìn)"),
            format!("write it as {fixed} (a dot before decimals, no thousands separator)"),
        )
    } else {
        l.pick(
            "hãy viết số như `7314` hoặc `58.73` (dùng dấu chấm trước phần thập phân, không dùng dấu phân cách hàng nghìn)",
            "write figures like 7314 or 58.73 (a dot before decimals, no thousands separator)",
        )
        .into()
    }
}

/// All column names: plain in English (as before), in backticks in Vietnamese.
fn names(items: &[String], l: Lang) -> String {
    match l {
        Lang::Vi => super::list(items, l),
        Lang::En => items.join(", "),
    }
}

/// Up to `max` names, then "…" and how many in all.
fn some(items: &[String], max: usize, l: Lang) -> String {
    let quoted: Vec<String> = match l {
        Lang::Vi => items.iter().map(|i| format!("`{i}`")).collect(),
        Lang::En => items.to_vec(),
    };
    shorten(&quoted, max, l)
}

fn shorten(items: &[String], max: usize, l: Lang) -> String {
    if items.len() <= max {
        return items.join(", ");
    }
    let n = items.len();
    l.pick(
        format!("{}, … (tổng cộng {n})", items[..max].join(", ")),
        format!("{}, … ({n} in all)", items[..max].join(", ")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> String {
        v.to_string()
    }

    fn samples() -> Vec<Chart> {
        use Chart::*;
        let cols = vec![s("org"), s("year")];
        vec![
            YAndSeries,
            UnknownDataset { id: s("a"), near: Some(s("b")), known: vec![s("b")] },
            UnknownDataset { id: s("a"), near: None, known: vec![] },
            EmptyDataset { id: s("a"), path: s("content/data/a.yaml") },
            LabelsWithDataset,
            MissingX { dataset: s("d"), columns: cols.clone() },
            MissingY { dataset: s("d"), columns: cols.clone() },
            NoColumns { key: s("y") },
            UnknownColumn { column: s("nam"), key: s("y"), dataset: s("d"), columns: cols },
            UnknownOrg { id: s("tam-ky") },
            NoMatch {
                filter: vec![(s("org"), s("x"))],
                dataset: s("d"),
                values: vec![(s("org"), vec![s("tinh")])],
            },
            BlankCategory { x: s("year"), rows: 2, dataset: s("d") },
            RepeatedCategory { x: s("year"), dataset: s("d"), repeats: vec![(s("2021"), 2)] },
            NotNumber { text: s("58,73"), column: s("value") },
            NotNumber { text: s("nhiều"), column: s("value") },
            TextColumn { text: s("nhiều"), column: s("value") },
            RoundManySeries { kind: s("pie"), count: 2 },
            NegativeShare { kind: s("pie"), category: s("A"), value: s("-3") },
            AllZero { kind: s("pie") },
            ProgressSeries { count: 1 },
            NoRows,
            RowIncomplete { row: 2 },
            RowWidth { row: 2, numbers: 1, width: 2 },
            DatasetKeyWithRows { key: s("y") },
            RowNotNumber { text: s("sáu"), row: 2 },
            LabelsCount { labels: 3, width: 2 },
        ]
    }

    #[test]
    fn every_text_exists_in_both_languages() {
        crate::diagnostic::msg::says_both(samples());
    }

    #[test]
    fn codes_name_the_problem() {
        let k = super::super::Kind::from(Chart::AllZero { kind: s("pie") });
        assert_eq!(k.code(), "chart/all-zero");
    }

    #[test]
    fn long_lists_are_cut_with_a_count() {
        let ids: Vec<String> = (1..=10).map(|i| format!("d{i}")).collect();
        let k = Chart::UnknownDataset { id: s("x"), near: None, known: ids };
        assert!(k.text(Lang::En).ends_with("d7, d8, … (10 in all)"), "{}", k.text(Lang::En));
        assert!(k.text(Lang::Vi).ends_with("`d8`, … (tổng cộng 10)"), "{}", k.text(Lang::Vi));
    }
}
