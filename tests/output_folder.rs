//! A mistyped `--output` never deletes anything: a build replaces only a new
//! folder, an empty one, or its own earlier output (marked `.trangtin-output`);
//! the site folder, a folder holding it, content/ and themes/ are refused
//! before anything is written.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::tree::{assert_same, snapshot};
use common::Site;

const CHOOSE: &str =
    "a build replaces its output folder whole; choose a folder of its own, such as `output`";

/// `trangtin <args…>` run from `cwd`.
fn run_in(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trangtin"))
        .args(["--lang", "en", "--message-format", "short"])
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run trangtin")
}

/// A site with a theme override and a file of the editor's beside it.
fn site() -> Site {
    let site = Site::new("minimal");
    site.write("themes/default/static/extra.css", "body { color: #111 }\n");
    fs::write(site.dir().join("ghi-chu.txt"), "tài liệu riêng của tôi").unwrap();
    site
}

/// Runs `build --output <output>` from the site folder; asserts it fails with
/// exactly `message` and that nothing under the temporary folder changed.
fn refused(site: &Site, output: &str, message: &str) {
    let before = snapshot(site.dir());
    let out = run_in(&site.root, &["build", "-q", "--output", output]);
    assert_eq!(out.status.code(), Some(1), "--output {output}");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("--output: {message}\n1 error found; nothing was written.\n")
    );
    assert_same(&before, &snapshot(site.dir()));
}

#[test]
fn the_site_folder_is_refused() {
    let site = site();
    refused(
        &site,
        ".",
        &format!("the folder `.` is the site folder itself; {CHOOSE}"),
    );
    let abs = site.root.display().to_string();
    refused(
        &site,
        &abs,
        &format!("the folder `{abs}` is the site folder itself; {CHOOSE}"),
    );
}

#[test]
fn a_folder_holding_the_site_is_refused() {
    let site = site();
    refused(
        &site,
        "..",
        &format!("the folder `..` holds the site folder; {CHOOSE}"),
    );
    refused(
        &site,
        "content/../..",
        &format!("the folder `content/../..` holds the site folder; {CHOOSE}"),
    );
}

#[test]
fn content_and_themes_are_refused() {
    let site = site();
    refused(
        &site,
        "content",
        &format!("the folder `content` is the site's content/ folder; {CHOOSE}"),
    );
    refused(
        &site,
        "content/media",
        &format!("the folder `content/media` is inside the site's content/ folder; {CHOOSE}"),
    );
    refused(
        &site,
        "content/new-folder",
        &format!("the folder `content/new-folder` is inside the site's content/ folder; {CHOOSE}"),
    );
    refused(
        &site,
        "themes",
        &format!("the folder `themes` is the site's themes/ folder; {CHOOSE}"),
    );
}

#[test]
fn a_link_to_content_is_refused_where_it_points() {
    let site = site();
    std::os::unix::fs::symlink(site.root.join("content"), site.dir().join("out")).unwrap();
    refused(
        &site,
        "../out",
        &format!("the folder `../out` is the site's content/ folder; {CHOOSE}"),
    );
}

#[test]
fn the_folder_worked_in_is_refused() {
    let site = site();
    let here = site.dir().join("empty-here");
    fs::create_dir(&here).unwrap();
    let root = site.root.display().to_string();
    let out = run_in(&here, &["build", "-q", "--root", &root, "--output", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("--output: the folder `.` is the folder you are working in; {CHOOSE}\n1 error found; nothing was written.\n")
    );
    assert_eq!(fs::read_dir(&here).unwrap().count(), 0);
}

#[test]
fn a_link_named_content_is_judged_where_it_points() {
    let site = site();
    // content/ is a link to a folder elsewhere in the site: still the site's content.
    fs::rename(site.root.join("content"), site.root.join("real-content")).unwrap();
    std::os::unix::fs::symlink("real-content", site.root.join("content")).unwrap();
    refused(
        &site,
        "real-content",
        &format!("the folder `real-content` is the site's content/ folder; {CHOOSE}"),
    );
}

#[test]
fn a_folder_with_other_files_is_refused() {
    let site = site();
    let notes = site.dir().join("notes");
    fs::create_dir(&notes).unwrap();
    fs::write(notes.join("bien-ban.docx"), "biên bản").unwrap();
    refused(
        &site,
        "../notes",
        "the folder `../notes` holds files that trangtin did not write (there is no .trangtin-output file in it); choose a new or empty folder, such as `output`, or empty this one yourself",
    );
    refused(
        &site,
        "../ghi-chu.txt",
        &format!("the folder `../ghi-chu.txt` is a file, not a folder; {CHOOSE}"),
    );
}

#[test]
fn an_empty_folder_and_an_earlier_output_are_replaced() {
    let site = site();
    let out = site.dir().join("empty");
    fs::create_dir(&out).unwrap();
    site.run("build", &out, &[], &[]).ok();
    assert!(out.join("index.html").is_file());
    assert!(
        out.join(".trangtin-output").is_file(),
        "the marker is written"
    );
    // A file the earlier build wrote is gone after the next one: the folder was replaced.
    fs::write(out.join("stale.html"), "old").unwrap();
    site.run("build", &out, &[], &[]).ok();
    assert!(!out.join("stale.html").exists());
    assert!(out.join("index.html").is_file());
    // The default output/ inside the site folder is allowed too.
    let inside = run_in(&site.root, &["build", "-q"]);
    assert!(inside.status.success(), "{inside:?}");
    assert!(site.root.join("output/.trangtin-output").is_file());
}

#[test]
fn copied_files_get_ordinary_modes() {
    use std::os::unix::fs::PermissionsExt;
    let site = site();
    let media = site.root.join("content/media/anh.svg");
    fs::set_permissions(&media, fs::Permissions::from_mode(0o777)).unwrap();
    let out = site.build(&[]).ok();
    let mode = fs::metadata(out.output.join("media/anh.svg"))
        .unwrap()
        .permissions()
        .mode();
    // What any new file gets under this umask (0644 under the usual 022).
    let probe = site.dir().join("probe");
    fs::write(&probe, "x").unwrap();
    let usual = fs::metadata(&probe).unwrap().permissions().mode();
    assert_eq!(mode & 0o7777, usual & 0o7777, "not the source's 0777");
}

#[test]
fn the_top_of_the_disk_is_not_a_site_folder() {
    let site = site();
    let out = site.run_root("/", "build");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "--root: the site folder cannot be the top of the disk (`/`): everything on the computer would count as inside the site; give the folder that holds content/\n1 error found; nothing was written.\n"
    );
    assert!(!site.output().exists());
}

#[test]
fn serve_uses_the_same_rules() {
    let site = site();
    let before = snapshot(site.dir());
    let mut child = Command::new(env!("CARGO_BIN_EXE_trangtin"))
        .args(["--lang", "en", "--message-format", "short"])
        .args(["serve", "--port", "0", "--output", "content"])
        .current_dir(&site.root)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("serve started with --output content");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let out = child.wait_with_output().unwrap();
    assert_eq!(status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("--output: the folder `content` is the site's content/ folder; {CHOOSE}\n")
    );
    assert_same(&before, &snapshot(site.dir()));
}

trait RunRoot {
    fn run_root(&self, root: &str, command: &str) -> Output;
}

impl RunRoot for Site {
    /// `trangtin <command> --root <root> --output <tmp>/output`.
    fn run_root(&self, root: &str, command: &str) -> Output {
        let output = self.output().display().to_string();
        run_in(
            self.dir(),
            &[command, "-q", "--root", root, "--output", &output],
        )
    }
}

#[test]
fn publish_refuses_a_target_in_or_around_the_site() {
    let site = site();
    for (to, place) in [
        (".", "is the site folder itself"),
        ("..", "holds the site folder"),
        ("content", "is the site's content/ folder"),
        ("output", "is the site's output/ folder"),
    ] {
        let before = snapshot(site.dir());
        let out = run_in(&site.root, &["publish", "--to", to]);
        assert_eq!(out.status.code(), Some(1), "--to {to}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with(&format!(
                "{}/{to}: this folder {place}; the web server's folder must be outside the site folder, such as /var/www/dang-bo\n",
                site.root.display()
            )),
            "{stderr}"
        );
        assert_same(&before, &snapshot(site.dir()));
    }
}
