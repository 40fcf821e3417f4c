//! site.yaml `images:`: which sizes and formats the photo pipeline makes.

use crate::diagnostic::msg::Photo;
use serde::{Deserialize, Serialize};

/// Settings as written in site.yaml; every field has a default.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ImageSettings {
    /// Widths in pixels made of each photo (never wider than the photo itself).
    #[serde(default = "default_widths")]
    pub widths: Vec<u32>,
    /// Width of the version that link previews show (`og:image`).
    #[serde(default = "default_og_width")]
    pub og_width: u32,
    /// Lossy quality of WebP and JPEG, 1–100.
    #[serde(default = "default_quality")]
    pub quality: u8,
    /// Publish the editor's original files too (they keep GPS and camera data).
    #[serde(default)]
    pub originals: bool,
    /// Set by `serve`, never from site.yaml: photos not in the cache are made
    /// in the background and the pages show the originals meanwhile.
    #[serde(skip)]
    pub later: Option<super::later::Later>,
}

impl Default for ImageSettings {
    fn default() -> Self {
        ImageSettings {
            widths: default_widths(),
            og_width: default_og_width(),
            quality: default_quality(),
            originals: false,
            later: None,
        }
    }
}

fn default_widths() -> Vec<u32> {
    vec![480, 960, 1600]
}
fn default_og_width() -> u32 {
    1200
}
fn default_quality() -> u8 {
    80
}

impl ImageSettings {
    /// What is wrong with the values, in words for site.yaml's editor.
    pub fn problem(&self) -> Option<Photo> {
        if self.widths.is_empty() || self.widths.iter().any(|&w| !(16..=8192).contains(&w)) {
            return Some(Photo::BadWidths);
        }
        if !(16..=8192).contains(&self.og_width) {
            return Some(Photo::BadOgWidth);
        }
        if !(1..=100).contains(&self.quality) {
            return Some(Photo::BadQuality);
        }
        None
    }

    /// The widths to make from a photo `full` pixels wide: the asked ones that
    /// fit, or the photo's own width when it is narrower than all of them.
    pub fn widths_for(&self, full: u32) -> Vec<u32> {
        let mut w: Vec<u32> = self.widths.iter().copied().filter(|&w| w <= full).collect();
        if w.len() < self.widths.len() {
            w.push(full.min(*self.widths.iter().max().unwrap_or(&full)));
        }
        w.sort_unstable();
        w.dedup();
        w
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_upscaled() {
        let s = ImageSettings::default();
        assert_eq!(s.widths_for(4000), [480, 960, 1600]);
        assert_eq!(s.widths_for(1000), [480, 960, 1000]);
        assert_eq!(s.widths_for(300), [300]);
        assert_eq!(s.widths_for(960), [480, 960]);
    }

    #[test]
    fn bad_values_are_named() {
        let s = ImageSettings {
            quality: 0,
            ..Default::default()
        };
        assert_eq!(s.problem(), Some(Photo::BadQuality));
        assert!(ImageSettings::default().problem().is_none());
    }
}
