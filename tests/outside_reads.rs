//! Nothing outside the site folder reaches the site: a symbolic link in
//! content/ or themes/ that points out of the site folder stops the build with
//! its name and target, and a path an editor writes cannot climb out with `..`.
//! Each refused run leaves every byte as it was and writes no output.

mod common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use common::tree::{assert_same, snapshot};
use common::{Run, Site};

const SECRET: &str = "mật khẩu của máy chủ";

/// A site, and beside it (outside it) a secret file and a secret folder.
fn new_site() -> (Site, PathBuf, PathBuf) {
    let site = Site::new("minimal");
    let file = site.dir().join("secret.txt");
    fs::write(&file, SECRET).unwrap();
    let dir = site.dir().join("secret-dir");
    fs::create_dir(&dir).unwrap();
    fs::write(
        dir.join("khoa.yaml"),
        format!("title: {SECRET}\nrows:\n  - {{ a: 1 }}\n"),
    )
    .unwrap();
    fs::write(
        dir.join("khoa.md"),
        format!("---\ntitle: {SECRET}\ndate: 2023-01-01\n---\n{SECRET}\n"),
    )
    .unwrap();
    (site, file, dir)
}

fn link_message(link: &str, to: &Path) -> String {
    format!("{link}: this is a link to `{}`, which is outside the site folder; trangtin reads nothing outside the site folder: copy the file (or folder) into the site instead of linking to it", to.display())
}

/// `build` (or another command) fails with exactly `errors` (one a line),
/// writes no output and changes nothing.
fn refused(site: &Site, command: &str, errors: &[String]) -> Run {
    let before = snapshot(site.dir());
    let run = site.run(command, &site.output(), &["-q"], &[]);
    assert_eq!(run.code, 1, "{command}: {}", run.stderr);
    let n = errors.len();
    let s = if n == 1 { "" } else { "s" };
    assert_eq!(
        run.stderr,
        format!(
            "{}\n{n} error{s} found; nothing was written.\n",
            errors.join("\n")
        )
    );
    assert!(!site.output().exists(), "no output was written");
    assert_same(&before, &snapshot(site.dir()));
    run
}

#[test]
fn links_out_of_media_and_documents_are_refused() {
    for dir in ["media", "documents"] {
        let (site, file, folder) = new_site();
        let at = |n: &str| site.root.join("content").join(dir).join(n);
        symlink(&file, at("leak.txt")).unwrap();
        symlink(&folder, at("leak-dir")).unwrap();
        refused(
            &site,
            "build",
            &[
                link_message(&format!("content/{dir}/leak-dir"), &folder),
                link_message(&format!("content/{dir}/leak.txt"), &file),
            ],
        );
    }
}

#[test]
fn links_out_of_data_charts_and_articles_are_refused() {
    for (dir, name) in [
        ("data", "khoa.yaml"),
        ("charts", "khoa.yaml"),
        ("articles", "khoa.md"),
        ("pages", "khoa.md"),
    ] {
        let (site, _, folder) = new_site();
        let link = site.root.join("content").join(dir).join(name);
        symlink(folder.join(name), &link).unwrap();
        refused(
            &site,
            "build",
            &[link_message(
                &format!("content/{dir}/{name}"),
                &folder.join(name),
            )],
        );
    }
}

#[test]
fn links_out_of_the_theme_are_refused() {
    let (site, file, folder) = new_site();
    let stat = site.root.join("themes/default/static");
    fs::create_dir_all(&stat).unwrap();
    symlink(&file, stat.join("leak.css")).unwrap();
    symlink(&folder, stat.join("fonts")).unwrap();
    refused(
        &site,
        "build",
        &[
            link_message("themes/default/static/fonts", &folder),
            link_message("themes/default/static/leak.css", &file),
        ],
    );
    // The theme folder itself a link out.
    let (site, _, folder) = new_site();
    fs::create_dir_all(site.root.join("themes")).unwrap();
    symlink(&folder, site.root.join("themes/default")).unwrap();
    refused(&site, "build", &[link_message("themes/default", &folder)]);
}

#[test]
fn a_theme_name_cannot_leave_themes() {
    let (site, _, _) = new_site();
    site.edit("content/site.yaml", |t| {
        format!("{t}theme: ../../secret-dir\n")
    });
    refused(&site, "build", &["content/site.yaml: theme: `../../secret-dir` is not a theme name; expected the name of a folder in themes/, such as `default`".to_string()]);
}

#[test]
fn content_and_site_yaml_as_links_out_are_refused() {
    let (site, _, folder) = new_site();
    let real = site.dir().join("elsewhere");
    fs::rename(site.root.join("content"), &real).unwrap();
    symlink(&real, site.root.join("content")).unwrap();
    refused(&site, "build", &[link_message("content", &real)]);
    let _ = folder;

    let (site, file, _) = new_site();
    let yaml = site.root.join("content/site.yaml");
    fs::rename(&yaml, &file).unwrap();
    symlink(&file, &yaml).unwrap();
    refused(&site, "build", &[link_message("content/site.yaml", &file)]);
    // publish reads `publish:` from site.yaml, and new its time zone: not through the link.
    let before = snapshot(site.dir());
    for args in [&["publish"][..], &["new", "Tin mới"][..]] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_trangtin"))
            .args(["--lang", "en", "--message-format", "short"])
            .args(args)
            .arg("--root")
            .arg(&site.root)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with(&link_message("content/site.yaml", &file)),
            "{args:?}: {stderr}"
        );
    }
    assert_same(&before, &snapshot(site.dir()));
}

#[test]
fn check_and_publish_refuse_the_same_links() {
    let (site, file, _) = new_site();
    symlink(&file, site.root.join("content/media/leak.txt")).unwrap();
    refused(
        &site,
        "check",
        &[link_message("content/media/leak.txt", &file)],
    );
    let before = snapshot(site.dir());
    let target = site.dir().join("www");
    let bin = env!("CARGO_BIN_EXE_trangtin");
    let out = std::process::Command::new(bin)
        .args(["--lang", "en", "--message-format", "short"])
        .args(["publish", "--to"])
        .arg(&target)
        .arg("--root")
        .arg(&site.root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(&link_message("content/media/leak.txt", &file)),
        "{stderr}"
    );
    assert!(!target.exists(), "nothing published");
    assert_same(&before, &snapshot(site.dir()));
}

#[test]
fn links_that_stay_inside_the_site_still_work() {
    let (site, _, _) = new_site();
    fs::create_dir_all(site.root.join("shared")).unwrap();
    fs::write(
        site.root.join("shared/logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    symlink("anh.svg", site.root.join("content/media/anh-2.svg")).unwrap();
    symlink(
        site.root.join("shared"),
        site.root.join("content/media/shared"),
    )
    .unwrap();
    let run = site.build(&[]).ok();
    assert_eq!(
        run.read("media/anh-2.svg"),
        site.read("content/media/anh.svg")
    );
    assert!(run.exists("media/shared/logo.svg"));
}

#[test]
fn editor_paths_cannot_climb_out_or_reach_absolute_places() {
    let (site, file, _) = new_site();
    let abs = file.display().to_string();
    // image.src with `..`
    site.edit("content/articles/thai-hoa.md", |t| {
        t.replace("src: media/anh.svg", "src: media/../../../secret.txt")
    });
    refused(&site, "build", &["content/articles/thai-hoa.md:8: image: `media/../../../secret.txt` goes up out of content/ with `..`; trangtin reads nothing outside the site folder: write the path from content/, such as `media/anh.jpg`".to_string()]);
    // image.src absolute: read from content/, never from the disk's top.
    site.edit("content/articles/thai-hoa.md", |t| {
        t.replace("src: media/../../../secret.txt", &format!("src: {abs}"))
    });
    refused(
        &site,
        "build",
        &[format!(
            "content/articles/thai-hoa.md:8: image: the photo `content{abs}` does not exist; check the name (upper and lower case count) and that the file is in content/media/"
        )],
    );

    // documents.yaml `file:` with `..` (it once passed: it starts with documents/).
    let (site, _, _) = new_site();
    site.edit("content/documents.yaml", |t| {
        t.replace(
            "file: documents/ke-hoach-91.txt",
            "file: documents/../../../secret.txt",
        )
    });
    let echo = "content/articles/thai-hoa.md:10: unknown document `documents/ke-hoach-91.txt`; list it in content/documents.yaml (with its file in content/documents/)".to_string();
    refused(&site, "build", &[echo.clone(), "content/documents.yaml:6: `file: documents/../../../secret.txt` is not inside content/documents/; write a path such as documents/ke-hoach-91.pdf".to_string()]);
    // … and absolute.
    site.edit("content/documents.yaml", |t| {
        t.replace(
            "file: documents/../../../secret.txt",
            &format!("file: {abs}"),
        )
    });
    refused(&site, "build", &[echo, format!("content/documents.yaml:6: `file: {}` is not inside content/documents/; write a path such as documents/ke-hoach-91.pdf", abs.trim_start_matches('/'))]);
}

#[test]
fn init_never_replaces_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    fs::create_dir_all(site.join("content")).unwrap();
    fs::write(site.join("content/site.yaml"), "title: của tôi\n").unwrap();
    let before = snapshot(dir.path());
    let bin = env!("CARGO_BIN_EXE_trangtin");
    let out = std::process::Command::new(bin)
        .args(["--lang", "en", "--message-format", "short"])
        .arg("init")
        .arg(&site)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("this folder is not empty; choose a new folder, or add --force to add the sample site beside the files in it (a file that is already there is kept as it is)"));
    assert_same(&before, &snapshot(dir.path()));
    let out = std::process::Command::new(bin)
        .args(["--lang", "en", "--message-format", "short"])
        .args(["init", "--force"])
        .arg(&site)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        fs::read_to_string(site.join("content/site.yaml")).unwrap(),
        "title: của tôi\n"
    );
    assert!(site.join("content/articles/chao-mung.md").is_file());
}

#[test]
fn serve_refuses_the_same_links_and_serves_nothing_from_outside() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let (site, file, folder) = new_site();
    symlink(&file, site.root.join("content/media/leak.txt")).unwrap();
    symlink(&folder, site.root.join("content/media/leak-dir")).unwrap();
    let served = site.dir().join("served");
    let mut child = Command::new(env!("CARGO_BIN_EXE_trangtin"))
        .args(["--lang", "en", "--message-format", "short"])
        .args(["serve", "--port", "0", "--root"])
        .arg(&site.root)
        .arg("--output")
        .arg(&served)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut text = String::new();
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let last = line.contains("still serving the last good site");
            text.push_str(&line);
            text.push('\n');
            if last {
                let _ = tx.send(text.clone());
            }
        }
    });
    let text = rx.recv_timeout(std::time::Duration::from_secs(60));
    let _ = child.kill();
    let _ = child.wait();
    let text = text.expect("serve reports the links within a minute");
    assert_eq!(
        text,
        format!(
            "{}\n{}\n2 errors found; still serving the last good site.\n",
            link_message("content/media/leak-dir", &folder),
            link_message("content/media/leak.txt", &file)
        )
    );
    assert!(!served.join("media/leak.txt").exists());
    assert!(!served.join("media/leak-dir").exists());
}

#[test]
fn new_writes_nothing_through_a_link_out_of_the_site() {
    let (site, _, folder) = new_site();
    let articles = site.root.join("content/articles");
    fs::remove_dir_all(&articles).unwrap();
    symlink(&folder, &articles).unwrap();
    let before = snapshot(site.dir());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_trangtin"))
        .args(["--lang", "en", "--message-format", "short"])
        .args(["new", "Tin mới", "--root"])
        .arg(&site.root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("{}\n", link_message("content/articles", &folder))
    );
    assert_same(&before, &snapshot(site.dir()));
}
