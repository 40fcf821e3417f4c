//! Pages that only send the reader on: an address kept by `publish` after a
//! page moved, an address an editor listed under `aliases:`, and a folder a
//! reader reaches by trimming an address (`/tin-tuc/`). Each is a tiny page
//! that works on any static server: a meta refresh, a canonical link, a
//! visible link, and `noindex` so search engines list only the real page.

use std::collections::{BTreeMap, BTreeSet};

use super::index_of;
use crate::config::Settings;
use crate::diagnostic::msg::Render;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::site::urls;
use crate::model::Site;
use crate::output::OutputFile;
use crate::theme::Theme;

/// What every redirect page of a site shares: its language, addresses and words.
#[derive(Debug, Clone, Default)]
pub struct Redirector {
    lang: String,
    base_url: String,
    base_path: String,
    title: String,
    text: String,
}

impl Redirector {
    pub fn new(settings: &Settings, theme: &Theme) -> Redirector {
        let word = |key: &str, fallback: &str| {
            theme
                .words
                .get(key)
                .cloned()
                .unwrap_or_else(|| fallback.to_string())
        };
        Redirector {
            lang: settings.lang.code().to_string(),
            base_url: settings.base_url.clone(),
            base_path: settings.base_path.clone(),
            title: word("moved", "This page has moved"),
            text: word("moved_text", "This page has moved to a new address:"),
        }
    }

    /// The site's path on its server (`/` or `/dang-bo/`).
    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    /// The page sending readers to `to`, an output path (`tin-tuc/a/index.html`)
    /// or a site-relative address (`tin-tuc/a/`).
    pub fn page(&self, to: &str) -> Vec<u8> {
        let rel = address(to);
        let href = escape(&format!("{}{rel}", self.base_path));
        let canonical = escape(&format!("{}{rel}", self.base_url));
        format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title}</title>\n<meta name=\"robots\" content=\"noindex\">\n\
<link rel=\"canonical\" href=\"{canonical}\">\n\
<meta http-equiv=\"refresh\" content=\"0; url={href}\">\n{STYLE}</head>\n<body>\n\
<main>\n<h1>{title}</h1>\n<p>{text} <a href=\"{href}\">{canonical}</a></p>\n</main>\n</body>\n</html>\n",
            lang = escape(&self.lang),
            title = escape(&self.title),
            text = escape(&self.text),
        )
        .into_bytes()
    }
}

/// Readable for the moment it shows, on a phone too; nothing fetched for it.
const STYLE: &str = "<style>body{font:1.125rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}h1{font-size:1.5rem}a{overflow-wrap:anywhere}</style>\n";

/// Text for HTML content and attribute values.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `tin-tuc/a/index.html` → `tin-tuc/a/`; an address stays as it is.
pub fn address(path: &str) -> &str {
    path.strip_suffix("index.html").unwrap_or(path)
}

/// `/tin-tuc/a/`, as publish prints it.
pub fn shown(path: &str) -> String {
    format!("/{}", address(path))
}

/// Each article's and page's output file, and the source file it came from
/// (`tin-tuc/a/index.html` → `content/articles/a.md`): what publish records
/// to find a page again after its address changed.
pub fn sources(site: &Site) -> BTreeMap<String, String> {
    let path = |p: &std::path::Path| {
        p.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    };
    site.articles
        .iter()
        .map(|a| (index_of(&urls::article(&a.slug)), path(&a.path)))
        .chain(
            site.pages
                .iter()
                .map(|p| (index_of(&urls::page(&p.slug)), path(&p.path))),
        )
        .collect()
}

/// Where a trimmed folder leads when its own listing lives elsewhere.
fn listing_of(folder: &str, site: &Site) -> Option<String> {
    match folder {
        urls::ARTICLES => Some(urls::NEWS.to_string()),
        urls::CHARTS => Some(urls::STATS.to_string()),
        "documents/" => Some(urls::DOCUMENTS.to_string()),
        // The one top organization's page, else the statistics overview,
        // which lists every organization.
        urls::ORGS => {
            let mut tops = site.orgs.list.iter().filter(|o| o.parent.is_none());
            match (tops.next(), tops.next()) {
                (Some(top), None) => Some(urls::org(&top.id)),
                _ => Some(urls::STATS.to_string()),
            }
        }
        _ => None,
    }
}

/// A redirect page for every folder of the site without its own index.html
/// (`tin-tuc/` → `tin-moi/`, `tin-moi/trang/` → `tin-moi/`), so that no address
/// a reader trims ends on the 404 page. `listed` holds every output path.
/// The theme's own files (static/) are left alone.
pub fn folders(site: &Site, listed: &BTreeSet<&str>) -> Vec<(String, String)> {
    let mut folders: BTreeSet<&str> = BTreeSet::new();
    for path in listed {
        let mut at = 0;
        while let Some(i) = path[at..].find('/') {
            at += i + 1;
            folders.insert(&path[..at]);
        }
    }
    let has_index = |f: &str| listed.contains(index_of(f).as_str());
    folders
        .into_iter()
        .filter(|f| !f.starts_with(urls::STATIC) && !has_index(f))
        .map(|f| {
            let to = listing_of(f, site)
                .filter(|to| has_index(to))
                .unwrap_or_else(|| nearest_index(f, &has_index));
            (index_of(f), to)
        })
        .collect()
}

/// The closest folder above `folder` with an index.html (at worst the home page).
fn nearest_index(folder: &str, has_index: &dyn Fn(&str) -> bool) -> String {
    let mut f = folder.trim_end_matches('/');
    while let Some((up, _)) = f.rsplit_once('/') {
        if has_index(&format!("{up}/")) {
            return format!("{up}/");
        }
        f = up;
    }
    String::new()
}

/// The redirect pages of every `aliases:` entry. An alias that names a page
/// of the site, or the same address as another alias, is an error naming
/// both files. `sources` maps the site's pages to their files.
pub fn aliases(
    site: &Site,
    listed: &BTreeSet<&str>,
    sources: &BTreeMap<String, String>,
) -> Result<Vec<(String, String)>, Diagnostics> {
    let mut errors = Diagnostics::default();
    let mut taken: BTreeMap<String, (&std::path::Path, usize)> = BTreeMap::new();
    let mut out = Vec::new();
    let owners = site
        .articles
        .iter()
        .map(|a| (&a.path, &a.aliases, urls::article(&a.slug)))
        .chain(
            site.pages
                .iter()
                .map(|p| (&p.path, &p.aliases, urls::page(&p.slug))),
        );
    for (path, list, to) in owners {
        for alias in list {
            let alias_shown = shown(&alias.file);
            let clash = if let Some((other, line)) = taken.get(&alias.file) {
                Some(Render::AliasTaken {
                    alias: alias_shown,
                    by: format!("{}:{line}", other.display()),
                })
            } else if listed.contains(alias.file.as_str()) {
                Some(Render::AliasIsPage {
                    alias: alias_shown,
                    source: sources.get(&alias.file).cloned(),
                })
            } else {
                None
            };
            match clash {
                Some(say) => errors.push(Diagnostic::new(path, say).at_line(alias.line)),
                None => {
                    taken.insert(alias.file.clone(), (path.as_path(), alias.line));
                    out.push((alias.file.clone(), to.clone()));
                }
            }
        }
    }
    errors.into_result(out)
}

/// The redirect pages as files.
pub fn files(redirector: &Redirector, list: &[(String, String)]) -> Vec<OutputFile> {
    list.iter()
        .map(|(from, to)| OutputFile::bytes(from.clone(), redirector.page(to)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_page_names_the_new_address_three_ways() {
        let r = Redirector {
            lang: "vi".into(),
            base_url: "https://x.vn/db/".into(),
            base_path: "/db/".into(),
            title: "Trang đã chuyển".into(),
            text: "Trang này đã chuyển đến:".into(),
        };
        let html = String::from_utf8(r.page("tin-tuc/moi/index.html")).unwrap();
        assert!(html.contains("<meta http-equiv=\"refresh\" content=\"0; url=/db/tin-tuc/moi/\">"));
        assert!(html.contains("<link rel=\"canonical\" href=\"https://x.vn/db/tin-tuc/moi/\">"));
        assert!(html.contains("<a href=\"/db/tin-tuc/moi/\">https://x.vn/db/tin-tuc/moi/</a>"));
        assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"));
        assert!(html.contains("<html lang=\"vi\">"));
    }

    #[test]
    fn trimmed_folders_lead_to_the_nearest_listing() {
        let listed: BTreeSet<&str> = [
            "index.html",
            "tin-moi/index.html",
            "tin-moi/trang/2/index.html",
            "chuyen-muc/a/index.html",
            "static/site.js",
        ]
        .into_iter()
        .collect();
        let has = |f: &str| listed.contains(index_of(f).as_str());
        assert_eq!(nearest_index("tin-moi/trang/", &has), "tin-moi/");
        assert_eq!(nearest_index("chuyen-muc/", &has), "");
    }
}
