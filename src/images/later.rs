//! Photos made in the background, for `serve`: an editor who adds a gallery
//! sees the page at once with the original photos, and the page reloads with
//! the web versions when they are made.
//!
//! [`super::prepare`] given a [`Later`] (in [`ImageSettings::later`]) takes
//! photos from the cache as usual, but a photo not in it is only checked
//! (format, size, a whole file) and handed to a background thread; the
//! catalog lists it as pending. The thread stores the versions in the cache
//! and marks the work done; serve then renders the site again, and this time
//! the photo is a cache hit. A photo that fails to decode is remembered by its
//! key (its bytes and settings), so the next render reports it as `build` would.
//!
//! [`ImageSettings::later`]: super::ImageSettings

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use rayon::prelude::*;

use super::budget::Budget;
use super::cache::Cache;
use super::process::Problem;
use super::ImageSettings;

/// The background work of one serve session; clones share it.
#[derive(Clone, Default)]
pub struct Later {
    inner: Arc<Inner>,
}

struct Inner {
    state: Mutex<State>,
    /// Shared by every batch, so background photos keep the build's bound.
    budget: Budget,
}

impl Default for Inner {
    fn default() -> Self {
        Inner {
            state: Mutex::default(),
            budget: Budget::new(super::BUDGET_PIXELS),
        }
    }
}

#[derive(Default)]
struct State {
    /// Cache keys handed to a thread and not yet made.
    asked: HashSet<String>,
    /// Keys that could not be made, and why.
    failed: HashMap<String, Problem>,
    /// Photos were made (or failed) since [`Later::take_ready`] last said so.
    ready: bool,
}

/// One photo for the background: its path under content/ and its cache key.
#[derive(Clone)]
pub(super) struct Job {
    pub src: String,
    pub key: String,
}

impl Later {
    fn state(&self) -> MutexGuard<'_, State> {
        self.inner.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Why the photo `key` could not be made, if it was tried.
    pub(super) fn failure(&self, key: &str) -> Option<Problem> {
        self.state().failed.get(key).cloned()
    }

    /// Whether no photo is being made: the cache may be pruned.
    pub(super) fn idle(&self) -> bool {
        self.state().asked.is_empty()
    }

    /// Makes `jobs` on a background thread, except those already asked for.
    pub(super) fn ask(&self, root: &Path, settings: &ImageSettings, jobs: Vec<Job>) {
        let jobs: Vec<Job> = {
            let mut state = self.state();
            jobs.into_iter()
                .filter(|j| state.asked.insert(j.key.clone()))
                .collect()
        };
        if jobs.is_empty() {
            return;
        }
        let (me, root) = (self.clone(), root.to_path_buf());
        let mut settings = settings.clone();
        settings.later = None;
        let (r, s, j) = (root.clone(), settings.clone(), jobs.clone());
        let spawned = std::thread::Builder::new()
            .name("trangtin-photos".into())
            .spawn(move || me.make(&r, &s, j));
        if spawned.is_err() {
            // No thread to spare: made now, as `build` does.
            self.make(&root, &settings, jobs);
        }
    }

    fn make(&self, root: &Path, settings: &ImageSettings, jobs: Vec<Job>) {
        hold_for_tests();
        let cache = Cache::open(root, settings);
        let made: Vec<(String, Option<Problem>)> = jobs
            .par_iter()
            .map(|j| {
                let r = super::one(
                    root,
                    Path::new(&j.src),
                    settings,
                    &cache,
                    &self.inner.budget,
                );
                (j.key.clone(), r.err())
            })
            .collect();
        let mut state = self.state();
        for (key, problem) in made {
            state.asked.remove(&key);
            if let Some(p) = problem {
                state.failed.insert(key, p);
            }
        }
        state.ready = true;
    }

    /// Whether photos were made since the last call: serve renders again.
    pub fn take_ready(&self) -> bool {
        std::mem::take(&mut self.state().ready)
    }

    /// Whether photos are being made or were made and not yet taken.
    pub fn busy(&self) -> bool {
        let state = self.state();
        state.ready || !state.asked.is_empty()
    }
}

/// Tests of `serve` hold the background work while the file named by
/// `TRANGTIN_TEST_HOLD_PHOTOS` exists, to see the page served meanwhile
/// without depending on how fast this machine is.
fn hold_for_tests() {
    let Some(hold) = std::env::var_os("TRANGTIN_TEST_HOLD_PHOTOS") else {
        return;
    };
    let hold = PathBuf::from(hold);
    let start = std::time::Instant::now();
    while hold.exists() && start.elapsed() < std::time::Duration::from_secs(120) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

// Settings compare and hash by their values; a session's handle is the same
// handle or not.
impl PartialEq for Later {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }
}
impl Eq for Later {}
impl std::hash::Hash for Later {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        (Arc::as_ptr(&self.inner) as usize).hash(h);
    }
}
impl std::fmt::Debug for Later {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Later")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::prepare;

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([x as u8, y as u8, 90]));
        let mut out = Vec::new();
        image::DynamicImage::ImageRgb8(img)
            .write_to(
                &mut std::io::Cursor::new(&mut out),
                image::ImageFormat::Jpeg,
            )
            .unwrap();
        out
    }

    #[test]
    fn a_new_photo_is_pending_then_made_in_the_background() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/media")).unwrap();
        std::fs::write(root.join("content/media/a.jpg"), jpeg(640, 400)).unwrap();
        let later = Later::default();
        let settings = ImageSettings {
            later: Some(later.clone()),
            ..Default::default()
        };
        let assets = [PathBuf::from("media/a.jpg")];
        let first = prepare(root, &settings, &assets, &[]).unwrap();
        assert_eq!(first.pending, ["media/a.jpg"]);
        assert!(first.photos.is_empty());
        assert!(later.busy());
        // Bounded wait for the background thread (no speed is asserted).
        let start = std::time::Instant::now();
        while !later.take_ready() {
            assert!(start.elapsed().as_secs() < 120, "never made");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(!later.busy());
        let next = prepare(root, &settings, &assets, &[]).unwrap();
        assert!(next.pending.is_empty());
        assert_eq!(
            next.decoded, 0,
            "made by the background, found in the cache"
        );
        assert_eq!(next.photos["media/a.jpg"].variants[0].width, 480);
    }

    #[test]
    fn a_file_that_is_no_photo_is_an_error_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/media")).unwrap();
        std::fs::write(root.join("content/media/a.jpg"), "chữ, không phải ảnh").unwrap();
        let settings = ImageSettings {
            later: Some(Later::default()),
            ..Default::default()
        };
        let errors = prepare(root, &settings, &[PathBuf::from("media/a.jpg")], &[]).unwrap_err();
        assert_eq!(errors.len(), 1);
    }
}
