//! The pipeline: load → model → render → write. `check` runs it without writing.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{self, LoadOptions};
use crate::model::{self, Site};
use crate::output::{self, Memory, OutputFile, Sink};
use crate::render::{self, memo::Incremental, Rendered};
use crate::theme::{self, Theme};

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: PathBuf,
    pub drafts: bool,
    pub base_url: Option<String>,
    /// `--clock`: the build's "now" in the site's time zone; None is now.
    pub clock: Option<jiff::civil::DateTime>,
}

/// What a successful run did, for the one-line summary.
#[derive(Debug, Clone)]
pub struct Report {
    pub pages: usize,
    pub files: usize,
    pub charts: usize,
    /// Photos of the site, and how many were decoded (not found in the cache).
    pub photos: usize,
    pub photos_made: usize,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
    /// Links to other sites (`file:line: url`), listed by `check`; never fetched.
    pub external: Vec<String>,
    /// Set by `check`: each article's and page's output file → its source
    /// file, which publish records to keep moved addresses as redirects.
    pub sources: std::collections::BTreeMap<String, String>,
    /// Set by `check`: makes the redirect pages publish keeps.
    pub redirector: render::redirects::Redirector,
    /// Articles dated after the build clock, held back.
    pub pending: crate::model::timing::Pending,
}

/// Loads, checks and renders the site in memory.
pub fn render_site(opts: &BuildOptions) -> Result<(Site, Vec<OutputFile>), Diagnostics> {
    render_site_with(opts, &|_| {})
}

/// [`render_site`], calling `step` as each stage starts (see [`crate::progress::STEPS`]).
pub fn render_site_with(
    opts: &BuildOptions,
    step: &dyn Fn(&str),
) -> Result<(Site, Vec<OutputFile>), Diagnostics> {
    let (site, theme) = model_and_theme(opts, step)?;
    step("rendering pages");
    let made = Memory::default();
    render_to(&site, &theme, None, true, &made)?;
    Ok((site, made.into_files()))
}

/// Renders `site` into `sink`, pages and (when `search`) the search index,
/// made beside the pages from the same cards; `inc` as in
/// [`render::render_with`]. The paths returned are of every file put.
pub fn render_to(
    site: &Site,
    theme: &Theme,
    inc: Option<&Incremental>,
    search: bool,
    sink: &dyn Sink,
) -> Result<Rendered, Diagnostics> {
    let cards = render::cards(site);
    let (rendered, index) = rayon::join(
        || render::render_with(site, theme, &cards, inc, sink),
        || {
            if search {
                output::put_all(sink, crate::search::index(site, theme, &cards))
            } else {
                Ok(Vec::new())
            }
        },
    );
    let mut rendered = rendered?;
    rendered.paths.extend(index?);
    rendered.paths.sort_unstable();
    render::check_unique(&rendered.paths)?;
    Ok(rendered)
}

fn model_and_theme(opts: &BuildOptions, step: &dyn Fn(&str)) -> Result<(Site, Theme), Diagnostics> {
    step("reading content");
    let src = load::load(
        &opts.root,
        &LoadOptions {
            drafts: opts.drafts,
            base_url: opts.base_url.clone(),
            clock: opts.clock,
            preview_scheduled: false,
        },
    )?;
    step("checking");
    let site = model::build(src)?;
    let theme = theme::load(
        &opts.root,
        site.settings.site.theme.as_deref(),
        site.settings.lang,
    )?;
    theme::check_words(&theme, site.settings.lang).into_result(())?;
    Ok((site, theme))
}

pub fn build(opts: &BuildOptions) -> Result<Report, Diagnostics> {
    build_with(opts, &|_| {})
}

/// [`build`], calling `step` as each stage starts (see [`crate::progress::STEPS`]).
pub fn build_with(opts: &BuildOptions, step: &dyn Fn(&str)) -> Result<Report, Diagnostics> {
    let start = Instant::now();
    // Judged before anything is read or made (photos fill .trangtin-cache/),
    // so a refused --output leaves every byte where it was.
    crate::output_rules::check(&opts.root, &opts.output)?;
    let (site, theme) = model_and_theme(opts, step)?;
    step("rendering pages");
    // Pages are written into the staging folder as they are rendered; the
    // output is swapped only if everything succeeds (else staging is removed).
    let staging = crate::write::Staging::new(&opts.root, &opts.output)?;
    let rendered =
        render_to(&site, &theme, None, true, &staging).map_err(|e| e.relative_to(&opts.root))?;
    step("writing files");
    staging
        .commit()
        .map_err(|e| Diagnostics::from(e).relative_to(&opts.root))?;
    Ok(report(&site, &rendered.paths, start))
}

/// Everything `build` checks, plus links between pages; writes nothing.
pub fn check(opts: &BuildOptions) -> Result<Report, Diagnostics> {
    checked(opts, false)
}

/// [`check`], then write what was checked: one render instead of two, for
/// `publish`, which must not put up a site that fails a check.
pub fn check_and_build(opts: &BuildOptions) -> Result<Report, Diagnostics> {
    checked(opts, true)
}

fn checked(opts: &BuildOptions, write: bool) -> Result<Report, Diagnostics> {
    let start = Instant::now();
    if write {
        crate::output_rules::check(&opts.root, &opts.output)?;
    }
    let (site, theme) = model_and_theme(opts, &|_| {})?;
    let made = Memory::default();
    let paths = render_to(&site, &theme, None, true, &made)?.paths;
    let files = made.into_files();
    crate::links::check(&site, &files).into_result(())?;
    if write {
        crate::write::write(&opts.root, &opts.output, &files)
            .map_err(|e| Diagnostics::from(e).relative_to(&opts.root))?;
    }
    let mut r = report(&site, &paths, start);
    r.external = crate::links::external(&site);
    r.sources = render::redirects::sources(&site);
    r.redirector = render::redirects::Redirector::new(&site.settings, &theme);
    Ok(r)
}

fn report(site: &Site, paths: &[String], start: Instant) -> Report {
    Report {
        pages: paths.iter().filter(|p| p.ends_with(".html")).count(),
        files: paths.len(),
        charts: site.charts.len(),
        photos: site.photos.photos.len(),
        photos_made: site.photos.decoded,
        warnings: site.warnings.clone(),
        elapsed: start.elapsed(),
        external: Vec::new(),
        sources: Default::default(),
        redirector: Default::default(),
        pending: site.pending.clone(),
    }
}
