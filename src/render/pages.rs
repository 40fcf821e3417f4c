//! Article pages, standalone pages, the home page and the sidebar they share.

use std::hash::Hasher;

use rayon::prelude::*;
use serde::Serialize;

use super::memo::Keys;
use super::views::{
    self, doc_view, event_view, source_view, Card, DocView, EventView, ImageView, NamedLink,
    StatView,
};
use super::{body, index_of, Ctx};
use crate::diagnostic::{partition, Diagnostics};
use crate::hash::Stable;
use crate::input::frontmatter::NewsSource;
use crate::model::article::Article;
use crate::model::site::{urls, Site};
use crate::text::date;

/// What the `<head>` and the breadcrumb of every page need.
#[derive(Serialize, Clone)]
pub struct PageMeta {
    pub title: String,
    pub description: String,
    /// Site path of this page (`/tin-tuc/a/`).
    pub url: String,
    /// Absolute address, for canonical and Open Graph.
    pub canonical: String,
    pub kind: &'static str,
    pub breadcrumbs: Vec<NamedLink>,
    /// Absolute address of the page's image, for Open Graph.
    pub image: Option<String>,
    pub noindex: bool,
}

impl PageMeta {
    pub fn new(ctx: &Ctx, kind: &'static str, title: &str, description: &str, rel: &str) -> Self {
        PageMeta {
            title: title.to_string(),
            description: description.to_string(),
            url: ctx.href(rel),
            canonical: ctx.absolute(rel),
            kind,
            breadcrumbs: Vec::new(),
            image: None,
            noindex: false,
        }
    }

    pub fn crumb(mut self, name: &str, url: String) -> Self {
        self.breadcrumbs.push(NamedLink {
            name: name.to_string(),
            url,
        });
        self
    }
}

#[derive(Serialize)]
struct ArticleView {
    title: String,
    date: String,
    date_iso: String,
    updated: Option<String>,
    updated_iso: Option<String>,
    summary: String,
    /// The lead to show above the body: only a written one, not the first paragraph.
    lead: Option<String>,
    author: Option<String>,
    source: Option<NewsSource>,
    image: Option<ImageView>,
    category: Option<NamedLink>,
    tags: Vec<NamedLink>,
    org: Option<NamedLink>,
    event: Option<EventView>,
    documents: Vec<DocView>,
    body: String,
    draft: bool,
    scheduled: bool,
}

#[derive(Serialize)]
struct ArticleCtx<'a> {
    page: PageMeta,
    article: ArticleView,
    related: Vec<&'a Card>,
    newer: Vec<&'a Card>,
    older: Vec<&'a Card>,
    json_ld: String,
}

/// How many links each "related / newer / older" list shows.
pub(super) const NEIGHBOURS: usize = 5;

pub fn articles(ctx: &Ctx) -> Result<Vec<String>, Diagnostics> {
    let results: Vec<Result<String, Diagnostics>> = (0..ctx.site.articles.len())
        .into_par_iter()
        .filter(|&i| {
            !ctx.keys
                .as_ref()
                .is_some_and(|k| k.skips(&article_path(ctx, i)))
        })
        .map(|i| article(ctx, i).map_err(Diagnostics::from))
        .collect();
    let (files, errors) = partition(results);
    errors.into_result(files)
}

fn article_path(ctx: &Ctx, i: usize) -> String {
    index_of(&urls::article(&ctx.site.articles[i].slug))
}

/// The other articles an article page lists: newer, older, and related.
fn neighbours(ctx: &Ctx, i: usize) -> [Vec<usize>; 3] {
    let newer = (i.saturating_sub(NEIGHBOURS)..i).rev().collect();
    let older = (i + 1..ctx.site.articles.len()).take(NEIGHBOURS).collect();
    [newer, older, related(ctx, i)]
}

/// Fingerprint of each article page's inputs (see [`super::memo`]): its own
/// source, its card, its keywords, and the cards it lists. An article without
/// a key gets none, so its page is always rendered.
pub fn fingerprints(ctx: &Ctx, keys: &Keys) -> Vec<(String, u64)> {
    (0..ctx.site.articles.len())
        .into_par_iter()
        .filter_map(|i| fingerprint(ctx, keys, i))
        .collect()
}

/// [`fingerprints`] of the article page at `i` alone.
pub(super) fn fingerprint(ctx: &Ctx, keys: &Keys, i: usize) -> Option<(String, u64)> {
    let a = &ctx.site.articles[i];
    let mut h = Stable::new();
    h.num(keys.global)
        .num(*keys.articles.get(i)?)
        .num(keys.cards[i]);
    for &t in &a.tags {
        h.str(&ctx.site.tags[t].name);
    }
    for list in neighbours(ctx, i) {
        h.num(list.len() as u64);
        for x in list {
            h.num(keys.cards[x]);
        }
    }
    Some((article_path(ctx, i), h.finish()))
}

pub(super) fn article(ctx: &Ctx, i: usize) -> Result<String, crate::diagnostic::Diagnostic> {
    let site = ctx.site;
    let a = &site.articles[i];
    let lang = site.settings.lang;
    let rel = urls::article(&a.slug);
    let mut page = PageMeta::new(ctx, "article", &a.title, &a.summary, &rel).crumb(
        &ctx.theme.words.get("home").cloned().unwrap_or_default(),
        ctx.href(""),
    );
    if let Some(c) = a.category {
        let l = views::category_link(site, c);
        page = page.crumb(&l.name, l.url);
    }
    page.image = a
        .image
        .as_ref()
        .map(|img| super::photos::og_image(ctx, &img.src));
    let view = ArticleView {
        title: a.title.clone(),
        date: date::short(a.date, lang),
        date_iso: date::iso_date(a.date),
        updated: a.updated.map(|u| date::short(u, lang)),
        updated_iso: a.updated.map(date::iso_date),
        summary: a.summary.clone(),
        lead: a.summary_written.then(|| a.summary.clone()),
        author: a.author.clone(),
        source: a
            .source
            .as_ref()
            .map(|s| source_view(s, &site.settings.base_path)),
        image: a
            .image
            .as_ref()
            .map(|img| super::photos::image_view(site, img)),
        category: a.category.map(|c| views::category_link(site, c)),
        tags: a.tags.iter().map(|&t| views::tag_link(site, t)).collect(),
        org: a
            .org
            .as_deref()
            .and_then(|o| site.orgs.get(o))
            .map(|o| NamedLink {
                name: o.name.clone(),
                url: ctx.href(&urls::org(&o.id)),
            }),
        event: event_view(site, a),
        documents: a
            .documents
            .iter()
            .map(|&d| doc_view(site, &site.documents[d]))
            .collect(),
        body: body::html(ctx, &a.body, a.image.is_none())?,
        draft: a.draft,
        scheduled: a.scheduled,
    };
    let [newer, older, related] = neighbours(ctx, i).map(|list| {
        list.into_iter()
            .map(|x| &ctx.cards[x])
            .collect::<Vec<&Card>>()
    });
    let json_ld = json_ld(ctx, a, &page);
    let html = ctx.render(
        "article.html",
        &ArticleCtx {
            page,
            article: view,
            related,
            newer,
            older,
            json_ld,
        },
    )?;
    ctx.file(index_of(&rel), html)
}

/// "Tin liên quan": see [`super::related`].
fn related(ctx: &Ctx, i: usize) -> Vec<usize> {
    super::related::related(ctx.site, i, NEIGHBOURS)
}

/// schema.org NewsArticle, safe inside a `<script>` element: what search
/// engines read for a news story (headline, dates, author, image, publisher).
/// The description and address are in the page's own meta tags already.
fn json_ld(ctx: &Ctx, a: &Article, page: &PageMeta) -> String {
    let tz = &ctx.site.settings.tz;
    let mut value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.title,
        "datePublished": date::rfc3339(a.date, tz),
        "dateModified": date::rfc3339(a.updated.unwrap_or(a.date), tz),
        "publisher": {"@type": "Organization", "name": ctx.site.settings.site.title},
        "inLanguage": ctx.site.settings.lang.code(),
    });
    if let Some(n) = &a.author {
        value["author"] = serde_json::json!({"@type": "Organization", "name": n});
    }
    if let Some(img) = &page.image {
        value["image"] = img.clone().into();
    }
    script_safe_json(&value)
}

/// JSON that cannot end its `<script>` early: `<`, `>` and `&` as \u escapes.
pub fn script_safe_json(value: &serde_json::Value) -> String {
    serde_json::to_string(value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[derive(Serialize)]
struct PageCtx {
    page: PageMeta,
    body: String,
    summary: Option<String>,
}

pub fn pages(ctx: &Ctx) -> Result<Vec<String>, Diagnostics> {
    let mut out = Vec::new();
    let mut errors = Diagnostics::default();
    for p in &ctx.site.pages {
        let rel = urls::page(&p.slug);
        let meta = PageMeta::new(
            ctx,
            "page",
            &p.title,
            p.summary.as_deref().unwrap_or_default(),
            &rel,
        )
        .crumb(
            &ctx.theme.words.get("home").cloned().unwrap_or_default(),
            ctx.href(""),
        );
        let body = match body::html(ctx, &p.body, true) {
            Ok(b) => b,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        match ctx.render(
            "page.html",
            &PageCtx {
                page: meta,
                body,
                summary: p.summary.clone(),
            },
        ) {
            Ok(html) => match ctx.file(index_of(&rel), html) {
                Ok(f) => out.push(f),
                Err(e) => errors.push(e),
            },
            Err(e) => errors.push(e),
        }
    }
    errors.into_result(out)
}

/// Shown beside every page; computed once and put in the global context.
#[derive(Serialize)]
pub struct Sidebar {
    pub latest: Vec<Card>,
    pub featured: Vec<Card>,
    pub documents: Vec<DocView>,
}

pub fn sidebar(site: &Site) -> Sidebar {
    Sidebar {
        latest: site
            .articles
            .iter()
            .take(5)
            .map(|a| views::card(site, a))
            .collect(),
        featured: site
            .articles
            .iter()
            .filter(|a| a.featured)
            .take(5)
            .map(|a| views::card(site, a))
            .collect(),
        documents: site
            .documents
            .iter()
            .take(5)
            .map(|d| doc_view(site, d))
            .collect(),
    }
}

#[derive(Serialize)]
struct CategoryBlock<'a> {
    category: NamedLink,
    items: Vec<&'a Card>,
}

#[derive(Serialize)]
struct HomeCtx<'a> {
    page: PageMeta,
    /// Only the home page and the sidebar's own file show the sidebar, so
    /// no other page changes with it (the build cache keeps them).
    sidebar: &'a Sidebar,
    featured: Option<&'a Card>,
    headlines: Vec<&'a Card>,
    latest: Vec<&'a Card>,
    blocks: Vec<CategoryBlock<'a>>,
    stats: Vec<StatView>,
    events: Vec<EventView>,
    /// The work schedule from today to the end of the week.
    schedule: Option<super::schedule::HomeBlock>,
}

pub fn home(ctx: &Ctx) -> Result<Vec<String>, Diagnostics> {
    let site = ctx.site;
    let sidebar = sidebar(site);
    let featured_i =
        site.articles
            .iter()
            .position(|a| a.featured)
            .or(if site.articles.is_empty() {
                None
            } else {
                Some(0)
            });
    let rest = || (0..site.articles.len()).filter(move |&i| Some(i) != featured_i);
    let description = site.settings.site.description.clone().unwrap_or_default();
    let view = HomeCtx {
        page: PageMeta::new(ctx, "home", &site.settings.site.title, &description, ""),
        sidebar: &sidebar,
        featured: featured_i.map(|i| &ctx.cards[i]),
        headlines: rest().take(5).map(|i| &ctx.cards[i]).collect(),
        latest: rest().skip(5).take(8).map(|i| &ctx.cards[i]).collect(),
        blocks: site
            .categories
            .iter()
            .enumerate()
            .map(|(ci, c)| CategoryBlock {
                category: views::category_link(site, ci),
                items: c.articles.iter().take(4).map(|&i| &ctx.cards[i]).collect(),
            })
            .collect(),
        stats: views::home_stats(site),
        events: site
            .articles
            .iter()
            .filter_map(|a| event_view(site, a))
            .take(4)
            .collect(),
        schedule: super::schedule::home_block(ctx),
    };
    let html = ctx.render("index.html", &view)?;
    Ok(vec![
        ctx.file("index.html".to_string(), html)?,
        side(ctx, &sidebar)?,
    ])
}

/// The sidebar's own file, which every page but the home page shows in a frame
/// (base.html names it): its blocks are the same on every page, so readers
/// fetch them once for the whole site. Made with the home page, which every
/// rebuild renders, so it is never stale.
pub const SIDE_FILE: &str = "cot-ben.html";

#[derive(Serialize)]
struct SideCtx<'a> {
    page: PageMeta,
    sidebar: &'a Sidebar,
}

fn side(ctx: &Ctx, sidebar: &Sidebar) -> Result<String, crate::diagnostic::Diagnostic> {
    let title = ctx.theme.words.get("sidebar").cloned().unwrap_or_default();
    let mut page = PageMeta::new(ctx, "side", &title, "", SIDE_FILE);
    page.noindex = true;
    let html = ctx.render("side.html", &SideCtx { page, sidebar })?;
    ctx.file(SIDE_FILE.to_string(), html)
}
