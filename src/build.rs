//! The pipeline: load → model → render → write. `check` runs it without writing.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{self, LoadOptions};
use crate::model::{self, Site};
use crate::render::{self, OutputFile};
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
    let files = render::render(&site, &theme)?;
    Ok((site, files))
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
    let files =
        render::render_into(&site, &theme, &staging).map_err(|e| e.relative_to(&opts.root))?;
    step("writing files");
    staging
        .commit(&files)
        .map_err(|e| Diagnostics::from(e).relative_to(&opts.root))?;
    Ok(report(&site, &files, start))
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
    let files = render::render(&site, &theme)?;
    crate::links::check(&site, &files).into_result(())?;
    if write {
        crate::write::write(&opts.root, &opts.output, &files)
            .map_err(|e| Diagnostics::from(e).relative_to(&opts.root))?;
    }
    let mut r = report(&site, &files, start);
    r.external = crate::links::external(&site);
    r.sources = render::redirects::sources(&site);
    r.redirector = render::redirects::Redirector::new(&site.settings, &theme);
    Ok(r)
}

fn report(site: &Site, files: &[OutputFile], start: Instant) -> Report {
    Report {
        pages: files.iter().filter(|f| f.path.ends_with(".html")).count(),
        files: files.len(),
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
