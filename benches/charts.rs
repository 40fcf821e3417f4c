//! How long drawing a chart takes, per chart type, over realistic figures.
//!
//! `cargo bench --bench charts`. No harness: each chart is timed on its own many
//! times and the median printed, then 1,000 charts of mixed types end to end.
//! Target: a median under 1 ms per chart, so a site with hundreds of charts
//! spends well under a second drawing them.

#[path = "support/mod.rs"]
mod support;

use std::hint::black_box;
use std::time::{Duration, Instant};

use support::median;
use trangtin::charts::{draw, ChartData, ChartKind, ChartStyle, Series};
use trangtin::text::Lang;

const RUNS: usize = 400;

fn series(label: &str, values: &[f64]) -> Series {
    Series {
        label: label.to_string(),
        values: values.iter().map(|v| Some(*v)).collect(),
    }
}

fn chart(
    kind: ChartKind,
    categories: &[&str],
    series: Vec<Series>,
    unit: Option<&str>,
) -> ChartData {
    ChartData {
        id: format!("bench-{}", kind.name()),
        kind,
        title: "Kết nạp đảng viên mới so với chỉ tiêu".to_string(),
        unit: unit.map(str::to_string),
        note: None,
        source: Some("Báo cáo của Ban Tổ chức Tỉnh ủy".to_string()),
        dataset: Some("ket-nap-dang-vien".to_string()),
        description: None,
        x_label: Some("Năm".to_string()),
        categories: categories.iter().map(|c| c.to_string()).collect(),
        series,
        height: None,
    }
}

fn charts() -> Vec<ChartData> {
    let years = [
        "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023",
    ];
    let value = [
        6120.0, 6480.0, 6650.0, 6890.0, 7120.0, 7314.0, 7950.0, 8012.0,
    ];
    let target = [
        6000.0, 6500.0, 6600.0, 7000.0, 7000.0, 7200.0, 8120.0, 8000.0,
    ];
    let orgs = [
        "Đảng bộ các cơ quan hành chính, sự nghiệp",
        "Thành ủy Tam Kỳ",
        "Huyện ủy Quỳnh Lưu",
        "Thị ủy Thái Hòa",
        "Đảng bộ Khối doanh nghiệp tỉnh",
        "Huyện ủy Nghi Lộc",
        "Thành ủy Vinh",
    ];
    let per_org = [1203.0, 639.0, 412.0, 98.0, 233.0, 301.0, 877.0];
    let two = || vec![series("Kết nạp", &value), series("Chỉ tiêu", &target)];
    vec![
        chart(ChartKind::Bar, &years, two(), Some("đảng viên")),
        chart(
            ChartKind::Hbar,
            &orgs,
            vec![series("Kết nạp", &per_org)],
            Some("đảng viên"),
        ),
        chart(ChartKind::Stacked, &years, two(), Some("đảng viên")),
        chart(ChartKind::Line, &years, two(), None),
        chart(
            ChartKind::Area,
            &years,
            vec![series(
                "Tỷ lệ",
                &[52.1, 53.0, 54.2, 55.4, 56.0, 57.6, 58.73, 60.2],
            )],
            Some("%"),
        ),
        chart(
            ChartKind::Pie,
            &["Dưới 30 tuổi", "Từ 31 đến 40 tuổi", "Trên 40 tuổi"],
            vec![series("", &[58.73, 32.43, 8.84])],
            Some("%"),
        ),
        chart(
            ChartKind::Donut,
            &orgs,
            vec![series("", &per_org)],
            Some("đảng viên"),
        ),
        chart(
            ChartKind::Progress,
            &[
                "Kết nạp 2015–2020",
                "Kết nạp 2021",
                "Đảng bộ các cơ quan hành chính, sự nghiệp",
            ],
            vec![
                series("Kết nạp", &[639.0, 100.0, 450.0]),
                series("Chỉ tiêu", &[597.0, 120.0, 450.0]),
            ],
            None,
        ),
    ]
}

fn main() {
    let style = ChartStyle::default();
    let all = charts();
    println!(
        "{:<10} {:>12} {:>12} {:>10}",
        "type", "median µs", "max µs", "SVG bytes"
    );
    let mut worst = Duration::ZERO;
    for data in &all {
        for _ in 0..20 {
            black_box(draw(black_box(data), &style, Lang::Vi));
        }
        let mut times = Vec::with_capacity(RUNS);
        let mut bytes = 0;
        for _ in 0..RUNS {
            let start = Instant::now();
            let svg = draw(black_box(data), &style, Lang::Vi);
            times.push(start.elapsed());
            bytes = black_box(svg).len();
        }
        let max = *times.iter().max().expect("runs");
        let med = median(times);
        worst = worst.max(med);
        println!(
            "{:<10} {:>12.1} {:>12.1} {:>10}",
            data.kind.name(),
            micros(med),
            micros(max),
            bytes
        );
    }
    let start = Instant::now();
    for i in 0..1000 {
        let lang = if i % 5 == 0 { Lang::En } else { Lang::Vi };
        black_box(draw(black_box(&all[i % all.len()]), &style, lang));
    }
    let total = start.elapsed();
    println!(
        "1,000 mixed charts: {:.1} ms ({:.1} µs a chart)",
        total.as_secs_f64() * 1e3,
        micros(total) / 1000.0
    );
    let verdict = if worst < Duration::from_millis(1) {
        "met"
    } else {
        "MISSED"
    };
    println!(
        "target (median < 1 ms per chart): {verdict}; slowest median {:.1} µs",
        micros(worst)
    );
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}
