//! What reaches the SVG: labels, formatted figures, escaping, accessibility,
//! and text that stays inside the canvas.

use super::{chart, texts, words};
use crate::charts::draw::text::width;
use crate::charts::{draw, ChartData, ChartKind, ChartStyle, Series};
use crate::text::Lang;

const ORGS: [&str; 5] = [
    "Đảng bộ các cơ quan hành chính, sự nghiệp",
    "Thành ủy Tam Kỳ",
    "Huyện ủy Quỳnh Lưu",
    "Thị ủy Thái Hòa",
    "Đảng bộ Khối doanh nghiệp tỉnh Nghệ An",
];

fn data(kind: ChartKind, categories: &[&str], series: &[(&str, &[f64])]) -> ChartData {
    ChartData {
        id: "c1".into(),
        kind,
        title: "Kết nạp đảng viên".into(),
        unit: None,
        note: None,
        source: None,
        dataset: None,
        description: None,
        x_label: None,
        categories: categories.iter().map(|c| c.to_string()).collect(),
        series: series
            .iter()
            .map(|(label, v)| Series {
                label: label.to_string(),
                values: v.iter().map(|x| Some(*x)).collect(),
            })
            .collect(),
        height: None,
    }
}

/// One chart of each type over realistic figures.
fn every_kind() -> Vec<ChartData> {
    let years = ["2019", "2020", "2021", "2022", "2023"];
    let two: &[(&str, &[f64])] = &[
        ("Kết nạp", &[6890.0, 7120.0, 7314.0, 7950.0, 8012.0]),
        ("Chỉ tiêu", &[7000.0, 7000.0, 7200.0, 8120.0, 8000.0]),
    ];
    let orgs: &[(&str, &[f64])] = &[("Kết nạp", &[1203.0, 639.0, 412.0, 98.0, 233.0])];
    vec![
        data(ChartKind::Bar, &years, two),
        data(ChartKind::Hbar, &ORGS, orgs),
        data(ChartKind::Stacked, &years, two),
        data(ChartKind::Line, &years, two),
        data(ChartKind::Area, &years, &two[..1]),
        data(ChartKind::Pie, &ORGS, orgs),
        data(ChartKind::Donut, &ORGS, orgs),
        data(
            ChartKind::Progress,
            &[
                "Kết nạp 2015–2020",
                "Đảng bộ các cơ quan hành chính, sự nghiệp",
            ],
            &[("Kết nạp", &[639.0, 100.0]), ("Chỉ tiêu", &[597.0, 120.0])],
        ),
    ]
}

#[test]
fn every_kind_draws_its_labels_and_figures() {
    let style = ChartStyle::default();
    for d in every_kind() {
        let svg = draw(&d, &style, Lang::Vi);
        let w = words(&svg);
        let has = |s: &str| w.iter().any(|t| t == s);
        let kind = d.kind;
        match kind {
            ChartKind::Bar | ChartKind::Stacked | ChartKind::Line | ChartKind::Area => {
                assert!(has("2021") && !has("2.021"), "{kind:?}: {w:?}");
                assert!(
                    has("Kết nạp") || d.series.len() == 1,
                    "{kind:?} legend: {w:?}"
                );
                assert!(has("8.000") || has("10.000"), "{kind:?} axis: {w:?}");
            }
            ChartKind::Hbar => {
                assert!(
                    has("Thành ủy Tam Kỳ") && has("1.203") && has("639"),
                    "{w:?}"
                );
                assert!(
                    w.iter().any(|t| t.starts_with("Đảng bộ các cơ quan")),
                    "{w:?}"
                );
            }
            ChartKind::Pie | ChartKind::Donut => {
                assert!(
                    has("Thành ủy Tam Kỳ") && has("24,7%") && has("46,5%"),
                    "{kind:?}: {w:?}"
                );
            }
            ChartKind::Progress => {
                assert!(
                    has("639 / 597") && has("107% · vượt chỉ tiêu") && has("83,3% · chưa đạt"),
                    "{w:?}"
                );
            }
        }
        if kind == ChartKind::Bar {
            assert!(has("7.314") && has("8.120"), "bar values: {w:?}");
        }
        if kind == ChartKind::Donut {
            assert!(has("2.585"), "donut total: {w:?}");
        }
    }
}

#[test]
fn english_sites_get_english_numbers() {
    let d = &every_kind()[0];
    let w = words(&draw(d, &ChartStyle::default(), Lang::En));
    assert!(
        w.contains(&"7,314".to_string()) && w.contains(&"10,000".to_string()),
        "{w:?}"
    );
    assert!(!w.contains(&"7.314".to_string()));
    let p = &every_kind()[7];
    let w = words(&draw(p, &ChartStyle::default(), Lang::En));
    assert!(w.contains(&"83.3% · below target".to_string()), "{w:?}");
}

#[test]
fn the_root_is_accessible_and_responsive() {
    let svg = draw(&every_kind()[0], &ChartStyle::default(), Lang::Vi);
    let root = &svg[..svg.find('>').unwrap()];
    for part in [
        "role=\"img\"",
        "viewBox=\"0 0 640 360\"",
        "aria-labelledby=\"chart-c1-title chart-c1-desc\"",
        "width=\"100%\"",
    ] {
        assert!(root.contains(part), "{part} in {root}");
    }
    assert!(!root.contains("height="), "{root}");
    let after_root = &svg[root.len() + 1..].trim_start();
    assert!(
        after_root.starts_with("<title id=\"chart-c1-title\">Kết nạp đảng viên</title>"),
        "{after_root}"
    );
    assert!(svg.contains("<desc id=\"chart-c1-desc\">Biểu đồ cột: Kết nạp đảng viên. 2019: Kết nạp 6.890, Chỉ tiêu 7.000;"));
    assert!(!svg.contains("font-family=\"sans-serif\""));
    // The only style rule applies when the SVG is a file of its own.
    assert_eq!(svg.matches("<style>").count(), 1);
    assert!(svg.contains("<style>svg.chart:root{font-family:sans-serif}</style>"));
    assert_eq!(svg.matches("<svg").count(), 1);
    assert!(svg.trim_end().ends_with("</svg>"));
}

#[test]
fn markup_in_labels_is_escaped_exactly_once() {
    let mut d = data(
        ChartKind::Bar,
        &["<script>alert(1)</script>", "A & B \"C\""],
        &[("Nam & Nữ <x>", &[1.0, 2.0]), ("Khác", &[3.0, 4.0])],
    );
    d.title = "Tỷ lệ < 50% & \"khác\"".into();
    d.unit = Some("người & <đơn vị>".into());
    for kind in ChartKind::ALL {
        d.kind = kind;
        let svg = draw(&d, &ChartStyle::default(), Lang::Vi);
        assert!(!svg.contains("<script"), "{kind:?}");
        assert!(
            !svg.contains("&amp;amp;") && !svg.contains("&amp;lt;"),
            "{kind:?}"
        );
        assert!(
            svg.contains(
                "<title id=\"chart-c1-title\">Tỷ lệ &lt; 50% &amp; &quot;khác&quot;</title>"
            ),
            "{kind:?}"
        );
        let w = words(&svg);
        if kind.is_round() || kind == ChartKind::Hbar || kind == ChartKind::Progress {
            assert!(
                w.iter().any(|t| t.starts_with("A &amp; B &quot;C")),
                "{kind:?}: {w:?}"
            );
        }
    }
    d.kind = ChartKind::Bar;
    let w = words(&draw(&d, &ChartStyle::default(), Lang::Vi));
    assert!(w.contains(&"Nam &amp; Nữ &lt;x&gt;".to_string()), "{w:?}");
    assert!(
        w.contains(&"người &amp; &lt;đơn vị&gt;".to_string()),
        "{w:?}"
    );
}

/// Every text's estimated extent lies inside the canvas, for long Vietnamese
/// labels, at the default width and at phone width.
#[test]
fn text_stays_inside_the_canvas() {
    for width_px in [640, 360] {
        let style = ChartStyle {
            width: width_px,
            ..ChartStyle::default()
        };
        for d in every_kind() {
            let svg = draw(&d, &style, Lang::Vi);
            for t in texts(&svg) {
                let w = width(&unescape(&t.raw), t.size);
                let (left, right) = match t.anchor.as_str() {
                    "start" => (t.x, t.x + w),
                    "end" => (t.x - w, t.x),
                    _ => (t.x - w / 2.0, t.x + w / 2.0),
                };
                assert!(
                    left >= 0.0 && right <= f64::from(width_px),
                    "{:?} at {width_px}: `{}` spans {left:.0}..{right:.0}",
                    d.kind,
                    t.raw
                );
            }
        }
    }
}

/// Labels of neighbouring columns do not run into each other.
#[test]
fn column_labels_do_not_overlap() {
    let d = data(
        ChartKind::Bar,
        &ORGS,
        &[("Kết nạp", &[1203.0, 639.0, 412.0, 98.0, 233.0])],
    );
    let svg = draw(&d, &ChartStyle::default(), Lang::Vi);
    let mut spans: Vec<(f64, f64, f64)> = Vec::new();
    for t in texts(&svg).iter().filter(|t| t.anchor == "middle") {
        let w = width(&unescape(&t.raw), t.size);
        let y: f64 = svg_y(&svg, &t.raw);
        spans.push((y, t.x - w / 2.0, t.x + w / 2.0));
    }
    for (i, a) in spans.iter().enumerate() {
        for b in &spans[i + 1..] {
            let same_line = (a.0 - b.0).abs() < 1.0;
            assert!(
                !same_line || a.2 <= b.1 || b.2 <= a.1,
                "{a:?} overlaps {b:?}"
            );
        }
    }
}

fn svg_y(svg: &str, raw: &str) -> f64 {
    let end = svg.find(&format!(">\n{raw}\n</text>")).unwrap();
    let start = svg[..end].rfind("<text ").unwrap();
    let tag = &svg[start..end];
    let i = tag.find(" y=\"").unwrap() + 4;
    tag[i..i + tag[i..].find('"').unwrap()].parse().unwrap()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[test]
fn a_resolved_chart_draws() {
    let d = chart("title: T\ntype: pie\nunit: \"%\"\ndata:\n  - [Dưới 30 tuổi, 58.73]\n  - [Từ 31 đến 40 tuổi, 32.43]\n  - [Trên 40 tuổi, 8.84]\n").unwrap();
    let w = words(&draw(&d, &ChartStyle::default(), Lang::Vi));
    assert!(
        w.contains(&"Dưới 30 tuổi".to_string()) && w.contains(&"58,7%".to_string()),
        "{w:?}"
    );
}

/// Odd figures draw something sensible instead of failing: one category,
/// missing values, all zero, negatives, very large numbers.
#[test]
fn odd_figures_do_not_break_drawing() {
    let odd: Vec<(&[&str], Vec<Option<f64>>)> = vec![
        (&["Một"], vec![Some(5.0)]),
        (&["A", "B"], vec![None, None]),
        (&["A", "B"], vec![Some(0.0), Some(0.0)]),
        (&["A", "B", "C"], vec![Some(-3.5), Some(7.0), None]),
        (&["A", "B"], vec![Some(2.5e9), Some(1.0)]),
    ];
    for (categories, values) in odd {
        for kind in ChartKind::ALL {
            let mut d = data(kind, categories, &[]);
            d.series = vec![
                Series {
                    label: "Giá trị".into(),
                    values: values.clone(),
                },
                Series {
                    label: "Chỉ tiêu".into(),
                    values: values.iter().map(|v| v.map(|x| x + 1.0)).collect(),
                },
            ];
            let svg = draw(&d, &ChartStyle::narrow(), Lang::Vi);
            assert!(
                svg.contains("role=\"img\"") && svg.trim_end().ends_with("</svg>"),
                "{kind:?} {values:?}"
            );
        }
    }
}

#[test]
fn infinite_numbers_are_refused() {
    let errors = chart("title: T\ntype: bar\ndata:\n  - [A, .inf]\n").unwrap_err();
    assert_eq!(errors.to_string(), "content/charts/a.yaml:4:9: `inf` in row 1 is not a number; write figures like 7314 or 58.73 (a dot before decimals, no thousands separator)\n");
}
