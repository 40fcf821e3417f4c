//! Which file a request path names, refusing anything outside the output
//! folder, and the media type it is served with.

use std::path::{Path, PathBuf};

use crate::text::url::percent_decode;

/// Where a request path leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    File(PathBuf),
    /// A folder asked for without its trailing slash: redirect here.
    Redirect(String),
    NotFound,
    /// `..`, an encoded slash, a NUL, a hidden file, or a link leading out.
    Refused,
}

/// Resolves `raw` (the request target, query removed or not) inside `root`.
pub fn resolve(root: &Path, raw: &str) -> Target {
    let path = raw.split(['?', '#']).next().unwrap_or_default();
    let Some(decoded) = percent_decode(path) else {
        return Target::Refused;
    };
    if !decoded.starts_with('/') || decoded.contains('\0') || decoded.contains('\\') {
        return Target::Refused;
    }
    let segments: Vec<&str> = decoded.split('/').filter(|s| !s.is_empty()).collect();
    // `..` and `.` are never needed by a link of ours; hidden names are the
    // output's temporary files.
    if segments.iter().any(|s| s.starts_with('.')) {
        return Target::Refused;
    }
    let Ok(root) = root.canonicalize() else {
        return Target::NotFound;
    };
    let joined = segments.iter().fold(root.clone(), |p, s| p.join(s));
    let Ok(real) = joined.canonicalize() else {
        return Target::NotFound;
    };
    // A symbolic link inside the output may point anywhere: what counts is
    // where the file really is.
    if !real.starts_with(&root) {
        return Target::Refused;
    }
    if real.is_dir() {
        if !decoded.ends_with('/') {
            // Rebuilt from the raw segments: `//host` must not become a
            // redirect to another site.
            let raw: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
            return Target::Redirect(format!("/{}/", raw.join("/")));
        }
        let index = real.join("index.html");
        return match index.canonicalize() {
            Ok(i) if i.starts_with(&root) && i.is_file() => Target::File(i),
            Ok(_) => Target::Refused,
            Err(_) => Target::NotFound,
        };
    }
    if real.is_file() {
        Target::File(real)
    } else {
        Target::NotFound
    }
}

/// The `Content-Type` of a file by its extension; text types say UTF-8.
pub fn media_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "zip" => "application/zip",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "wasm" => "application/wasm",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "vtt" => "text/vtt; charset=utf-8",
        "mp3" => "audio/mpeg",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("out/tin-tuc/a")).unwrap();
        std::fs::write(dir.path().join("out/tin-tuc/a/index.html"), "a").unwrap();
        std::fs::write(dir.path().join("out/style.css"), "x").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "no").unwrap();
        dir
    }

    #[test]
    fn folders_get_index_or_a_redirect() {
        let dir = site();
        let out = dir.path().join("out");
        let real = out.canonicalize().unwrap();
        assert_eq!(
            resolve(&out, "/tin-tuc/a/"),
            Target::File(real.join("tin-tuc/a/index.html"))
        );
        assert_eq!(
            resolve(&out, "/tin-tuc/a?x=1"),
            Target::Redirect("/tin-tuc/a/".into())
        );
        assert_eq!(
            resolve(&out, "/style.css"),
            Target::File(real.join("style.css"))
        );
        assert_eq!(resolve(&out, "/nope/"), Target::NotFound);
        assert_eq!(
            resolve(&out, "//tin-tuc"),
            Target::Redirect("/tin-tuc/".into())
        );
    }

    #[test]
    fn traversal_is_refused() {
        let dir = site();
        let out = dir.path().join("out");
        for bad in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/tin-tuc/%2E%2E/%2e%2e/secret.txt",
            "/..%2fsecret.txt",
            "/%2",
            "/a%00b",
            "/.hidden",
        ] {
            assert_eq!(resolve(&out, bad), Target::Refused, "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_out_of_the_folder_are_refused() {
        let dir = site();
        let out = dir.path().join("out");
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), out.join("link.txt")).unwrap();
        assert_eq!(resolve(&out, "/link.txt"), Target::Refused);
    }

    #[test]
    fn text_types_say_utf8() {
        assert_eq!(
            media_type(Path::new("a/index.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(
            media_type(Path::new("x.SVG")),
            "image/svg+xml; charset=utf-8"
        );
        assert_eq!(media_type(Path::new("x.bin")), "application/octet-stream");
    }
}
