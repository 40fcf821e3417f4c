//! The site's language, read first and alone, for the language of messages.

use std::path::Path;

use crate::text::Lang;

/// The site's `language:` for messages, read before anything else so even a
/// broken site.yaml is reported in it; None when site.yaml cannot tell.
pub fn language_of(root: &Path) -> Option<Lang> {
    #[derive(serde::Deserialize)]
    struct Only {
        language: Option<String>,
    }
    let rel = Path::new("content/site.yaml");
    super::inside::check(root, rel).ok()?;
    let text = std::fs::read_to_string(root.join(rel)).ok()?;
    let text = crate::text::normalize(&text);
    let only: Only = crate::yaml::parse(&text, rel, 1).ok()?;
    match only.language {
        Some(code) => Lang::from_code(&code),
        None => Some(Lang::Vi),
    }
}
