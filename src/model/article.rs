//! Articles and standalone pages after checking: what templates show.

use std::path::PathBuf;

use serde::Serialize;

use crate::config::StatItem;
use crate::input::frontmatter::{Event, Image, NewsSource};
use crate::markdown::Reference;
use crate::model::alias::Alias;
use crate::text::date::When;

/// A piece of a body: Markdown as HTML, or a resolved figures block.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum BodyPart {
    Html {
        html: String,
    },
    /// A chart by id in `Site::charts` (named charts and inline ones alike).
    Chart {
        id: String,
    },
    Stats {
        items: Vec<StatItem>,
    },
    /// A video: a file of the site, or a YouTube video behind a button.
    Video {
        video: crate::model::video::Video,
    },
    /// Rows of a dataset, by index, with the columns to show.
    Table {
        dataset: String,
        columns: Vec<String>,
        rows: Vec<usize>,
    },
    /// A photo of the site shown as a figure (`![alt](media/x.jpg "caption")`).
    Photo {
        image: Image,
        line: usize,
    },
    /// A ```gallery block: photos in a grid.
    Gallery {
        items: Vec<Image>,
        /// The line of each item, for messages.
        lines: Vec<usize>,
    },
}

/// One news article.
#[derive(Debug, Clone)]
pub struct Article {
    pub path: PathBuf,
    pub title: String,
    pub slug: String,
    pub date: When,
    pub updated: Option<When>,
    /// When the article comes down; it is absent from builds after then.
    pub expires: Option<When>,
    /// Dated after the build clock: only a preview (`serve`) shows it, marked.
    pub scheduled: bool,
    /// The lead (sapo): front matter `summary` or the first paragraph.
    pub summary: String,
    /// Whether the lead was written in front matter (else it is the body's first
    /// paragraph, and the page does not show it twice).
    pub summary_written: bool,
    /// Index into `Site::categories`.
    pub category: Option<usize>,
    /// Indices into `Site::tags`.
    pub tags: Vec<usize>,
    pub author: Option<String>,
    pub source: Option<NewsSource>,
    pub image: Option<Image>,
    pub org: Option<String>,
    pub event: Option<Event>,
    pub event_date: Option<When>,
    pub featured: bool,
    pub draft: bool,
    /// Indices into `Site::documents`.
    pub documents: Vec<usize>,
    /// Ids from people.yaml, checked.
    pub people: Vec<String>,
    pub body: Vec<BodyPart>,
    /// Body text without markup, for search and excerpts.
    pub plain: String,
    pub references: Vec<Reference>,
    pub anchors: Vec<String>,
    /// Older addresses (`aliases:`), each kept as a redirect to this page.
    pub aliases: Vec<Alias>,
}

/// A standalone page (giới thiệu, liên hệ …).
#[derive(Debug, Clone)]
pub struct Page {
    pub path: PathBuf,
    pub title: String,
    pub slug: String,
    pub summary: Option<String>,
    pub body: Vec<BodyPart>,
    pub plain: String,
    pub references: Vec<Reference>,
    pub anchors: Vec<String>,
    pub draft: bool,
    pub aliases: Vec<Alias>,
}

/// A category (chuyên mục) or keyword (từ khóa) and its articles, newest first.
#[derive(Debug, Clone, Serialize)]
pub struct Taxon {
    pub name: String,
    pub slug: String,
    pub articles: Vec<usize>,
}

impl Taxon {
    /// Where the taxon with `slug` is in `list` (the site's lists are sorted by
    /// slug), or where it would go.
    pub fn search(list: &[Taxon], slug: &str) -> Result<usize, usize> {
        list.binary_search_by(|t| t.slug.as_str().cmp(slug))
    }
}
