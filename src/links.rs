//! `check`'s link checker: every internal link, image and document reference
//! written in Markdown must point at a file of the site, and every `#anchor` at
//! an id on the page it names; links that the templates put in pages must
//! resolve too. Links to other sites are listed, never fetched.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use crate::diagnostic::msg::link::{Link, Target};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown::Reference;
use crate::model::site::urls;
use crate::model::Site;
use crate::output::{Content, OutputFile};

/// Every problem found, with the Markdown file and line where the link is.
pub fn check(site: &Site, files: &[OutputFile]) -> Diagnostics {
    let index = Index::new(site, files);
    let mut errors = Diagnostics::default();
    let mut reported: HashSet<String> = HashSet::new();
    for (path, refs, own) in sources(site) {
        for r in refs {
            if let Some(msg) = index.broken(r, &own) {
                if let Some((rel, _)) = resolve(r.url.trim(), &own, index.base) {
                    reported.insert(rel);
                }
                errors.push(Diagnostic::new(path.clone(), msg).at_line(r.line));
            }
        }
    }
    errors.extend(template_links(&index, files, &reported));
    errors
}

/// Links to other sites, as `file:line: url`, in file order.
pub fn external(site: &Site) -> Vec<String> {
    let mut out = Vec::new();
    for (path, refs, _) in sources(site) {
        for r in refs.iter().filter(|r| is_external(r.url.trim())) {
            out.push(format!("{}:{}: {}", path.display(), r.line, r.url.trim()));
        }
    }
    out
}

/// Prints the external links: their number, or each with `verbose`.
pub fn print_external(list: &[String], verbose: bool, quiet: bool) {
    if quiet {
        return;
    }
    if verbose {
        for l in list {
            println!("external: {l}");
        }
    }
    if !list.is_empty() {
        let hint = if verbose {
            ""
        } else {
            "; --verbose lists them"
        };
        println!(
            "{} external link{} not checked (trangtin does not fetch other sites){hint}",
            list.len(),
            if list.len() == 1 { "" } else { "s" }
        );
    }
}

/// Each article's and page's source path, references, and own address.
fn sources(site: &Site) -> impl Iterator<Item = (&PathBuf, &[Reference], String)> {
    site.articles
        .iter()
        .map(|a| (&a.path, a.references.as_slice(), urls::article(&a.slug)))
        .chain(
            site.pages
                .iter()
                .map(|p| (&p.path, p.references.as_slice(), urls::page(&p.slug))),
        )
}

fn is_external(url: &str) -> bool {
    url.contains("://")
        || url.starts_with("//")
        || url.starts_with("mailto:")
        || url.starts_with("tel:")
}

/// The site's files, and the ids on its pages (read from the HTML on demand).
struct Index<'a> {
    base: &'a str,
    paths: HashSet<&'a str>,
    html: HashMap<&'a str, &'a [u8]>,
    /// Heading ids the Markdown gave, by page address.
    anchors: HashMap<String, &'a [String]>,
}

impl<'a> Index<'a> {
    fn new(site: &'a Site, files: &'a [OutputFile]) -> Self {
        let html = files
            .iter()
            .filter(|f| f.path.ends_with(".html"))
            .filter_map(|f| match &f.content {
                Content::Bytes(b) => Some((f.path.as_str(), b.as_slice())),
                Content::Copy(_) | Content::Link(_) => None,
            })
            .collect();
        let anchors = site
            .articles
            .iter()
            .map(|a| (urls::article(&a.slug), a.anchors.as_slice()))
            .chain(
                site.pages
                    .iter()
                    .map(|p| (urls::page(&p.slug), p.anchors.as_slice())),
            )
            .collect();
        Index {
            base: site.settings.base_path.as_str(),
            paths: files.iter().map(|f| f.path.as_str()).collect(),
            html,
            anchors,
        }
    }

    /// The output file a site-relative path names, if any.
    fn file_of(&self, rel: &str) -> Option<&'a str> {
        let candidates = [
            rel.to_string(),
            format!("{rel}index.html"),
            format!("{rel}/index.html"),
        ];
        candidates
            .iter()
            .find_map(|c| self.paths.get(c.as_str()).copied())
    }

    /// Why a reference is broken, or None if it resolves (or is external).
    fn broken(&self, r: &Reference, own: &str) -> Option<Link> {
        let url = r.url.trim();
        if url.is_empty() || is_external(url) {
            return None;
        }
        let what = if r.is_image {
            Target::Image
        } else if url.contains("documents/") {
            Target::Document
        } else {
            Target::Link
        };
        let url_owned = url.to_string();
        let (rel, anchor) = match resolve(url, own, self.base) {
            Some(x) => x,
            None => {
                return Some(Link::LeavesSite {
                    what,
                    url: url_owned,
                })
            }
        };
        let Some(file) = self.file_of(&rel) else {
            let file = (rel.starts_with("media/") || rel.starts_with("documents/")).then_some(rel);
            return Some(Link::NoTarget {
                what,
                url: url_owned,
                file,
            });
        };
        let anchor = anchor.filter(|a| !a.is_empty())?;
        if self.has_id(file, &rel, &anchor) {
            None
        } else {
            Some(Link::NoAnchor {
                url: url_owned,
                headings: self.heading_list(&rel),
                anchor,
            })
        }
    }

    fn has_id(&self, file: &str, rel: &str, id: &str) -> bool {
        let page = if rel.ends_with('/') || rel.is_empty() {
            rel.to_string()
        } else {
            format!("{rel}/")
        };
        if self
            .anchors
            .get(&page)
            .is_some_and(|list| list.iter().any(|x| x == id))
        {
            return true;
        }
        self.html
            .get(file)
            .is_some_and(|html| ids(html).any(|x| x == id))
    }

    fn heading_list(&self, rel: &str) -> Vec<String> {
        let page = if rel.ends_with('/') || rel.is_empty() {
            rel.to_string()
        } else {
            format!("{rel}/")
        };
        self.anchors
            .get(&page)
            .map(|l| l.to_vec())
            .unwrap_or_default()
    }
}

/// A link as a site-relative path (percent-decoded, `..` resolved) and its
/// anchor. None when `..` climbs above the site.
pub fn resolve(url: &str, own: &str, base: &str) -> Option<(String, Option<String>)> {
    let (path_part, anchor) = match url.split_once('#') {
        Some((p, a)) => (p, Some(decode(a))),
        None => (url, None),
    };
    let path_part = decode(path_part.split('?').next().unwrap_or_default());
    let joined = if path_part.is_empty() {
        own.to_string()
    } else if let Some(abs) = path_part.strip_prefix('/') {
        abs.strip_prefix(base.trim_start_matches('/'))
            .unwrap_or(abs)
            .to_string()
    } else if path_part.starts_with("media/") || path_part.starts_with("documents/") {
        // Editors write media paths as in content/, wherever the article is.
        path_part
    } else {
        format!("{own}{path_part}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some((parts.join("/"), anchor))
}

fn decode(s: &str) -> String {
    crate::text::url::percent_decode(s).unwrap_or_else(|| s.to_string())
}

/// Values of `id="…"` attributes in HTML.
fn ids(html: &[u8]) -> impl Iterator<Item = String> + '_ {
    attr_values(html, b" id=\"")
}

fn attr_values<'h>(html: &'h [u8], needle: &'static [u8]) -> impl Iterator<Item = String> + 'h {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = find(&html[at..], needle)? + at + needle.len();
        let len = html[start..].iter().position(|&b| b == b'"')?;
        at = start + len;
        Some(String::from_utf8_lossy(&html[start..start + len]).replace("&amp;", "&"))
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Links the theme's templates put in pages (menus, cards, pagination …):
/// each distinct broken address once, with the first page showing it.
fn template_links(index: &Index, files: &[OutputFile], reported: &HashSet<String>) -> Diagnostics {
    let mut broken: BTreeMap<String, (String, String, usize)> = BTreeMap::new();
    let mut seen: HashSet<String> = HashSet::new();
    for (path, html) in files.iter().filter_map(|f| {
        index
            .html
            .get(f.path.as_str())
            .map(|h| (f.path.as_str(), *h))
    }) {
        let own = path
            .rsplit_once('/')
            .map_or(String::new(), |(dir, _)| format!("{dir}/"));
        for url in attr_values(html, b" href=\"").chain(attr_values(html, b" src=\"")) {
            if is_external(&url)
                || url.starts_with('#')
                || url.starts_with("data:")
                || url.starts_with("javascript:")
            {
                continue;
            }
            // A relative address means another file on each page.
            let key = if url.starts_with('/') {
                url.clone()
            } else {
                format!("{own}{url}")
            };
            if let Some(entry) = broken.get_mut(&key) {
                entry.2 += 1;
                continue;
            }
            if !seen.insert(key.clone()) {
                continue;
            }
            // A missing target already reported at the Markdown line that wrote it is not repeated.
            let ok = resolve(&url, &own, index.base)
                .is_some_and(|(rel, _)| index.file_of(&rel).is_some() || reported.contains(&rel));
            if !ok {
                broken.insert(key, (path.to_string(), url, 1));
            }
        }
    }
    let mut errors = Diagnostics::default();
    for (first, url, count) in broken.into_values() {
        let kind = Link::ByTheme {
            url,
            others: count - 1,
        };
        errors.push(Diagnostic::new(PathBuf::from("output").join(&first), kind));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_encoded_and_rooted_links() {
        assert_eq!(
            resolve("../b/#x", "tin-tuc/a/", "/"),
            Some(("tin-tuc/b/".into(), Some("x".into())))
        );
        assert_eq!(
            resolve("/db/gioi-thieu/", "tin-tuc/a/", "/db/"),
            Some(("gioi-thieu/".into(), None))
        );
        assert_eq!(
            resolve("media/%E1%BA%A3nh.jpg", "tin-tuc/a/", "/"),
            Some(("media/ảnh.jpg".into(), None))
        );
        assert_eq!(
            resolve("#ket-qua", "tin-tuc/a/", "/"),
            Some(("tin-tuc/a/".into(), Some("ket-qua".into())))
        );
        assert_eq!(resolve("../../../x", "tin-tuc/a/", "/"), None);
    }

    #[test]
    fn finds_ids_in_html() {
        let found: Vec<String> =
            ids(b"<h2 id=\"a\">A</h2><p class=\"x\" id=\"b&amp;c\">").collect();
        assert_eq!(found, ["a", "b&c"]);
    }
}
