//! An article's Markdown body: a lead, sections with headings, and now and then
//! a list, a table, an image, a named or inline chart, a stats or table block.

use super::articles::World;
use super::names::SHARE_METRICS;
use super::orgs::Org;
use super::rng::Rng;
use super::text::{paragraph, percent, q, thousands, word_count};
use super::words::{ENDINGS, HEADINGS, LIST_ITEMS, OBJECTS, SUBJECTS, VERBS};

/// The blocks one article carries besides prose, chosen up front.
pub struct Extras {
    list: bool,
    table: bool,
    image: Option<usize>,
    charts: Vec<usize>,
    stats: bool,
    inline_chart: bool,
    table_block: Option<usize>,
}

impl Extras {
    pub fn pick(r: &mut Rng, w: &World) -> Extras {
        let charts = if r.chance(15) && !w.charts.is_empty() {
            (0..r.range(1, 2))
                .map(|_| r.below(w.charts.len()))
                .collect()
        } else {
            Vec::new()
        };
        let shares: Vec<usize> = (0..w.sets.len())
            .filter(|&i| !w.sets[i].over_time)
            .collect();
        Extras {
            list: r.chance(30),
            table: r.chance(10),
            image: r.chance(15).then(|| r.range(1, 8)),
            charts,
            stats: r.chance(8),
            inline_chart: r.chance(1),
            table_block: (r.chance(2) && !shares.is_empty()).then(|| shares[r.below(shares.len())]),
        }
    }

    /// The extra blocks as Markdown, in the order they will appear.
    fn blocks(&self, r: &mut Rng, w: &World, org: &Org) -> Vec<String> {
        let mut out = Vec::new();
        if self.list {
            let items: Vec<String> = (0..r.range(3, 5))
                .map(|_| format!("- {}", r.pick(LIST_ITEMS)))
                .collect();
            out.push(format!("{}.", items.join(";\n")));
        }
        if self.stats {
            out.push(stats(r, org));
        }
        for &c in &self.charts {
            out.push(format!("```chart\nuse: {}\n```", w.charts[c].id));
        }
        if self.table {
            out.push(table(r, w));
        }
        if let Some(n) = self.image {
            out.push(format!("![Ảnh minh họa hoạt động của {}](media/minh-hoa/hinh-{n:02}.svg)\n\n*Ảnh: Tư liệu.*", org.short));
        }
        if self.inline_chart {
            out.push(inline_chart(r));
        }
        if let Some(d) = self.table_block {
            let set = &w.sets[d];
            out.push(format!(
                "```table\ndata: {}\nfilter: {{ org: {} }}\n```",
                set.id, w.orgs[set.orgs[0]].id
            ));
        }
        out
    }
}

/// The body and its number of prose words. Lengths lean towards 500–800 words.
pub fn body(
    r: &mut Rng,
    w: &World,
    org: &Org,
    (d, m): (u32, u32),
    extras: &Extras,
) -> (String, usize) {
    let target = 300 + r.below(1201) * r.below(1201) / 1200;
    let n = r.range(1, 2);
    let lead = format!(
        "Ngày {d}/{m}, {} {} {} {}. {}",
        r.pick(SUBJECTS),
        r.pick(VERBS),
        r.pick(OBJECTS),
        r.pick(ENDINGS),
        paragraph(r, n)
    );
    let mut words = word_count(&lead);
    let mut out = lead;
    let mut blocks = extras.blocks(r, w, org).into_iter();
    while words < target {
        let heading = *r.pick(HEADINGS);
        words += word_count(heading);
        out.push_str(&format!("\n\n## {heading}"));
        for _ in 0..r.range(1, 3) {
            let n = r.range(3, 6);
            let p = paragraph(r, n);
            words += word_count(&p);
            out.push_str("\n\n");
            out.push_str(&p);
        }
        if let Some(b) = blocks.next() {
            out.push_str("\n\n");
            out.push_str(&b);
        }
    }
    for b in blocks {
        out.push_str("\n\n");
        out.push_str(&b);
    }
    out.push('\n');
    (out, words)
}

/// The same body for Hugo: trangtin's blocks become plain YAML code blocks and
/// media links become root-relative.
pub fn for_hugo(body: &str) -> String {
    body.replace("```chart\n", "```yaml\n")
        .replace("```stats\n", "```yaml\n")
        .replace("```table\n", "```yaml\n")
        .replace("](media/", "](/media/")
}

fn stats(r: &mut Rng, org: &Org) -> String {
    let total = r.range(800, 60_000);
    let new = total * r.range(2, 6) / 100;
    let target = new * r.range(85, 115) / 100;
    format!(
        "```stats\n- {{ label: Tổng số đảng viên, value: {total}, unit: đảng viên, note: \"Tính đến 31/12\", org: {} }}\n- {{ label: Kết nạp trong năm, value: {new}, unit: đảng viên, target: {target} }}\n- {{ label: Tổ chức cơ sở đảng, value: {} }}\n```",
        org.id,
        r.range(10, 200)
    )
}

fn table(r: &mut Rng, w: &World) -> String {
    let mut s =
        String::from("| Đơn vị | Đảng viên | Kết nạp | Tỷ lệ đạt |\n|---|---:|---:|---:|\n");
    for _ in 0..r.range(3, 6) {
        let o = &w.orgs[r.below(w.orgs.len())];
        let total = r.range(300, 9000);
        s.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            o.short,
            thousands(total as u64),
            r.range(5, 300),
            percent(r.range(700, 1300) as f64 / 10.0)
        ));
    }
    s.pop();
    s
}

fn inline_chart(r: &mut Rng) -> String {
    let (title, groups) = SHARE_METRICS[r.below(SHARE_METRICS.len())];
    let mut s = format!(
        "```chart\ntype: pie\ntitle: {}\nunit: \"%\"\ndata:\n",
        q(title)
    );
    for g in groups.iter() {
        s.push_str(&format!("  - [{}, {}]\n", q(g), r.range(5, 60)));
    }
    s.push_str("```");
    s
}
