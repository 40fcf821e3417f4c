//! Photos on pages: `<picture>` sources from the site's photo catalog, body
//! figures and galleries through the theme's partials, and the files to copy.

use serde::Serialize;

use super::views::{href, ImageView};
use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::images::Photo;
use crate::input::frontmatter::Image;
use crate::model::Site;
use crate::output::{Content, OutputFile};

/// What a template needs for `<picture>`: both `srcset`s and the fallback
/// `<img>` with its size, so the page keeps its place before the photo loads.
#[derive(Debug, Clone, Serialize)]
pub struct PictureView {
    /// `a.480.webp 480w, …`
    pub webp: String,
    /// The same widths in JPEG (PNG for a transparent photo).
    pub legacy: String,
    pub legacy_type: &'static str,
    pub src: String,
    pub width: u32,
    pub height: u32,
    /// The smallest version alone, for thumbnails too small to need a choice.
    pub small: SmallView,
}

/// One version of a photo: `webp` when one was made, `src` in JPEG or PNG.
#[derive(Debug, Clone, Serialize)]
pub struct SmallView {
    pub webp: Option<String>,
    pub src: String,
    pub width: u32,
    pub height: u32,
}

/// The width an `<img>` without `srcset` support gets.
const DEFAULT_WIDTH: u32 = 960;

pub fn picture(photo: &Photo, base_path: &str) -> PictureView {
    let set = |f: &dyn Fn(&crate::images::Variant) -> Option<&String>| {
        photo
            .variants
            .iter()
            .filter_map(|v| f(v).map(|p| format!("{} {}w", href(base_path, p), v.width)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let fallback = photo
        .variants
        .iter()
        .find(|v| v.width >= DEFAULT_WIDTH)
        .or(photo.variants.last());
    PictureView {
        webp: set(&|v| v.webp.as_ref()),
        legacy: set(&|v| Some(&v.legacy)),
        legacy_type: photo.legacy_type,
        src: fallback
            .map(|v| href(base_path, &v.legacy))
            .unwrap_or_default(),
        width: fallback.map_or(photo.width, |v| v.width),
        height: fallback.map_or(photo.height, |v| v.height),
        small: small(photo, base_path),
    }
}

fn small(photo: &Photo, base_path: &str) -> SmallView {
    let v = photo.variants.iter().min_by_key(|v| v.width);
    SmallView {
        webp: v.and_then(|v| v.webp.as_ref()).map(|p| href(base_path, p)),
        src: v.map(|v| href(base_path, &v.legacy)).unwrap_or_default(),
        width: v.map_or(photo.width, |v| v.width),
        height: v.map_or(photo.height, |v| v.height),
    }
}

/// The photo `src` (under content/) in the catalog, if it was made.
pub fn find<'a>(site: &'a Site, src: &str) -> Option<&'a Photo> {
    site.photos.photos.get(src.trim_start_matches('/'))
}

/// An editor's image with its picture when the catalog has it; `alt`
/// defaults to the caption.
pub fn image_view(site: &Site, img: &Image) -> ImageView {
    let bp = &site.settings.base_path;
    let mut v = super::views::image_view(img, bp);
    v.credit = img.credit.clone();
    v.picture = find(site, &img.src).map(|p| picture(p, bp));
    let size = site.photos.sizes.get(img.src.trim_start_matches('/'));
    v.width = size.map(|s| s.0);
    v.height = size.map(|s| s.1);
    v
}

/// The absolute address of the link-preview version of a page's image.
pub fn og_image(ctx: &Ctx, src: &str) -> String {
    if src.contains("://") {
        return src.to_string();
    }
    match find(ctx.site, src) {
        Some(p) => ctx.absolute(&p.og),
        None => ctx.absolute(src.trim_start_matches('/')),
    }
}

#[derive(Serialize)]
struct PhotoCtx {
    image: ImageView,
    /// The first large image of a page loads at once, the others when near.
    eager: bool,
}

#[derive(Serialize)]
struct GalleryCtx {
    items: Vec<ImageView>,
}

/// A body photo as a figure.
pub fn figure(ctx: &Ctx, img: &Image, eager: bool) -> Result<String, Diagnostic> {
    let view = PhotoCtx {
        image: image_view(ctx.site, img),
        eager,
    };
    Ok(String::from_utf8_lossy(&ctx.render("partials/photo.html", &view)?).into_owned())
}

/// A ```gallery block as a grid of figures.
pub fn gallery(ctx: &Ctx, items: &[Image]) -> Result<String, Diagnostic> {
    let view = GalleryCtx {
        items: items.iter().map(|i| image_view(ctx.site, i)).collect(),
    };
    Ok(String::from_utf8_lossy(&ctx.render("partials/gallery.html", &view)?).into_owned())
}

/// The web versions of every photo, linked from the cache; the originals too
/// when site.yaml asks (they replace the largest version at their address),
/// or while `serve` makes a photo's versions.
pub fn files(site: &Site) -> Vec<OutputFile> {
    let originals = site.settings.site.images.originals;
    let mut out = Vec::new();
    for (src, photo) in &site.photos.photos {
        for (path, from) in &photo.files {
            let content = if originals && path == src {
                Content::Copy(site.root.join("content").join(src))
            } else {
                Content::Link(from.clone())
            };
            out.push(OutputFile {
                path: path.clone(),
                content,
            });
        }
    }
    // serve only: a photo still being made is shown as the editor gave it.
    for src in &site.photos.pending {
        out.push(OutputFile {
            path: src.clone(),
            content: Content::Copy(site.root.join("content").join(src)),
        });
    }
    out
}
