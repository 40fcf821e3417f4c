//! The numbers behind a chart as a CSV download: RFC 4180, numbers in machine
//! form (`7314`, `58.73`), UTF-8 with a byte-order mark so that Excel, which
//! otherwise guesses a legacy code page, shows Vietnamese letters correctly.

use super::data::ChartData;

/// Header row (category heading, series labels), then one row per category.
pub fn to_csv(data: &ChartData) -> String {
    let mut out = String::from('\u{feff}');
    let mut header = vec![field(data.x_label.as_deref().unwrap_or("category"))];
    let count = data.series.len();
    for (i, s) in data.series.iter().enumerate() {
        header.push(match (s.label.trim().is_empty(), count) {
            (false, _) => field(&s.label),
            (true, 1) => "value".to_string(),
            (true, _) => format!("value {}", i + 1),
        });
    }
    push_row(&mut out, &header);
    for (i, category) in data.categories.iter().enumerate() {
        let mut row = vec![field(category)];
        row.extend(
            data.series
                .iter()
                .map(|s| s.values[i].map(plain).unwrap_or_default()),
        );
        push_row(&mut out, &row);
    }
    out
}

fn push_row(out: &mut String, fields: &[String]) {
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

/// Quoted when it holds a comma, quote or line break; quotes doubled.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// `7314`, `58.73`, `-3.5`: no grouping, a dot for decimals.
fn plain(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::data::Series;
    use crate::charts::spec::ChartKind;

    #[test]
    fn bom_quoting_and_plain_numbers() {
        let data = ChartData {
            id: "c".into(),
            kind: ChartKind::Bar,
            title: "T".into(),
            unit: None,
            note: None,
            source: None,
            dataset: None,
            description: None,
            x_label: Some("Đơn vị".into()),
            categories: vec!["Đảng bộ \"Khối\", cơ quan".into(), "2021".into()],
            series: vec![
                Series {
                    label: "Kết nạp".into(),
                    values: vec![Some(7314.0), None],
                },
                Series {
                    label: String::new(),
                    values: vec![Some(58.73), Some(-0.0)],
                },
            ],
            height: None,
        };
        assert_eq!(
            to_csv(&data),
            "\u{feff}Đơn vị,Kết nạp,value 2\r\n\"Đảng bộ \"\"Khối\"\", cơ quan\",7314,58.73\r\n2021,,0\r\n"
        );
    }
}
