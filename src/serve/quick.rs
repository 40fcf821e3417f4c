//! The quickest rebuild: one article whose edit changed nothing but its body.
//!
//! Its card, address, keywords and charts are what they were, so no other page
//! of the site shows anything new: its page alone is rendered again, into the
//! last site kept in memory, with the engine and cards of the last render.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::session::{Entry, Last};
use crate::error::{Error, Errors};
use crate::model::build::Draft;
use crate::render::{self, OutputFile};
use crate::theme::Theme;

/// The page files and the article's warnings, or the errors rendering them.
pub(super) type Rendered = Result<(Vec<OutputFile>, Vec<Error>), Errors>;

/// The page files and the article's warnings, when `updates` is one article
/// edited in its body only and the last render is kept; None otherwise (the
/// caller rebuilds the usual way).
pub(super) fn single_body_edit(
    updates: &[(PathBuf, Option<Entry>)],
    articles: &BTreeMap<PathBuf, Entry>,
    last: Option<&mut Last>,
    theme: &Theme,
) -> Option<Rendered> {
    let [(rel, Some(new))] = updates else {
        return None;
    };
    let last = last?;
    let (old, old_charts) = articles.get(rel)?.checked.as_ref().ok()?;
    let (new, new_charts) = new.checked.as_ref().ok()?;
    if old_charts != new_charts || !same_outside_body(old, new) {
        return None;
    }
    let i = last.site.articles.iter().position(|a| a.path == *rel)?;
    let kept = &last.site.articles[i];
    let mut article = new.article.clone();
    // Indices into the site's lists, which did not change.
    article.category = kept.category;
    article.tags = kept.tags.clone();
    last.site.articles[i] = article;
    last.search_stale = true;
    Some(
        render::render_articles(&last.site, theme, &mut last.parts, &[i])
            .map(|files| (files, new.warnings.clone())),
    )
}

/// Whether two checks of one article differ in nothing a page other than its
/// own shows: everything but the body (and what is derived from it alone).
fn same_outside_body(a: &Draft, b: &Draft) -> bool {
    let head = |d: &Draft| {
        let x = &d.article;
        format!(
            "{:?}",
            (
                (
                    &x.path,
                    &x.title,
                    &x.slug,
                    &x.date,
                    &x.updated,
                    &x.summary,
                    x.summary_written,
                    &d.category,
                    &d.tags
                ),
                (
                    &x.author,
                    &x.source,
                    &x.image,
                    &x.org,
                    &x.event,
                    &x.event_date,
                    x.featured,
                    x.draft,
                    &x.documents
                ),
            )
        )
    };
    head(a) == head(b)
}
