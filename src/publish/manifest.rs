//! `.trangtin-manifest`: what the last publish put at the target, one file a line
//! (`path<TAB>size<TAB>sha256`, sorted by path). `--delete` removes only files
//! listed here, so anything the committee placed at the target by hand is safe.
//! A page adds a fourth field, where it came from (see [`Origin`]), so that the
//! next publish can keep its address when it moves.

use std::collections::BTreeMap;
use std::fs::File;
use std::io;
use std::path::Path;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::diagnostic::msg::publish::Publish;
use crate::diagnostic::Diagnostic;

/// The manifest's file name at the top of the target.
pub const NAME: &str = ".trangtin-manifest";

/// Folder names rsync uses while a transfer is under way; never site files.
pub const PARTIAL_DIR: &str = ".trangtin-partial";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub size: u64,
    /// Lower-case hex SHA-256, as `sha256sum` prints it.
    pub hash: String,
    pub origin: Option<Origin>,
}

impl Entry {
    /// The same file: size and hash (not where it came from).
    pub fn same_file(&self, other: &Entry) -> bool {
        self.size == other.size && self.hash == other.hash
    }
}

/// Where a published page came from: the fourth field of its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// `src:content/articles/a.md`: an article or page made from this file.
    Source(String),
    /// `to:tin-tuc/b/index.html`: a redirect publish kept, to this page.
    Redirect(String),
}

impl Origin {
    fn to_field(&self) -> String {
        match self {
            Origin::Source(s) => format!("src:{}", escape(s)),
            Origin::Redirect(to) => format!("to:{}", escape(to)),
        }
    }

    fn parse(field: &str) -> Option<Origin> {
        if let Some(s) = field.strip_prefix("src:") {
            return unescape(s).map(Origin::Source);
        }
        let to = unescape(field.strip_prefix("to:")?)?;
        is_safe(&to).then_some(Origin::Redirect(to))
    }
}

/// Path (relative, with `/`) → size and hash, sorted by path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest(pub BTreeMap<String, Entry>);

impl Manifest {
    pub fn get(&self, path: &str) -> Option<&Entry> {
        self.0.get(path)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Records where each page came from (output path → source file).
    pub fn set_sources(&mut self, sources: &BTreeMap<String, String>) {
        for (path, source) in sources {
            if let Some(e) = self.0.get_mut(path) {
                e.origin = Some(Origin::Source(source.clone()));
            }
        }
    }

    /// The output path of the page made from `source`, and of every other
    /// page, in one look-up table.
    pub fn pages_by_source(&self) -> BTreeMap<&str, &str> {
        self.0
            .iter()
            .filter_map(|(path, e)| match &e.origin {
                Some(Origin::Source(s)) => Some((s.as_str(), path.as_str())),
                _ => None,
            })
            .collect()
    }

    /// The text written at the target.
    pub fn to_text(&self) -> String {
        let mut out = String::with_capacity(self.0.len() * 100);
        for (path, e) in &self.0 {
            out.push_str(&escape(path));
            out.push('\t');
            out.push_str(&e.size.to_string());
            out.push('\t');
            out.push_str(&e.hash);
            if let Some(origin) = &e.origin {
                out.push('\t');
                out.push_str(&origin.to_field());
            }
            out.push('\n');
        }
        out
    }

    /// Reads a manifest; `shown` names it in messages. A damaged manifest is an
    /// error: guessing could make `--delete` remove the wrong files.
    pub fn parse(text: &str, shown: &str) -> Result<Manifest, Diagnostic> {
        let mut map = BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            if line.is_empty() {
                continue;
            }
            let entry = parse_line(line).ok_or_else(|| {
                Diagnostic::new(shown, Publish::ManifestLineDamaged).at_line(i + 1)
            })?;
            map.insert(entry.0, entry.1);
        }
        Ok(Manifest(map))
    }
}

fn parse_line(line: &str) -> Option<(String, Entry)> {
    let mut parts = line.split('\t');
    let path = unescape(parts.next()?)?;
    let size = parts.next()?.parse().ok()?;
    let hash = parts.next()?;
    let ok_hash = hash.len() == 64
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    let origin = match parts.next() {
        Some(field) => Some(Origin::parse(field)?),
        None => None,
    };
    (parts.next().is_none() && ok_hash && is_safe(&path)).then(|| {
        (
            path,
            Entry {
                size,
                hash: hash.to_string(),
                origin,
            },
        )
    })
}

/// A relative path that stays inside the target: no `..`, no empty parts.
pub fn is_safe(path: &str) -> bool {
    !path.is_empty()
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

fn escape(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

fn unescape(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            '\\' => '\\',
            't' => '\t',
            'n' => '\n',
            'r' => '\r',
            _ => return None,
        });
    }
    Some(out)
}

/// Size and SHA-256 of one file.
pub fn hash_file(path: &Path) -> io::Result<Entry> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let size = io::copy(&mut file, &mut hasher)?;
    let hash = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(Entry {
        size,
        hash,
        origin: None,
    })
}

/// Every file under `dir` (the built site), hashed in parallel.
pub fn scan(dir: &Path) -> Result<Manifest, Diagnostic> {
    let mut paths = Vec::new();
    for item in walkdir::WalkDir::new(dir).min_depth(1).sort_by_file_name() {
        let item = item.map_err(|e| crate::publish::walk_error(&e, dir))?;
        if item.file_type().is_dir() {
            continue;
        }
        let rel = relative(dir, item.path())?;
        // The build's marker says "trangtin wrote this folder"; not a page to publish.
        if rel == NAME
            || rel == crate::output_rules::MARKER
            || rel.split('/').any(|p| p == PARTIAL_DIR)
        {
            continue;
        }
        if !item.file_type().is_file() {
            return Err(Diagnostic::new(item.path(), Publish::SpecialFile));
        }
        paths.push(rel);
    }
    let entries: Result<Vec<(String, Entry)>, Diagnostic> = paths
        .into_par_iter()
        .map(|rel| {
            hash_file(&dir.join(&rel))
                .map(|e| (rel.clone(), e))
                .map_err(|e| Diagnostic::io(&dir.join(&rel), &e))
        })
        .collect();
    Ok(Manifest(entries?.into_iter().collect()))
}

/// `dir/a/b.html` → `a/b.html`; names that are not UTF-8 are refused.
fn relative(dir: &Path, path: &Path) -> Result<String, Diagnostic> {
    let rel = path
        .strip_prefix(dir)
        .map_err(|_| Diagnostic::new(path, Publish::OutsideSite))?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    parts
        .map(|p| p.join("/"))
        .ok_or_else(|| Diagnostic::new(path, Publish::NameNotUtf8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_odd_names() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("media/ảnh")).unwrap();
        std::fs::write(dir.path().join("media/ảnh/a\tb c.jpg"), b"abc").unwrap();
        std::fs::write(dir.path().join("index.html"), b"").unwrap();
        std::fs::write(dir.path().join(NAME), b"old").unwrap();
        let m = scan(dir.path()).unwrap();
        assert_eq!(
            m.0.keys().collect::<Vec<_>>(),
            ["index.html", "media/ảnh/a\tb c.jpg"]
        );
        let abc = m.get("media/ảnh/a\tb c.jpg").unwrap();
        assert_eq!(
            (abc.size, abc.hash.as_str()),
            (
                3,
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
            )
        );
        assert_eq!(Manifest::parse(&m.to_text(), "m").unwrap(), m);
    }

    #[test]
    fn pages_keep_their_source_and_redirects_their_target() {
        let hash = "0".repeat(64);
        let text = format!("a/index.html\t1\t{hash}\tsrc:content/articles/a b.md\nold/index.html\t1\t{hash}\tto:a/index.html\n");
        let m = Manifest::parse(&text, "m").unwrap();
        assert_eq!(
            m.get("old/index.html").unwrap().origin,
            Some(Origin::Redirect("a/index.html".into()))
        );
        assert_eq!(
            m.pages_by_source().get("content/articles/a b.md"),
            Some(&"a/index.html")
        );
        assert_eq!(m.to_text(), text);
    }

    #[test]
    fn damaged_or_escaping_lines_are_refused() {
        let hash = "0".repeat(64);
        for bad in [
            format!("../etc/passwd\t1\t{hash}"),
            format!("/abs\t1\t{hash}"),
            format!("a\tx\t{hash}"),
            format!("a\t1\t{hash}\tto:../x"),
            format!("a\t1\t{hash}\tmaybe"),
            "a\t1\tzz".to_string(),
        ] {
            let e = Manifest::parse(
                &format!("ok\t1\t{hash}\n{bad}\n"),
                "site/.trangtin-manifest",
            )
            .unwrap_err();
            assert_eq!(e.line(), Some(2), "{bad}");
            assert!(e.to_string().starts_with(
                "site/.trangtin-manifest:2: this line of the publish manifest is damaged"
            ));
        }
    }
}
