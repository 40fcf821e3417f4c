//! Model → output files. Nothing here touches the disk: every page, feed, chart
//! and asset comes back as an [`OutputFile`] for [`crate::write`].
//!
//! Where a page is made: articles and pages in [`pages`], listings (all news,
//! categories, keywords) in [`listings`], charts, organizations and statistics in
//! [`figures`], conferences, documents, search and 404 in [`portal`], feeds,
//! sitemap and robots.txt in [`feeds`].

mod body;
mod engine;
mod feeds;
mod figures;
mod listings;
mod pages;
mod portal;
pub mod views;

use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;
use tera::Tera;

use crate::error::{partition, Error, Errors};
use crate::model::Site;
use crate::theme::Theme;

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
}

impl OutputFile {
    pub fn bytes(path: impl Into<String>, bytes: Vec<u8>) -> Self {
        OutputFile { path: path.into(), content: Content::Bytes(bytes) }
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
}

impl Ctx<'_> {
    pub fn render(&self, template: &str, ctx: &impl Serialize) -> Result<Vec<u8>, Error> {
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
pub fn render(site: &Site, theme: &Theme) -> Result<Vec<OutputFile>, Errors> {
    let mut tera = engine::engine(theme, site.settings.lang)?;
    let (assets, css, js) = feeds::static_files(theme, &site.settings.base_path);
    let site_view = views::site_view(site, css, js);
    let sidebar = pages::sidebar(site);
    engine::set_globals(
        &mut tera,
        &[
            ("site", tera::Value::from_serializable(&site_view)),
            ("t", tera::Value::from_serializable(&theme.words)),
            ("sidebar", tera::Value::from_serializable(&sidebar)),
        ],
    );
    let cards = site.articles.par_iter().map(|a| views::card(site, a)).collect();
    let mut ctx = Ctx { site, theme, tera: &tera, cards, figures: Default::default() };
    let (charts, figures) = figures::charts(&ctx)?;
    ctx.figures = figures;

    type Job<'a> = Box<dyn Fn(&Ctx) -> Result<Vec<OutputFile>, Errors> + Send + Sync + 'a>;
    let jobs: Vec<Job> = vec![
        Box::new(pages::articles),
        Box::new(pages::pages),
        Box::new(pages::home),
        Box::new(listings::all),
        Box::new(figures::pages),
        Box::new(portal::all),
        Box::new(feeds::feeds),
    ];
    let results: Vec<Result<Vec<OutputFile>, Errors>> = jobs.par_iter().map(|job| job(&ctx)).collect();
    let (lists, errors) = partition(results);
    errors.into_result(())?;
    let mut files: Vec<OutputFile> = lists.into_iter().flatten().collect();
    files.extend(charts);
    files.extend(assets);
    files.extend(feeds::copies(site));
    files.push(feeds::sitemap(&ctx, &files));
    files.push(feeds::robots(&ctx));
    files.sort_by(|a, b| a.path.cmp(&b.path));
    check_unique(&files)?;
    Ok(files)
}

/// Two outputs at one path would silently overwrite each other.
fn check_unique(files: &[OutputFile]) -> Result<(), Errors> {
    let mut errors = Errors::default();
    for w in files.windows(2) {
        if w[0].path == w[1].path {
            errors.push(Error::new(PathBuf::from("output").join(&w[0].path), "two parts of the site would be written to this same file; rename the page or media file that uses this address"));
        }
    }
    errors.into_result(())
}

/// Output path of a pretty URL: `tin-tuc/a/` → `tin-tuc/a/index.html`.
pub fn index_of(rel: &str) -> String {
    format!("{rel}index.html")
}
