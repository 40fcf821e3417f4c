//! `trangtin init` and `trangtin new`: what an editor gets on disk.

use std::path::Path;
use std::process::{Command, Output};

fn trangtin(args: &[&str], root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trangtin"))
        .args(["--lang", "en", "--message-format", "short"])
        .args(args)
        .arg(root)
        .output()
        .expect("trangtin runs")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn a_new_site_builds_and_checks_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("trang-moi");
    let init = trangtin(&["init"], &site);
    assert!(init.status.success(), "{}", text(&init));
    for f in [
        "content/site.yaml",
        "content/organizations.yaml",
        "content/data/ket-nap-dang-vien.yaml",
        "content/charts/ket-nap-theo-nam.yaml",
    ] {
        assert!(site.join(f).is_file(), "{f} is missing");
    }
    assert!(
        !site.join("themes").exists(),
        "a new site needs no themes folder"
    );
    let build = trangtin(&["build", "--root"], &site);
    assert!(build.status.success(), "{}", text(&build));
    assert!(text(&build).contains("built: "), "{}", text(&build));
    assert!(
        !text(&build).contains(['\r', '\u{1b}']),
        "no progress bar or colour when the output is not a terminal"
    );
    let chart = std::fs::read_to_string(site.join("output/bieu-do/ket-nap-theo-nam.svg")).unwrap();
    assert!(chart.contains("<svg"), "the sample chart is drawn");
    let article = std::fs::read_to_string(
        site.join("output/tin-tuc/so-lieu-va-bieu-do-trong-bai-viet/index.html"),
    )
    .unwrap();
    assert!(
        article.contains("Kết nạp đảng viên mới so với chỉ tiêu (số liệu mẫu)"),
        "the chart is in the article"
    );
    let check = trangtin(&["check", "--root"], &site);
    assert!(
        check.status.success(),
        "the sample links resolve: {}",
        text(&check)
    );
}

#[test]
fn init_refuses_a_folder_with_files_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ghi-chu.txt"), "của tôi").unwrap();
    let refused = trangtin(&["init"], dir.path());
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused).contains("this folder is not empty; choose a new folder, or add --force"),
        "{}",
        text(&refused)
    );
    assert!(!dir.path().join("content").exists(), "nothing was written");
    let forced = trangtin(&["init", "--force"], dir.path());
    assert!(forced.status.success(), "{}", text(&forced));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("ghi-chu.txt")).unwrap(),
        "của tôi",
        "other files stay"
    );
}

#[test]
fn new_writes_an_article_with_its_front_matter_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    assert!(trangtin(&["init"], dir.path()).status.success());
    let new = |extra: &[&str]| {
        let mut args = vec![
            "new",
            "Hội nghị: tổng kết công tác Đảng năm 2025",
            "--category",
            "Xây dựng Đảng",
        ];
        args.extend_from_slice(extra);
        args.push("--root");
        trangtin(&args, dir.path())
    };
    let made = new(&["--org", "tinh"]);
    assert!(made.status.success(), "{}", text(&made));
    let printed = String::from_utf8_lossy(&made.stdout).trim().to_string();
    let year = printed
        .split("content/articles/")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap()
        .to_string();
    assert_eq!(year.len(), 4, "{printed}");
    let rel = format!("content/articles/{year}/hoi-nghi-tong-ket-cong-tac-dang-nam-2025.md");
    assert!(printed.ends_with(&rel), "{printed}");
    let written = std::fs::read_to_string(dir.path().join(&rel)).unwrap();
    assert!(
        written.starts_with(&format!(
            "---\ntitle: \"Hội nghị: tổng kết công tác Đảng năm 2025\"\ndate: \"{year}-"
        )),
        "{written}"
    );
    assert!(
        written.contains("\ncategory: \"Xây dựng Đảng\"\n")
            && written.contains("\norg: \"tinh\"\n"),
        "{written}"
    );
    let build = trangtin(&["build", "--root"], dir.path());
    assert!(
        build.status.success(),
        "the new article builds: {}",
        text(&build)
    );

    std::fs::write(dir.path().join(&rel), "đã sửa").unwrap();
    let again = new(&[]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        text(&again).contains("an article with this web address already exists"),
        "{}",
        text(&again)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join(&rel)).unwrap(),
        "đã sửa"
    );

    let unknown = trangtin(
        &["new", "Tin khác", "--org", "khong-co", "--root"],
        dir.path(),
    );
    assert_eq!(unknown.status.code(), Some(1));
    assert!(text(&unknown).contains("content/organizations.yaml: no organization has the id `khong-co`; expected one of: tinh, thanh-pho"), "{}", text(&unknown));
}

#[test]
fn new_never_reuses_the_address_of_an_article_in_another_folder() {
    let dir = tempfile::tempdir().unwrap();
    assert!(trangtin(&["init"], dir.path()).status.success());
    let new = |lang: &str| {
        Command::new(env!("CARGO_BIN_EXE_trangtin"))
            .args(["--lang", lang, "new", "Hội nghị sơ kết", "--root"])
            .arg(dir.path())
            .output()
            .unwrap()
    };
    let first = new("en");
    assert!(first.status.success(), "{}", text(&first));
    let made = String::from_utf8_lossy(&first.stdout).trim().to_string();
    // The editor files it under another folder; its address stays the title's.
    let moved = dir
        .path()
        .join("content/articles/luu-tru/hoi-nghi-so-ket.md");
    std::fs::create_dir_all(moved.parent().unwrap()).unwrap();
    std::fs::rename(&made, &moved).unwrap();

    let second = new("en");
    assert!(second.status.success(), "{}", text(&second));
    let path = String::from_utf8_lossy(&second.stdout).trim().to_string();
    let file = Path::new(&path)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let date = file
        .strip_prefix("hoi-nghi-so-ket-")
        .and_then(|d| d.strip_suffix(".md"))
        .unwrap_or_else(|| panic!("the date is added: {file}"));
    assert!(
        date.len() == 10 && date.chars().filter(|c| *c == '-').count() == 2,
        "{file}"
    );
    let slug = format!("hoi-nghi-so-ket-{date}");
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(
        written.contains(&format!("\nslug: \"{slug}\"\n")),
        "{written}"
    );
    assert!(
        written.starts_with("---\ntitle: \"Hội nghị sơ kết\"\n"),
        "{written}"
    );
    let said = String::from_utf8_lossy(&second.stderr);
    assert_eq!(
        said.trim(),
        format!("content/articles/luu-tru/hoi-nghi-so-ket.md already has this title's web address; the new article gets `{slug}` (the date added), written as `slug:`")
    );
    assert!(moved.is_file(), "the first article is untouched");

    // A third one the same day gets a number after the date, said in Vietnamese.
    let third = new("vi");
    assert!(third.status.success(), "{}", text(&third));
    let said = String::from_utf8_lossy(&third.stderr);
    assert!(
        said.contains("đã dùng địa chỉ của tiêu đề này; bài mới có địa chỉ `hoi-nghi-so-ket-")
            && said.contains("-2` (thêm ngày vào cuối)"),
        "{said}"
    );
    let build = trangtin(&["build", "--root"], dir.path());
    assert!(
        build.status.success(),
        "the addresses do not clash: {}",
        text(&build)
    );
}
