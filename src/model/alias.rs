//! `aliases:` in front matter: older addresses of a page, each kept as a
//! redirect page to it (see `render::redirects`).

use std::path::Path;

use crate::diagnostic::msg::Article as Say;
use crate::diagnostic::{Diagnostic, Diagnostics};

/// One older address: the output file it becomes, and the front matter line.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Alias {
    /// `tin-tuc/dia-chi-cu/index.html`
    pub file: String,
    pub line: usize,
}

/// The output file an `aliases:` entry names: `/tin-tuc/cu/` and `/tin-tuc/cu`
/// → `tin-tuc/cu/index.html`, `/tin/123.html` → `tin/123.html`. Err says
/// what is wrong.
pub fn alias_file(alias: &str) -> Result<String, Say> {
    let text = alias.trim();
    let alias = text.to_string();
    if text.contains("://") || text.starts_with("//") {
        return Err(Say::AliasFullUrl { alias });
    } else if !text.starts_with('/') {
        return Err(Say::AliasNoSlash { alias });
    } else if text.contains(['?', '#', '\\', '"', '<', '>']) || text.contains(char::is_whitespace) {
        return Err(Say::AliasBadChars { alias });
    }
    let decoded = crate::text::url::percent_decode(text).unwrap_or_else(|| text.to_string());
    let parts: Vec<&str> = decoded.split('/').filter(|p| !p.is_empty()).collect();
    if parts.iter().any(|p| *p == "." || *p == "..") {
        return Err(Say::AliasDots { alias });
    }
    if parts.is_empty() {
        return Err(Say::AliasHome { alias });
    }
    let joined = parts.join("/");
    let last = parts[parts.len() - 1].to_ascii_lowercase();
    if last.ends_with(".html") || last.ends_with(".htm") {
        Ok(joined)
    } else {
        Ok(format!("{joined}/index.html"))
    }
}

/// Reads the `aliases:` of one file. `yaml` is its front matter text, which
/// starts on the file's line 2; each error names the line of its alias.
pub fn read(list: &[String], yaml: &str, path: &Path) -> Result<Vec<Alias>, Diagnostics> {
    // Read once for all of this file's aliases, and only if it has any.
    let places = crate::yaml::OnDemand::new(yaml, crate::yaml::Offset::line(2));
    let line_of = |alias: &str| {
        let places = places.get();
        let at = places.scalar_in("aliases", alias);
        at.or_else(|| places.key("aliases")).map_or(1, |a| a.line)
    };
    let mut errors = Diagnostics::default();
    let mut out = Vec::new();
    for alias in list {
        let line = line_of(alias);
        match alias_file(alias) {
            Ok(file) => out.push(Alias { file, line }),
            Err(why) => errors.push(Diagnostic::new(path, why).at_line(line)),
        }
    }
    errors.into_result(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn alias_paths_become_files_inside_the_site() {
        assert_eq!(
            alias_file("/tin-tuc/cu/").as_deref(),
            Ok("tin-tuc/cu/index.html")
        );
        assert_eq!(
            alias_file("/tin-tuc/cu").as_deref(),
            Ok("tin-tuc/cu/index.html")
        );
        assert_eq!(alias_file("/tin/123.html").as_deref(), Ok("tin/123.html"));
        assert_eq!(
            alias_file("/tin/%E1%BA%A3nh/").as_deref(),
            Ok("tin/ảnh/index.html")
        );
        for (bad, says) in [
            ("tin-tuc/cu/", "must start with `/`"),
            ("https://x.vn/a/", "full web address"),
            ("//x.vn/a/", "full web address"),
            ("/a/../../etc/", "`..`"),
            ("/a/%2E%2E/b/", "`..`"),
            ("/a?b=1", "no spaces, `?`"),
            ("/", "home page"),
        ] {
            let e = alias_file(bad).unwrap_err();
            let (en, vi) = (e.text(Lang::En), e.text(Lang::Vi));
            assert!(en.contains(says), "{bad}: {en}");
            assert!(vi.starts_with("aliases: địa chỉ cũ"), "{bad}: {vi}");
        }
    }
}
