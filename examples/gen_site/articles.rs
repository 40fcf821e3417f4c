//! One article: front matter per SPEC §2 and a 300–1,500-word body with headings,
//! lists, tables, images, charts and figures; and the same article for Hugo.

use super::body::{self, Extras};
use super::data::{Chart, DataSet};
use super::docs::Doc;
use super::names::*;
use super::orgs::Org;
use super::rng::Rng;
use super::text::{capitalise, q, slug};
use super::words::*;

/// What every article may refer to.
pub struct World<'a> {
    pub seed: u64,
    pub total: usize,
    pub orgs: &'a [Org],
    pub sets: &'a [DataSet],
    pub charts: &'a [Chart],
    pub docs: &'a [Doc],
    pub tags: &'a [String],
}

pub struct Article {
    /// Relative to content/articles/: `2023/slug.md`.
    pub path: String,
    pub trangtin: String,
    pub hugo: String,
    pub words: usize,
}

/// The first day articles may carry, and how many days they span (2016–2024).
const FIRST_YEAR: i64 = 2016;
const DAYS: usize = 3288;

pub fn article(w: &World, i: usize) -> Article {
    let mut r = Rng::new(w.seed, 1, i as u64);
    let day = (i * DAYS / w.total.max(1) + r.below(3)).min(DAYS - 1);
    let (y, m, d) = civil(day as i64);
    let time = format!("{:02}:{:02}", r.range(6, 21), r.range(0, 59));
    let org = &w.orgs[r.skewed(w.orgs.len())];
    let title = title(&mut r, org, y);
    let slug = format!("{}-{}", short_slug(&title), i + 1);
    let category = CATEGORIES[r.skewed(CATEGORIES.len())];
    let mut tags: Vec<&str> = Vec::new();
    for _ in 0..r.range(2, 6) {
        let t = w.tags[r.skewed(w.tags.len())].as_str();
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    let summary = r.chance(70).then(|| text_summary(&mut r, org, d, m));
    let extras = Extras::pick(&mut r, w);
    let (body, words) = body::body(&mut r, w, org, (d, m), &extras);

    let mut fm = format!(
        "---\ntitle: {}\ndate: \"{y}-{m:02}-{d:02} {time}\"\nslug: {slug}\n",
        q(&title)
    );
    if let Some(s) = &summary {
        fm.push_str(&format!("summary: {}\n", q(s)));
    }
    let tag_list = tags.iter().map(|t| q(t)).collect::<Vec<_>>().join(", ");
    fm.push_str(&format!(
        "category: {}\ntags: [{tag_list}]\nauthor: {}\n",
        q(category),
        q(r.word(AUTHORS))
    ));
    let mut hugo = front_hugo(
        &title,
        (y, m, d),
        &time,
        &slug,
        category,
        &tag_list,
        summary.as_deref(),
    );
    optional_fields(&mut r, w, &mut fm, &mut hugo, org, day);
    fm.push_str("---\n\n");
    hugo.push_str("---\n\n");
    hugo.push_str(&body::for_hugo(&body));
    fm.push_str(&body);
    Article {
        path: format!("{y}/{slug}.md"),
        trangtin: fm,
        hugo,
        words,
    }
}

/// Source, cover, org, event, featured, draft, documents, updated: each on some articles.
fn optional_fields(
    r: &mut Rng,
    w: &World,
    fm: &mut String,
    hugo: &mut String,
    org: &Org,
    day: usize,
) {
    if r.chance(40) {
        let (name, url) = *r.pick(SOURCES);
        if url.is_empty() {
            fm.push_str(&format!("source: {}\n", q(name)));
        } else {
            fm.push_str(&format!(
                "source: {{ name: {}, url: {} }}\n",
                q(name),
                q(url)
            ));
        }
    }
    if r.chance(30) {
        let n = r.range(1, 8);
        fm.push_str(&format!(
            "image:\n  src: media/minh-hoa/hinh-{n:02}.svg\n  caption: {}\n  alt: {}\n",
            q(&format!(
                "Ảnh minh họa: quang cảnh hoạt động của {}.",
                org.short
            )),
            q(&format!("Hình minh họa số {n} trên nền màu"))
        ));
    }
    if r.chance(85) {
        fm.push_str(&format!("org: {}\n", org.id));
    }
    if r.chance(10) {
        let (y, m, d) = civil(day.saturating_sub(1) as i64);
        let chairs = format!("[{}, {}]", r.pick(NAMES), r.pick(NAMES));
        fm.push_str(&format!(
            "event:\n  name: {}\n  kind: {}\n  date: {y}-{m:02}-{d:02}\n  place: {}\n  form: {}\n  attendees: {}\n  sites: {}\n  chairs: {chairs}\n",
            q(&format!("Hội nghị {} năm {y}", r.pick(TITLE_TOPICS))),
            r.pick(EVENT_KINDS),
            q(&org.name),
            r.pick(EVENT_FORMS),
            r.range(50, 4000),
            r.range(1, 80)
        ));
    }
    if r.chance(1) {
        fm.push_str("featured: true\n");
    }
    if r.below(200) == 0 {
        fm.push_str("draft: true\n");
        hugo.push_str("draft: true\n");
    }
    if r.chance(8) && !w.docs.is_empty() {
        let list: Vec<&str> = (0..r.range(1, 2))
            .map(|_| w.docs[r.below(w.docs.len())].file.as_str())
            .collect();
        fm.push_str(&format!("documents: [{}]\n", list.join(", ")));
    }
    if r.chance(5) {
        let (y, m, d) = civil((day + r.range(1, 5)) as i64);
        fm.push_str(&format!("updated: {y}-{m:02}-{d:02}\n"));
    }
}

fn front_hugo(
    title: &str,
    (y, m, d): (i64, u32, u32),
    time: &str,
    slug: &str,
    category: &str,
    tags: &str,
    summary: Option<&str>,
) -> String {
    let mut s = format!("---\ntitle: {}\ndate: {y}-{m:02}-{d:02}T{time}:00+07:00\nslug: {slug}\ncategories: [{}]\ntags: [{tags}]\n", q(title), q(category));
    if let Some(sum) = summary {
        s.push_str(&format!("summary: {}\n", q(sum)));
    }
    s
}

fn title(r: &mut Rng, org: &Org, year: i64) -> String {
    match r.below(4) {
        0 => format!(
            "{} {} {} năm {year}",
            org.short,
            r.pick(TITLE_VERBS),
            r.pick(TITLE_TOPICS)
        ),
        1 => format!(
            "{} {} ở {}",
            capitalise(r.word(TITLE_VERBS)),
            r.pick(TITLE_TOPICS),
            org.short
        ),
        2 => format!("{}: {}", org.short, capitalise(r.word(LIST_ITEMS))),
        _ => format!(
            "{} {} {}",
            org.short,
            r.pick(TITLE_VERBS),
            r.pick(TITLE_TOPICS)
        ),
    }
}

fn text_summary(r: &mut Rng, org: &Org, d: u32, m: u32) -> String {
    format!(
        "Ngày {d}/{m}, {} {} {}.",
        org.short,
        r.pick(VERBS),
        r.pick(OBJECTS)
    )
}

/// A slug of at most about 70 letters, cut at a word.
fn short_slug(title: &str) -> String {
    let s = slug(title);
    if s.len() <= 70 {
        return s;
    }
    let cut = s[..70].rfind('-').unwrap_or(70);
    s[..cut].to_string()
}

/// Day `n` after 1 January 2016 → (year, month, day), proleptic Gregorian.
pub fn civil(n: i64) -> (i64, u32, u32) {
    // Howard Hinnant's days-from-civil inverse, from 1970-01-01.
    let z = n + days_from_epoch(FIRST_YEAR) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Days from 1970-01-01 to 1 January of `year`.
fn days_from_epoch(year: i64) -> i64 {
    (1970..year)
        .map(|y| {
            if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 {
                366
            } else {
                365
            }
        })
        .sum()
}
