//! `trangtin check` on a site with broken links: every problem with its file
//! and line, exit status 1, and external links counted, never fetched.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn check(root: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trangtin"))
        .arg("check")
        .arg("--root")
        .arg(root)
        .args(extra)
        .args(common::plain_messages(extra))
        .output()
        .expect("trangtin runs")
}

fn fixture() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/links")
}

#[test]
fn broken_links_images_and_anchors_are_reported_with_their_lines() {
    let out = check(&fixture(), &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let expected = [
        "content/articles/hong.md:7: broken link: `/khong-co-trang-nay/` points at no page or file of the site",
        "content/articles/hong.md:9: broken image: `media/khong-co.jpg` points at no page or file of the site; expected the file content/media/khong-co.jpg",
        "content/articles/hong.md:11: broken link: `/gioi-thieu/#lich-su-dang-bo` points at `#lich-su-dang-bo`, which is not an id on that page (its headings: #lich-su, #lien-he)",
        "content/articles/hong.md:11: broken document: `documents/thieu.pdf` points at no page or file of the site; expected the file content/documents/thieu.pdf",
    ];
    for e in expected {
        assert!(err.lines().any(|l| l == e), "missing:\n{e}\nin:\n{err}");
    }
    let vi = check(&fixture(), &["--lang", "vi", "--message-format", "short"]);
    let vi = String::from_utf8_lossy(&vi.stderr);
    let want = "content/articles/hong.md:9: ảnh không tìm thấy: `media/khong-co.jpg` không trỏ đến trang hay tệp nào của trang thông tin; cần có tệp content/media/khong-co.jpg";
    assert!(vi.lines().any(|l| l == want), "missing:\n{want}\nin:\n{vi}");
    assert!(
        !err.contains("dung.md"),
        "the good article's links all resolve:\n{err}"
    );
    assert!(err.contains("4 errors found"), "{err}");
}

#[test]
fn external_links_are_counted_or_listed() {
    let good = tempfile::tempdir().unwrap();
    copy(&fixture(), good.path());
    mend(good.path());
    let out = check(good.path(), &[]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("2 external links not checked (trangtin does not fetch other sites); --verbose lists them"), "{text}");
    let out = check(good.path(), &["--verbose"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("external: content/articles/dung.md:7: https://baonghean.vn/"),
        "{text}"
    );
    assert!(
        text.contains("external: content/articles/dung.md:8: mailto:banbientap@example.org"),
        "{text}"
    );
}

#[test]
fn a_broken_menu_link_is_reported_once_with_a_page_showing_it() {
    let site = tempfile::tempdir().unwrap();
    copy(&fixture(), site.path());
    mend(site.path());
    let yaml = std::fs::read_to_string(site.path().join("content/site.yaml")).unwrap();
    std::fs::write(
        site.path().join("content/site.yaml"),
        yaml.replace("/gioi-thieu/ }", "/gioi-thieu-cu/ }"),
    )
    .unwrap();
    let out = check(site.path(), &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("`/gioi-thieu-cu/`"))
        .collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(
        lines[0].contains("broken link made by the theme or site.yaml (menus, links)"),
        "{err}"
    );
}

/// The broken article, with its links mended (the good one links to it).
fn mend(site: &Path) {
    std::fs::write(
        site.join("content/articles/hong.md"),
        "---\ntitle: Bài có liên kết hỏng\ndate: 2024-01-15\n---\nĐã sửa.\n",
    )
    .unwrap();
}

fn copy(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}
