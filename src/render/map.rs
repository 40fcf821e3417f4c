//! The human-readable site map (sơ đồ cổng thông tin): every section of the
//! portal with its categories, units, datasets and pages, as nested lists.

use serde::Serialize;

use super::pages::PageMeta;
use super::{index_of, Ctx};
use crate::diagnostic::Diagnostic;
use crate::model::site::urls;

/// One entry of the map, with the entries under it; a group without a page
/// of its own (the units, the pages) has no address.
#[derive(Serialize)]
struct Entry {
    name: String,
    url: Option<String>,
    children: Vec<Entry>,
}

#[derive(Serialize)]
struct MapCtx {
    page: PageMeta,
    sections: Vec<Entry>,
}

/// The site map page.
pub fn page(ctx: &Ctx) -> Result<Vec<String>, Diagnostic> {
    let word = |k: &str| ctx.word(k);
    let title = word("site_map");
    let page = PageMeta::new(ctx, "site_map", &title, &title, urls::SITE_MAP)
        .crumb(&word("home"), ctx.href(""));
    let html = ctx.render(
        "site-map.html",
        &MapCtx {
            page,
            sections: sections(ctx, &word),
        },
    )?;
    Ok(vec![ctx.file(index_of(urls::SITE_MAP), html)?])
}

fn sections(ctx: &Ctx, word: &dyn Fn(&str) -> String) -> Vec<Entry> {
    let site = ctx.site;
    let entry = |name: String, rel: Option<&str>, children: Vec<Entry>| Entry {
        name,
        url: rel.map(|r| ctx.href(r)),
        children,
    };
    let leaf = |name: String, rel: &str| entry(name, Some(rel), Vec::new());
    let categories = site
        .categories
        .iter()
        .map(|c| leaf(c.name.clone(), &urls::category(&c.slug)))
        .collect();
    let datasets = site
        .datasets
        .values()
        .map(|d| leaf(d.title.clone(), &urls::dataset(&d.id)))
        .collect();
    let pages: Vec<Entry> = site
        .pages
        .iter()
        .filter(|p| !p.draft)
        .map(|p| leaf(p.title.clone(), &urls::page(&p.slug)))
        .collect();
    let mut out = vec![
        leaf(word("home"), ""),
        entry(word("news"), Some(urls::NEWS), categories),
        leaf(word("tags"), urls::TAGS),
        leaf(word("events"), urls::EVENTS),
        leaf(word("documents"), urls::DOCUMENTS),
        entry(word("statistics"), Some(urls::STATS), datasets),
    ];
    let units = org_tree(ctx, None);
    if !units.is_empty() {
        out.push(entry(word("organizations"), None, units));
    }
    if !pages.is_empty() {
        out.push(entry(word("pages"), None, pages));
    }
    out.push(leaf(word("search"), urls::SEARCH));
    out.push(leaf(word("feeds"), "rss.xml"));
    out
}

/// The units under `parent` (the top ones for None), each with its own.
fn org_tree(ctx: &Ctx, parent: Option<usize>) -> Vec<Entry> {
    let orgs = &ctx.site.orgs;
    let ids: Vec<usize> = match parent {
        Some(p) => orgs.children.get(p).cloned().unwrap_or_default(),
        None => (0..orgs.list.len())
            .filter(|&i| {
                orgs.list[i]
                    .parent
                    .as_ref()
                    .is_none_or(|p| !orgs.index.contains_key(p))
            })
            .collect(),
    };
    ids.into_iter()
        .map(|i| Entry {
            name: orgs.list[i].name.clone(),
            url: Some(ctx.href(&urls::org(&orgs.list[i].id))),
            children: org_tree(ctx, Some(i)),
        })
        .collect()
}
