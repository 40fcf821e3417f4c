//! Paginated listings: all news, each category, each keyword, and their indexes.

use std::hash::Hasher;

use rayon::prelude::*;
use serde::Serialize;

use super::memo::Keys;
use super::pages::PageMeta;
use super::views::{Card, NamedLink};
use super::{index_of, Ctx};
use crate::diagnostic::{partition, Diagnostics};
use crate::hash::Stable;
use crate::model::article::Taxon;
use crate::model::site::urls;

#[derive(Serialize)]
pub struct Pagination {
    pub current: usize,
    pub total: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<PageLink>,
}

#[derive(Serialize)]
pub struct PageLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
}

#[derive(Serialize)]
struct ListCtx<'a> {
    page: PageMeta,
    heading: String,
    items: Vec<&'a Card>,
    pagination: Pagination,
    feed: Option<String>,
}

#[derive(Serialize)]
struct TaxonomyCtx {
    page: PageMeta,
    items: Vec<TaxonLink>,
}

#[derive(Serialize)]
struct TaxonLink {
    name: String,
    url: String,
    count: usize,
}

/// One paginated listing: where, its heading, and its articles.
struct Plan {
    base: String,
    heading: String,
    kind: &'static str,
    items: Vec<usize>,
    feed: Option<String>,
    parent: NamedLink,
}

fn plans(ctx: &Ctx) -> Vec<Plan> {
    let categories: Vec<usize> = (0..ctx.site.categories.len()).collect();
    let tags: Vec<usize> = (0..ctx.site.tags.len()).collect();
    plans_of(ctx, &categories, &tags)
}

/// The listing of all news, and those of the categories and keywords at
/// `categories` and `tags` (indices into the site's lists).
fn plans_of(ctx: &Ctx, categories: &[usize], tags: &[usize]) -> Vec<Plan> {
    let t = |k: &str| ctx.word(k);
    let mut jobs = Vec::new();
    let all_items: Vec<usize> = (0..ctx.site.articles.len()).collect();
    let news = NamedLink {
        name: t("news"),
        url: ctx.href(urls::NEWS),
    };
    jobs.push(Plan {
        base: urls::NEWS.to_string(),
        heading: t("news"),
        kind: "news",
        items: all_items,
        feed: Some(ctx.href("rss.xml")),
        parent: news,
    });
    let cats = NamedLink {
        name: t("categories"),
        url: ctx.href(urls::CATEGORIES),
    };
    for c in categories.iter().map(|&i| &ctx.site.categories[i]) {
        let feed = Some(ctx.href(&format!("{}rss.xml", urls::category(&c.slug))));
        jobs.push(Plan {
            base: urls::category(&c.slug),
            heading: c.name.clone(),
            kind: "category",
            items: c.articles.clone(),
            feed,
            parent: cats.clone(),
        });
    }
    let parent = NamedLink {
        name: t("tags"),
        url: ctx.href(urls::TAGS),
    };
    for c in tags.iter().map(|&i| &ctx.site.tags[i]) {
        jobs.push(Plan {
            base: urls::tag(&c.slug),
            heading: format!("{}: {}", t("tag"), c.name),
            kind: "tag",
            items: c.articles.clone(),
            feed: None,
            parent: parent.clone(),
        });
    }
    jobs
}

pub fn all(ctx: &Ctx) -> Result<Vec<String>, Diagnostics> {
    let (lists, errors) = partition([render_plans(ctx, &plans(ctx)), indexes(ctx, true, true)]);
    errors.into_result(lists.into_iter().flatten().collect())
}

/// The pages of the listings [`plans_of`] names, but those `ctx` skips.
pub(super) fn render_of(
    ctx: &Ctx,
    categories: &[usize],
    tags: &[usize],
) -> Result<Vec<String>, Diagnostics> {
    render_plans(ctx, &plans_of(ctx, categories, tags))
}

/// The index of all categories, of all keywords, or both.
pub(super) fn indexes(ctx: &Ctx, categories: bool, tags: bool) -> Result<Vec<String>, Diagnostics> {
    let t = |k: &str| ctx.word(k);
    let mut out = Vec::new();
    if categories {
        out.push(taxonomy_index(
            ctx,
            urls::CATEGORIES,
            &t("categories"),
            &ctx.site.categories,
        )?);
    }
    if tags {
        out.push(taxonomy_index(ctx, urls::TAGS, &t("tags"), &ctx.site.tags)?);
    }
    Ok(out)
}

fn render_plans(ctx: &Ctx, plans: &[Plan]) -> Result<Vec<String>, Diagnostics> {
    let results: Vec<Result<Vec<String>, Diagnostics>> = plans
        .par_iter()
        .map(|p| {
            listing(
                ctx,
                &p.base,
                &p.heading,
                p.kind,
                &p.items,
                p.feed.clone(),
                &p.parent,
            )
            .map_err(Diagnostics::from)
        })
        .collect();
    let (lists, errors) = partition(results);
    errors.into_result(lists.into_iter().flatten().collect())
}

/// Fingerprint of each listing page's inputs (see [`super::memo`]): its
/// heading, its place in the pagination and the cards it shows.
pub fn fingerprints(ctx: &Ctx, keys: &Keys) -> Vec<(String, u64)> {
    plan_fingerprints(ctx, keys, plans(ctx))
}

/// [`fingerprints`] of the listings [`plans_of`] names.
pub(super) fn fingerprints_of(
    ctx: &Ctx,
    keys: &Keys,
    categories: &[usize],
    tags: &[usize],
) -> Vec<(String, u64)> {
    plan_fingerprints(ctx, keys, plans_of(ctx, categories, tags))
}

fn plan_fingerprints(ctx: &Ctx, keys: &Keys, plans: Vec<Plan>) -> Vec<(String, u64)> {
    let size = ctx.site.settings.site.page_size;
    let mut out = Vec::new();
    for p in plans {
        let total = p.items.len().div_ceil(size).max(1);
        for n in 1..=total {
            let mut h = Stable::new();
            h.num(keys.global)
                .str(&p.heading)
                .str(p.kind)
                .str(p.feed.as_deref().unwrap_or_default())
                .num(n as u64)
                .num(total as u64);
            for &i in p.items.iter().skip((n - 1) * size).take(size) {
                h.num(keys.cards[i]);
            }
            out.push((index_of(&urls::paged(&p.base, n)), h.finish()));
        }
    }
    out
}

/// Pages of `items` (article indices), `page_size` each; page 1 at `base`.
fn listing(
    ctx: &Ctx,
    base: &str,
    heading: &str,
    kind: &'static str,
    items: &[usize],
    feed: Option<String>,
    parent: &NamedLink,
) -> Result<Vec<String>, crate::diagnostic::Diagnostic> {
    let size = ctx.site.settings.site.page_size;
    let total = items.len().div_ceil(size).max(1);
    let home = ctx.word("home");
    let mut out = Vec::with_capacity(total);
    for n in 1..=total {
        let rel = urls::paged(base, n);
        if ctx.keys.as_ref().is_some_and(|k| k.skips(&index_of(&rel))) {
            continue;
        }
        let chunk = items
            .iter()
            .skip((n - 1) * size)
            .take(size)
            .map(|&i| &ctx.cards[i])
            .collect();
        let title = if n > 1 {
            format!("{heading} – {} {n}", ctx.word("page"))
        } else {
            heading.to_string()
        };
        let mut page = PageMeta::new(
            ctx,
            kind,
            &title,
            &ctx.site
                .settings
                .site
                .description
                .clone()
                .unwrap_or_default(),
            &rel,
        )
        .crumb(&home, ctx.href(""));
        if kind != "news" {
            page = page.crumb(&parent.name, parent.url.clone());
        }
        let pagination = paginate(ctx, base, n, total);
        let html = ctx.render(
            "list.html",
            &ListCtx {
                page,
                heading: heading.to_string(),
                items: chunk,
                pagination,
                feed: feed.clone(),
            },
        )?;
        out.push(ctx.file(index_of(&rel), html)?);
    }
    Ok(out)
}

/// Links to the first, last and nearby pages: constant size however long the list.
pub fn paginate(ctx: &Ctx, base: &str, current: usize, total: usize) -> Pagination {
    let url = |n: usize| ctx.href(&urls::paged(base, n));
    let mut numbers: Vec<usize> = vec![1, total];
    numbers.extend(current.saturating_sub(2).max(1)..=(current + 2).min(total));
    numbers.sort_unstable();
    numbers.dedup();
    Pagination {
        current,
        total,
        prev: (current > 1).then(|| url(current - 1)),
        next: (current < total).then(|| url(current + 1)),
        pages: numbers
            .into_iter()
            .map(|n| PageLink {
                number: n,
                url: url(n),
                current: n == current,
            })
            .collect(),
    }
}

fn taxonomy_index(
    ctx: &Ctx,
    base: &str,
    title: &str,
    list: &[Taxon],
) -> Result<String, Diagnostics> {
    let page =
        PageMeta::new(ctx, "taxonomy", title, title, base).crumb(&ctx.word("home"), ctx.href(""));
    let items = list
        .iter()
        .map(|t| TaxonLink {
            name: t.name.clone(),
            url: ctx.href(&format!("{base}{}/", t.slug)),
            count: t.articles.len(),
        })
        .collect();
    Ok(ctx.file(
        index_of(base),
        ctx.render("taxonomy.html", &TaxonomyCtx { page, items })?,
    )?)
}
