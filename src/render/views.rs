//! Typed, serializable views of the model: exactly what templates may use.
//!
//! Dates and numbers are formatted here, once, in the site's language, so
//! templates only place text.

use serde::Serialize;

use crate::config::StatItem;
use crate::config::{Footer, Link};
use crate::input::frontmatter::{Image, NewsSource};
use crate::model::article::Article;
use crate::model::document::Document;
use crate::model::site::{urls, Site};
use crate::text::slug::slugify;
use crate::text::{date, number, Lang};

/// A link with a label, used for menus, breadcrumbs, categories and tags.
#[derive(Debug, Clone, Serialize)]
pub struct NamedLink {
    pub name: String,
    pub url: String,
}

/// Site-wide values, set once as tera's global context.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub title: String,
    pub description: String,
    pub banner: Vec<String>,
    pub base_url: String,
    pub base_path: String,
    pub lang: &'static str,
    pub emblem: Option<String>,
    pub menu: Vec<Link>,
    pub footer_menu: Vec<Link>,
    pub footer: Footer,
    pub links: Vec<Link>,
    pub css: String,
    pub js: String,
    /// The search page's script (hashed like `css` and `js`).
    pub search_js: String,
    pub search_url: String,
    /// Section addresses the theme links to (all news, conferences, documents, statistics).
    pub news_url: String,
    pub events_url: String,
    pub documents_url: String,
    pub stats_url: String,
    /// The site map and the keyword index, linked from the footer.
    pub site_map_url: String,
    pub tags_url: String,
    pub rss_url: String,
    pub atom_url: String,
}

/// An article in a list: enough for a headline with its date and lead.
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    pub title: String,
    pub url: String,
    pub date: String,
    pub date_iso: String,
    pub summary: String,
    pub category: Option<NamedLink>,
    pub image: Option<ImageView>,
    pub featured: bool,
    pub draft: bool,
    /// Not yet due: only a preview shows it ("chưa đăng").
    pub scheduled: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ImageView {
    pub src: String,
    pub alt: String,
    pub caption: Option<String>,
    /// Who took it ("Ảnh: MN"), shown under it.
    pub credit: Option<String>,
    /// The web versions, when the photo is the site's own (else only `src`).
    pub picture: Option<super::photos::PictureView>,
    /// The size of an SVG or GIF copied as it is.
    pub width: Option<u32>,
    pub height: Option<u32>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    pub name: String,
    pub kind: Option<String>,
    pub date: Option<String>,
    pub date_iso: Option<String>,
    pub place: Option<String>,
    pub form: Option<String>,
    pub attendees: Option<String>,
    pub sites: Option<String>,
    /// A chair that is a person id of people.yaml links to their page.
    pub chairs: Vec<Chair>,
    pub article: NamedLink,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocView {
    pub number: Option<String>,
    pub title: String,
    pub issuer: Option<String>,
    pub issuer_slug: String,
    pub signer: Option<String>,
    pub kind: Option<String>,
    pub kind_slug: String,
    pub field: Option<String>,
    pub field_slug: String,
    pub date: Option<String>,
    pub date_iso: Option<String>,
    pub year: Option<i16>,
    pub effective: Option<String>,
    pub expires: Option<String>,
    /// The i18n key of its status (`status_in_force` …), and its filter slug.
    pub status: Option<&'static str>,
    pub status_slug: String,
    pub summary: Option<String>,
    pub url: String,
    pub files: Vec<FileView>,
    /// The first file, for lists that show one download.
    pub file_url: String,
    pub format: String,
    pub size: String,
    /// The first PDF, shown in the document's page.
    pub pdf: Option<String>,
    pub replaces: Vec<NamedLink>,
    pub replaced_by: Vec<NamedLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FileView {
    pub url: String,
    /// The file's name (`ke-hoach-91.pdf`), or the label the editor gave it.
    pub name: String,
    pub format: String,
    pub size: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatView {
    pub label: String,
    pub value: String,
    pub unit: Option<String>,
    pub note: Option<String>,
    pub target: Option<String>,
    pub percent: Option<String>,
    /// 0–100 for the progress bar's width.
    pub bar: Option<f64>,
    pub met: Option<bool>,
}

/// Makes absolute site paths (`/dang-bo/tin-tuc/a/`) from site-relative ones.
pub fn href(base_path: &str, rel: &str) -> String {
    format!("{base_path}{rel}")
}

/// A URL written by an editor: site files get the base path, others stay.
pub fn editor_url(base_path: &str, url: &str) -> String {
    if crate::markdown::is_unsafe_url(url) {
        return "#".to_string();
    }
    if url.contains("://")
        || url.starts_with("mailto:")
        || url.starts_with("tel:")
        || url.starts_with('#')
        || url.starts_with("//")
    {
        url.to_string()
    } else {
        href(base_path, url.trim_start_matches('/'))
    }
}

pub fn site_view(site: &Site, assets: super::feeds::Assets) -> SiteView {
    let s = &site.settings;
    let fix = |links: &[Link]| {
        links
            .iter()
            .map(|l| Link {
                name: l.name.clone(),
                url: editor_url(&s.base_path, &l.url),
            })
            .collect()
    };
    SiteView {
        title: s.site.title.clone(),
        description: s.site.description.clone().unwrap_or_default(),
        banner: if s.site.banner.is_empty() {
            vec![s.site.title.clone()]
        } else {
            s.site.banner.clone()
        },
        base_url: s.base_url.clone(),
        base_path: s.base_path.clone(),
        lang: s.lang.code(),
        emblem: s
            .site
            .emblem
            .as_deref()
            .map(|e| editor_url(&s.base_path, e)),
        menu: fix(&s.site.menus.main),
        footer_menu: fix(&s.site.menus.footer),
        footer: s.site.footer.clone(),
        links: s
            .site
            .links
            .iter()
            .map(|l| Link {
                name: l.name.clone(),
                url: editor_url(&s.base_path, &l.url),
            })
            .collect(),
        css: assets.css,
        js: assets.js,
        search_js: assets.search_js,
        search_url: href(&s.base_path, urls::SEARCH),
        news_url: href(&s.base_path, urls::NEWS),
        events_url: href(&s.base_path, urls::EVENTS),
        documents_url: href(&s.base_path, urls::DOCUMENTS),
        stats_url: href(&s.base_path, urls::STATS),
        site_map_url: href(&s.base_path, urls::SITE_MAP),
        tags_url: href(&s.base_path, urls::TAGS),
        rss_url: href(&s.base_path, "rss.xml"),
        atom_url: href(&s.base_path, "atom.xml"),
    }
}

pub fn image_view(img: &Image, base_path: &str) -> ImageView {
    ImageView {
        src: editor_url(base_path, &img.src),
        alt: img
            .alt
            .clone()
            .or_else(|| img.caption.clone())
            .unwrap_or_default(),
        caption: img.caption.clone(),
        credit: img.credit.clone(),
        picture: None,
        width: None,
        height: None,
    }
}

pub fn card(site: &Site, a: &Article) -> Card {
    let bp = &site.settings.base_path;
    let lang = site.settings.lang;
    Card {
        title: a.title.clone(),
        url: href(bp, &urls::article(&a.slug)),
        date: date::short(a.date, lang),
        date_iso: date::iso_date(a.date),
        summary: a.summary.clone(),
        category: a.category.map(|i| category_link(site, i)),
        image: a.image.as_ref().map(|i| super::photos::image_view(site, i)),
        featured: a.featured,
        draft: a.draft,
        scheduled: a.scheduled,
    }
}

pub fn category_link(site: &Site, i: usize) -> NamedLink {
    let c = &site.categories[i];
    NamedLink {
        name: c.name.clone(),
        url: href(&site.settings.base_path, &urls::category(&c.slug)),
    }
}

pub fn tag_link(site: &Site, i: usize) -> NamedLink {
    let c = &site.tags[i];
    NamedLink {
        name: c.name.clone(),
        url: href(&site.settings.base_path, &urls::tag(&c.slug)),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Chair {
    pub name: String,
    pub url: Option<String>,
}

fn chair(site: &Site, written: &str) -> Chair {
    match site.people.iter().find(|p| p.id == written) {
        Some(p) => Chair {
            name: p.name.clone(),
            url: Some(href(&site.settings.base_path, &urls::person(&p.id))),
        },
        None => Chair {
            name: written.to_string(),
            url: None,
        },
    }
}

pub fn event_view(site: &Site, a: &Article) -> Option<EventView> {
    let e = a.event.as_ref()?;
    let lang = site.settings.lang;
    Some(EventView {
        name: e.name.clone(),
        kind: e.kind.clone(),
        date: a.event_date.map(|d| date::long(d, lang)),
        date_iso: a.event_date.map(date::iso_date),
        place: e.place.clone(),
        form: e.form.clone(),
        attendees: e.attendees.map(|n| number::format(n as f64, 0, lang)),
        sites: e.sites.map(|n| number::format(n as f64, 0, lang)),
        chairs: e.chairs.iter().map(|c| chair(site, c)).collect(),
        article: NamedLink {
            name: a.title.clone(),
            url: href(&site.settings.base_path, &urls::article(&a.slug)),
        },
    })
}

pub fn doc_view(site: &Site, d: &Document) -> DocView {
    let lang = site.settings.lang;
    let bp = &site.settings.base_path;
    let e = &d.entry;
    let slug = |s: &Option<String>| s.as_deref().map(slugify).unwrap_or_default();
    let files: Vec<FileView> = d
        .files
        .iter()
        .map(|f| FileView {
            url: href(bp, &f.path),
            name: f
                .label
                .clone()
                .unwrap_or_else(|| f.path.rsplit('/').next().unwrap_or_default().to_string()),
            format: f.format.clone(),
            size: file_size(f.size, lang),
        })
        .collect();
    let links = |list: &[usize]| list.iter().map(|&i| doc_link(site, i)).collect();
    let first = files.first();
    DocView {
        number: e.number.clone(),
        title: e.title.clone(),
        issuer: e.issuer.clone(),
        issuer_slug: slug(&e.issuer),
        signer: e.signer.clone(),
        kind: e.kind.clone(),
        kind_slug: slug(&e.kind),
        field: e.field.clone(),
        field_slug: slug(&e.field),
        date: d.date.map(|w| date::short(w, lang)),
        date_iso: d.date.map(date::iso_date),
        year: d.date.map(|w| w.at.year()),
        effective: d.effective.map(|w| date::short(w, lang)),
        expires: d.expires.map(|w| date::short(w, lang)),
        status: d.status.map(|s| s.word_key()),
        status_slug: d.status.map(|s| s.slug()).unwrap_or_default().to_string(),
        summary: e.summary.clone(),
        url: href(bp, &urls::document(&d.slug)),
        file_url: first.map(|f| f.url.clone()).unwrap_or_default(),
        format: first.map(|f| f.format.clone()).unwrap_or_default(),
        size: first.map(|f| f.size.clone()).unwrap_or_default(),
        pdf: files
            .iter()
            .find(|f| f.format == "PDF")
            .map(|f| f.url.clone()),
        files,
        replaces: links(&d.replaces),
        replaced_by: links(&d.replaced_by),
    }
}

/// A link to the document at `i`, named by its number (or title).
pub fn doc_link(site: &Site, i: usize) -> NamedLink {
    let d = &site.documents[i];
    NamedLink {
        name: match &d.entry.number {
            Some(n) => format!("{n}: {}", d.entry.title),
            None => d.entry.title.clone(),
        },
        url: href(&site.settings.base_path, &urls::document(&d.slug)),
    }
}

/// `12 kB`, `1,2 MB` in the site's number style.
pub fn file_size(bytes: u64, lang: Lang) -> String {
    let b = bytes as f64;
    if b < 1024.0 {
        format!("{bytes} B")
    } else if b < 1024.0 * 1024.0 {
        format!("{} kB", number::format((b / 1024.0).ceil(), 0, lang))
    } else {
        format!("{} MB", number::format(b / 1024.0 / 1024.0, 1, lang))
    }
}

/// The site's headline figures (site.yaml `home.stats`), shown on the home
/// page and the statistics overview.
pub fn home_stats(site: &Site) -> Vec<StatView> {
    site.settings
        .site
        .home
        .stats
        .iter()
        .map(|s| stat_view(s, site.settings.lang))
        .collect()
}

pub fn stat_view(item: &StatItem, lang: Lang) -> StatView {
    let share = item
        .target
        .and_then(|t| number::share_of_target(item.value, t));
    StatView {
        label: item.label.clone(),
        value: number::format_auto(item.value, lang),
        unit: item.unit.clone(),
        note: item.note.clone(),
        target: item.target.map(|t| number::format_auto(t, lang)),
        percent: share.map(|p| number::percent(p, lang)),
        bar: share.map(|p| (p.clamp(0.0, 100.0) * 10.0).round() / 10.0),
        met: share.map(|p| p >= 100.0),
    }
}

/// Source with a safe link.
pub fn source_view(s: &NewsSource, base_path: &str) -> NewsSource {
    NewsSource {
        name: s.name.clone(),
        url: s.url.as_deref().map(|u| editor_url(base_path, u)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stat_shows_share_of_target() {
        let item = StatItem {
            label: "Kết nạp".into(),
            value: 639.0,
            unit: None,
            note: None,
            target: Some(597.0),
            org: None,
        };
        let v = stat_view(&item, Lang::Vi);
        assert_eq!(v.value, "639");
        assert_eq!(v.percent.as_deref(), Some("107%"));
        assert_eq!(v.met, Some(true));
    }

    #[test]
    fn editor_urls() {
        assert_eq!(editor_url("/db/", "/gioi-thieu/"), "/db/gioi-thieu/");
        assert_eq!(editor_url("/db/", "media/a.jpg"), "/db/media/a.jpg");
        assert_eq!(editor_url("/", "https://x.vn/"), "https://x.vn/");
        assert_eq!(editor_url("/", "javascript:alert(1)"), "#");
        assert_eq!(editor_url("/", " JavaScript:alert(1)"), "#");
    }

    #[test]
    fn sizes() {
        assert_eq!(file_size(900, Lang::Vi), "900 B");
        assert_eq!(file_size(2048, Lang::Vi), "2 kB");
        assert_eq!(file_size(1_572_864, Lang::Vi), "1,5 MB");
    }
}
