//! `content/site.yaml` → [`SiteConfig`]: the site's settings, typed and checked.

use std::path::Path;

use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

use crate::diagnostic::msg::Site;
use crate::diagnostic::Diagnostic;
use crate::text::Lang;
use crate::yaml;

/// Settings as written in site.yaml. Unknown keys are errors, so a typo such as
/// `base_ulr` is reported instead of silently ignored.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    /// Lines of the header banner, shown in capitals (defaults to the title).
    #[serde(default)]
    pub banner: Vec<String>,
    pub base_url: String,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default = "default_time_zone", alias = "timezone")]
    pub time_zone: String,
    /// Theme folder name under themes/; the built-in default when absent.
    #[serde(default)]
    pub theme: Option<String>,
    /// An image in content/ for the header emblem slot.
    #[serde(default)]
    pub emblem: Option<String>,
    #[serde(default = "default_page_size")]
    pub page_size: usize,
    #[serde(default)]
    pub menus: Menus,
    #[serde(default)]
    pub footer: Footer,
    #[serde(default)]
    pub links: Vec<Link>,
    #[serde(default)]
    pub home: Home,
    /// Raw HTML in Markdown: what it may keep beyond the safe default.
    #[serde(default)]
    pub html: crate::markdown::HtmlPolicy,
    /// Where `publish` puts the site when no `--to` is given.
    #[serde(default)]
    pub publish: Option<String>,
    /// Photo sizes, quality, and whether originals are published.
    #[serde(default)]
    pub images: crate::images::ImageSettings,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Menus {
    #[serde(default)]
    pub main: Vec<Link>,
    #[serde(default)]
    pub footer: Vec<Link>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    #[serde(alias = "title", alias = "label")]
    pub name: String,
    pub url: String,
}

/// The office's legal block (Decree 42/2022/NĐ-CP expects it on agencies' sites).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Footer {
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub responsible: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub licence: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Home {
    /// Headline figures, written like a `stats` block.
    #[serde(default)]
    pub stats: Vec<StatItem>,
}

/// A key figure as written: an item of a `stats` block, and of site.yaml's
/// headline figures (`home.stats`).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct StatItem {
    pub label: String,
    pub value: f64,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// When given, the page shows the share of the target reached and whether it is met.
    #[serde(default)]
    pub target: Option<f64>,
    /// An organization id; the figure also shows on that organization's page.
    #[serde(default)]
    pub org: Option<String>,
}

fn default_language() -> String {
    "vi".into()
}
fn default_time_zone() -> String {
    "Asia/Ho_Chi_Minh".into()
}
fn default_page_size() -> usize {
    10
}

/// Settings after checking: the parsed language and time zone beside the raw ones.
#[derive(Debug, Clone)]
pub struct Settings {
    pub site: SiteConfig,
    pub lang: Lang,
    pub tz: TimeZone,
    /// `base_url` with exactly one trailing slash.
    pub base_url: String,
    /// The path part of base_url (`/dang-bo/`), so links work under a sub-path.
    pub base_path: String,
    /// The build's "now": what is published and what waits (set by `--clock`).
    pub clock: crate::text::clock::Clock,
}

/// Reads and checks site.yaml. `base_url_override` is `--base-url`.
pub fn load(
    path: &Path,
    shown: &Path,
    base_url_override: Option<&str>,
) -> Result<Settings, Diagnostic> {
    let raw = std::fs::read(path).map_err(|e| Diagnostic::io(shown, &e))?;
    let text = String::from_utf8(raw)
        .map_err(|_| Diagnostic::new(shown, crate::diagnostic::msg::Io::NotUtf8))?;
    let text = crate::text::normalize(&text);
    let site: SiteConfig = yaml::parse(&text, shown, 1)?;
    // Only a mistake needs a place: the index is built then, not on every build.
    let at = |key: &str| {
        yaml::Places::of(&text, yaml::Offset::FILE)
            .key(key)
            .map_or(1, |a| a.line)
    };
    let lang = Lang::from_code(&site.language).ok_or_else(|| {
        Diagnostic::new(
            shown,
            Site::UnknownLanguage {
                value: site.language.clone(),
            },
        )
        .at_line(at("language"))
    })?;
    let tz = TimeZone::get(&site.time_zone).map_err(|_| {
        Diagnostic::new(
            shown,
            Site::UnknownTimeZone {
                value: site.time_zone.clone(),
            },
        )
        .at_line(at("time_zone"))
    })?;
    if let Some(bad) = site.html.forbidden().first() {
        return Err(Diagnostic::new(
            shown,
            Site::HtmlForbidden {
                tag: bad.to_string(),
            },
        )
        .at_line(at("html")));
    }
    if site.page_size == 0 {
        return Err(Diagnostic::new(shown, Site::PageSizeZero).at_line(at("page_size")));
    }
    if let Some(m) = site.images.problem() {
        return Err(Diagnostic::new(shown, m).at_line(at("images")));
    }
    let url = base_url_override.unwrap_or(&site.base_url);
    let (base_url, base_path) = split_base_url(url).ok_or_else(|| {
        Diagnostic::new(
            shown,
            Site::BadBaseUrl {
                url: url.to_string(),
            },
        )
        .at_line(at("base_url"))
    })?;
    Ok(Settings {
        clock: crate::text::clock::Clock::now(&tz),
        site,
        lang,
        tz,
        base_url,
        base_path,
    })
}

/// `https://x.org/dang-bo` → (`https://x.org/dang-bo/`, `/dang-bo/`).
fn split_base_url(url: &str) -> Option<(String, String)> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    if rest.is_empty() || rest.starts_with('/') || rest.contains(char::is_whitespace) {
        return None;
    }
    let path = match rest.find('/') {
        Some(i) => &rest[i..],
        None => "/",
    };
    let path = format!("{}/", path.trim_end_matches('/'));
    let base = format!("{}/", url.trim_end_matches('/'));
    Some((base, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_sub_paths() {
        assert_eq!(
            split_base_url("https://example.org/dang-bo"),
            Some(("https://example.org/dang-bo/".into(), "/dang-bo/".into()))
        );
        assert_eq!(
            split_base_url("http://127.0.0.1:1111/"),
            Some(("http://127.0.0.1:1111/".into(), "/".into()))
        );
        assert_eq!(split_base_url("example.org"), None);
        assert_eq!(split_base_url("javascript:alert(1)"), None);
    }
}
