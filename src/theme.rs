//! The theme: templates, static files and interface words.
//!
//! The default theme is compiled into the binary, so a site needs no themes/
//! folder. A site's `themes/<name>/templates/x.html` replaces the default's
//! `x.html`; its `static/` files are added (or replace ours) and its
//! `i18n/<lang>.yaml` keys override ours.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::msg::Theme as ThemeProblem;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::text::Lang;
use crate::yaml;

/// Every file of themes/default, embedded. A test checks that none is missing.
pub const DEFAULT_FILES: &[(&str, &str)] = &[
    (
        "templates/base.html",
        include_str!("../themes/default/templates/base.html"),
    ),
    (
        "templates/index.html",
        include_str!("../themes/default/templates/index.html"),
    ),
    (
        "templates/article.html",
        include_str!("../themes/default/templates/article.html"),
    ),
    (
        "templates/list.html",
        include_str!("../themes/default/templates/list.html"),
    ),
    (
        "templates/page.html",
        include_str!("../themes/default/templates/page.html"),
    ),
    (
        "templates/taxonomy.html",
        include_str!("../themes/default/templates/taxonomy.html"),
    ),
    (
        "templates/events.html",
        include_str!("../themes/default/templates/events.html"),
    ),
    (
        "templates/documents.html",
        include_str!("../themes/default/templates/documents.html"),
    ),
    (
        "templates/document.html",
        include_str!("../themes/default/templates/document.html"),
    ),
    (
        "templates/person.html",
        include_str!("../themes/default/templates/person.html"),
    ),
    (
        "templates/contacts.html",
        include_str!("../themes/default/templates/contacts.html"),
    ),
    (
        "templates/schedule.html",
        include_str!("../themes/default/templates/schedule.html"),
    ),
    (
        "templates/leaders.html",
        include_str!("../themes/default/templates/leaders.html"),
    ),
    (
        "templates/stats.html",
        include_str!("../themes/default/templates/stats.html"),
    ),
    (
        "templates/org.html",
        include_str!("../themes/default/templates/org.html"),
    ),
    (
        "templates/dataset.html",
        include_str!("../themes/default/templates/dataset.html"),
    ),
    (
        "templates/search.html",
        include_str!("../themes/default/templates/search.html"),
    ),
    (
        "templates/site-map.html",
        include_str!("../themes/default/templates/site-map.html"),
    ),
    (
        "templates/404.html",
        include_str!("../themes/default/templates/404.html"),
    ),
    (
        "templates/rss.xml",
        include_str!("../themes/default/templates/rss.xml"),
    ),
    (
        "templates/atom.xml",
        include_str!("../themes/default/templates/atom.xml"),
    ),
    (
        "templates/partials/card.html",
        include_str!("../themes/default/templates/partials/card.html"),
    ),
    (
        "templates/partials/chart.html",
        include_str!("../themes/default/templates/partials/chart.html"),
    ),
    (
        "templates/partials/picture.html",
        include_str!("../themes/default/templates/partials/picture.html"),
    ),
    (
        "templates/side.html",
        include_str!("../themes/default/templates/side.html"),
    ),
    (
        "templates/partials/thumb.html",
        include_str!("../themes/default/templates/partials/thumb.html"),
    ),
    (
        "templates/partials/caption.html",
        include_str!("../themes/default/templates/partials/caption.html"),
    ),
    (
        "templates/partials/photo.html",
        include_str!("../themes/default/templates/partials/photo.html"),
    ),
    (
        "templates/partials/gallery.html",
        include_str!("../themes/default/templates/partials/gallery.html"),
    ),
    (
        "templates/partials/stats.html",
        include_str!("../themes/default/templates/partials/stats.html"),
    ),
    (
        "templates/partials/table.html",
        include_str!("../themes/default/templates/partials/table.html"),
    ),
    (
        "templates/partials/pagination.html",
        include_str!("../themes/default/templates/partials/pagination.html"),
    ),
    (
        "templates/partials/sidebar.html",
        include_str!("../themes/default/templates/partials/sidebar.html"),
    ),
    (
        "templates/partials/video.html",
        include_str!("../themes/default/templates/partials/video.html"),
    ),
    (
        "templates/partials/event.html",
        include_str!("../themes/default/templates/partials/event.html"),
    ),
    (
        "static/style.css",
        include_str!("../themes/default/static/style.css"),
    ),
    (
        "static/site.js",
        include_str!("../themes/default/static/site.js"),
    ),
    (
        "static/search.js",
        include_str!("../themes/default/static/search.js"),
    ),
    (
        "i18n/vi.yaml",
        include_str!("../themes/default/i18n/vi.yaml"),
    ),
    (
        "i18n/en.yaml",
        include_str!("../themes/default/i18n/en.yaml"),
    ),
];

/// A theme ready to use: templates by name (`article.html`), static files by
/// path below static/, and the interface words of the site's language.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    pub templates: BTreeMap<String, String>,
    pub statics: BTreeMap<String, Vec<u8>>,
    pub words: BTreeMap<String, String>,
    /// Where each template came from, for error messages.
    pub origins: BTreeMap<String, PathBuf>,
}

/// Loads the default theme, then the site's overrides from `themes/<name>/`.
pub fn load(root: &Path, name: Option<&str>, lang: Lang) -> Result<Theme, Diagnostics> {
    let mut theme = Theme::default();
    let i18n_name = format!("i18n/{}.yaml", lang.code());
    let mut errors = Diagnostics::default();
    for (path, text) in DEFAULT_FILES {
        let origin = PathBuf::from("themes/default").join(path);
        if let Some(t) = path.strip_prefix("templates/") {
            theme.templates.insert(t.to_string(), text.to_string());
            theme.origins.insert(t.to_string(), origin);
        } else if let Some(s) = path.strip_prefix("static/") {
            theme
                .statics
                .insert(s.to_string(), text.as_bytes().to_vec());
        } else if *path == i18n_name {
            match words(text, &origin) {
                Ok(w) => theme.words = w,
                Err(e) => errors.push(e),
            }
        }
    }
    match theme_dir(root, name) {
        Ok(Some(dir)) => errors.extend(overlay(&mut theme, root, &dir, &i18n_name)),
        Ok(None) => {
            if let Some(n) = name.filter(|n| *n != "default") {
                let kind = ThemeProblem::NoSuchTheme { name: n.into() };
                errors.push(Diagnostic::new("content/site.yaml", kind));
            }
        }
        Err(e) => errors.push(e),
    }
    errors.into_result(theme)
}

/// `themes/<name>/`, when it exists; the name is one folder name (never a
/// path that leaves themes/) and the folder must really be inside the site.
fn theme_dir(root: &Path, name: Option<&str>) -> Result<Option<PathBuf>, Diagnostic> {
    let name = name.unwrap_or("default");
    let plain = Path::new(name).components().count() == 1
        && matches!(
            Path::new(name).components().next(),
            Some(std::path::Component::Normal(_))
        );
    if !plain {
        let kind = ThemeProblem::BadName { name: name.into() };
        return Err(Diagnostic::new("content/site.yaml", kind));
    }
    let rel = Path::new("themes").join(name);
    crate::load::inside::check(root, &rel)?;
    let dir = root.join(&rel);
    Ok(dir.is_dir().then_some(dir))
}

fn overlay(theme: &mut Theme, root: &Path, dir: &Path, i18n_name: &str) -> Diagnostics {
    let mut errors = Diagnostics::default();
    let mut walker = walkdir::WalkDir::new(dir).follow_links(true).into_iter();
    while let Some(entry) = walker.next() {
        let Ok(entry) = entry else { continue };
        let shown = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .to_path_buf();
        if entry.path_is_symlink() {
            if let Err(e) = crate::load::inside::check(root, &shown) {
                errors.push(e);
                if entry.file_type().is_dir() {
                    walker.skip_current_dir();
                }
                continue;
            }
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let rel_s = rel.to_string_lossy().replace('\\', "/");
        if let Some(t) = rel_s.strip_prefix("templates/") {
            match crate::load::read_text(root, &shown) {
                Ok(text) => {
                    theme.templates.insert(t.to_string(), text);
                    theme.origins.insert(t.to_string(), shown);
                }
                Err(e) => errors.push(e),
            }
        } else if let Some(s) = rel_s.strip_prefix("static/") {
            match std::fs::read(entry.path()) {
                Ok(bytes) => {
                    theme.statics.insert(s.to_string(), bytes);
                }
                Err(e) => errors.push(Diagnostic::io(&shown, &e)),
            }
        } else if rel_s == i18n_name {
            match crate::load::read_text(root, &shown).and_then(|t| words(&t, &shown)) {
                Ok(w) => theme.words.extend(w),
                Err(e) => errors.push(e),
            }
        }
    }
    errors
}

fn words(text: &str, path: &Path) -> Result<BTreeMap<String, String>, Diagnostic> {
    yaml::parse(text, path, 1)
}

/// Every `t.key` a template uses must exist in the interface words.
pub fn check_words(theme: &Theme, lang: Lang) -> Diagnostics {
    let mut errors = Diagnostics::default();
    for (name, text) in &theme.templates {
        for (line_no, line) in text.lines().enumerate() {
            for key in words_used(line) {
                if !theme.words.contains_key(key) {
                    let origin = theme
                        .origins
                        .get(name)
                        .cloned()
                        .unwrap_or_else(|| PathBuf::from(name));
                    let kind = ThemeProblem::MissingWord {
                        key: key.to_string(),
                        file: format!("i18n/{}.yaml", lang.code()),
                    };
                    let column = line.find(key).map_or(1, |i| line[..i].chars().count() + 1);
                    errors.push(Diagnostic::new(origin, kind).at(line_no + 1, column));
                }
            }
        }
    }
    errors
}

/// Keys of `t.key` in a line of template text.
pub fn words_used(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    while let Some(off) = line[i..].find("t.") {
        let at = i + off;
        let boundary = at == 0
            || !(bytes[at - 1].is_ascii_alphanumeric()
                || bytes[at - 1] == b'_'
                || bytes[at - 1] == b'.');
        let start = at + 2;
        let end = line[start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .map_or(line.len(), |e| start + e);
        if boundary && end > start {
            out.push(&line[start..end]);
        }
        i = end.max(at + 2);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_theme_file_is_embedded() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let embedded: Vec<&str> = DEFAULT_FILES.iter().map(|(p, _)| *p).collect();
        for e in walkdir::WalkDir::new(&dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
        {
            let rel = e
                .path()
                .strip_prefix(&dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            assert!(
                embedded.contains(&rel.as_str()),
                "themes/default/{rel} is not in DEFAULT_FILES"
            );
        }
    }

    #[test]
    fn vi_and_en_have_the_same_words_and_cover_the_templates() {
        for lang in [Lang::Vi, Lang::En] {
            let theme = load(Path::new("/nonexistent"), None, lang).unwrap();
            assert!(
                check_words(&theme, lang).is_empty(),
                "{}",
                check_words(&theme, lang)
            );
        }
        let vi = load(Path::new("/x"), None, Lang::Vi).unwrap().words;
        let en = load(Path::new("/x"), None, Lang::En).unwrap().words;
        let vk: Vec<_> = vi.keys().collect();
        let ek: Vec<_> = en.keys().collect();
        assert_eq!(vk, ek);
    }

    #[test]
    fn finds_word_keys() {
        assert_eq!(
            words_used("{{ t.read_more }} {{ at.x }} {{t.home}}"),
            ["read_more", "home"]
        );
    }
}
