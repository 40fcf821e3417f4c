//! The portal's own sections: conferences (hội nghị), the documents library
//! (văn kiện), the search page and the 404 page.

use serde::Serialize;

use super::pages::PageMeta;
use super::views::{doc_view, event_view, DocView, EventView};
use super::{index_of, Ctx};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::site::urls;

#[derive(Serialize)]
struct EventsCtx {
    page: PageMeta,
    events: Vec<EventView>,
}

#[derive(Serialize)]
struct DocumentsCtx {
    page: PageMeta,
    documents: Vec<DocView>,
    filters: Vec<Filter>,
}

/// One of the library's filters: its name in the address (`?loai=…`), the
/// i18n key of its label, and its choices as (value, shown text).
#[derive(Serialize)]
struct Filter {
    name: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
}

#[derive(Serialize)]
struct DocumentCtx {
    page: PageMeta,
    document: DocView,
    articles: Vec<super::views::Card>,
    related: Vec<super::views::NamedLink>,
}

#[derive(Serialize)]
struct PlainCtx {
    page: PageMeta,
}

pub fn all(ctx: &Ctx) -> Result<Vec<String>, Diagnostics> {
    let mut out = Vec::new();
    let mut errors = Diagnostics::default();
    let mut push = |r: Result<Vec<String>, Diagnostic>| match r {
        Ok(f) => out.extend(f),
        Err(e) => errors.push(e),
    };
    push(events(ctx));
    push(documents(ctx));
    push(plain(ctx, "search.html", urls::SEARCH, "search", "search"));
    push(plain(ctx, "404.html", "", "not_found", "404"));
    errors.into_result(out)
}

pub(super) fn events(ctx: &Ctx) -> Result<Vec<String>, Diagnostic> {
    let site = ctx.site;
    let title = ctx.word("events");
    let page = PageMeta::new(ctx, "events", &title, &title, urls::EVENTS)
        .crumb(&ctx.word("home"), ctx.href(""));
    let mut list: Vec<(Option<crate::text::date::When>, EventView)> = site
        .articles
        .iter()
        .filter_map(|a| event_view(site, a).map(|v| (a.event_date.or(Some(a.date)), v)))
        .collect();
    list.sort_by_key(|e| std::cmp::Reverse(e.0));
    let events = list.into_iter().map(|(_, v)| v).collect();
    Ok(vec![ctx.file(
        index_of(urls::EVENTS),
        ctx.render("events.html", &EventsCtx { page, events })?,
    )?])
}

fn documents(ctx: &Ctx) -> Result<Vec<String>, Diagnostic> {
    let site = ctx.site;
    let title = ctx.word("documents");
    let home = ctx.word("home");
    let docs: Vec<DocView> = site.documents.iter().map(|d| doc_view(site, d)).collect();
    let filters = filters(ctx, &docs);
    let page =
        PageMeta::new(ctx, "documents", &title, &title, urls::DOCUMENTS).crumb(&home, ctx.href(""));
    let mut out = vec![ctx.file(
        index_of(urls::DOCUMENTS),
        ctx.render(
            "documents.html",
            &DocumentsCtx {
                page,
                documents: docs,
                filters,
            },
        )?,
    )?];
    out.extend(document_pages(ctx)?);
    Ok(out)
}

/// The library's filters, each with the values its documents have; a filter
/// with no value is left out.
fn filters(ctx: &Ctx, docs: &[DocView]) -> Vec<Filter> {
    let pick = |f: &dyn Fn(&DocView) -> Option<(String, String)>| {
        let mut v: Vec<(String, String)> = docs.iter().filter_map(f).collect();
        v.sort();
        v.dedup_by(|a, b| a.0 == b.0);
        v
    };
    let text = |slug: &String, name: &Option<String>| name.clone().map(|n| (slug.clone(), n));
    let mut years = pick(&|d| d.year.map(|y| (y.to_string(), y.to_string())));
    years.reverse();
    let status = pick(&|d| d.status.map(|k| (d.status_slug.clone(), ctx.word(k))));
    [
        (
            "loai",
            "document_kind",
            pick(&|d| text(&d.kind_slug, &d.kind)),
        ),
        (
            "co-quan",
            "document_issuer",
            pick(&|d| text(&d.issuer_slug, &d.issuer)),
        ),
        (
            "linh-vuc",
            "document_field",
            pick(&|d| text(&d.field_slug, &d.field)),
        ),
        ("nam", "year", years),
        ("hieu-luc", "document_status", status),
    ]
    .into_iter()
    .filter(|(_, _, options)| !options.is_empty())
    .map(|(name, label, options)| Filter {
        name,
        label,
        options,
    })
    .collect()
}

/// Documents near the one at `i`: cited by the same articles, then of the
/// same field, newest first; not those it replaces or is replaced by.
fn related_documents(ctx: &Ctx, i: usize) -> Vec<super::views::NamedLink> {
    let site = ctx.site;
    let d = &site.documents[i];
    let mut seen: Vec<usize> = vec![i];
    seen.extend(&d.replaces);
    seen.extend(&d.replaced_by);
    let cited = site
        .articles
        .iter()
        .filter(|a| a.documents.contains(&i))
        .flat_map(|a| a.documents.iter().copied());
    let field = d.entry.field.as_deref();
    let same_field = (0..site.documents.len())
        .filter(|&j| field.is_some() && site.documents[j].entry.field.as_deref() == field);
    let mut out = Vec::new();
    for j in cited.chain(same_field) {
        if !seen.contains(&j) && out.len() < 5 {
            seen.push(j);
            out.push(super::views::doc_link(site, j));
        }
    }
    out
}

/// A page per document, with the articles that name it; but those `ctx` skips.
pub(super) fn document_pages(ctx: &Ctx) -> Result<Vec<String>, Diagnostic> {
    let site = ctx.site;
    let title = ctx.word("documents");
    let home = ctx.word("home");
    let mut out = Vec::new();
    for (i, d) in site.documents.iter().enumerate() {
        let rel = urls::document(&d.slug);
        if ctx.keys.as_ref().is_some_and(|k| k.skips(&index_of(&rel))) {
            continue;
        }
        let view = doc_view(site, d);
        let page = PageMeta::new(
            ctx,
            "document",
            &view.title,
            view.summary.as_deref().unwrap_or(&view.title),
            &rel,
        )
        .crumb(&home, ctx.href(""))
        .crumb(&title, ctx.href(urls::DOCUMENTS));
        let articles = site
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| a.documents.contains(&i))
            .map(|(ai, _)| ctx.cards[ai].clone())
            .collect();
        out.push(ctx.file(
            index_of(&rel),
            ctx.render(
                "document.html",
                &DocumentCtx {
                    page,
                    document: view,
                    articles,
                    related: related_documents(ctx, i),
                },
            )?,
        )?);
    }
    Ok(out)
}

/// Fingerprints of the document pages' inputs (see [`super::memo`]): the
/// document (site-wide, unchanged in a quick rebuild) and the cards of the
/// articles that name it.
pub fn fingerprints(ctx: &Ctx, keys: &super::memo::Keys) -> Vec<(String, u64)> {
    use std::hash::Hasher;
    let site = ctx.site;
    let start = |slug: &str| {
        let mut h = crate::hash::Stable::new();
        h.num(keys.global).str("document").str(slug);
        h
    };
    let mut hashers: Vec<crate::hash::Stable> =
        site.documents.iter().map(|d| start(&d.slug)).collect();
    for (a, article) in site.articles.iter().enumerate() {
        for &d in &article.documents {
            if let Some(h) = hashers.get_mut(d) {
                h.num(keys.cards[a]);
            }
        }
    }
    site.documents
        .iter()
        .zip(hashers)
        .map(|(d, h)| (index_of(&urls::document(&d.slug)), h.finish()))
        .collect()
}

fn plain(
    ctx: &Ctx,
    template: &str,
    rel: &str,
    title_key: &str,
    kind: &'static str,
) -> Result<Vec<String>, Diagnostic> {
    let title = ctx.word(title_key);
    let mut page =
        PageMeta::new(ctx, kind, &title, &title, rel).crumb(&ctx.word("home"), ctx.href(""));
    let path = if kind == "404" {
        page.noindex = true;
        "404.html".to_string()
    } else {
        index_of(rel)
    };
    Ok(vec![
        ctx.file(path, ctx.render(template, &PlainCtx { page })?)?
    ])
}
