//! Scheduled publishing and expiry: an article dated after the build clock is
//! absent from every file a build writes until a build at or after its date;
//! `expires` takes it down; one clock gives byte-identical builds; `serve`
//! previews what waits, marked "Chưa đăng".

mod common;

use common::{list_files, Run, Site};
use trangtin::serve::session::{ServeOptions, Session};

const SLUG: &str = "le-ky-niem-ngay-thanh-lap-dang-bo";
const URL: &str = "/tin-tuc/le-ky-niem-ngay-thanh-lap-dang-bo/";
const TITLE: &str = "Lễ kỷ niệm ngày thành lập Đảng bộ";

fn with_scheduled(front: &str) -> Site {
    let site = Site::new("minimal");
    site.write(
        "content/articles/ky-niem.md",
        format!(
            "---\ntitle: {TITLE}\ndate: \"2030-06-01 08:00\"\ncategory: Xây dựng Đảng\ntags: [kỷ niệm, phát triển đảng viên]\norg: thai-hoa\n{front}---\nBuổi lễ ôn lại chặng đường xây dựng Đảng bộ.\n"
        ),
    );
    site
}

/// The output files (pages, feeds, sitemap, search index) that name the article.
fn naming(run: &Run) -> Vec<String> {
    run.files()
        .into_iter()
        .filter(|(_, bytes)| {
            let text = String::from_utf8_lossy(bytes);
            text.contains(SLUG) || text.contains(TITLE) || text.contains("ôn lại chặng đường")
        })
        .map(|(path, _)| path)
        .collect()
}

#[test]
fn an_article_dated_later_waits_for_a_build_after_its_date() {
    let site = with_scheduled("");
    let before = site.build(&["--clock", "2030-06-01 07:59"]).ok();
    assert_eq!(
        naming(&before),
        Vec::<String>::new(),
        "held back everywhere"
    );
    assert!(!before.exists("tin-tuc/le-ky-niem-ngay-thanh-lap-dang-bo/index.html"));
    assert!(
        before.stdout.contains(
            "1 scheduled article held back; the next is due 2030-06-01 08:00 (build or publish again after that)"
        ),
        "{}",
        before.stdout
    );
    // The keyword only it uses has no page yet either.
    assert!(!before.exists("tu-khoa/ky-niem/index.html"));

    let after = site.build(&["--clock", "2030-06-01 08:00"]).ok();
    let shown = naming(&after);
    for file in [
        "index.html",
        "cot-ben.html",
        "tin-tuc/le-ky-niem-ngay-thanh-lap-dang-bo/index.html",
        "tin-moi/index.html",
        "tu-khoa/ky-niem/index.html",
        "to-chuc/thai-hoa/index.html",
        "rss.xml",
        "atom.xml",
        "sitemap.xml",
    ] {
        assert!(
            shown.iter().any(|f| f == file),
            "{file} shows it: {shown:?}"
        );
    }
    assert!(
        shown.iter().any(|f| f.starts_with("static/search/")),
        "the search index holds it: {shown:?}"
    );
    assert!(!after.stdout.contains("held back"), "{}", after.stdout);
    let main = after.main(URL);
    assert!(
        main.contains(&format!("<h1>{TITLE}</h1>")),
        "no mark: {main}"
    );
}

#[test]
fn expires_takes_an_article_down() {
    let site = with_scheduled("expires: \"2030-07-01 00:00\"\n");
    let up = site.build(&["--clock", "2030-06-30 23:59"]).ok();
    assert!(up.exists("tin-tuc/le-ky-niem-ngay-thanh-lap-dang-bo/index.html"));
    let down = site.build(&["--clock", "2030-07-01"]).ok();
    assert_eq!(naming(&down), Vec::<String>::new(), "taken down everywhere");
}

#[test]
fn expires_before_the_date_is_refused_with_its_line() {
    let site = with_scheduled("expires: 2030-05-01\n");
    let run = site.build(&["--clock", "2030-06-02"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("content/articles/ky-niem.md:7: expires: `2030-05-01` is not after the article's `date`, so it would never be shown; give a later time or remove `expires`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_bad_clock_is_a_usage_error() {
    let site = Site::new("minimal");
    let run = site.build(&["--clock", "ngày mai"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("is not a date"), "{}", run.stderr);
}

#[test]
fn one_clock_gives_byte_identical_builds() {
    let site = with_scheduled("");
    let a = site.build(&["--clock", "2030-06-01 08:00"]).ok().files();
    let b = site.build(&["--clock", "2030-06-01 08:00"]).ok().files();
    assert!(common::diff_trees(&a, &b).is_none());
    let c = site.build(&["--clock", "2030-05-01 08:00"]).ok().files();
    assert!(common::diff_trees(&a, &c).is_some(), "the clock matters");
}

fn session(site: &Site, served: &std::path::Path, clock: &str) -> Session {
    Session::new(ServeOptions {
        root: site.root.clone(),
        output: served.to_path_buf(),
        drafts: false,
        base_url: "http://127.0.0.1:1111/".into(),
    })
    .with_clock(Some(trangtin::text::clock::parse(clock).unwrap()))
}

#[test]
fn serve_previews_scheduled_articles_marked() {
    let site = with_scheduled("");
    let served = site.dir().join("served");
    let mut s = session(&site, &served, "2030-05-01 08:00");
    let o = s.full();
    assert!(o.errors.is_none(), "{:?}", o.errors);
    assert_eq!(
        o.pending.previewed().unwrap(),
        "1 scheduled article shown marked \"chưa đăng\" (not on the published site yet); the next is due 2030-06-01 08:00"
    );
    let page =
        std::fs::read_to_string(served.join("tin-tuc").join(SLUG).join("index.html")).unwrap();
    assert!(
        page.contains(&format!(
            "<h1>{TITLE} <span class=\"draft-mark\">Chưa đăng</span></h1>"
        )),
        "{page}"
    );
    let home = std::fs::read_to_string(served.join("tin-moi/index.html")).unwrap();
    assert!(
        home.contains("<span class=\"draft-mark\">Chưa đăng</span>"),
        "{home}"
    );
}

/// An edit that moves a published article's date past the clock keeps it in
/// serve's preview, now marked, exactly as a full rebuild of the edited site
/// shows it (whichever rebuild serve chose).
#[test]
fn serve_quick_edit_moving_the_date_past_the_clock() {
    let site = with_scheduled("");
    let served = site.dir().join("served");
    let mut s = session(&site, &served, "2030-05-01 08:00");
    assert!(s.full().errors.is_none());
    site.edit("content/articles/da-nang.md", |t| {
        t.replace("date: \"2023-02-21 09:00\"", "date: \"2030-05-02 09:00\"")
    });
    let o = s.apply(&["content/articles/da-nang.md".into()]);
    assert!(o.errors.is_none(), "{:?}", o.errors);
    let page = std::fs::read_to_string(
        served.join("tin-tuc/da-nang-to-chuc-hoi-nghi-chuyen-de-voi-hon-4-000-dai-bieu/index.html"),
    )
    .unwrap();
    assert!(
        page.contains("<span class=\"draft-mark\">Chưa đăng</span>"),
        "{page}"
    );
    s.refresh_search();
    let fresh = site.dir().join("fresh");
    let mut f = session(&site, &fresh, "2030-05-01 08:00");
    assert!(f.full().errors.is_none());
    if let Some(d) = common::diff_trees(&list_files(&fresh), &list_files(&served)) {
        panic!("the quick rebuild differs from a full one:\n{d}");
    }
}

/// `expires` added in serve takes the article down: a full rebuild, not a quick one.
#[test]
fn serve_edit_that_expires_an_article_removes_it() {
    let site = with_scheduled("");
    let served = site.dir().join("served");
    let mut s = session(&site, &served, "2030-05-01 08:00");
    assert!(s.full().errors.is_none());
    site.edit("content/articles/da-nang.md", |t| {
        t.replace(
            "date: \"2023-02-21 09:00\"\n",
            "date: \"2023-02-21 09:00\"\nexpires: 2024-01-01\n",
        )
    });
    let o = s.apply(&["content/articles/da-nang.md".into()]);
    assert!(o.errors.is_none(), "{:?}", o.errors);
    assert!(!served
        .join("tin-tuc/da-nang-to-chuc-hoi-nghi-chuyen-de-voi-hon-4-000-dai-bieu/index.html")
        .exists());
}
