//! The whole site as plain data: built once by [`super::build`], then only read
//! (but for `serve`'s one-article patch, [`super::patch`]).

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::charts::ChartData;
use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::input::dataset::Dataset;
use crate::model::article::{Article, Page, Taxon};
use crate::model::document::Document;
use crate::model::orgs::OrgTree;

#[derive(Debug)]
pub struct Site {
    pub settings: Settings,
    /// Newest first; ties broken by slug so the order never depends on the disk.
    pub articles: Vec<Article>,
    pub pages: Vec<Page>,
    pub categories: Vec<Taxon>,
    pub tags: Vec<Taxon>,
    pub orgs: OrgTree,
    /// Articles by organization index (newest first).
    pub org_articles: Vec<Vec<usize>>,
    pub datasets: BTreeMap<String, Dataset>,
    /// Named charts and the inline charts of every article and page.
    pub charts: BTreeMap<String, ChartData>,
    /// Ids of the named charts (from content/charts/), in id order.
    pub named_charts: Vec<String>,
    pub documents: Vec<Document>,
    /// content/people.yaml, in list order.
    pub people: Vec<crate::model::people::Person>,
    /// The weekly work schedule, weeks in time order.
    pub schedule: Vec<crate::model::schedule::Week>,
    /// Files under content/media and content/documents, copied as they are.
    pub assets: Vec<PathBuf>,
    pub root: PathBuf,
    /// Problems that do not stop the build (an image without alt text).
    pub warnings: Vec<Diagnostic>,
    /// Articles dated after the build clock (held back, or marked in a preview).
    pub pending: crate::model::timing::Pending,
    /// The web versions of every photo under content/media.
    pub photos: crate::images::Catalog,
}

/// URL paths of the site, relative to the base path, in one place so templates,
/// feeds, the sitemap and link checks agree.
pub mod urls {
    pub const NEWS: &str = "tin-moi/";
    pub const ARTICLES: &str = "tin-tuc/";
    pub const CATEGORIES: &str = "chuyen-muc/";
    pub const TAGS: &str = "tu-khoa/";
    pub const ORGS: &str = "to-chuc/";
    pub const STATS: &str = "so-lieu/";
    pub const CHARTS: &str = "bieu-do/";
    pub const EVENTS: &str = "hoi-nghi/";
    pub const DOCUMENTS: &str = "van-kien/";
    pub const SEARCH: &str = "tim-kiem/";
    /// The human-readable site map (sơ đồ cổng thông tin).
    pub const SITE_MAP: &str = "so-do-cong-thong-tin/";
    pub const PEOPLE: &str = "lanh-dao/";
    pub const CONTACTS: &str = "danh-ba/";
    pub const SCHEDULE: &str = "lich-cong-tac/";
    pub const STATIC: &str = "static/";

    /// Folder names at the top of the site that a page's slug may not take.
    pub const RESERVED: &[&str] = &[
        "tin-moi",
        "tin-tuc",
        "chuyen-muc",
        "tu-khoa",
        "to-chuc",
        "so-lieu",
        "bieu-do",
        "hoi-nghi",
        "van-kien",
        "tim-kiem",
        "so-do-cong-thong-tin",
        "lanh-dao",
        "danh-ba",
        "lich-cong-tac",
        "static",
        "media",
        "documents",
        "trang",
    ];

    pub fn article(slug: &str) -> String {
        format!("{ARTICLES}{slug}/")
    }
    pub fn page(slug: &str) -> String {
        format!("{slug}/")
    }
    pub fn category(slug: &str) -> String {
        format!("{CATEGORIES}{slug}/")
    }
    pub fn tag(slug: &str) -> String {
        format!("{TAGS}{slug}/")
    }
    pub fn org(id: &str) -> String {
        format!("{ORGS}{id}/")
    }
    pub fn person(id: &str) -> String {
        format!("{PEOPLE}{id}/")
    }
    /// One week of the work schedule: `2026-W49`.
    pub fn schedule_week(id: &str) -> String {
        format!("{SCHEDULE}{id}/")
    }
    /// The contact page of one organization.
    pub fn org_contacts(id: &str) -> String {
        format!("{ORGS}{id}/lien-he/")
    }
    /// The leaders of one organization.
    pub fn org_leaders(id: &str) -> String {
        format!("{ORGS}{id}/{PEOPLE}")
    }
    pub fn dataset(id: &str) -> String {
        format!("{STATS}{id}/")
    }
    pub fn chart_svg(id: &str) -> String {
        format!("{CHARTS}{id}.svg")
    }
    pub fn chart_csv(id: &str) -> String {
        format!("{CHARTS}{id}.csv")
    }
    pub fn document(slug: &str) -> String {
        format!("{DOCUMENTS}{slug}/")
    }
    /// Page `n` (1-based) of a paginated listing at `base`.
    pub fn paged(base: &str, n: usize) -> String {
        if n <= 1 {
            base.to_string()
        } else {
            format!("{base}trang/{n}/")
        }
    }
}
