//! The ```` ```video ```` block: a video file of the site (MP4/WebM in
//! content/media/, with WebVTT captions), or a YouTube video that loads only
//! when the reader asks for it.

use std::path::{Component, Path};

use serde::{Deserialize, Serialize};

use crate::diagnostic::msg::video::VideoFile;
use crate::diagnostic::msg::Video as Say;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::yaml;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VideoBlock {
    #[serde(default)]
    src: Option<String>,
    #[serde(default)]
    youtube: Option<String>,
    #[serde(default)]
    poster: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    captions: Option<String>,
}

/// A checked video block. Paths are relative to content/ (`media/video/x.mp4`).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Video {
    pub title: String,
    pub src: Option<String>,
    /// `video/mp4` or `video/webm`.
    pub mime: Option<&'static str>,
    pub youtube: Option<String>,
    pub poster: Option<String>,
    pub captions: Option<String>,
    /// Where the block starts in its file, for the missing-captions warning.
    pub line: usize,
}

/// Checks a video block written at `line` of `path`.
pub fn resolve(text: &str, line: usize, path: &Path, root: &Path) -> Result<Video, Diagnostics> {
    let b: VideoBlock = yaml::parse(text, path, line)?;
    // `line` is the block's first line; a key it lacks is named at the
    // ```video fence, just above.
    let fence = line.saturating_sub(1).max(1);
    let at = |key: &str| {
        let places = yaml::Places::of(text, yaml::Offset::line(line));
        places.key(key).map_or(fence, |a| a.line)
    };
    let mut errors = Diagnostics::default();
    let mut fail = |key: &str, m: Say| errors.push(Diagnostic::new(path, m).at_line(at(key)));
    let mut file = |key: &str, value: &Option<String>, kinds: &[&str], expected: VideoFile| {
        let value = value.as_deref()?.trim();
        let rel = value.trim_start_matches('/');
        let inside = rel.starts_with("media/")
            && Path::new(rel)
                .components()
                .all(|c| matches!(c, Component::Normal(_)));
        let ext = Path::new(rel)
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if !inside {
            let (key, value) = (key.to_string(), value.to_string());
            fail(
                &key,
                Say::Outside {
                    key: key.clone(),
                    value,
                },
            );
        } else if !kinds.contains(&ext.as_str()) {
            let (key, rel) = (key.to_string(), rel.to_string());
            fail(
                &key,
                Say::WrongKind {
                    key: key.clone(),
                    rel,
                    expected,
                },
            );
        } else if !root.join("content").join(rel).is_file() {
            let (key, rel) = (key.to_string(), rel.to_string());
            fail(
                &key,
                Say::Missing {
                    key: key.clone(),
                    rel,
                },
            );
        } else {
            return Some(rel.to_string());
        }
        None
    };
    let src = file("src", &b.src, &["mp4", "webm"], VideoFile::Video);
    let poster = file(
        "poster",
        &b.poster,
        &["jpg", "jpeg", "png", "webp", "svg"],
        VideoFile::Poster,
    );
    let captions = file("captions", &b.captions, &["vtt"], VideoFile::Captions);
    let youtube = b.youtube.as_deref().map(str::trim);
    match (&b.src, youtube) {
        (None, None) => fail("src", Say::NoSource),
        (Some(_), Some(_)) => fail("youtube", Say::Both),
        (None, Some(id)) if !is_youtube_id(id) => {
            fail("youtube", Say::BadYoutube { id: id.into() })
        }
        (None, Some(_)) if b.captions.is_some() => fail("captions", Say::CaptionsOnYoutube),
        _ => {}
    }
    let title = b.title.as_deref().map(str::trim).unwrap_or_default();
    if title.is_empty() {
        fail("title", Say::NoTitle);
    }
    errors.into_result(())?;
    Ok(Video {
        title: title.to_string(),
        mime: src.as_deref().map(|s| {
            if s.to_lowercase().ends_with(".webm") {
                "video/webm"
            } else {
                "video/mp4"
            }
        }),
        src,
        youtube: youtube.map(str::to_string),
        poster,
        captions,
        line,
    })
}

/// YouTube ids are 11 characters of the URL-safe base64 alphabet.
fn is_youtube_id(id: &str) -> bool {
    id.len() == 11
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The warnings of a body's video blocks: a video file without captions.
pub fn warnings(body: &[crate::model::article::BodyPart], path: &Path) -> Vec<Diagnostic> {
    body.iter()
        .filter_map(|p| match p {
            crate::model::article::BodyPart::Video { video }
                if video.src.is_some() && video.captions.is_none() =>
            {
                Some(
                    Diagnostic::new(path, Say::NoCaptions)
                        .at_line(video.line)
                        .warning(),
                )
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let v = dir.path().join("content/media/video");
        std::fs::create_dir_all(&v).unwrap();
        for f in ["a.mp4", "a.vtt", "a.jpg"] {
            std::fs::write(v.join(f), "x").unwrap();
        }
        dir
    }

    fn messages(text: &str) -> Vec<String> {
        let dir = site();
        match resolve(text, 10, Path::new("a.md"), dir.path()) {
            Ok(_) => Vec::new(),
            Err(e) => e.0.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn a_local_video_with_captions() {
        let dir = site();
        let v = resolve(
            "src: media/video/a.mp4\ncaptions: media/video/a.vtt\nposter: media/video/a.jpg\ntitle: Hội nghị\n",
            5,
            Path::new("a.md"),
            dir.path(),
        )
        .unwrap();
        assert_eq!(v.src.as_deref(), Some("media/video/a.mp4"));
        assert_eq!(v.mime, Some("video/mp4"));
        assert_eq!(v.captions.as_deref(), Some("media/video/a.vtt"));
    }

    #[test]
    fn mistakes_name_the_line() {
        assert_eq!(
            messages("title: A\nsrc: media/video/b.mp4\n"),
            ["a.md:11: the file `content/media/video/b.mp4` does not exist; put it in content/media/ or fix `src:`"]
        );
        assert_eq!(
            messages("title: A\nsrc: ../secret.mp4\n"),
            ["a.md:11: `src: ../secret.mp4` is not inside content/media/; write a path such as media/video/hoi-nghi.mp4"]
        );
        assert_eq!(
            messages("title: A\nyoutube: https://youtu.be/abc\n"),
            ["a.md:11: `youtube: https://youtu.be/abc` is not a YouTube video id; write only the 11 letters, digits, `-` or `_` after `v=` in the video's address (youtube.com/watch?v=…)"]
        );
        assert_eq!(
            messages("title: A\n"),
            [format!("a.md:9: {}", Say::NoSource.text(Lang::En))]
        );
        assert_eq!(
            messages("youtube: dQw4w9WgXcQ\n"),
            [format!("a.md:9: {}", Say::NoTitle.text(Lang::En))]
        );
        assert!(messages("title: A\nyoutube: dQw4w9WgXcQ\n").is_empty());
    }
}
