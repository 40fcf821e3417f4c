//! Datasets (figures over years, and shares of a whole) and the named charts
//! drawn from them: every chart type, each over one organization's rows.

use super::names::{SERIES_METRICS, SHARE_METRICS};
use super::orgs::Org;
use super::rng::Rng;
use super::text::{q, slug};

pub const YEARS: std::ops::RangeInclusive<usize> = 2016..=2024;

/// What the chart and article generators need to know about a dataset.
pub struct DataSet {
    pub id: String,
    /// Figures over years (`true`) or shares of a whole (`false`).
    pub over_time: bool,
    pub metric: usize,
    /// Indices into the organization list, one block of rows each.
    pub orgs: Vec<usize>,
}

pub struct Chart {
    pub id: String,
}

/// Half the datasets over time, half shares; each covers 3–6 organizations.
pub fn datasets(seed: u64, n: usize, orgs: &[Org]) -> Vec<DataSet> {
    (0..n)
        .map(|i| {
            let mut r = Rng::new(seed, 2, i as u64);
            let over_time = i % 2 == 0;
            let metric = if over_time {
                r.below(SERIES_METRICS.len())
            } else {
                r.below(SHARE_METRICS.len())
            };
            let title = if over_time {
                SERIES_METRICS[metric].0
            } else {
                SHARE_METRICS[metric].0
            };
            let mut picked: Vec<usize> = Vec::new();
            while picked.len() < r.range(3, 6) {
                let o = r.below(orgs.len());
                if !picked.contains(&o) {
                    picked.push(o);
                }
            }
            DataSet {
                id: format!("{}-{:03}", slug(title), i + 1),
                over_time,
                metric,
                orgs: picked,
            }
        })
        .collect()
}

/// The dataset's YAML file.
pub fn dataset_yaml(seed: u64, index: usize, d: &DataSet, orgs: &[Org]) -> String {
    let mut r = Rng::new(seed, 3, index as u64);
    let mut s = String::new();
    if d.over_time {
        let (title, unit, parts) = SERIES_METRICS[d.metric];
        s.push_str(&format!(
            "title: {}\nsource: Báo cáo của Ban Tổ chức Tỉnh ủy\ncolumns:\n  org: {{ label: Đơn vị }}\n  year: {{ label: Năm }}\n  value: {{ label: {}, unit: {unit} }}\n  target: {{ label: Chỉ tiêu, unit: {unit} }}\n",
            q(title),
            q(title)
        ));
        for (k, p) in parts.iter().enumerate() {
            s.push_str(&format!(
                "  nhom_{}: {{ label: {}, unit: {unit} }}\n",
                k + 1,
                q(p)
            ));
        }
        s.push_str("rows:\n");
        for &o in &d.orgs {
            let base = r.range(20, 900);
            for year in YEARS {
                let parts = [r.range(1, base), r.range(1, base), r.range(1, base / 2 + 1)];
                let value: usize = parts.iter().sum();
                let target = value * r.range(85, 120) / 100;
                s.push_str(&format!(
                    "  - {{ org: {}, year: {year}, value: {value}, target: {target}, nhom_1: {}, nhom_2: {}, nhom_3: {} }}\n",
                    orgs[o].id, parts[0], parts[1], parts[2]
                ));
            }
        }
    } else {
        let (title, groups) = SHARE_METRICS[d.metric];
        s.push_str(&format!(
            "title: {}\nsource: Báo cáo thống kê đảng viên\ncolumns:\n  org: {{ label: Đơn vị }}\n  nhom: {{ label: Nhóm }}\n  so_luong: {{ label: Số lượng, unit: đảng viên }}\n  ty_le: {{ label: Tỷ lệ, unit: \"%\" }}\nrows:\n",
            q(title)
        ));
        for &o in &d.orgs {
            let counts: Vec<usize> = groups.iter().map(|_| r.range(5, 3000)).collect();
            let total: usize = counts.iter().sum();
            for (g, c) in groups.iter().zip(&counts) {
                let share = (*c as f64 * 1000.0 / total as f64).round() / 10.0;
                s.push_str(&format!(
                    "  - {{ org: {}, nhom: {}, so_luong: {c}, ty_le: {share} }}\n",
                    orgs[o].id,
                    q(g)
                ));
            }
        }
    }
    s
}

const KINDS: [&str; 8] = [
    "bar", "hbar", "stacked", "line", "area", "pie", "donut", "progress",
];

/// Chart `i` and its YAML: the type cycles through all eight.
pub fn chart(seed: u64, i: usize, sets: &[DataSet], orgs: &[Org]) -> (Chart, String) {
    let mut r = Rng::new(seed, 4, i as u64);
    let kind = KINDS[i % KINDS.len()];
    let over_time = !matches!(kind, "hbar" | "pie" | "donut");
    let candidates: Vec<&DataSet> = sets.iter().filter(|d| d.over_time == over_time).collect();
    let d = candidates[r.below(candidates.len())];
    let org = &orgs[*r.pick(&d.orgs)];
    let metric = if over_time {
        SERIES_METRICS[d.metric].0
    } else {
        SHARE_METRICS[d.metric].0
    };
    let title = format!("{metric} – {}", org.short);
    let id = format!("{}-{}-{:04}", org.id, slug(metric), i + 1);
    let mut s = format!("title: {}\ntype: {kind}\ndata: {}\n", q(&title), d.id);
    let last_year = r.chance(50);
    match kind {
        "progress" if last_year => s.push_str(&format!(
            "filter: {{ org: {}, year: {} }}\n",
            org.id,
            YEARS.end()
        )),
        _ => s.push_str(&format!("filter: {{ org: {} }}\n", org.id)),
    }
    let unit = if over_time {
        SERIES_METRICS[d.metric].1
    } else {
        "đảng viên"
    };
    match kind {
        "bar" if r.chance(20) => s.push_str("x: year\nseries:\n  - { column: value, label: Thực hiện }\n  - { column: target, label: Chỉ tiêu }\n"),
        "bar" | "progress" => s.push_str("x: year\ny: [value, target]\n"),
        "line" => s.push_str("x: year\ny: [value, target]\n"),
        "area" => s.push_str("x: year\ny: value\n"),
        "stacked" => s.push_str("x: year\ny: [nhom_1, nhom_2, nhom_3]\n"),
        "hbar" => s.push_str("x: nhom\ny: so_luong\nsort: desc\n"),
        _ => s.push_str("x: nhom\ny: ty_le\n"),
    }
    let unit = if matches!(kind, "pie" | "donut") {
        "%"
    } else {
        unit
    };
    s.push_str(&format!(
        "unit: {}\nnote: \"Nguồn: {}.\"\n",
        q(unit),
        if over_time {
            "Ban Tổ chức Tỉnh ủy"
        } else {
            "Báo cáo thống kê đảng viên"
        }
    ));
    if r.chance(20) {
        s.push_str(&format!(
            "description: {}\n",
            q(&format!(
                "Biểu đồ về {} của {}.",
                metric.to_lowercase(),
                org.name
            ))
        ));
    }
    (Chart { id }, s)
}
