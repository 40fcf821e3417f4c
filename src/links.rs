//! `check`'s link checker: every internal link and image of every written page
//! must point at a file of the site, and every `#anchor` at an id on that page.

use std::collections::{HashMap, HashSet};

use crate::error::{Error, Errors};
use crate::markdown::Reference;
use crate::model::Site;
use crate::render::OutputFile;

pub fn check(site: &Site, files: &[OutputFile]) -> Errors {
    let paths: HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let base = site.settings.base_path.as_str();
    let anchors: HashMap<String, &[String]> = site
        .articles
        .iter()
        .map(|a| (crate::model::site::urls::article(&a.slug), a.anchors.as_slice()))
        .chain(site.pages.iter().map(|p| (crate::model::site::urls::page(&p.slug), p.anchors.as_slice())))
        .collect();
    let mut errors = Errors::default();
    let sources = site
        .articles
        .iter()
        .map(|a| (&a.path, &a.references, crate::model::site::urls::article(&a.slug)))
        .chain(site.pages.iter().map(|p| (&p.path, &p.references, crate::model::site::urls::page(&p.slug))));
    for (path, refs, own) in sources {
        for r in refs.iter() {
            if let Some(msg) = broken(r, base, &own, &paths, &anchors) {
                errors.push(Error::new(path.clone(), msg).at_line(r.line));
            }
        }
    }
    errors
}

/// Why a reference is broken, or None if it resolves (or is external).
fn broken(r: &Reference, base: &str, own: &str, paths: &HashSet<&str>, anchors: &HashMap<String, &[String]>) -> Option<String> {
    let url = r.url.trim();
    if url.is_empty() || url.contains("://") || url.starts_with("mailto:") || url.starts_with("tel:") || url.starts_with("//") {
        return None;
    }
    let (path_part, anchor) = match url.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (url, None),
    };
    let path_part = path_part.split('?').next().unwrap_or_default();
    let rel = if path_part.is_empty() {
        own.to_string()
    } else if let Some(abs) = path_part.strip_prefix('/') {
        abs.strip_prefix(base.trim_start_matches('/')).unwrap_or(abs).to_string()
    } else if path_part.starts_with("media/") || path_part.starts_with("documents/") {
        path_part.to_string()
    } else {
        format!("{own}{path_part}")
    };
    let what = if r.is_image { "image" } else { "link" };
    let exists = paths.contains(rel.as_str()) || paths.contains(format!("{rel}index.html").as_str()) || paths.contains(format!("{rel}/index.html").as_str());
    if !exists {
        return Some(format!("broken {what}: `{url}` points at no page or file of the site"));
    }
    if let Some(a) = anchor.filter(|a| !a.is_empty()) {
        let key = if rel.ends_with('/') { rel.clone() } else { format!("{rel}/") };
        if let Some(list) = anchors.get(&key) {
            if !list.iter().any(|x| x == a) {
                return Some(format!("broken link: `{url}` points at `#{a}`, which is not a heading id on that page"));
            }
        }
    }
    None
}
