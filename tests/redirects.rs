//! Addresses never break at build time: `aliases:` in front matter, and an
//! index page for every folder of the site a reader reaches by trimming an
//! address. (Addresses moved between publishes: tests/publish/redirects.rs.)

mod common;

use common::{Run, Site};

/// The address a redirect page sends readers to, or None for a real page.
fn redirect_of(run: &Run, file: &str) -> Option<String> {
    let html = run.read(file);
    let at = html.find("<meta http-equiv=\"refresh\" content=\"0; url=")?;
    let rest = &html[at + 43..];
    let to = rest[..rest.find('"').unwrap()].to_string();
    assert!(
        html.contains(&format!(
            "<link rel=\"canonical\" href=\"https://example.org{to}\">"
        )),
        "{html}"
    );
    assert!(html.contains(&format!("<a href=\"{to}\">")), "{html}");
    assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"));
    Some(to)
}

const THAI_HOA: &str = "content/articles/thai-hoa.md";
const THAI_HOA_URL: &str = "/tin-tuc/thai-hoa-ket-nap-639-dang-vien-trong-nhiem-ky-2015-2020/";

fn with_aliases(site: &Site, file: &str, aliases: &str) {
    site.edit(file, |t| {
        t.replacen(
            "---\ntitle:",
            &format!("---\naliases: {aliases}\ntitle:"),
            1,
        )
    });
}

#[test]
fn aliases_in_front_matter_lead_to_the_page() {
    let site = Site::new("minimal");
    with_aliases(
        &site,
        THAI_HOA,
        "[/tin-tuc/dia-chi-cu/, /news/123.html, /tin-cu]",
    );
    with_aliases(&site, "content/pages/gioi-thieu.md", "[/gioi-thieu-cu/]");
    // A link to an old address is a good link: it leads to the page.
    site.edit("content/pages/gioi-thieu.md", |t| {
        format!("{t}\n[Tin cũ](/tin-tuc/dia-chi-cu/)\n")
    });
    let run = site.build(&[]).ok();
    for file in [
        "tin-tuc/dia-chi-cu/index.html",
        "news/123.html",
        "tin-cu/index.html",
    ] {
        assert_eq!(
            redirect_of(&run, file).as_deref(),
            Some(THAI_HOA_URL),
            "{file}"
        );
    }
    assert_eq!(
        redirect_of(&run, "gioi-thieu-cu/index.html").as_deref(),
        Some("/gioi-thieu/")
    );
    let sitemap = run.read("sitemap.xml");
    assert!(
        !sitemap.contains("dia-chi-cu") && !sitemap.contains("gioi-thieu-cu"),
        "{sitemap}"
    );
    assert!(sitemap.contains(THAI_HOA_URL));
    site.check(&[]).ok();
}

#[test]
fn an_alias_that_names_a_page_or_another_alias_is_an_error_naming_both_files() {
    let site = Site::new("minimal");
    with_aliases(&site, THAI_HOA, "[/gioi-thieu/]");
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("content/articles/thai-hoa.md:2: the alias /gioi-thieu/ is already the address of content/pages/gioi-thieu.md; remove it from `aliases:` here or there"),
        "{}",
        run.stderr
    );
    assert!(!run.exists("index.html"), "nothing is written");

    let site = Site::new("minimal");
    with_aliases(&site, THAI_HOA, "[/tin-cu/]");
    with_aliases(&site, "content/articles/da-nang.md", "\n  - /tin-cu/");
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    // The newer article (da-nang, 2023) is read first.
    assert!(
        run.stderr.contains("content/articles/thai-hoa.md:2: the alias /tin-cu/ is already the address of content/articles/da-nang.md:3; remove it from `aliases:` here or there"),
        "{}",
        run.stderr
    );

    let site = Site::new("minimal");
    with_aliases(&site, THAI_HOA, "[/tin-moi/]");
    let run = site.build(&[]);
    assert!(
        run.stderr.contains("content/articles/thai-hoa.md:2: the alias /tin-moi/ is already the address of the site's own page /tin-moi/"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_alias_outside_the_site_is_refused_with_its_line() {
    let site = Site::new("minimal");
    with_aliases(
        &site,
        THAI_HOA,
        "\n  - /tin-tuc/tot/\n  - ../../etc/\n  - https://example.org/x/\n  - /a/../../b/",
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for expected in [
        "content/articles/thai-hoa.md:4: aliases: the alias `../../etc/` must start with `/`",
        "content/articles/thai-hoa.md:5: aliases: the alias `https://example.org/x/` is a full web address",
        "content/articles/thai-hoa.md:6: aliases: the alias `/a/../../b/` uses `.` or `..`",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
}

#[test]
fn every_folder_of_pages_has_an_index_page() {
    let site = Site::new("minimal");
    let run = site.build(&[]).ok();
    let files = run.files();
    let mut folders: Vec<String> = files
        .keys()
        .flat_map(|p| {
            p.match_indices('/')
                .map(|(i, _)| p[..=i].to_string())
                .collect::<Vec<_>>()
        })
        .filter(|f| !f.starts_with("static/"))
        .collect();
    folders.sort();
    folders.dedup();
    assert!(folders.len() > 10, "{folders:?}");
    for f in &folders {
        assert!(
            files.contains_key(&format!("{f}index.html")),
            "/{f} has no index page"
        );
    }
    for (folder, to) in [
        ("tin-tuc/", "/tin-moi/"),
        ("bieu-do/", "/so-lieu/"),
        ("documents/", "/van-kien/"),
        ("media/", "/"),
        ("to-chuc/", "/to-chuc/tinh/"),
    ] {
        assert_eq!(
            redirect_of(&run, &format!("{folder}index.html")).as_deref(),
            Some(to),
            "{folder}"
        );
    }
    assert_eq!(redirect_of(&run, "tin-moi/index.html"), None);
    assert!(!run
        .read("sitemap.xml")
        .contains("https://example.org/tin-tuc/<"));
}

#[test]
fn redirect_pages_speak_the_site_language() {
    let site = Site::new("minimal");
    let run = site.build(&[]).ok();
    let vi = run.read("tin-tuc/index.html");
    assert!(
        vi.contains("<html lang=\"vi\">") && vi.contains("<title>Trang đã chuyển địa chỉ</title>")
    );
    assert!(
        vi.contains("Trang này đã chuyển đến địa chỉ mới: <a href=\"/tin-moi/\">"),
        "{vi}"
    );
    site.edit("content/site.yaml", |t| {
        t.replace("language: vi", "language: en")
    });
    let run = site.build(&[]).ok();
    let en = run.read("tin-tuc/index.html");
    assert!(en.contains("<html lang=\"en\">") && en.contains("<title>This page has moved</title>"));
    assert!(
        en.contains("This page has moved to a new address: <a href=\"/tin-moi/\">"),
        "{en}"
    );
}
