//! Addresses never break: an article whose address changes between two
//! publishes leaves a redirect at its old address, on a folder and over SSH.

use std::fs;
use std::path::Path;

use crate::sshd::{self, Sshd};
use crate::support::*;

const ARTICLE: &str = "content/articles/da-nang.md";
const FIRST: &str = "tin-tuc/da-nang-to-chuc-hoi-nghi-chuyen-de-voi-hon-4-000-dai-bieu/";

/// Gives the Đà Nẵng article the title `title` (its address follows the title).
fn retitle(site: &Site, title: &str) {
    let path = site.root.join(ARTICLE);
    let text = fs::read_to_string(&path).unwrap();
    let (head, rest) = text.split_once("\ntitle: ").unwrap();
    let (_, rest) = rest.split_once('\n').unwrap();
    fs::write(&path, format!("{head}\ntitle: {title}\n{rest}")).unwrap();
}

fn read(dir: &Path, rel: &str) -> String {
    fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The address a redirect page at `url` sends readers to, or None for a real page.
fn redirect_of(dir: &Path, url: &str) -> Option<String> {
    let html = read(dir, &format!("{}index.html", url.trim_start_matches('/')));
    let at = html.find("<meta http-equiv=\"refresh\" content=\"0; url=")?;
    let rest = &html[at + 43..];
    let to = rest[..rest.find('"').unwrap()].to_string();
    assert!(
        html.contains(&format!(
            "<link rel=\"canonical\" href=\"https://example.org{to}\">"
        )),
        "{html}"
    );
    assert!(
        html.contains(&format!("<a href=\"{to}\">")),
        "a visible link:\n{html}"
    );
    assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"));
    Some(to)
}

/// Sitemap and both feeds name `url` (or not).
fn listed_everywhere(dir: &Path, url: &str) -> [bool; 3] {
    let full = format!("https://example.org{url}");
    ["sitemap.xml", "rss.xml", "atom.xml"].map(|f| read(dir, f).contains(&full))
}

/// Publish, change the title, publish with --delete; change it back; then a
/// chain of renames. `publish` runs `trangtin publish --to <target> <args>`,
/// `served` is the folder a visitor's web server reads.
fn renames(site: &Site, publish: &dyn Fn(&[&str]) -> String, served: &Path) {
    let first = format!("/{FIRST}");
    publish(&[]);
    assert_eq!(redirect_of(served, &first), None);

    retitle(site, "Đà Nẵng: hội nghị chuyên đề với hơn 4.000 đại biểu");
    let second = "/tin-tuc/da-nang-hoi-nghi-chuyen-de-voi-hon-4-000-dai-bieu/";
    let out = publish(&["--delete"]);
    assert!(
        out.contains(&format!("↪ 1 redirect kept: {first} → {second}\n")),
        "{out}"
    );
    assert_eq!(redirect_of(served, &first).as_deref(), Some(second));
    assert_eq!(redirect_of(served, second), None);
    assert!(
        read(served, ".trangtin-redirects.nginx.conf")
            .contains(&format!("    {first} {second};\n")),
        "the same redirect for nginx"
    );
    assert_eq!(listed_everywhere(served, &first), [false; 3]);
    assert_eq!(listed_everywhere(served, second), [true; 3]);
    let again = publish(&["--delete"]);
    assert!(
        !again.contains('↪'),
        "a kept redirect is not news:\n{again}"
    );
    assert_eq!(
        redirect_of(served, &first).as_deref(),
        Some(second),
        "--delete keeps it"
    );

    // Changed back: the first address is the page again; the second, which
    // was online for a while, now leads back to it.
    retitle(
        site,
        "Đà Nẵng tổ chức hội nghị chuyên đề với hơn 4.000 đại biểu",
    );
    publish(&["--delete"]);
    assert_eq!(redirect_of(served, &first), None);
    assert!(read(served, &format!("{FIRST}index.html")).contains("hơn 4.000 đại biểu</h1>"));
    assert_eq!(redirect_of(served, second).as_deref(), Some(first.as_str()));
    assert_eq!(listed_everywhere(served, &first), [true; 3]);
    assert_eq!(listed_everywhere(served, second), [false; 3]);

    // Three renames: every older address leads straight to the last one.
    for (i, title) in [
        "Hội nghị Đà Nẵng một",
        "Hội nghị Đà Nẵng hai",
        "Hội nghị Đà Nẵng ba",
    ]
    .iter()
    .enumerate()
    {
        retitle(site, title);
        publish(if i == 1 { &[] } else { &["--delete"] });
    }
    let last = "/tin-tuc/hoi-nghi-da-nang-ba/";
    for old in [
        first.as_str(),
        second,
        "/tin-tuc/hoi-nghi-da-nang-mot/",
        "/tin-tuc/hoi-nghi-da-nang-hai/",
    ] {
        assert_eq!(redirect_of(served, old).as_deref(), Some(last), "{old}");
    }
    assert_eq!(redirect_of(served, last), None);
    let apache = read(served, ".trangtin-redirects.apache.conf");
    assert_eq!(
        apache.matches("RewriteRule ^/?tin-tuc/").count(),
        4,
        "{apache}"
    );

    // The article deleted: its redirects go with it on --delete.
    fs::remove_file(site.root.join(ARTICLE)).unwrap();
    publish(&["--delete"]);
    assert!(!served.join(FIRST).exists());
    assert!(!served.join("tin-tuc/hoi-nghi-da-nang-mot").exists());
}

#[test]
fn a_moved_article_keeps_its_old_address_on_a_folder() {
    let site = Site::minimal();
    let target = site.path("www/dang-bo");
    let to = target.to_str().unwrap().to_string();
    renames(&site, &|more| site.publish(&to, more), &target);
}

#[test]
fn a_moved_article_keeps_its_old_address_over_ssh() {
    if !sshd::available() {
        return;
    }
    let server = Sshd::start();
    let site = Site::minimal();
    let url = server.url("www/dang-bo");
    let env = [("TRANGTIN_SSH", server.client())];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    renames(
        &site,
        &|more| site.publish_with(&url, more, &env),
        &server.disk("www/dang-bo"),
    );
}

#[test]
fn check_warns_before_a_publish_moves_an_address() {
    let site = Site::minimal();
    let target = site.path("www");
    let yaml = site.root.join("content/site.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(&yaml, format!("{text}publish: {}\n", target.display())).unwrap();
    let out = site.run(&["check"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("changed since the last publish"));
    site.publish(target.to_str().unwrap(), &[]);
    retitle(&site, "Hội nghị Đà Nẵng");
    let out = site.run(&["check"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("warning: {ARTICLE}: the address of this page changed since the last publish: /{FIRST} → /tin-tuc/hoi-nghi-da-nang/; publish will keep the old address as a redirect to the new one (to keep the old address instead, write `slug: da-nang-to-chuc-hoi-nghi-chuyen-de-voi-hon-4-000-dai-bieu`)")),
        "{stderr}"
    );
}
