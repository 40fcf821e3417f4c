//! The files that tie the minimal site together: links between pages (also
//! under a sub-path), the sitemap, robots.txt and the feeds.

mod common;

use std::collections::BTreeSet;

use common::{links, page_file, Run, Site};

const THAI_HOA: &str = "/tin-tuc/thai-hoa-ket-nap-639-dang-vien-trong-nhiem-ky-2015-2020/";
const DA_NANG: &str = "/tin-tuc/da-nang-to-chuc-hoi-nghi-chuyen-de-voi-hon-4-000-dai-bieu/";

fn minimal() -> (Site, Run) {
    let site = Site::new("minimal");
    let run = site.build(&[]).ok();
    (site, run)
}

#[test]
fn every_link_between_pages_leads_to_a_written_file() {
    let (_site, run) = minimal();
    let checked = broken_links(&run, "/");
    assert!(checked > 100, "only {checked} links were checked");
}

#[test]
fn links_work_under_a_sub_path() {
    let site = Site::new("minimal");
    let run = site
        .build(&["--base-url", "https://example.org/dang-bo/"])
        .ok();
    broken_links(&run, "/dang-bo/");
    assert!(run
        .read("sitemap.xml")
        .contains("<loc>https://example.org/dang-bo/tin-moi/</loc>"));
}

/// Panics listing every link of every written page that leads nowhere; a link
/// to this site must start with `base_path`. Returns how many links were checked.
fn broken_links(run: &Run, base_path: &str) -> usize {
    let files = run.files();
    let mut broken = Vec::new();
    let mut checked = 0;
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        for link in links(&html) {
            if let Some(fragment) = link.strip_prefix('#') {
                if !fragment.is_empty() && !html.contains(&format!("id=\"{fragment}\"")) {
                    broken.push(format!("{path}: {link} (no such id on the page)"));
                }
                continue;
            }
            if !link.starts_with('/') || link.starts_with("//") {
                continue;
            }
            checked += 1;
            let Some(inside) = link.strip_prefix(base_path) else {
                broken.push(format!("{path}: {link} (outside {base_path})"));
                continue;
            };
            let target = format!("/{}", inside.split(['#', '?']).next().unwrap_or_default());
            let target = target.as_str();
            let rel = target.trim_start_matches('/');
            let found = files.contains_key(rel)
                || files.contains_key(&page_file(target))
                || files.contains_key(&format!("{rel}/index.html"));
            if !found {
                broken.push(format!("{path}: {link}"));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "links to files that were not written:\n{}",
        broken.join("\n")
    );
    checked
}

#[test]
fn sitemap_lists_every_page_but_the_404_the_sidebar_and_redirects() {
    let (_site, run) = minimal();
    let sitemap = run.read("sitemap.xml");
    let listed: BTreeSet<String> = sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|s| s.split("</loc>").next())
        .map(str::to_string)
        .collect();
    let redirect = |bytes: &[u8]| String::from_utf8_lossy(bytes).contains("http-equiv=\"refresh\"");
    let pages: BTreeSet<String> = run
        .files()
        .iter()
        .filter(|(p, b)| {
            // cot-ben.html is the sidebar every page shows in a frame, no page of its own.
            p.ends_with(".html")
                && !["404.html", "cot-ben.html"].contains(&p.as_str())
                && !redirect(b)
        })
        .map(|(p, _)| {
            format!(
                "https://example.org/{}",
                p.strip_suffix("index.html").unwrap_or(p)
            )
        })
        .collect();
    assert_eq!(listed, pages, "sitemap.xml and the written pages differ");
    assert!(run.exists("404.html"));
    assert!(run
        .read("robots.txt")
        .contains("Sitemap: https://example.org/sitemap.xml"));
}

#[test]
fn feeds_carry_the_newest_articles_first() {
    let (_site, run) = minimal();
    let rss = run.read("rss.xml");
    let first_item = rss.split("<item>").nth(1).expect("an item");
    assert!(
        first_item
            .contains("<title>Đà Nẵng tổ chức hội nghị chuyên đề với hơn 4.000 đại biểu</title>"),
        "{first_item}"
    );
    assert!(
        first_item.contains(&format!("<link>https://example.org{DA_NANG}</link>")),
        "{first_item}"
    );
    assert!(
        first_item.contains("<pubDate>Tue, 21 Feb 2023 09:00:00 +0700</pubDate>"),
        "{first_item}"
    );
    assert!(
        rss.contains(&format!("<link>https://example.org{THAI_HOA}</link>")),
        "both articles are in the feed"
    );
    let atom = run.read("atom.xml");
    let first_entry = atom.split("<entry>").nth(1).expect("an entry");
    assert!(
        first_entry.contains("<updated>2023-02-21T09:00:00+07:00</updated>"),
        "{first_entry}"
    );
    assert!(atom.contains("Thái Hòa kết nạp 639"));
    let category = run.read("chuyen-muc/xay-dung-dang/rss.xml");
    assert!(
        category.contains("Đà Nẵng tổ chức") && category.contains("Thái Hòa kết nạp"),
        "{category}"
    );
}
