//! Splits a Markdown file into its YAML front matter and body, and parses the former.

use std::path::Path;

use serde::Deserialize;

use crate::diagnostic::msg::{Front, Yaml};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::yaml;

/// Front matter exactly as SPEC §2 allows it. Unknown fields are errors that list
/// the expected ones.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<String>,
    pub updated: Option<String>,
    /// When the article comes down (SPEC §2, scheduled publishing).
    pub expires: Option<String>,
    pub slug: Option<String>,
    pub summary: Option<String>,
    pub category: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub author: Option<String>,
    pub source: Option<SourceField>,
    pub image: Option<ImageField>,
    pub org: Option<String>,
    pub event: Option<Event>,
    #[serde(default)]
    pub featured: bool,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub documents: Vec<String>,
    /// Older addresses of this page, kept as redirects to it.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Ids from content/people.yaml of the leaders the article is about.
    #[serde(default)]
    pub people: Vec<String>,
}

/// `source: Báo Nghệ An` or `source: { name: Báo Nghệ An, url: … }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum SourceField {
    Name(String),
    Full(NewsSource),
}

#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
pub struct NewsSource {
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
}

/// `image: media/x.jpg` or `image: { src, caption, credit, alt }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ImageField {
    Src(String),
    Full(Image),
}

#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
pub struct Image {
    pub src: String,
    #[serde(default)]
    pub caption: Option<String>,
    #[serde(default)]
    pub alt: Option<String>,
    /// Who took the photo ("Ảnh: MN"), shown under it.
    #[serde(default)]
    pub credit: Option<String>,
}

/// The conference an article reports.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub name: String,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub form: Option<String>,
    #[serde(default)]
    pub attendees: Option<u64>,
    #[serde(default)]
    pub sites: Option<u64>,
    #[serde(default)]
    pub chairs: Vec<String>,
}

/// A Markdown file cut in two: the front matter's text and the body's.
pub struct Split<'a> {
    pub yaml: &'a str,
    /// 1-based line of the file where the YAML starts.
    pub yaml_line: usize,
    pub body: &'a str,
    /// 1-based line of the file where the body starts.
    pub body_line: usize,
}

/// Finds the `---` fences. Text must already be normalized (`\n` line ends).
pub fn split<'a>(text: &'a str, path: &Path) -> Result<Split<'a>, Diagnostic> {
    let Some(rest) = text.strip_prefix("---\n") else {
        return Err(Diagnostic::new(path, Front::NoFrontMatter).at(1, 1));
    };
    let mut offset = 0;
    for (line, l) in (2..).zip(rest.split_inclusive('\n')) {
        if l.trim_end() == "---" {
            let body_start = offset + l.len();
            return Ok(Split {
                yaml: &rest[..offset],
                yaml_line: 2,
                body: &rest[body_start..],
                body_line: line + 1,
            });
        }
        offset += l.len();
    }
    Err(Diagnostic::new(path, Front::Unclosed).at(1, 1))
}

/// Parses the front matter's YAML with errors on the `.md` file's lines.
pub fn parse(split: &Split, path: &Path) -> Result<FrontMatter, Diagnostic> {
    parse_noting(split, path, &mut Diagnostics::default())
}

/// Parses the front matter's YAML with errors on the `.md` file's lines;
/// warnings (a value read as if quoted) go to `warnings`.
pub fn parse_noting(
    split: &Split,
    path: &Path,
    warnings: &mut Diagnostics,
) -> Result<FrontMatter, Diagnostic> {
    if split.yaml.trim().is_empty() {
        return Err(Diagnostic::new(path, Front::Empty).at(1, 1));
    }
    yaml::parse_noting(split.yaml, path, split.yaml_line, warnings)
        .map_err(|e| explain_untagged(e, split))
}

/// serde's message for a value that fits none of the accepted shapes names a
/// Rust type and the start of the front matter; name the field, its line, and
/// what an editor may write instead.
fn explain_untagged(e: Diagnostic, split: &Split) -> Diagnostic {
    let crate::diagnostic::Kind::Yaml(k) = &e.kind else {
        return e;
    };
    let Yaml::NoForm { of, .. } = &**k else {
        return e;
    };
    let key = match of.as_str() {
        "SourceField" => "source",
        "ImageField" => "image",
        _ => return e,
    };
    let places = yaml::Places::of(split.yaml, yaml::Offset::line(split.yaml_line));
    let line = places.key(key).map_or(split.yaml_line, |a| a.line);
    let path = e.path().unwrap_or(Path::new("")).to_path_buf();
    Diagnostic::new(path, Front::WrongShape { key: key.into() }).at_line(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_lines() {
        let text = "---\ntitle: A\ndate: 2023-03-10\n---\nBody\n";
        let s = split(text, Path::new("a.md")).unwrap();
        assert_eq!(s.yaml, "title: A\ndate: 2023-03-10\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 5);
        let fm = parse(&s, Path::new("a.md")).unwrap();
        assert_eq!(fm.title.as_deref(), Some("A"));
    }

    #[test]
    fn unknown_field_reports_md_line() {
        let text = "---\ntitle: A\ndate: 2023-03-10\ncolour: red\n---\n";
        let s = split(text, Path::new("a.md")).unwrap();
        let err = parse(&s, Path::new("a.md")).unwrap_err().to_string();
        assert!(
            err.starts_with("a.md:4:1: unknown field `colour`, expected one of `title`"),
            "{err}"
        );
    }

    #[test]
    fn unclosed_and_missing() {
        assert!(split("title: A\n", Path::new("a.md")).is_err());
        let err = split("---\ntitle: A\n", Path::new("a.md")).err().unwrap();
        assert!(err.to_string().contains("not closed"));
    }

    #[test]
    fn wrong_shape_says_what_is_allowed() {
        let text = "---\ntitle: A\nsource: [1, 2]\n---\n";
        let s = split(text, Path::new("a.md")).unwrap();
        let err = parse(&s, Path::new("a.md")).unwrap_err().to_string();
        assert!(
            err.starts_with(
                "a.md:3: source: this value has the wrong form; expected `source: Báo Nghệ An`"
            ),
            "{err}"
        );
    }

    #[test]
    fn source_and_image_short_forms() {
        let text = "---\ntitle: A\nsource: Báo Nghệ An\nimage: media/a.jpg\n---\n";
        let s = split(text, Path::new("a.md")).unwrap();
        let fm = parse(&s, Path::new("a.md")).unwrap();
        assert!(matches!(fm.source, Some(SourceField::Name(ref n)) if n == "Báo Nghệ An"));
        assert!(matches!(fm.image, Some(ImageField::Src(_))));
    }
}
