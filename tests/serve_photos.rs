//! `trangtin serve` never makes an editor wait for photos: the page is served
//! at once with the original photo, the web versions are made in the
//! background, and the page then points at them.
//!
//! The background work is held by a file (`TRANGTIN_TEST_HOLD_PHOTOS`) until
//! the test has seen the first page, so nothing depends on this machine's speed.

mod common;
#[allow(dead_code)]
#[path = "photos/make.rs"]
mod make;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const LIMIT: Duration = Duration::from_secs(120);
const PAGE: &str = "/tin-tuc/hoi-nghi-co-anh/";

/// A running `trangtin serve`, killed on drop.
struct Served {
    child: Child,
    port: u16,
    /// Every line printed so far, status lines and errors.
    lines: Arc<Mutex<Vec<String>>>,
    _dirs: [tempfile::TempDir; 2],
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Serves a copy of the minimal site with an article whose cover and gallery
/// are new photos; the background waits while `hold` exists.
fn serve(hold: &Path, cover: &[u8]) -> Served {
    let site = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let root = site.path();
    common::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal"),
        root,
    );
    std::fs::create_dir_all(root.join("content/media/2023")).unwrap();
    std::fs::write(root.join("content/media/2023/hoi-nghi.jpg"), cover).unwrap();
    std::fs::write(root.join("content/media/2023/b.jpg"), make::jpeg(640, 480)).unwrap();
    std::fs::write(
        root.join("content/articles/anh.md"),
        "---\ntitle: Hội nghị có ảnh\ndate: 2023-03-10\nimage: { src: media/2023/hoi-nghi.jpg, caption: Quang cảnh hội nghị }\n---\nMở đầu.\n\n```gallery\n- { src: media/2023/b.jpg, caption: Quang cảnh }\n```\n",
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_trangtin"))
        .args(["--lang", "en", "--message-format", "short"])
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .arg("--output")
        .arg(out.path().join("site"))
        .env("TRANGTIN_TEST_HOLD_PHOTOS", hold)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("trangtin starts");
    let lines = Arc::new(Mutex::new(Vec::new()));
    let stdout: Box<dyn Read + Send> = Box::new(child.stdout.take().unwrap());
    let stderr: Box<dyn Read + Send> = Box::new(child.stderr.take().unwrap());
    for from in [stdout, stderr] {
        let lines = Arc::clone(&lines);
        std::thread::spawn(move || {
            for line in BufReader::new(from).lines().map_while(Result::ok) {
                lines.lock().unwrap().push(line);
            }
        });
    }
    let mut served = Served {
        child,
        port: 0,
        lines,
        _dirs: [site, out],
    };
    served.port = served.line_starting("serving http://127.0.0.1:")
        ["serving http://127.0.0.1:".len()..]
        .split('/')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("a port");
    served
}

impl Served {
    /// The first line printed that starts with `start`, waiting for it.
    fn line_starting(&self, start: &str) -> String {
        let began = Instant::now();
        loop {
            let found = self
                .lines
                .lock()
                .unwrap()
                .iter()
                .find(|l| l.starts_with(start))
                .cloned();
            if let Some(line) = found {
                return line;
            }
            assert!(
                began.elapsed() < LIMIT,
                "serve never printed {start:?}: {:?}",
                self.lines.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Status and body of `GET target`.
    fn get(&self, target: &str) -> (u16, Vec<u8>) {
        let (status, _, body) = common::http_get(self.port, target);
        (status, body)
    }

    fn page(&self, target: &str) -> String {
        let (status, body) = self.get(target);
        assert_eq!(status, 200, "{target}");
        String::from_utf8(body).unwrap()
    }
}

/// The `<main>` of the article page, without serve's live-reload script.
fn main_of(page: &str) -> String {
    common::main_of(page).to_string()
}

#[test]
fn the_page_is_served_with_the_original_photo_then_reloads_with_its_versions() {
    let dir = tempfile::tempdir().unwrap();
    let hold = dir.path().join("hold");
    std::fs::write(&hold, "").unwrap();
    let cover = make::with_exif(&make::jpeg(1700, 1000), 6);
    let served = serve(&hold, &cover);
    served.line_starting("built:");
    let note = served.line_starting("photos:");
    assert_eq!(
        note,
        "photos: making 2 in the background; pages show the originals meanwhile and reload when they are ready"
    );

    // Served at once, while no version is made: the photos as the editor gave them.
    let first = main_of(&served.page(PAGE));
    assert!(
        first.contains(r#"<img src="/media/2023/hoi-nghi.jpg" alt="Quang cảnh hội nghị""#),
        "{first}"
    );
    assert!(first.contains(r#"src="/media/2023/b.jpg""#), "{first}");
    assert!(!first.contains(".webp"), "{first}");
    assert_eq!(served.get("/media/2023/hoi-nghi.jpg"), (200, cover.clone()));

    // Let the background go: the page comes back pointing at the versions.
    std::fs::remove_file(&hold).unwrap();
    let began = Instant::now();
    let later = loop {
        let main = main_of(&served.page(PAGE));
        if main.contains(".webp") {
            break main;
        }
        assert!(began.elapsed() < LIMIT, "the versions never came:\n{main}");
        std::thread::sleep(Duration::from_millis(100));
    };
    let srcsets: Vec<&str> = later
        .split("srcset=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    assert_eq!(srcsets.len(), 4, "two photos, WebP and JPEG each: {later}");
    // Upright (orientation 6 turns 1700×1000 into 1000×1700), never upscaled.
    assert!(
        srcsets[0].ends_with(".480.webp 480w") || srcsets[0].contains(".480.webp 480w, "),
        "{}",
        srcsets[0]
    );
    assert!(srcsets[0].ends_with(".1000.webp 1000w"), "{}", srcsets[0]);
    for url in srcsets.iter().flat_map(|s| s.split(", ")) {
        let url = url.split(' ').next().unwrap();
        let (status, bytes) = served.get(url);
        assert_eq!(status, 200, "{url}");
        assert!(!bytes.is_empty(), "{url}");
    }
    // The photo's own address now has a version without the camera's data.
    let (status, own) = served.get("/media/2023/hoi-nghi.jpg");
    assert_eq!(status, 200);
    assert_ne!(own, cover);
    let img = image::load_from_memory(&own).unwrap();
    assert_eq!((img.width(), img.height()), (1000, 1700));
}

#[test]
fn a_text_file_named_jpg_is_an_error_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let hold = dir.path().join("hold");
    std::fs::write(&hold, "").unwrap();
    let served = serve(&hold, b"not a photo at all, just words");
    assert_eq!(
        served.line_starting("content/articles/anh.md"),
        "content/articles/anh.md: the photo is used here; `content/media/2023/hoi-nghi.jpg` is not a JPEG, PNG or WebP photo (its content is something else, whatever its name says); export it again as JPEG",
    );
}
