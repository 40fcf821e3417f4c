//! The quickest rebuilds: one article edited, rendered into the last site
//! kept in memory, with the engine, cards and fingerprints of the last render.
//!
//! An edit that left the article's head ([`crate::model::head::Head`]: what
//! other pages show of it) `==` changes no other page: its page alone is
//! rendered again. Any other edit (title, date, category,
//! keywords …) replaces the article in the site in place
//! ([`crate::model::patch`]) and renders the pages that show it
//! ([`crate::render::patch`]). Both need the article's inline charts to be
//! what they were: a chart changed is drawn by the usual rebuild.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::session::{Entry, Last, Quick};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::build::UnlinkedArticle;
use crate::model::patch::replace_article;
use crate::output::OutputFile;
use crate::render;
use crate::render::memo::Memo;
use crate::theme::Theme;

/// What a quick rebuild made.
pub(super) struct Made {
    pub files: Vec<OutputFile>,
    /// Output paths to remove.
    pub removed: Vec<String>,
    /// The edited article's warnings.
    pub warnings: Vec<Diagnostic>,
    pub how: Quick,
}

/// The files of a quick rebuild when `updates` is one article edited and the
/// last render is kept, or the errors rendering them; None otherwise (the
/// caller rebuilds the usual way). `memo` is kept in step with the disk.
pub(super) fn single_edit(
    updates: &[(PathBuf, Option<Entry>)],
    articles: &BTreeMap<PathBuf, Entry>,
    last: &mut Option<Last>,
    theme: &Theme,
    memo: &mut Memo,
) -> Option<Result<Made, Diagnostics>> {
    let [(rel, Some(new))] = updates else {
        return None;
    };
    let (old, old_charts) = articles.get(rel)?.checked.as_ref().ok()?;
    let (draft, charts) = new.checked.as_ref().ok()?;
    // Alias pages are made with the whole site's addresses: the usual rebuild.
    if old_charts != charts || old.article.aliases != draft.article.aliases {
        return None;
    }
    // An article taken down (`expires` passed) leaves every page: the usual
    // rebuild drops it. A date moved past the clock keeps it in the preview,
    // marked, which the patch below renders.
    let clock = last.as_ref()?.site.settings.clock;
    if !clock.shows(draft.article.date, draft.article.expires) {
        return None;
    }
    // Nothing another page shows of it changed: its own page alone.
    if old.head() == draft.head() {
        return body_edit(rel, new.key, draft, last.as_mut()?, theme, memo);
    }
    // The pages of the leaders an article names are not patched: they are
    // made again by the usual rebuild.
    let names_people = |d: &UnlinkedArticle| {
        !d.article.people.is_empty()
            || d.article
                .event
                .as_ref()
                .is_some_and(|e| !e.chairs.is_empty())
    };
    if !last.as_ref()?.site.people.is_empty() && (names_people(old) || names_people(draft)) {
        return None;
    }
    let site = &mut last.as_mut()?.site;
    let drafts = |p: &Path| articles.get(p)?.checked.as_ref().ok().map(|(d, _)| d);
    let edit = replace_article(site, draft.clone(), drafts)?;
    let kept = last.as_mut()?;
    kept.search_stale = true;
    match render::patch::render_patch(&kept.site, theme, &mut kept.parts, memo, &edit, new.key) {
        Ok(Some(p)) => Some(Ok(Made {
            files: p.files,
            removed: p.removed,
            warnings: draft.warnings.clone(),
            how: Quick::Article,
        })),
        Ok(None) => {
            // The site in memory changed but the render's parts did not: the
            // usual rebuild makes both again. Freeing it need not hold it up.
            let stale = last.take();
            std::thread::spawn(move || drop(stale));
            None
        }
        Err(errors) => Some(Err(errors)),
    }
}

/// The article's page alone, into the last site: its card, address,
/// keywords and charts are what they were, so no other page changed.
fn body_edit(
    rel: &Path,
    key: u64,
    draft: &UnlinkedArticle,
    last: &mut Last,
    theme: &Theme,
    memo: &mut Memo,
) -> Option<Result<Made, Diagnostics>> {
    let i = last.site.articles.iter().position(|a| a.path == rel)?;
    let kept = &last.site.articles[i];
    let mut article = draft.article.clone();
    // Indices into the site's lists, which did not change.
    article.category = kept.category;
    article.tags = kept.tags.clone();
    last.site.articles[i] = article;
    last.search_stale = true;
    last.parts.set_article_key(i, key);
    let files = match render::render_articles(&last.site, theme, &mut last.parts, &[i]) {
        Ok(files) => files,
        Err(errors) => return Some(Err(errors)),
    };
    // The memo knows this page as it was before the edit.
    for f in &files {
        memo.pages.remove(&f.path);
    }
    Some(Ok(Made {
        files,
        removed: Vec::new(),
        warnings: draft.warnings.clone(),
        how: Quick::Body,
    }))
}
