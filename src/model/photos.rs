//! The photos that content shows: checking the addresses editors write, the
//! ```gallery block, and the list of uses for [`crate::images`].

use std::path::{Component, Path};

use serde::Deserialize;

use crate::diagnostic::msg::Photo;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::images::Use;
use crate::input::frontmatter::Image;
use crate::model::article::{Article, BodyPart, Page};
use crate::yaml;

/// Checks a photo address under content/ (`media/2023/a.jpg`; a leading `/`
/// is the site's root): it must stay in the site folder and exist.
pub fn check_src(field: &str, src: &str, root: &Path) -> Result<(), Photo> {
    let local = src.trim_start_matches('/');
    let say = |field: &str, src: &str| (field.to_string(), src.to_string());
    if local.is_empty() || local.contains('\\') {
        let (field, src) = say(field, src);
        return Err(Photo::Outside { field, src });
    }
    if Path::new(local)
        .components()
        .any(|c| matches!(c, Component::ParentDir))
    {
        let (field, src) = say(field, src);
        return Err(Photo::ClimbsOut { field, src });
    }
    // `..` is refused above; what is left to refuse is a link out of the site.
    let Ok(rel) = crate::load::inside::editor_path(root, src) else {
        let (field, src) = say(field, src);
        return Err(Photo::LinkOutside { field, src });
    };
    if !root.join(rel).is_file() {
        let (field, src) = say(field, local);
        return Err(Photo::Missing { field, src });
    }
    Ok(())
}

#[derive(Deserialize)]
#[serde(untagged)]
enum GalleryItem {
    Src(String),
    Full(Image),
}

/// A ```gallery block: a YAML list of `{ src, caption, credit, alt }`.
pub fn gallery(text: &str, line: usize, path: &Path, root: &Path) -> Result<BodyPart, Diagnostics> {
    let items: Vec<GalleryItem> = yaml::parse(text, path, line)?;
    if items.is_empty() {
        return Err(Diagnostic::new(path, Photo::EmptyGallery)
            .at_line(line)
            .into());
    }
    let mut errors = Diagnostics::default();
    let items: Vec<Image> = items
        .into_iter()
        .map(|i| match i {
            GalleryItem::Src(src) => Image {
                src,
                caption: None,
                alt: None,
                credit: None,
            },
            GalleryItem::Full(img) => img,
        })
        .collect();
    let lines: Vec<usize> = (0..items.len())
        .map(|n| line + item_line(text, n))
        .collect();
    for (img, &at) in items.iter().zip(&lines) {
        if let Err(m) = check_src("gallery", &img.src, root) {
            errors.push(Diagnostic::new(path, m).at_line(at));
        }
    }
    errors.into_result(BodyPart::Gallery { items, lines })
}

/// The line of the `n`th list item inside the block, from its first line.
fn item_line(text: &str, n: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("- "))
        .nth(n)
        .map_or(0, |(i, _)| i)
}

/// Every place an article or page shows a photo or links to a file in media/.
pub fn uses(articles: &[Article], pages: &[Page], emblem: Option<&str>) -> Vec<Use> {
    let mut out = Vec::new();
    let mut add = |src: &str, file: &Path, line: Option<usize>| {
        out.push(Use {
            src: src.trim_start_matches('/').to_string(),
            file: file.to_path_buf(),
            line,
        })
    };
    if let Some(e) = emblem {
        add(e, Path::new("content/site.yaml"), None);
    }
    let bodies = articles
        .iter()
        .map(|a| (&a.path, &a.body, &a.references, a.image.as_ref()))
        .chain(
            pages
                .iter()
                .map(|p| (&p.path, &p.body, &p.references, None)),
        );
    for (path, body, refs, cover) in bodies {
        if let Some(img) = cover {
            add(&img.src, path, None);
        }
        for part in body {
            match part {
                BodyPart::Photo { image, line } => add(&image.src, path, Some(*line)),
                BodyPart::Gallery { items, lines } => {
                    for (i, &line) in items.iter().zip(lines) {
                        add(&i.src, path, Some(line));
                    }
                }
                _ => {}
            }
        }
        for r in refs.iter() {
            add(r.url.as_str(), path, Some(r.line));
        }
    }
    out
}
