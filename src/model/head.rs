//! An article's head: everything pages other than its own show of it (cards,
//! listings, feeds, related lists, organization and conference pages, the
//! redirects of its old addresses), as one comparable value. `serve` renders
//! only the article's page when an edit left the head `==` (see
//! `crate::serve::quick`).

use std::path::Path;

use crate::input::frontmatter::{Event, Image, NewsSource};
use crate::model::alias::Alias;
use crate::model::article::{Article, BodyPart};
use crate::model::build::UnlinkedArticle;
use crate::text::date::When;

/// What other pages show of a checked article. Borrowed from its [`UnlinkedArticle`],
/// with its category and keywords as written (a draft has no indices into the
/// site's lists yet).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Head<'a> {
    pub path: &'a Path,
    pub title: &'a str,
    pub slug: &'a str,
    pub date: When,
    pub updated: Option<When>,
    pub expires: Option<When>,
    pub scheduled: bool,
    pub summary: &'a str,
    pub summary_written: bool,
    pub category: Option<&'a str>,
    pub tags: &'a [String],
    pub author: Option<&'a str>,
    pub source: Option<&'a NewsSource>,
    pub cover: Option<&'a Image>,
    pub org: Option<&'a str>,
    pub event: Option<&'a Event>,
    pub event_date: Option<When>,
    pub featured: bool,
    pub draft: bool,
    pub documents: &'a [usize],
    pub people: &'a [String],
    pub aliases: &'a [Alias],
    /// The charts its body shows, by id: its organization's page lists them.
    pub charts: Vec<&'a str>,
}

impl UnlinkedArticle {
    /// The article's [`Head`]. Every field of [`Article`] is named here, so a
    /// new one does not compile until it is put in the head or in the body.
    pub fn head(&self) -> Head<'_> {
        let UnlinkedArticle {
            article,
            category,
            tags,
            // Reported for each edit, never on a page.
            warnings: _,
        } = self;
        let Article {
            path,
            title,
            slug,
            date,
            updated,
            expires,
            scheduled,
            summary,
            summary_written,
            // Indices into the site's lists, not set on a draft: the names
            // above stand for them.
            category: _,
            tags: _,
            author,
            source,
            image,
            org,
            event,
            event_date,
            featured,
            draft,
            documents,
            people,
            aliases,
            // The body and what is made from it alone: its own page (and the
            // search index, always made again) shows them, but for its charts.
            body,
            plain: _,
            references: _,
            anchors: _,
        } = article;
        Head {
            path,
            title,
            slug,
            date: *date,
            updated: *updated,
            expires: *expires,
            scheduled: *scheduled,
            summary,
            summary_written: *summary_written,
            category: category.as_deref(),
            tags,
            author: author.as_deref(),
            source: source.as_ref(),
            cover: image.as_ref(),
            org: org.as_deref(),
            event: event.as_ref(),
            event_date: *event_date,
            featured: *featured,
            draft: *draft,
            documents,
            people,
            aliases,
            charts: chart_ids(body),
        }
    }
}

fn chart_ids(body: &[BodyPart]) -> Vec<&str> {
    body.iter()
        .filter_map(|p| match p {
            BodyPart::Chart { id } => Some(id.as_str()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests;
