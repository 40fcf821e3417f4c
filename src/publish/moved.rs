//! A warning before it happens: `check` and `serve` say when a page's address
//! differs from the address the same file had in the last publish, so the
//! editor knows publish will leave a redirect (or can set `slug:` back).
//! Only a folder target's manifest is read: a server is not contacted.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostic::msg::publish::Publish;
use crate::diagnostic::Diagnostic;
use crate::publish::manifest::{self, Manifest};
use crate::publish::target::{self, Target};
use crate::render::redirects::{address, shown};

/// Warnings for the pages of `sources` (output path → source file) whose
/// address moved since the last publish to the folder named in site.yaml.
pub fn warnings(root: &Path, sources: &BTreeMap<String, String>) -> Vec<Diagnostic> {
    let Some(published) = last_manifest(root) else {
        return Vec::new();
    };
    let before = published.pages_by_source();
    let mut out = Vec::new();
    for (now, source) in sources {
        if let Some(then) = before.get(source.as_str()).filter(|then| **then != now) {
            out.push(Diagnostic::new(source, message(then, now)).warning());
        }
    }
    out
}

fn message(then: &str, now: &str) -> Publish {
    let old_slug = address(then)
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("");
    Publish::AddressMoved {
        then: shown(then),
        now: shown(now),
        old_slug: old_slug.to_string(),
    }
}

/// The manifest at the folder `publish:` in site.yaml names, if there is one.
fn last_manifest(root: &Path) -> Option<Manifest> {
    let shown = Path::new("content/site.yaml");
    let settings = crate::config::load(&root.join(shown), shown, None).ok()?;
    let to = settings.site.publish.as_deref()?;
    let Ok(Target::Local(dir)) = target::parse(to, root) else {
        return None;
    };
    let path = dir.join(manifest::NAME);
    let text = std::fs::read_to_string(&path).ok()?;
    Manifest::parse(&text, &path.display().to_string()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn the_warning_names_both_addresses_and_the_way_back() {
        assert_eq!(
            message("tin-tuc/cu/index.html", "tin-tuc/moi/index.html").text(Lang::En),
            "the address of this page changed since the last publish: /tin-tuc/cu/ → /tin-tuc/moi/; publish will keep the old address as a redirect to the new one (to keep the old address instead, write `slug: cu`)"
        );
    }
}
