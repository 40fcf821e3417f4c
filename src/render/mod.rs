//! Model → output files. Nothing here touches the disk: every page, feed, chart
//! and asset is handed as an [`OutputFile`] to the [`Sink`] the caller gives
//! (the build's staging folder, or memory), as soon as it is made; what render
//! keeps is the files' paths, for the sitemap, redirects and the report.
//!
//! Where a page is made: articles and pages in [`pages`], listings (all news,
//! categories, keywords) in [`listings`], charts, organizations and statistics in
//! [`figures`], conferences, documents, search and 404 in [`portal`], feeds,
//! sitemap and robots.txt in [`feeds`].

mod body;
mod contacts;
mod engine;
mod feeds;
mod figures;
mod ics;
mod listings;
mod map;
pub mod memo;
mod pages;
pub mod patch;
mod people;
pub mod photos;
mod portal;
pub mod redirects;
mod related;
pub(crate) mod schedule;
pub mod views;

use std::collections::BTreeSet;
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;
use tera::Tera;

use crate::diagnostic::{msg, partition, Diagnostic, Diagnostics};
use crate::model::Site;
use crate::output::{self, Memory, OutputFile, Sink};
use crate::theme::Theme;

/// Everything a page renderer needs, borrowed: no copy of the site per page.
pub struct Ctx<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    pub tera: &'a Tera,
    /// Cards of every article, by article index, made once ([`cards`]).
    pub cards: &'a [views::Card],
    /// Each chart's figure HTML, by chart id, made once.
    pub figures: std::collections::BTreeMap<String, String>,
    /// Set in a quick rebuild: which pages are unchanged and not rendered.
    pub keys: Option<memo::Keys>,
    /// Where every file goes as soon as it is made.
    pub sink: &'a dyn Sink,
}

impl Ctx<'_> {
    /// An interface word in the site's language (empty when the theme lacks it;
    /// a theme test checks that vi and en have the same keys).
    pub fn word(&self, key: &str) -> String {
        self.theme.words.get(key).cloned().unwrap_or_default()
    }

    /// Puts a rendered file into the sink; returns its path.
    pub fn file(&self, path: String, bytes: Vec<u8>) -> Result<String, Diagnostic> {
        self.sink.put(OutputFile::bytes(path.clone(), bytes))?;
        Ok(path)
    }

    /// [`Ctx::file`] for files made elsewhere (chart drawings, assets, copies).
    pub fn put_all(&self, files: Vec<OutputFile>) -> Result<Vec<String>, Diagnostics> {
        output::put_all(self.sink, files)
    }

    pub fn render(&self, template: &str, ctx: &impl Serialize) -> Result<Vec<u8>, Diagnostic> {
        engine::render(self.tera, self.theme, template, ctx)
    }

    pub fn href(&self, rel: &str) -> String {
        views::href(&self.site.settings.base_path, rel)
    }

    pub fn absolute(&self, rel: &str) -> String {
        format!("{}{}", self.site.settings.base_url, rel)
    }
}

/// The card of every article, in article order: made once, for the pages
/// that list articles and for the search index.
pub fn cards(site: &Site) -> Vec<views::Card> {
    site.articles
        .par_iter()
        .map(|a| views::card(site, a))
        .collect()
}

/// A render that may skip pages (see [`memo`]).
pub struct Rendered {
    /// The output paths of the files put into the sink, sorted.
    pub paths: Vec<String>,
    /// Pages not rendered because they did not change: their previous files stand.
    pub kept: Vec<String>,
    /// What the next quick rebuild compares with.
    pub memo: memo::Memo,
    /// Given in a quick rebuild, for [`render_articles`].
    pub parts: Option<Parts>,
}

/// The whole site into `sink`, with `cards` from [`cards`]; when `inc` is
/// given, skipping the article and listing pages whose inputs are the same as
/// in `inc.previous`. Pages render in parallel over the read-only model.
pub fn render_with(
    site: &Site,
    theme: &Theme,
    cards: &[views::Card],
    inc: Option<&memo::Incremental>,
    sink: &dyn Sink,
) -> Result<Rendered, Diagnostics> {
    let mut tera = engine::engine(theme, site.settings.lang)?;
    let (assets, urls) = feeds::static_files(theme, &site.settings.base_path);
    let site_view = views::site_view(site, urls);
    let global = inc.map(|_| global_key(site, theme, &site_view));
    engine::set_globals(
        &mut tera,
        &[
            ("site", tera::Value::from_serializable(&site_view)),
            ("t", tera::Value::from_serializable(&theme.words)),
        ],
    );
    let mut ctx = Ctx {
        site,
        theme,
        tera: &tera,
        cards,
        figures: Default::default(),
        keys: None,
        sink,
    };
    let charts = figures::charts(&ctx, inc.map(|i| &i.previous.charts))?;
    ctx.figures = charts.figures;
    let mut next = memo::Memo {
        charts: charts.memo,
        ..Default::default()
    };
    if let (Some(inc), Some(global)) = (inc, global) {
        let cards = ctx.cards.par_iter().map(memo::of_json).collect();
        let mut keys = memo::Keys {
            global,
            cards,
            articles: inc.article_keys.clone(),
            skip: Default::default(),
        };
        let mut fingerprints = pages::fingerprints(&ctx, &keys);
        fingerprints.extend(listings::fingerprints(&ctx, &keys));
        fingerprints.extend(figures::fingerprints(&ctx, &keys));
        fingerprints.extend(portal::fingerprints(&ctx, &keys));
        keys.skip = fingerprints
            .iter()
            .filter(|(p, f)| inc.previous.pages.get(p) == Some(f))
            .map(|(p, _)| p.clone())
            .collect();
        next.pages = fingerprints.into_iter().collect();
        ctx.keys = Some(keys);
    }

    type Job<'a> = Box<dyn Fn(&Ctx) -> Result<Vec<String>, Diagnostics> + Send + Sync + 'a>;
    let jobs: Vec<Job> = vec![
        Box::new(pages::articles),
        Box::new(pages::pages),
        Box::new(pages::home),
        Box::new(listings::all),
        Box::new(figures::pages),
        Box::new(portal::all),
        Box::new(|ctx: &Ctx| Ok(map::page(ctx)?)),
        Box::new(people::all),
        Box::new(contacts::all),
        Box::new(schedule::all),
        Box::new(feeds::feeds),
    ];
    let results: Vec<Result<Vec<String>, Diagnostics>> =
        jobs.par_iter().map(|job| job(&ctx)).collect();
    let (lists, errors) = partition(results);
    errors.into_result(())?;
    let mut paths: Vec<String> = lists.into_iter().flatten().collect();
    paths.extend(ctx.put_all(charts.files)?);
    paths.extend(ctx.put_all(assets)?);
    paths.extend(ctx.put_all(feeds::copies(site))?);
    paths.extend(ctx.put_all(photos::files(site))?);
    let mut kept: Vec<String> = ctx
        .keys
        .as_ref()
        .map(|k| k.skip.iter().cloned().collect())
        .unwrap_or_default();
    kept.extend(charts.kept);
    kept.sort();
    let moved = redirect_list(site, &paths, &kept)?;
    let redirector = redirects::Redirector::new(&site.settings, theme);
    paths.extend(ctx.put_all(redirects::files(&redirector, &moved))?);
    let moved: BTreeSet<&str> = moved.iter().map(|(from, _)| from.as_str()).collect();
    let listed = paths
        .iter()
        .map(String::as_str)
        .chain(kept.iter().map(String::as_str));
    // Kept for quick rebuilds, which write the sitemap again when pages come or go.
    let sitemap: BTreeSet<String> = listed
        .filter(|p| in_sitemap(p) && !moved.contains(p))
        .map(String::from)
        .collect();
    paths.push(feeds::sitemap(&ctx, &sitemap)?);
    paths.push(feeds::robots(&ctx)?);
    paths.sort_unstable();
    check_unique(&paths)?;
    let Ctx { figures, keys, .. } = ctx;
    let parts = inc.map(|_| Parts {
        tera,
        cards: cards.to_vec(),
        figures,
        keys: memo::Keys::kept(keys),
        sidebar: memo::of_json(&pages::sidebar(site)),
        sitemap,
    });
    Ok(Rendered {
        paths,
        kept,
        memo: next,
        parts,
    })
}

/// What `serve` keeps of a render to render single article pages again,
/// kept in step with the site by [`patch`].
pub struct Parts {
    tera: Tera,
    /// Every article's card, by article index.
    pub cards: Vec<views::Card>,
    figures: std::collections::BTreeMap<String, String>,
    /// The fingerprints of the render, without its `skip`.
    keys: memo::Keys,
    /// Of the sidebar, which the tera kept here does not hold: when it
    /// changes, `serve` renders the whole site rather than patch it.
    sidebar: u64,
    /// The pages the sitemap lists, by output path.
    sitemap: BTreeSet<String>,
}

impl Parts {
    /// Records that the article at `i` now has the source key `key` (its
    /// page was rendered again, and the memo forgot it).
    pub fn set_article_key(&mut self, i: usize, key: u64) {
        if let Some(k) = self.keys.articles.get_mut(i) {
            *k = key;
        }
    }
}

/// The pages of the articles at `indices`, with the engine, cards and figures
/// of the render that made `parts`: for an edit that changed only an
/// article's body, so that nothing else on the site changed. Kept in memory
/// (serve compares them with what it wrote), sorted by path.
pub fn render_articles(
    site: &Site,
    theme: &Theme,
    parts: &mut Parts,
    indices: &[usize],
) -> Result<Vec<OutputFile>, Diagnostics> {
    let made = Memory::default();
    let ctx = Ctx {
        site,
        theme,
        tera: &parts.tera,
        cards: &parts.cards,
        figures: std::mem::take(&mut parts.figures),
        keys: None,
        sink: &made,
    };
    let results: Vec<Result<String, Diagnostics>> = indices
        .par_iter()
        .map(|&i| pages::article(&ctx, i).map_err(Diagnostics::from))
        .collect();
    parts.figures = ctx.figures;
    let (_, errors) = partition(results);
    errors.into_result(made.into_files())
}

/// Fingerprint of what every page shows, so a change to it re-renders all.
fn global_key(site: &Site, theme: &Theme, site_view: &views::SiteView) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::hash::Stable::new();
    h.num(memo::of_json(site_view))
        .num(memo::of_json(&theme.words))
        .num(memo::of_json(&site.settings.site))
        // Chairs link to people's pages; unit pages link to their leaders
        // and contacts: both show on pages kept between rebuilds.
        .num(memo::of_json(&site.people))
        .num(memo::of_json(&site.orgs.list));
    // The home page shows this week's schedule.
    std::hash::Hash::hash(&site.schedule, &mut h);
    std::hash::Hash::hash(&site.settings.clock.now.date(), &mut h);
    for (name, text) in &theme.templates {
        h.str(name).str(text);
    }
    h.finish()
}

/// The redirect pages of `aliases:` and of folders without an index.html.
fn redirect_list(
    site: &Site,
    paths: &[String],
    kept: &[String],
) -> Result<Vec<(String, String)>, Diagnostics> {
    let mut listed: BTreeSet<&str> = paths.iter().chain(kept).map(String::as_str).collect();
    let mut moved = redirects::aliases(site, &listed, &redirects::sources(site))?;
    listed.extend(moved.iter().map(|(from, _)| from.as_str()));
    let folders = redirects::folders(site, &listed);
    moved.extend(folders);
    Ok(moved)
}

/// Two outputs at one path would silently overwrite each other; `paths` sorted.
pub fn check_unique(paths: &[String]) -> Result<(), Diagnostics> {
    let mut errors = Diagnostics::default();
    for w in paths.windows(2) {
        if w[0] == w[1] {
            errors.push(Diagnostic::new(
                PathBuf::from("output").join(&w[0]),
                msg::Render::SameOutput,
            ));
        }
    }
    errors.into_result(())
}

/// Whether the sitemap lists the output file at `path`: every page but 404.
fn in_sitemap(path: &str) -> bool {
    path.ends_with(".html") && path != "404.html" && path != pages::SIDE_FILE
}

/// Output path of a pretty URL: `tin-tuc/a/` → `tin-tuc/a/index.html`.
pub fn index_of(rel: &str) -> String {
    format!("{rel}index.html")
}
