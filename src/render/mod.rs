//! Model → output files. Nothing here touches the disk: every page, feed, chart
//! and asset comes back as an [`OutputFile`] for [`crate::write`].
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
use crate::theme::Theme;
use crate::write::Staging;

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative to the output folder, with `/`: `tin-tuc/a/index.html`.
    pub path: String,
    pub content: Content,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    Bytes(Vec<u8>),
    /// A file copied as it is (media, documents), read only when written.
    Copy(PathBuf),
    /// Already written to the build's staging folder as it was rendered
    /// (see [`render_into`]); only its path is kept.
    Written,
}

impl OutputFile {
    pub fn bytes(path: impl Into<String>, bytes: Vec<u8>) -> Self {
        OutputFile {
            path: path.into(),
            content: Content::Bytes(bytes),
        }
    }
}

/// Everything a page renderer needs, borrowed: no copy of the site per page.
pub struct Ctx<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    pub tera: &'a Tera,
    /// Cards of every article, by article index, made once.
    pub cards: Vec<views::Card>,
    /// Each chart's figure HTML, by chart id, made once.
    pub figures: std::collections::BTreeMap<String, String>,
    /// Set in a quick rebuild: which pages are unchanged and not rendered.
    pub keys: Option<memo::Keys>,
    /// Set in a build: pages go to disk as they are made, not into memory.
    pub staging: Option<&'a Staging>,
}

impl Ctx<'_> {
    /// An interface word in the site's language (empty when the theme lacks it;
    /// a theme test checks that vi and en have the same keys).
    pub fn word(&self, key: &str) -> String {
        self.theme.words.get(key).cloned().unwrap_or_default()
    }

    /// A rendered file: written at once when the build streams to disk.
    pub fn file(&self, path: String, bytes: Vec<u8>) -> Result<OutputFile, Diagnostic> {
        match self.staging {
            Some(s) => {
                s.put(&path, &bytes)?;
                Ok(OutputFile {
                    path,
                    content: Content::Written,
                })
            }
            None => Ok(OutputFile::bytes(path, bytes)),
        }
    }

    /// [`Ctx::file`] for files made elsewhere (chart drawings, the search index).
    pub fn stream(&self, files: Vec<OutputFile>) -> Result<Vec<OutputFile>, Diagnostics> {
        let Some(s) = self.staging else {
            return Ok(files);
        };
        let written: Vec<Result<OutputFile, Diagnostics>> = files
            .into_par_iter()
            .map(|f| match f.content {
                Content::Bytes(b) => {
                    s.put(&f.path, &b)?;
                    Ok(OutputFile {
                        path: f.path,
                        content: Content::Written,
                    })
                }
                _ => Ok(f),
            })
            .collect();
        let (ok, errors) = partition(written);
        errors.into_result(ok)
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

/// The whole site. Pages render in parallel over the read-only model.
pub fn render(site: &Site, theme: &Theme) -> Result<Vec<OutputFile>, Diagnostics> {
    render_with(site, theme, None).map(|r| r.files)
}

/// A render that may skip pages (see [`memo`]).
pub struct Rendered {
    /// Sorted by path.
    pub files: Vec<OutputFile>,
    /// Pages not rendered because they did not change: their previous files stand.
    pub kept: Vec<String>,
    /// What the next quick rebuild compares with.
    pub memo: memo::Memo,
    /// Given in a quick rebuild, for [`render_articles`].
    pub parts: Option<Parts>,
}

/// [`render`], skipping the article and listing pages whose inputs are the same
/// as in `inc.previous` when `inc` is given.
pub fn render_with(
    site: &Site,
    theme: &Theme,
    inc: Option<&memo::Incremental>,
) -> Result<Rendered, Diagnostics> {
    render_inner(site, theme, inc, None)
}

/// [`render`] for a build: pages are written into `staging` as they are made,
/// so memory holds the model and a few pages, not the whole site. The files
/// returned are the rest (feeds, assets, search index) and the written ones'
/// paths.
pub fn render_into(
    site: &Site,
    theme: &Theme,
    staging: &Staging,
) -> Result<Vec<OutputFile>, Diagnostics> {
    render_inner(site, theme, None, Some(staging)).map(|r| r.files)
}

fn render_inner(
    site: &Site,
    theme: &Theme,
    inc: Option<&memo::Incremental>,
    staging: Option<&Staging>,
) -> Result<Rendered, Diagnostics> {
    let mut tera = engine::engine(theme, site.settings.lang)?;
    let (assets, urls) = feeds::static_files(theme, &site.settings.base_path);
    let site_view = views::site_view(site, urls);
    let sidebar = pages::sidebar(site);
    let global = inc.map(|_| global_key(site, theme, &site_view, &sidebar));
    let sidebar_key = memo::of_json(&sidebar);
    engine::set_globals(
        &mut tera,
        &[
            ("site", tera::Value::from_serializable(&site_view)),
            ("t", tera::Value::from_serializable(&theme.words)),
            ("sidebar", tera::Value::from_serializable(&sidebar)),
        ],
    );
    let cards = site
        .articles
        .par_iter()
        .map(|a| views::card(site, a))
        .collect();
    let mut ctx = Ctx {
        site,
        theme,
        tera: &tera,
        cards,
        figures: Default::default(),
        keys: None,
        staging,
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

    type Job<'a> = Box<dyn Fn(&Ctx) -> Result<Vec<OutputFile>, Diagnostics> + Send + Sync + 'a>;
    let mut jobs: Vec<Job> = vec![
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
    // The search index is built from the model, so it runs beside the pages.
    if inc.is_none_or(|i| i.search) {
        jobs.push(Box::new(|ctx: &Ctx| {
            ctx.stream(crate::search::index(ctx.site, ctx.theme, &ctx.cards))
        }));
    }
    let results: Vec<Result<Vec<OutputFile>, Diagnostics>> =
        jobs.par_iter().map(|job| job(&ctx)).collect();
    let (lists, errors) = partition(results);
    errors.into_result(())?;
    let mut files: Vec<OutputFile> = lists.into_iter().flatten().collect();
    files.extend(ctx.stream(charts.files)?);
    files.extend(assets);
    files.extend(feeds::copies(site));
    files.extend(photos::files(site));
    let mut kept: Vec<String> = ctx
        .keys
        .as_ref()
        .map(|k| k.skip.iter().cloned().collect())
        .unwrap_or_default();
    kept.extend(charts.kept);
    kept.sort();
    let moved = redirect_list(site, &files, &kept)?;
    let redirector = redirects::Redirector::new(&site.settings, theme);
    files.extend(ctx.stream(redirects::files(&redirector, &moved))?);
    let moved: BTreeSet<&str> = moved.iter().map(|(from, _)| from.as_str()).collect();
    let listed = files
        .iter()
        .map(|f| f.path.as_str())
        .chain(kept.iter().map(String::as_str));
    // Kept for quick rebuilds, which write the sitemap again when pages come or go.
    let sitemap: BTreeSet<String> = listed
        .filter(|p| in_sitemap(p) && !moved.contains(p))
        .map(String::from)
        .collect();
    files.push(feeds::sitemap(&ctx, &sitemap));
    files.push(feeds::robots(&ctx));
    files.sort_by(|a, b| a.path.cmp(&b.path));
    check_unique(&files)?;
    let Ctx {
        cards,
        figures,
        keys,
        ..
    } = ctx;
    let parts = inc.map(|_| Parts {
        tera,
        cards,
        figures,
        keys: memo::Keys::kept(keys),
        sidebar: sidebar_key,
        sitemap,
    });
    Ok(Rendered {
        files,
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
    /// Of the sidebar: every page shows it, so when it changes, all do.
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
/// article's body, so that nothing else on the site changed.
pub fn render_articles(
    site: &Site,
    theme: &Theme,
    parts: &mut Parts,
    indices: &[usize],
) -> Result<Vec<OutputFile>, Diagnostics> {
    let ctx = Ctx {
        site,
        theme,
        tera: &parts.tera,
        cards: std::mem::take(&mut parts.cards),
        figures: std::mem::take(&mut parts.figures),
        keys: None,
        staging: None,
    };
    let results: Vec<Result<OutputFile, Diagnostics>> = indices
        .par_iter()
        .map(|&i| pages::article(&ctx, i).map_err(Diagnostics::from))
        .collect();
    let Ctx { cards, figures, .. } = ctx;
    parts.cards = cards;
    parts.figures = figures;
    let (files, errors) = partition(results);
    errors.into_result(files)
}

/// Fingerprint of what every page shows, so a change to it re-renders all.
fn global_key(
    site: &Site,
    theme: &Theme,
    site_view: &views::SiteView,
    sidebar: &pages::Sidebar,
) -> u64 {
    use std::hash::Hasher;
    let mut h = memo::Fnv::new();
    h.num(memo::of_json(site_view))
        .num(memo::of_json(sidebar))
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
    files: &[OutputFile],
    kept: &[String],
) -> Result<Vec<(String, String)>, Diagnostics> {
    let mut listed: BTreeSet<&str> = files
        .iter()
        .map(|f| f.path.as_str())
        .chain(kept.iter().map(String::as_str))
        .collect();
    let mut moved = redirects::aliases(site, &listed, &redirects::sources(site))?;
    listed.extend(moved.iter().map(|(from, _)| from.as_str()));
    let folders = redirects::folders(site, &listed);
    moved.extend(folders);
    Ok(moved)
}

/// Two outputs at one path would silently overwrite each other.
fn check_unique(files: &[OutputFile]) -> Result<(), Diagnostics> {
    let mut errors = Diagnostics::default();
    for w in files.windows(2) {
        if w[0].path == w[1].path {
            errors.push(Diagnostic::new(
                PathBuf::from("output").join(&w[0].path),
                msg::Render::SameOutput,
            ));
        }
    }
    errors.into_result(())
}

/// Whether the sitemap lists the output file at `path`: every page but 404.
fn in_sitemap(path: &str) -> bool {
    path.ends_with(".html") && path != "404.html"
}

/// Output path of a pretty URL: `tin-tuc/a/` → `tin-tuc/a/index.html`.
pub fn index_of(rel: &str) -> String {
    format!("{rel}index.html")
}
