//! Page weight (docs/performance.md, "Page weight"): the bytes of an article
//! page outside its own content — head, header and menu, breadcrumbs, sidebar,
//! footer — stay within 8 kB, on the sample site and on a copy whose sidebar is
//! full; and the sidebar, now one shared file every page shows in a frame,
//! still holds every link it had.

mod common;

use common::weight::{self, Weight};
use common::Site;

/// The most an article page may carry outside its `<main>`.
const LIMIT: usize = 8 * 1024;
/// The sample site's clock (see tests/snapshots.rs).
const CLOCK: &str = "2026-12-02 08:00";
/// The sidebar's own file (src/render/pages.rs, `SIDE_FILE`).
const SIDE: &str = "cot-ben.html";

/// Every article page of a build with its weight.
fn articles(run: &common::Run) -> Vec<(String, Weight)> {
    let pages: Vec<(String, Weight)> = run
        .texts(".html")
        .into_iter()
        .filter(|(_, html)| weight::kind(html) == "article")
        .map(|(path, html)| (path, weight::weigh(&html)))
        .collect();
    assert!(
        pages.len() > 10,
        "the build has article pages: {}",
        pages.len()
    );
    pages
}

fn assert_light(pages: &[(String, Weight)]) {
    let heavy: Vec<String> = pages
        .iter()
        .filter(|(_, w)| w.chrome > LIMIT)
        .map(|(p, w)| format!("{p}: {} bytes outside <main> ({w:?})", w.chrome))
        .collect();
    assert!(
        heavy.is_empty(),
        "article pages over {LIMIT} bytes outside their content:\n{}",
        heavy.join("\n")
    );
}

#[test]
fn the_measure_leaves_out_main_and_the_article() {
    let page = "<!DOCTYPE html><html><head><title>t</title></head><body class=\"kind-article\">\
        <header>menu</header><main id=\"noi-dung\"><article class=\"article\"><p>text</p>\
        <article class=\"card\">inner</article></article><section>related</section></main>\
        <footer>f</footer></body></html>";
    let w = weight::weigh(page);
    let main = &page[page.find("<main").unwrap()..page.find("</main>").unwrap() + 7];
    let article =
        "<article class=\"article\"><p>text</p><article class=\"card\">inner</article></article>";
    assert_eq!(weight::kind(page), "article");
    assert_eq!(w.total, page.len());
    assert_eq!(w.chrome, page.len() - main.len());
    assert_eq!(w.outside_article, page.len() - article.len());
    assert!(w.chrome_gzip > 0 && w.chrome_gzip < w.chrome);
}

#[test]
fn article_pages_of_the_sample_site_stay_within_8_kb() {
    let site = Site::sample();
    let run = site.build(&["--clock", CLOCK]).ok();
    assert_light(&articles(&run));
}

#[test]
fn a_full_sidebar_does_not_make_article_pages_heavier() {
    let site = Site::sample();
    // Six more featured stories (the sidebar shows five), and a dozen links.
    let files = common::list_files(&site.root.join("content/articles"));
    let plain: Vec<&String> = files
        .iter()
        .filter(|(p, b)| p.ends_with(".md") && !String::from_utf8_lossy(b).contains("featured:"))
        .map(|(p, _)| p)
        .take(6)
        .collect();
    assert_eq!(plain.len(), 6, "the sample has articles to feature");
    for p in plain {
        site.edit(&format!("content/articles/{p}"), |s| {
            s.replacen("\ndate:", "\nfeatured: true\ndate:", 1)
        });
    }
    let links: String = (1..=12)
        .map(|i| {
            format!("  - {{ name: \"Cổng thông tin điện tử của đơn vị liên kết số {i}\", url: \"https://lien-ket-{i}.example.vn/\" }}\n")
        })
        .collect();
    site.edit("content/site.yaml", |s| {
        s.replacen("links:\n", &format!("links:\n{links}"), 1)
    });
    let run = site.build(&["--clock", CLOCK]).ok();
    assert_light(&articles(&run));
    let side = run.read(SIDE);
    assert_eq!(
        side.matches("<li><a href=\"https://lien-ket-").count(),
        12,
        "{side}"
    );
    let featured = side
        .split("id=\"ben-noi-bat\"")
        .nth(1)
        .expect("the featured block");
    let featured = &featured[..featured.find("</section>").expect("its end")];
    assert_eq!(featured.matches("<li>").count(), 5, "{featured}");
}

#[test]
fn the_sidebar_is_one_shared_file_holding_every_link() {
    let site = Site::sample();
    let run = site.build(&["--clock", CLOCK]).ok();
    let side = run.read(SIDE);
    for want in [
        "<base target=\"_top\">",
        "<meta name=\"robots\" content=\"noindex\">",
        "id=\"ben-tin-moi\"",
        "id=\"ben-noi-bat\"",
        "id=\"ben-van-ban\"",
        "id=\"ben-lien-ket\"",
        "<a href=\"/van-kien/\">Xem tất cả văn bản</a>",
        "<a href=\"https://vov.vn/\" rel=\"noopener\">VOV.VN</a>",
    ] {
        assert!(side.contains(want), "{SIDE} has {want}:\n{side}");
    }
    // The newest article is first in "Tin mới".
    let newest = run.read("tin-moi/index.html");
    let first = common::links(common::main_of(&newest))
        .into_iter()
        .find(|l| l.starts_with("/tin-tuc/"))
        .expect("a story on /tin-moi/");
    assert!(
        side.contains(&format!("<li><a href=\"{first}\">")),
        "{first} in {SIDE}"
    );
    // Every page but the home page shows it in a frame; the home page has its blocks inline.
    let frame = format!("<iframe class=\"side-frame\" src=\"/{SIDE}\"");
    for (path, html) in run.texts(".html") {
        let kind = weight::kind(&html);
        if path == SIDE || kind == "other" {
            continue;
        }
        let has_frame = html.contains(&frame);
        assert_eq!(
            has_frame,
            kind != "home",
            "{path} ({kind}): a frame: {has_frame}"
        );
    }
    assert!(run.page("/").contains("id=\"ben-van-ban\""));
    assert!(
        !run.read("sitemap.xml").contains(SIDE),
        "the sidebar file is no page of its own"
    );
}
