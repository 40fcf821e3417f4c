//! One article of an assembled [`Site`] replaced in place, for `serve`: the
//! site [`super::build::assemble`] would make from the same articles, without
//! copying and assembling every article again (a tenth of a second at 10,000
//! articles; this takes about a millisecond).
//!
//! The article may move in the order (its date or slug changed) and join or
//! leave categories, keywords and an organization: every list of article
//! indices is renumbered, and a category or keyword is named as its first
//! article spells it, as in `assemble`. Not redone here: the charts (the
//! caller makes sure the article's inline charts are the ones it had), and
//! the order of `Site::warnings` (reported per edit, never rendered).
//!
//! This is the one place a built [`Site`] changes (see [`crate::model`]).
//! Article indices are typed by numbering, [`Before`] the patch or [`After`]
//! it, so one is never taken for the other; [`Move::renumber`] maps them.

use std::path::Path;

use super::article::{Article, Taxon};
use super::build::{named_slugs, order, UnlinkedArticle};
use super::site::Site;

/// An index into `Site::articles` as it was before the patch (and into what
/// was kept from the render before it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Before(pub usize);

/// An index into `Site::articles` after the patch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct After(pub usize);

/// One article taken out at `old` and put back at `new`: every article
/// between the two places moves by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    pub old: Before,
    pub new: After,
}

impl Move {
    /// Where an article other than the moved one ends up.
    pub fn renumber(self, x: Before) -> After {
        let y = x.0 - usize::from(x.0 > self.old.0);
        After(y + usize::from(y >= self.new.0))
    }
}

/// What the replacement changed, for deciding which pages to render again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replaced {
    /// The article's index in `Site::articles`, before and after.
    pub old: Before,
    pub new: After,
    /// Its slug before: the address of its old page.
    pub old_slug: String,
    /// Whether it had a conference before.
    pub had_event: bool,
    /// Slugs of its category and of its keywords, before and after.
    pub categories: [Vec<String>; 2],
    pub tags: [Vec<String>; 2],
    /// Of those still in the site, the ones whose name changed.
    pub renamed_categories: Vec<String>,
    pub renamed_tags: Vec<String>,
}

/// Replaces the article at the path of `draft` with it. `drafts` gives the
/// draft each other article of the site was made from (for the names of
/// categories and keywords). None, with the site untouched, when the article
/// is not in the site or another article has its slug: the caller then
/// assembles the site, which reports the clash.
pub fn replace_article<'a>(
    site: &mut Site,
    draft: UnlinkedArticle,
    drafts: impl Fn(&Path) -> Option<&'a UnlinkedArticle>,
) -> Option<Replaced> {
    let old = site
        .articles
        .iter()
        .position(|a| a.path == draft.article.path)
        .map(Before)?;
    let slug = draft.article.slug.as_str();
    if slug != site.articles[old.0].slug && site.articles.iter().any(|a| a.slug == slug) {
        return None;
    }
    let was = &site.articles[old.0];
    let old_slug = was.slug.clone();
    let had_event = was.event.is_some();
    let old_cats = Kind::Category.slugs_of(site, was);
    let old_tags = Kind::Tag.slugs_of(site, was);
    let UnlinkedArticle {
        article,
        category,
        tags,
        warnings,
    } = draft;
    let new = move_article(site, old, article);
    let cats = named_slugs(category.as_slice());
    let tags = named_slugs(&tags);
    let renamed_categories = rejoin(site, Kind::Category, new, &old_cats, &cats, &drafts);
    let renamed_tags = rejoin(site, Kind::Tag, new, &old_tags, &tags, &drafts);
    let path = site.articles[new.0].path.clone();
    site.warnings.retain(|w| w.path() != Some(path.as_path()));
    site.warnings.extend(warnings);
    Some(Replaced {
        old,
        new,
        old_slug,
        had_event,
        categories: [old_cats, dedup(cats.into_iter().map(|(_, s)| s))],
        tags: [old_tags, dedup(tags.into_iter().map(|(_, s)| s))],
        renamed_categories,
        renamed_tags,
    })
}

/// Takes the article at `old` out of every list, puts `article` where the
/// order wants it (in its organization's list too, not yet in categories or
/// keywords), and renumbers every list. Returns its new index.
fn move_article(site: &mut Site, old: Before, mut article: Article) -> After {
    let was = &site.articles[old.0];
    let (cat, tags, org) = (was.category, was.tags.clone(), org_index(site, was));
    if let Some(c) = cat {
        site.categories[c].articles.retain(|&x| x != old.0);
    }
    for t in tags {
        site.tags[t].articles.retain(|&x| x != old.0);
    }
    if let Some(o) = org {
        site.org_articles[o].retain(|&x| x != old.0);
    }
    site.articles.remove(old.0);
    let new = After(
        site.articles
            .partition_point(|a| order(a, &article).is_lt()),
    );
    article.category = None;
    article.tags = Vec::new();
    let org = org_index(site, &article);
    site.articles.insert(new.0, article);
    // The lists keep their order, as each is a subsequence of the site's.
    let moved = Move { old, new };
    let lists = site.categories.iter_mut().chain(site.tags.iter_mut());
    for list in lists
        .map(|t| &mut t.articles)
        .chain(site.org_articles.iter_mut())
    {
        for x in list.iter_mut() {
            *x = moved.renumber(Before(*x)).0;
        }
    }
    if let Some(o) = org {
        insert_sorted(&mut site.org_articles[o], new.0);
    }
    new
}

/// Puts the article at `new` into the categories (or keywords) `names`,
/// making those that did not exist and removing those of `old` left empty,
/// then names each of them after its first article. Returns the slugs of
/// those whose name changed.
fn rejoin<'a>(
    site: &mut Site,
    kind: Kind,
    new: After,
    old: &[String],
    names: &[(String, String)],
    drafts: &impl Fn(&Path) -> Option<&'a UnlinkedArticle>,
) -> Vec<String> {
    let affected = dedup(old.iter().cloned().chain(names.iter().map(|n| n.1.clone())));
    let before: Vec<Option<String>> = affected
        .iter()
        .map(|s| {
            Taxon::search(kind.list(site), s)
                .ok()
                .map(|i| kind.list(site)[i].name.clone())
        })
        .collect();
    for (name, slug) in names {
        let i = Taxon::search(kind.list(site), slug)
            .unwrap_or_else(|at| make(site, kind, at, name, slug));
        insert_sorted(&mut kind.list_mut(site)[i].articles, new.0);
    }
    for slug in old {
        let i = Taxon::search(kind.list(site), slug).ok();
        if let Some(i) = i.filter(|&i| kind.list(site)[i].articles.is_empty()) {
            kind.list_mut(site).remove(i);
            kind.renumber(&mut site.articles, |x| x - usize::from(x > i));
        }
    }
    let indices: Vec<usize> = names
        .iter()
        .filter_map(|(_, slug)| Taxon::search(kind.list(site), slug).ok())
        .collect();
    kind.assign(&mut site.articles[new.0], indices);
    let mut renamed = Vec::new();
    for (slug, before) in affected.iter().zip(before) {
        let Ok(i) = Taxon::search(kind.list(site), slug) else {
            continue;
        };
        let name = first_spelling(site, kind, i, new, names, drafts);
        // Every article of the site has its draft, so a name is always found.
        debug_assert!(name.is_some(), "no draft names `{slug}`");
        if let Some(name) = name {
            kind.list_mut(site)[i].name = name;
        }
        if before.is_some_and(|b| b != kind.list(site)[i].name) {
            renamed.push(slug.clone());
        }
    }
    renamed
}

/// A new category (or keyword) at `at` in its list, with no article yet.
fn make(site: &mut Site, kind: Kind, at: usize, name: &str, slug: &str) -> usize {
    let taxon = Taxon {
        name: name.to_string(),
        slug: slug.to_string(),
        articles: Vec::new(),
    };
    kind.list_mut(site).insert(at, taxon);
    kind.renumber(&mut site.articles, |x| x + usize::from(x >= at));
    at
}

/// The name the category (or keyword) at `i` takes, as `assemble` names it:
/// as its first article spells it (`names`, when that is the article at `new`).
fn first_spelling<'a>(
    site: &Site,
    kind: Kind,
    i: usize,
    new: After,
    names: &[(String, String)],
    drafts: &impl Fn(&Path) -> Option<&'a UnlinkedArticle>,
) -> Option<String> {
    let taxon = &kind.list(site)[i];
    let first = taxon.articles[0];
    let spelled =
        |list: &[(String, String)]| list.iter().find(|n| n.1 == taxon.slug).map(|n| n.0.clone());
    if first == new.0 {
        spelled(names)
    } else {
        drafts(&site.articles[first].path).and_then(|d| spelled(&kind.names(d)))
    }
}

/// Categories or keywords: the two lists of [`Taxon`] an article is in.
#[derive(Clone, Copy)]
enum Kind {
    Category,
    Tag,
}

impl Kind {
    fn list(self, site: &Site) -> &[Taxon] {
        match self {
            Kind::Category => &site.categories,
            Kind::Tag => &site.tags,
        }
    }

    fn list_mut(self, site: &mut Site) -> &mut Vec<Taxon> {
        match self {
            Kind::Category => &mut site.categories,
            Kind::Tag => &mut site.tags,
        }
    }

    /// The slugs an article is listed under, each once.
    fn slugs_of(self, site: &Site, a: &Article) -> Vec<String> {
        let indices: Vec<usize> = match self {
            Kind::Category => a.category.into_iter().collect(),
            Kind::Tag => a.tags.clone(),
        };
        dedup(indices.into_iter().map(|i| self.list(site)[i].slug.clone()))
    }

    /// The names a draft gives, with their slugs, in its order.
    fn names(self, d: &UnlinkedArticle) -> Vec<(String, String)> {
        match self {
            Kind::Category => named_slugs(d.category.as_slice()),
            Kind::Tag => named_slugs(&d.tags),
        }
    }

    /// An article's indices into the list, as `assemble` gives them: a
    /// keyword named twice (two spellings of one slug) is listed twice.
    fn assign(self, a: &mut Article, indices: Vec<usize>) {
        match self {
            Kind::Category => a.category = indices.last().copied(),
            Kind::Tag => a.tags = indices,
        }
    }

    /// Renumbers every article's indices into the list.
    fn renumber(self, articles: &mut [Article], f: impl Fn(usize) -> usize) {
        for a in articles {
            match self {
                Kind::Category => a.category = a.category.map(&f),
                Kind::Tag => a.tags.iter_mut().for_each(|t| *t = f(*t)),
            }
        }
    }
}

fn org_index(site: &Site, a: &Article) -> Option<usize> {
    a.org.as_ref().and_then(|o| site.orgs.index.get(o)).copied()
}

fn insert_sorted(list: &mut Vec<usize>, x: usize) {
    if let Err(at) = list.binary_search(&x) {
        list.insert(at, x);
    }
}

/// In first-seen order.
fn dedup(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in items {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The move done on a list of names: where each other name goes is
    /// what `renumber` says.
    #[test]
    fn renumber_follows_a_remove_and_an_insert() {
        let names = ["a", "b", "c", "d", "e"];
        for old in 0..names.len() {
            for new in 0..names.len() {
                let mut list = names.to_vec();
                let moved = list.remove(old);
                list.insert(new, moved);
                let m = Move {
                    old: Before(old),
                    new: After(new),
                };
                for (x, name) in names.iter().enumerate().filter(|&(x, _)| x != old) {
                    let After(y) = m.renumber(Before(x));
                    assert_eq!(list[y], *name, "{old} → {new}, {name}");
                }
            }
        }
    }
}
