//! Rendering again what one article's edit changed, for `serve`, after the
//! site was patched in place ([`crate::model::patch`]).
//!
//! The cards and fingerprints kept from the last render ([`Parts`]) are
//! brought in step with the site. Then only the pages that may show the
//! article get their fingerprints again ([`super::memo`]): the articles near
//! it in the order before and after, those sharing a category, keyword,
//! organization or conference with it (their "related" lists) and of renamed
//! keywords, the listings of all news and of
//! its categories and keywords, and every organization and document page
//! (cheap). Those whose fingerprint differs from the memo's are rendered,
//! with the home page and the feeds, indexes, conference page and sitemap the
//! edit may change. No other page shows the article, so each still stands.

use std::collections::BTreeSet;

use rayon::prelude::*;

use super::memo::{self, Keys, Memo};
use super::pages::NEIGHBOURS;
use super::{feeds, figures, index_of, listings, pages, portal, views};
use super::{Ctx, Parts};
use crate::diagnostic::{partition, Diagnostics};
use crate::hash::{FxHashMap, FxHashSet};
use crate::model::article::Taxon;
use crate::model::patch::Replaced;
use crate::model::site::{urls, Site};
use crate::output::{Memory, OutputFile};
use crate::theme::Theme;

/// What a patch render made.
pub struct Patched {
    pub files: Vec<OutputFile>,
    /// Output paths the site no longer has.
    pub removed: Vec<String>,
}

/// The files `edit` changed, with `key` the edited article's source key (see
/// [`memo::Incremental::article_keys`]); `memo` is updated when it succeeds.
/// None when the sidebar changed: every page shows it, so the caller renders
/// the whole site (and must not use `parts` again).
pub fn render_patch(
    site: &Site,
    theme: &Theme,
    parts: &mut Parts,
    memo: &mut Memo,
    edit: &Replaced,
    key: u64,
) -> Result<Option<Patched>, Diagnostics> {
    if memo::of_json(&pages::sidebar(site)) != parts.sidebar {
        return Ok(None);
    }
    let cards_changed = follow(parts, site, edit, key);
    let scope = Scope::of(site, edit, &cards_changed);
    let made = Memory::default();
    let mut ctx = Ctx {
        site,
        theme,
        tera: &parts.tera,
        cards: &parts.cards,
        figures: std::mem::take(&mut parts.figures),
        keys: None,
        sink: &made,
    };
    let mut keys = std::mem::take(&mut parts.keys);
    let prints = fingerprints(&ctx, &keys, &scope);
    let removed = removed(site, &parts.sitemap, edit);
    let stale = prints.stale_articles(&memo.pages);
    keys.skip = prints.unchanged_others(&memo.pages);
    ctx.keys = Some(keys);
    let sitemap_changed = prints.update_sitemap(&mut parts.sitemap, &removed);
    let sitemap = sitemap_changed.then_some(&parts.sitemap);
    let rendered = render(
        &ctx,
        &scope,
        &stale,
        &Others::of(site, edit, &cards_changed, sitemap),
    );
    let Ctx { figures, keys, .. } = ctx;
    parts.figures = figures;
    parts.keys = Keys::kept(keys);
    // The memo describes the files on disk: only pages rendered change it.
    rendered?;
    let files = made.into_files();
    prints.record(&mut memo.pages, &removed);
    Ok(Some(Patched { files, removed }))
}

/// Brings the kept cards and keys in step with the site after `edit`.
/// Returns the indices of the articles whose card changed: the edited one,
/// and those of a category whose name changed with it.
fn follow(parts: &mut Parts, site: &Site, edit: &Replaced, key: u64) -> Vec<usize> {
    // The kept parts are numbered as before: the old place goes, the new
    // one (numbered as after) comes.
    let (old, new) = (edit.old.0, edit.new.0);
    let card = views::card(site, &site.articles[new]);
    let keys = &mut parts.keys;
    parts.cards.remove(old);
    keys.cards.remove(old);
    keys.articles.remove(old);
    keys.cards.insert(new, memo::of_json(&card));
    parts.cards.insert(new, card);
    keys.articles.insert(new, key);
    let mut changed = vec![new];
    for c in existing(&site.categories, &edit.renamed_categories) {
        for &x in site.categories[c].articles.iter().filter(|&&x| x != new) {
            parts.cards[x] = views::card(site, &site.articles[x]);
            keys.cards[x] = memo::of_json(&parts.cards[x]);
            changed.push(x);
        }
    }
    changed
}

/// Which pages may show what the edit changed.
struct Scope {
    /// Article pages, by index.
    articles: Vec<usize>,
    /// Listings (with all news) of these categories and keywords, by index.
    categories: Vec<usize>,
    tags: Vec<usize>,
}

impl Scope {
    fn of(site: &Site, edit: &Replaced, cards_changed: &[usize]) -> Scope {
        let n = site.articles.len();
        let mut near = vec![false; n];
        let mut mark = |from: usize, to: usize| {
            let (from, to) = (
                from.saturating_sub(NEIGHBOURS),
                (to + NEIGHBOURS).min(n - 1),
            );
            near[from..=to].iter_mut().for_each(|m| *m = true);
        };
        // Every article between the two places moved by one: the pages within
        // NEIGHBOURS of them list other newer and older articles.
        let (old, new) = (edit.old.0, edit.new.0);
        mark(old.min(new), old.max(new));
        for &x in cards_changed {
            mark(x, x);
        }
        let slugs =
            |pair: &[Vec<String>; 2]| -> Vec<String> { pair.iter().flatten().cloned().collect() };
        let categories = existing(&site.categories, &slugs(&edit.categories));
        let mut tags = existing(&site.tags, &slugs(&edit.tags));
        // "Related" lists come from an article's keywords, organization,
        // conference and category (see super::related); keyword names are on
        // the pages of their articles.
        for &c in &categories {
            site.categories[c]
                .articles
                .iter()
                .for_each(|&x| near[x] = true);
        }
        for &t in &tags {
            site.tags[t].articles.iter().for_each(|&x| near[x] = true);
        }
        let edited = &site.articles[edit.new.0];
        let org = edited.org.as_ref().and_then(|o| site.orgs.index.get(o));
        if let Some(list) = org.and_then(|&o| site.org_articles.get(o)) {
            list.iter().for_each(|&x| near[x] = true);
        }
        if let Some(e) = &edited.event {
            let same = |x: &usize| {
                site.articles[*x]
                    .event
                    .as_ref()
                    .is_some_and(|f| f.name == e.name)
            };
            (0..n).filter(same).for_each(|x| near[x] = true);
        }
        for t in existing(&site.tags, &edit.renamed_tags) {
            site.tags[t].articles.iter().for_each(|&x| near[x] = true);
        }
        // Keyword listings show the cards of their articles.
        for &x in cards_changed {
            tags.extend(&site.articles[x].tags);
        }
        tags.sort_unstable();
        tags.dedup();
        Scope {
            articles: (0..n).filter(|&i| near[i]).collect(),
            categories,
            tags,
        }
    }
}

/// The fingerprints of the pages in a scope.
struct Prints {
    /// Article pages: index, output path, fingerprint.
    articles: Vec<(usize, String, u64)>,
    /// Listings, organization, dataset and document pages.
    others: Vec<(String, u64)>,
}

impl Prints {
    /// The article pages whose fingerprint is not the one in `memo`.
    fn stale_articles(&self, memo: &FxHashMap<String, u64>) -> Vec<usize> {
        let stale = self
            .articles
            .iter()
            .filter(|(_, p, f)| memo.get(p) != Some(f));
        stale.map(|(i, _, _)| *i).collect()
    }

    /// The other pages whose fingerprint is the one in `memo`: not rendered.
    fn unchanged_others(&self, memo: &FxHashMap<String, u64>) -> FxHashSet<String> {
        let same = self.others.iter().filter(|(p, f)| memo.get(p) == Some(f));
        same.map(|(p, _)| p.clone()).collect()
    }

    /// Adds the new pages to the sitemap's and takes `removed` out; returns
    /// whether the sitemap changed.
    fn update_sitemap(&self, sitemap: &mut BTreeSet<String>, removed: &[String]) -> bool {
        let paths = self.articles.iter().map(|(_, p, _)| p);
        let added: Vec<String> = paths
            .chain(self.others.iter().map(|(p, _)| p))
            .filter(|p| super::in_sitemap(p) && !sitemap.contains(*p))
            .cloned()
            .collect();
        let changed = !added.is_empty() || !removed.is_empty();
        sitemap.extend(added);
        for p in removed {
            sitemap.remove(p);
        }
        changed
    }

    fn record(self, memo: &mut FxHashMap<String, u64>, removed: &[String]) {
        memo.extend(self.articles.into_iter().map(|(_, p, f)| (p, f)));
        memo.extend(self.others);
        for p in removed {
            memo.remove(p);
        }
    }
}

fn fingerprints(ctx: &Ctx, keys: &Keys, scope: &Scope) -> Prints {
    let articles = scope
        .articles
        .par_iter()
        .filter_map(|&i| pages::fingerprint(ctx, keys, i).map(|(p, f)| (i, p, f)))
        .collect();
    let mut others = listings::fingerprints_of(ctx, keys, &scope.categories, &scope.tags);
    others.extend(figures::fingerprints(ctx, keys));
    others.extend(portal::fingerprints(ctx, keys));
    Prints { articles, others }
}

/// Pages and feeds the edit took away: the article's old address, listing
/// pages past a listing's new end, and the folders of categories and
/// keywords no article has any more. `pages` are the site's pages before.
fn removed(site: &Site, pages: &BTreeSet<String>, edit: &Replaced) -> Vec<String> {
    let mut out = Vec::new();
    if edit.old_slug != site.articles[edit.new.0].slug {
        out.push(index_of(&urls::article(&edit.old_slug)));
    }
    let size = site.settings.site.page_size;
    // Each listing's folder and how many pages it has now.
    let mut listings: Vec<(String, usize)> = Vec::new();
    for slug in edit.categories.iter().flatten() {
        let base = urls::category(slug);
        match find(&site.categories, slug) {
            Some(t) => listings.push((base, t.articles.len().div_ceil(size).max(1))),
            None => {
                out.push(format!("{base}rss.xml"));
                out.push(format!("{base}atom.xml"));
                listings.push((base, 0));
            }
        }
    }
    for slug in edit.tags.iter().flatten() {
        let now = find(&site.tags, slug).map_or(0, |t| t.articles.len().div_ceil(size).max(1));
        listings.push((urls::tag(slug), now));
    }
    for (base, now) in listings {
        for n in now + 1.. {
            let path = index_of(&urls::paged(&base, n));
            if !pages.contains(&path) {
                break;
            }
            out.push(path);
        }
    }
    out.sort();
    out.dedup();
    out
}

fn find<'a>(list: &'a [Taxon], slug: &str) -> Option<&'a Taxon> {
    Taxon::search(list, slug).ok().map(|i| &list[i])
}

/// The pages besides articles, listings, organizations and documents that
/// the edit may change (the home page always does).
struct Others<'a> {
    /// The site's feeds, and those of the categories in the scope.
    feeds: bool,
    categories_index: bool,
    tags_index: bool,
    events: bool,
    sitemap: Option<&'a BTreeSet<String>>,
}

impl<'a> Others<'a> {
    fn of(
        site: &Site,
        edit: &Replaced,
        cards_changed: &[usize],
        sitemap: Option<&'a BTreeSet<String>>,
    ) -> Self {
        // The site's feed lists the newest articles: the edited one before
        // or after, or one whose card changed with it.
        let shown = |i: usize| i < feeds::FEED_ITEMS;
        let sorted = |v: &[String]| {
            let mut v = v.to_vec();
            v.sort();
            v
        };
        Others {
            // Before the edit, it was in the feed when `old` was shown.
            feeds: shown(edit.old.0) || cards_changed.iter().any(|&i| shown(i)),
            // The indexes show each category's and keyword's name and count.
            categories_index: edit.categories[0] != edit.categories[1]
                || !edit.renamed_categories.is_empty(),
            tags_index: sorted(&edit.tags[0]) != sorted(&edit.tags[1])
                || !edit.renamed_tags.is_empty(),
            events: edit.had_event || site.articles[edit.new.0].event.is_some(),
            sitemap,
        }
    }
}

fn render(ctx: &Ctx, scope: &Scope, stale: &[usize], other: &Others) -> Result<(), Diagnostics> {
    type Job<'a> = Box<dyn Fn() -> Result<Vec<String>, Diagnostics> + Send + Sync + 'a>;
    let jobs: Vec<Job> = vec![
        Box::new(|| {
            let pages: Vec<Result<String, Diagnostics>> = stale
                .par_iter()
                .map(|&i| pages::article(ctx, i).map_err(Diagnostics::from))
                .collect();
            let (files, errors) = partition(pages);
            errors.into_result(files)
        }),
        Box::new(|| listings::render_of(ctx, &scope.categories, &scope.tags)),
        Box::new(|| {
            let (files, errors) = partition(figures::org_pages(ctx));
            errors.into_result(files)
        }),
        Box::new(|| Ok(portal::document_pages(ctx)?)),
        // The site map lists the categories.
        Box::new(|| match other.categories_index {
            true => Ok(super::map::page(ctx)?),
            false => Ok(Vec::new()),
        }),
        Box::new(|| pages::home(ctx)),
        Box::new(|| feeds::feeds_of(ctx, other.feeds, &scope.categories)),
        Box::new(|| listings::indexes(ctx, other.categories_index, other.tags_index)),
        Box::new(|| {
            if other.events {
                Ok(portal::events(ctx)?)
            } else {
                Ok(Vec::new())
            }
        }),
        Box::new(|| match other.sitemap {
            Some(s) => Ok(vec![feeds::sitemap(ctx, s)?]),
            None => Ok(Vec::new()),
        }),
    ];
    let results: Vec<Result<Vec<String>, Diagnostics>> = jobs.par_iter().map(|job| job()).collect();
    let (_, errors) = partition(results);
    errors.into_result(())
}

/// The indices of the taxa of `list` with these slugs that still exist.
fn existing(list: &[Taxon], slugs: &[String]) -> Vec<usize> {
    let mut out: Vec<usize> = slugs
        .iter()
        .filter_map(|s| Taxon::search(list, s).ok())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
