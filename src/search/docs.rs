//! What the index holds: one [`Doc`] per article, page, document and dataset,
//! taken from the model (never from rendered HTML).
//!
//! Ids: pages, documents and datasets first, then articles oldest first, so
//! that publishing a new article adds one id at the end instead of moving
//! every other document's files.

use std::borrow::Cow;

use rayon::prelude::*;

use crate::model::site::urls;
use crate::model::Site;
use crate::render::views::{self, Card};
use crate::theme::Theme;

/// A searchable document, borrowing its texts from the model and the cards
/// where they are (one copy fewer of each title, URL and date).
#[derive(Debug, Clone, PartialEq)]
pub struct Doc<'a> {
    pub title: Cow<'a, str>,
    pub url: Cow<'a, str>,
    /// As shown on the site's pages: `21/02/2023`.
    pub date: Option<Cow<'a, str>>,
    pub year: Option<i16>,
    /// Index into [`Groups::list`]; `None` for an article without a category.
    pub group: Option<usize>,
    /// Words that describe the document: keywords, category, number, issuer.
    pub keywords: Vec<&'a str>,
    pub summary: &'a str,
    pub body: &'a str,
}

/// The choices of the category filter: the site's categories, then one per kind
/// of document that has no category.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Group {
    pub name: String,
    pub slug: String,
}

pub struct Groups {
    pub list: Vec<Group>,
    page: usize,
    document: usize,
    dataset: usize,
}

impl Groups {
    fn new(site: &Site, theme: &Theme) -> Groups {
        let mut list: Vec<Group> = site
            .categories
            .iter()
            .map(|c| Group {
                name: c.name.clone(),
                slug: c.slug.clone(),
            })
            .collect();
        let word = |key: &str| {
            theme
                .words
                .get(key)
                .cloned()
                .unwrap_or_else(|| key.to_string())
        };
        let mut push = |name: String, slug: &str| {
            list.push(Group {
                name,
                slug: slug.to_string(),
            });
            list.len() - 1
        };
        // Slugs that a category cannot have (slugs never hold `_`), so they never clash.
        let page = push(word("search_kind_page"), "_trang");
        let document = push(word("search_kind_document"), "_van-kien");
        let dataset = push(word("search_kind_dataset"), "_so-lieu");
        Groups {
            list,
            page,
            document,
            dataset,
        }
    }
}

/// Every document of the site in id order, and the filter groups.
pub fn collect<'a>(site: &'a Site, theme: &Theme, cards: &'a [Card]) -> (Vec<Doc<'a>>, Groups) {
    let groups = Groups::new(site, theme);
    let mut docs = Vec::with_capacity(
        site.pages.len() + site.documents.len() + site.datasets.len() + site.articles.len(),
    );
    docs.extend(site.pages.iter().map(|p| page(site, p, groups.page)));
    docs.extend(
        site.documents
            .iter()
            .map(|d| document(site, d, groups.document)),
    );
    docs.extend(
        site.datasets
            .values()
            .map(|d| dataset(site, d, groups.dataset)),
    );
    docs.par_extend(
        site.articles
            .par_iter()
            .zip(cards)
            .rev()
            .map(|(a, c)| article(site, a, c)),
    );
    (docs, groups)
}

fn article<'a>(site: &'a Site, a: &'a crate::model::article::Article, card: &'a Card) -> Doc<'a> {
    let mut keywords: Vec<&str> = a
        .tags
        .iter()
        .filter_map(|&t| site.tags.get(t))
        .map(|t| t.name.as_str())
        .collect();
    if let Some(c) = a.category.and_then(|c| site.categories.get(c)) {
        keywords.push(&c.name);
    }
    if let Some(e) = &a.event {
        keywords.push(&e.name);
    }
    // A lead taken from the body's first paragraph is already in `plain`.
    let body = if a.summary_written {
        a.plain.as_str()
    } else {
        a.plain.strip_prefix(a.summary.as_str()).unwrap_or(&a.plain)
    };
    Doc {
        title: Cow::Borrowed(&a.title),
        url: Cow::Borrowed(&card.url),
        date: Some(Cow::Borrowed(&card.date)),
        year: Some(a.date.at.year()),
        group: a.category,
        keywords,
        summary: &a.summary,
        body,
    }
}

fn page<'a>(site: &Site, p: &'a crate::model::article::Page, group: usize) -> Doc<'a> {
    Doc {
        title: Cow::Borrowed(&p.title),
        url: views::href(&site.settings.base_path, &urls::page(&p.slug)).into(),
        date: None,
        year: None,
        group: Some(group),
        keywords: Vec::new(),
        summary: p.summary.as_deref().unwrap_or_default(),
        body: &p.plain,
    }
}

fn document<'a>(site: &Site, d: &'a crate::model::document::Document, group: usize) -> Doc<'a> {
    let e = &d.entry;
    let keywords = [&e.number, &e.kind, &e.issuer, &e.signer, &e.field]
        .into_iter()
        .filter_map(|s| s.as_deref())
        .collect();
    Doc {
        title: Cow::Borrowed(&e.title),
        url: views::href(&site.settings.base_path, &urls::document(&d.slug)).into(),
        date: d
            .date
            .map(|w| crate::text::date::short(w, site.settings.lang).into()),
        year: d.date.map(|w| w.at.year()),
        group: Some(group),
        keywords,
        summary: e.summary.as_deref().unwrap_or_default(),
        body: "",
    }
}

fn dataset<'a>(site: &Site, d: &'a crate::input::dataset::Dataset, group: usize) -> Doc<'a> {
    Doc {
        title: Cow::Borrowed(&d.title),
        url: views::href(&site.settings.base_path, &urls::dataset(&d.id)).into(),
        date: None,
        year: None,
        group: Some(group),
        keywords: d
            .columns
            .iter()
            .map(|c| c.label.as_str())
            .chain(d.source.as_deref())
            .collect(),
        summary: d.description.as_deref().unwrap_or_default(),
        body: "",
    }
}
