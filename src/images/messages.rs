//! Every message about photos that an editor reads, in one place (to translate).

use std::path::Path;

use super::process::{Problem, MAX_BYTES, MAX_PIXELS};

/// What is wrong with the photo at `photo` (shown from the site folder).
pub fn problem(photo: &Path, p: &Problem) -> String {
    let f = photo.display();
    match p {
        Problem::NotAPhoto => format!("`{f}` is not a JPEG, PNG or WebP photo (its content is something else, whatever its name says); export it again as JPEG"),
        Problem::Heic => format!("`{f}` is a HEIC photo (as iPhones save them), which web browsers cannot show; convert it to JPEG (on the iPhone: Settings › Camera › Formats › Most Compatible; or open it and export or save as JPEG)"),
        Problem::Damaged(why) => format!("`{f}` is damaged or cut short ({why}); copy it again from the camera or phone, or open and save it again as JPEG"),
        Problem::TooManyPixels { width, height } => format!(
            "`{f}` is {width}×{height} pixels, over the limit of {} megapixels; make it smaller (for example 4000 pixels wide) before adding it",
            MAX_PIXELS / 1_000_000
        ),
        Problem::TooLarge { bytes } => format!(
            "`{f}` is {:.0} MB, over the limit of {} MB for a photo; export it again as JPEG at a smaller size",
            *bytes as f64 / 1048576.0,
            MAX_BYTES / 1048576
        ),
    }
}

/// An article's photo that does not exist.
pub fn missing(field: &str, src: &str) -> String {
    format!("{field}: the photo `content/{src}` does not exist; check the name (upper and lower case count) and that the file is in content/media/")
}

/// A photo address that leaves the site folder or is not a file of it.
pub fn outside(field: &str, src: &str) -> String {
    format!("{field}: `{src}` is not allowed; write the photo's place under content/, such as media/2023/anh.jpg (no `..`, no leading `/` or drive)")
}

/// A gallery that lists no photo, or is not a list.
pub fn empty_gallery() -> String {
    "gallery: list one photo a line, such as `- { src: media/2023/a.jpg, caption: Quang cảnh hội nghị }`".into()
}

/// A photo in content/media that no page shows.
pub fn unused(photo: &Path) -> String {
    format!(
        "no article or page uses the photo `{}`; show it (`image:`, `![…](…)` or a gallery) or remove it",
        photo.display()
    )
}

/// Where an unusable photo is used, added after [`problem`].
pub fn used_by(what: &str) -> String {
    format!("the photo is used here; {what}")
}
