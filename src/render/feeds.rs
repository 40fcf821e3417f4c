//! Machine files: RSS and Atom feeds, sitemap.xml, robots.txt; and the theme's
//! static files and the site's media, which are copied.

use std::collections::BTreeSet;

use serde::Serialize;

use super::Ctx;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::site::{urls, Site};
use crate::output::{Content, OutputFile};
use crate::text::date;
use crate::theme::Theme;

/// How many items a feed holds.
pub(super) const FEED_ITEMS: usize = 20;

#[derive(Serialize)]
struct FeedItem {
    title: String,
    url: String,
    summary: String,
    category: Option<String>,
    author: Option<String>,
    rfc2822: String,
    rfc3339: String,
}

#[derive(Serialize)]
struct FeedCtx {
    title: String,
    description: String,
    home: String,
    self_url: String,
    updated: String,
    items: Vec<FeedItem>,
}

pub fn feeds(ctx: &Ctx) -> Result<Vec<String>, Diagnostics> {
    let all: Vec<usize> = (0..ctx.site.categories.len()).collect();
    feeds_of(ctx, true, &all)
}

/// The site's feeds when `main`, and those of the categories at `categories`.
pub(super) fn feeds_of(
    ctx: &Ctx,
    main: bool,
    categories: &[usize],
) -> Result<Vec<String>, Diagnostics> {
    let site = ctx.site;
    let mut out = Vec::new();
    let mut errors = Diagnostics::default();
    let all: Vec<usize> = (0..site.articles.len()).take(FEED_ITEMS).collect();
    let title = site.settings.site.title.clone();
    let mut push = |dir: &str, title: &str, items: &[usize]| {
        for (template, name) in [("rss.xml", "rss.xml"), ("atom.xml", "atom.xml")] {
            let path = format!("{dir}{name}");
            match feed(ctx, template, title, &path, dir, items).and_then(|b| ctx.file(path, b)) {
                Ok(path) => out.push(path),
                Err(e) => errors.push(e),
            }
        }
    };
    if main {
        push("", &title, &all);
    }
    for c in categories.iter().map(|&i| &site.categories[i]) {
        let items: Vec<usize> = c.articles.iter().copied().take(FEED_ITEMS).collect();
        push(
            &urls::category(&c.slug),
            &format!("{} – {}", title, c.name),
            &items,
        );
    }
    errors.into_result(out)
}

fn feed(
    ctx: &Ctx,
    template: &str,
    title: &str,
    path: &str,
    home: &str,
    items: &[usize],
) -> Result<Vec<u8>, Diagnostic> {
    let site = ctx.site;
    let tz = &site.settings.tz;
    let items: Vec<FeedItem> = items
        .iter()
        .map(|&i| {
            let a = &site.articles[i];
            FeedItem {
                title: a.title.clone(),
                url: ctx.absolute(&urls::article(&a.slug)),
                summary: a.summary.clone(),
                category: a.category.map(|c| site.categories[c].name.clone()),
                author: a.author.clone(),
                rfc2822: date::rfc2822(a.date, tz),
                rfc3339: date::rfc3339(a.updated.unwrap_or(a.date), tz),
            }
        })
        .collect();
    let updated = site
        .articles
        .first()
        .map(|a| date::rfc3339(a.updated.unwrap_or(a.date), tz))
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    let view = FeedCtx {
        title: title.to_string(),
        description: site.settings.site.description.clone().unwrap_or_default(),
        home: ctx.absolute(home),
        self_url: ctx.absolute(path),
        updated,
        items,
    };
    ctx.render(template, &view)
}

/// The sitemap of `pages` (output paths the sitemap lists, see
/// [`super::in_sitemap`]), in path order, with absolute URLs.
pub fn sitemap(ctx: &Ctx, pages: &BTreeSet<String>) -> Result<String, Diagnostic> {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for p in pages {
        let rel = p.strip_suffix("index.html").unwrap_or(p);
        xml.push_str("  <url><loc>");
        xml.push_str(&xml_escape(&ctx.absolute(rel)));
        xml.push_str("</loc></url>\n");
    }
    xml.push_str("</urlset>\n");
    ctx.file("sitemap.xml".into(), xml.into_bytes())
}

pub fn robots(ctx: &Ctx) -> Result<String, Diagnostic> {
    let text = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        ctx.absolute("sitemap.xml")
    );
    ctx.file("robots.txt".into(), text.into_bytes())
}

pub fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// Addresses of the theme's own stylesheet and scripts, with their hashes.
#[derive(Debug, Clone, Default)]
pub struct Assets {
    pub css: String,
    pub js: String,
    pub search_js: String,
}

/// The theme's static files, with a content hash in the names of its CSS and
/// JS (`style.css`, `site.js`, `search.js`) so a web server can cache them
/// forever. Returns the files and those three URLs.
pub fn static_files(theme: &Theme, base_path: &str) -> (Vec<OutputFile>, Assets) {
    let mut out = Vec::new();
    let mut assets = Assets::default();
    for (name, bytes) in &theme.statics {
        let url = match name.as_str() {
            "style.css" => Some(&mut assets.css),
            "site.js" => Some(&mut assets.js),
            "search.js" => Some(&mut assets.search_js),
            _ => None,
        };
        let path = match url {
            Some(url) => {
                let (stem, ext) = name.split_once('.').unwrap_or((name, ""));
                let hashed = format!(
                    "{}{stem}.{:08x}.{ext}",
                    urls::STATIC,
                    crate::hash::stable(bytes) as u32
                );
                *url = format!("{base_path}{hashed}");
                hashed
            }
            None => format!("{}{name}", urls::STATIC),
        };
        out.push(OutputFile::bytes(path, bytes.clone()));
    }
    (out, assets)
}

/// media/ and documents/ files, copied when written; photos are published
/// from their web versions instead (see [`super::photos::files`]).
pub fn copies(site: &Site) -> Vec<OutputFile> {
    site.assets
        .iter()
        .filter(|rel| !crate::images::is_photo(rel))
        .map(|rel| OutputFile {
            path: rel.to_string_lossy().replace('\\', "/"),
            content: Content::Copy(site.root.join("content").join(rel)),
        })
        .collect()
}
