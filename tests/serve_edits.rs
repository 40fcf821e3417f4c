//! `serve`'s quick rebuild of one article edited beyond its body (title,
//! address, date, category, keywords, author, conference, organization …) on
//! a generated site: the site patched in place is the one assembling all
//! articles gives, and the folder served is byte for byte what a full build
//! of the same content writes (whole trees compared, search index included).

mod common;
mod small_site;

use common::list_files;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use trangtin::load::{self, LoadOptions};
use trangtin::model::build::{self as model_build, Checked};
use trangtin::model::Site;
use trangtin::serve::session::{Quick, ServeOptions, Session};

const BASE_URL: &str = "http://127.0.0.1:1111/";

/// The generated site, served into `<dir>/served` after a first full build:
/// the folder (kept alive by the caller), the site's root, the served output
/// and the session.
fn serving() -> (tempfile::TempDir, PathBuf, PathBuf, Session) {
    let (dir, root) = small_site::generated(7);
    let served = dir.path().join("served");
    let mut session = Session::new(ServeOptions {
        root: root.clone(),
        output: served.clone(),
        drafts: false,
        base_url: BASE_URL.into(),
    });
    assert!(session.full().errors.is_none());
    (dir, root, served, session)
}

fn load_options() -> LoadOptions {
    LoadOptions {
        drafts: false,
        base_url: Some(BASE_URL.into()),
        clock: None,
        preview_scheduled: false,
    }
}

/// What is expected of an edit.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// This quick rebuild (None: the usual one, as every page changes).
    Rebuilt(Option<Quick>),
    /// A content error.
    Refused,
}

/// One edit: what it is called, the file, its new text, what is expected.
struct Edit {
    what: &'static str,
    rel: PathBuf,
    text: String,
    expect: Expect,
}

/// The front matter `text` with the line `key: …` set to `value`, added
/// when missing, or removed when `value` is None.
fn set(text: &str, key: &str, value: Option<&str>) -> String {
    let end = text[4..].find("\n---\n").unwrap() + 4;
    let (front, rest) = text.split_at(end);
    let prefix = format!("{key}:");
    let mut lines: Vec<String> = front.lines().map(String::from).collect();
    let at = lines.iter().position(|l| l.starts_with(&prefix));
    match (at, value) {
        (Some(i), Some(v)) => lines[i] = format!("{key}: {v}"),
        (Some(i), None) => {
            lines.remove(i);
        }
        (None, Some(v)) => lines.push(format!("{key}: {v}")),
        (None, None) => {}
    }
    format!("{}{rest}", lines.join("\n"))
}

fn field<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    let prefix = format!("{key}: ");
    text.lines().find_map(|l| l.strip_prefix(prefix.as_str()))
}

fn quoted(names: &[String]) -> String {
    let list: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    format!("[{}]", list.join(", "))
}

/// The edits, chosen on the site as generated: articles out of the sidebar
/// (its five newest and featured articles) unless the edit is about it.
fn edits(root: &Path, site: &Site) -> Vec<Edit> {
    let source = |i: usize| -> (PathBuf, String) {
        let rel = site.articles[i].path.clone();
        (
            rel.clone(),
            std::fs::read_to_string(root.join(&rel)).unwrap(),
        )
    };
    let plain = |from: usize| {
        (from..site.articles.len())
            .find(|&i| !site.articles[i].featured)
            .unwrap()
    };
    let quick = Expect::Rebuilt(Some(Quick::Article));
    let mid = plain(site.articles.len() / 2);
    let (rel, text) = source(mid);
    let front = load::read_markdown(root, &rel).unwrap().unwrap().front;
    let mut out = Vec::new();
    let mut edit = |what, rel: &PathBuf, text: String, expect| {
        out.push(Edit {
            what,
            rel: rel.clone(),
            text,
            expect,
        })
    };
    let retitled = set(&text, "title", Some("\"Tiêu đề đã sửa của bài giữa\""));
    edit("a title edit", &rel, retitled.clone(), quick);
    edit(
        "a title edit that moves the page",
        &rel,
        set(&retitled, "slug", None),
        quick,
    );
    for (what, other) in [("a date edit, older", mid + 7), ("a date edit, newer", 8)] {
        let date = field(&source(other).1, "date").unwrap().to_string();
        edit(what, &rel, set(&text, "date", Some(&date)), quick);
    }
    let own = front.category.clone().unwrap();
    let another = site.categories.iter().find(|c| c.name != own).unwrap();
    let to = |name: &str| set(&text, "category", Some(&format!("\"{name}\"")));
    edit("a category change", &rel, to(&another.name), quick);
    edit(
        "a new category",
        &rel,
        to("Chuyên mục mới thử nghiệm"),
        quick,
    );
    let mut tags = front.tags.clone();
    tags.push("Từ khóa mới thử nghiệm".into());
    edit(
        "a new keyword",
        &rel,
        set(&text, "tags", Some(&quoted(&tags))),
        quick,
    );
    let mut twice = front.tags.clone();
    twice.push(front.tags[0].to_uppercase());
    let twice = set(&text, "tags", Some(&quoted(&twice)));
    edit("a keyword twice, spelled two ways", &rel, twice, quick);
    edit("a category without letters", &rel, to("!!!"), quick);
    edit(
        "a keyword removed",
        &rel,
        set(&text, "tags", Some(&quoted(&front.tags[1..]))),
        quick,
    );
    let org = site
        .orgs
        .list
        .iter()
        .find(|o| Some(&o.id) != front.org.as_ref());
    let org = format!("\"{}\"", org.unwrap().id);
    edit(
        "an organization change",
        &rel,
        set(&text, "org", Some(&org)),
        quick,
    );
    edit(
        "the article made featured",
        &rel,
        set(&text, "featured", Some("true")),
        Expect::Rebuilt(None),
    );
    let taken = format!("\"{}\"", site.articles[mid + 1].slug);
    edit(
        "a slug taken",
        &rel,
        set(&text, "slug", Some(&taken)),
        Expect::Refused,
    );
    // A category and a keyword whose first article spells them another way.
    if let Some((i, name)) = first_spelled(site, &site.categories, plain(5)) {
        let (rel, text) = source(i);
        let lower = format!("\"{}\"", name.to_lowercase());
        edit(
            "a category renamed",
            &rel,
            set(&text, "category", Some(&lower)),
            quick,
        );
    }
    if let Some((i, name)) = first_spelled(site, &site.tags, plain(5)) {
        let (rel, text) = source(i);
        let front = load::read_markdown(root, &rel).unwrap().unwrap().front;
        let lower: Vec<String> = front
            .tags
            .iter()
            .map(|t| {
                if *t == name {
                    t.to_lowercase()
                } else {
                    t.clone()
                }
            })
            .collect();
        edit(
            "a keyword renamed",
            &rel,
            set(&text, "tags", Some(&quoted(&lower))),
            quick,
        );
    }
    // Leaving a category of 3k+1 articles takes its last listing page away.
    let shrinking = site.categories.iter().filter(|c| c.articles.len() % 3 == 1);
    let mut member = shrinking.flat_map(|c| c.articles.iter().map(move |&i| (i, c)));
    if let Some((i, c)) =
        member.rfind(|(i, c)| *i >= 5 && c.articles.len() > 1 && !site.articles[*i].featured)
    {
        let (rel, text) = source(i);
        let other = site.categories.iter().find(|o| o.slug != c.slug).unwrap();
        let moved = set(&text, "category", Some(&format!("\"{}\"", other.name)));
        edit(
            "a category left, one listing page fewer",
            &rel,
            moved,
            quick,
        );
    }
    let (rel, text) = source(plain(10));
    edit(
        "an author edit (in the feeds)",
        &rel,
        set(&text, "author", Some("\"Người viết khác\"")),
        quick,
    );
    let with = |f: &dyn Fn(&str) -> bool| {
        (5..site.articles.len()).find(|&i| !site.articles[i].featured && f(&source(i).1))
    };
    if let Some(i) = with(&|t| t.contains("\nevent:\n  name: ")) {
        let (rel, text) = source(i);
        let renamed = text.replacen("\nevent:\n  name: \"", "\nevent:\n  name: \"Sửa ", 1);
        edit("a conference renamed", &rel, renamed, quick);
    }
    if let Some(i) = with(&|t| t.contains("\ndocuments: ")) {
        let (rel, text) = source(i);
        edit(
            "documents removed",
            &rel,
            set(&text, "documents", None),
            quick,
        );
    }
    // The cover is on the article's card: a head change, though no line
    // other pages name (title, date …) changed.
    {
        let i = with(&|t| t.contains("\nimage:\n  src: ")).expect("a cover");
        let (rel, text) = source(i);
        let at = text.find("\nimage:\n  src: ").unwrap() + "\nimage:\n".len();
        let end = at + text[at..].find('\n').unwrap();
        let other = match text[at..end].contains("hinh-01.svg") {
            true => "hinh-02.svg",
            false => "hinh-01.svg",
        };
        let cover = format!(
            "{}  src: media/minh-hoa/{other}{}",
            &text[..at],
            &text[end..]
        );
        edit("another cover", &rel, cover, quick);
        let captioned = format!(
            "{}{}",
            &text[..at],
            text[at..].replacen("\n  caption: \"", "\n  caption: \"Sửa ", 1)
        );
        edit("the cover's caption", &rel, captioned, quick);
    }
    // Its organization's page lists the charts of its articles.
    let named = |t: &str| site.named_charts.iter().find(|c| !t.contains(c.as_str()));
    {
        let i = with(&|t| t.contains("\norg: ") && named(t).is_some()).expect("an org");
        let (rel, text) = source(i);
        let id = named(&text).unwrap();
        let charted = format!("{text}\n```chart\nuse: {id}\n```\n");
        edit("a named chart added to the body", &rel, charted, quick);
    }
    let (rel, text) = source(0);
    let newest = set(&text, "title", Some("\"Tin mới nhất, sửa tiêu đề\""));
    edit(
        "the newest article's title (in the sidebar)",
        &rel,
        newest,
        Expect::Rebuilt(None),
    );
    out
}

/// The first article (from `from` on) of the largest category or keyword
/// whose name has capitals, with that name: lower-casing it there renames it.
fn first_spelled(
    site: &Site,
    list: &[trangtin::model::article::Taxon],
    from: usize,
) -> Option<(usize, String)> {
    // A featured article's card is in the sidebar: its category is not renamed here.
    list.iter()
        .filter(|t| t.name.to_lowercase() != t.name)
        .filter(|t| t.articles.iter().all(|&i| !site.articles[i].featured))
        .filter(|t| t.articles[0] >= from)
        .max_by_key(|t| t.articles.len())
        .map(|t| (t.articles[0], t.name.clone()))
}

fn model(root: &Path) -> Site {
    trangtin::model::build(load::load(root, &load_options()).unwrap()).unwrap()
}

/// Applies `text` to `rel` through the session and compares the folder it
/// serves with a full build of the same content.
fn apply_and_compare(session: &mut Session, root: &Path, served: &Path, e: &Edit) {
    std::fs::write(root.join(&e.rel), &e.text).unwrap();
    let o = session.apply(std::slice::from_ref(&e.rel));
    if e.expect == Expect::Refused {
        assert!(o.errors.is_some(), "{}: the error is reported", e.what);
        return;
    }
    assert!(o.errors.is_none(), "{}: {:?}", e.what, o.errors);
    assert_eq!(
        Expect::Rebuilt(o.quick),
        e.expect,
        "{}: the rebuild",
        e.what
    );
    session.refresh_search();
    let fresh = tempfile::tempdir().unwrap();
    let out = fresh.path().join("out");
    trangtin::build::build(&trangtin::build::BuildOptions {
        root: root.to_path_buf(),
        output: out.clone(),
        drafts: false,
        base_url: Some(BASE_URL.into()),
        clock: None,
    })
    .unwrap_or_else(|e| panic!("{e:?}"));
    if let Some(d) = common::diff_trees(&list_files(&out), &list_files(served)) {
        panic!(
            "after {}, the served files differ from a full build:\n{d}",
            e.what
        );
    }
}

#[test]
fn quick_article_edits_write_exactly_what_a_full_build_writes() {
    let (_dir, root, served, mut session) = serving();
    let site = model(&root);
    let list = edits(&root, &site);
    assert!(
        list.len() >= 16,
        "every kind of edit is found: {}",
        list.len()
    );
    for e in &list {
        let original = std::fs::read_to_string(root.join(&e.rel)).unwrap();
        apply_and_compare(&mut session, &root, &served, e);
        // Undone: the article moves back, a category or keyword made for it goes.
        let undo = Edit {
            what: "the edit undone",
            rel: e.rel.clone(),
            text: original,
            expect: Expect::Rebuilt(match e.expect {
                Expect::Refused => None,
                Expect::Rebuilt(q) => q,
            }),
        };
        apply_and_compare(&mut session, &root, &served, &undo);
    }
}

#[test]
fn a_body_edit_then_a_title_edit() {
    let (_dir, root, served, mut session) = serving();
    let site = model(&root);
    let i = (30..site.articles.len())
        .find(|&i| !site.articles[i].featured)
        .unwrap();
    let rel = site.articles[i].path.clone();
    let text = std::fs::read_to_string(root.join(&rel)).unwrap();
    let body = Edit {
        what: "a body edit",
        rel: rel.clone(),
        text: format!("{text}\nMột đoạn viết thêm.\n"),
        expect: Expect::Rebuilt(Some(Quick::Body)),
    };
    apply_and_compare(&mut session, &root, &served, &body);
    let title = Edit {
        what: "then a title edit",
        rel,
        text: set(
            &body.text,
            "title",
            Some("\"Tiêu đề mới sau khi sửa thân bài\""),
        ),
        expect: Expect::Rebuilt(Some(Quick::Article)),
    };
    apply_and_compare(&mut session, &root, &served, &title);
}

/// Replacing an article in place gives the site assembling every article
/// gives (warnings aside: their order is not kept, and no page shows them).
#[test]
fn a_patched_site_is_the_assembled_site() {
    let (_dir, root) = small_site::generated(7);
    let mut src = load::load(&root, &load_options()).unwrap();
    let files = std::mem::take(&mut src.articles);
    let page_files = std::mem::take(&mut src.pages);
    let base = model_build::base(src);
    let pages: Vec<_> = page_files
        .iter()
        .map(|f| model_build::check_page(f, &base))
        .collect();
    let mut checked: BTreeMap<PathBuf, Checked> = files
        .iter()
        .map(|f| (f.path.clone(), model_build::check_article(f, &base)))
        .collect();
    let assemble = |checked: &BTreeMap<PathBuf, Checked>| {
        let mut site = model_build::assemble(
            base.clone(),
            checked.values().cloned().collect(),
            pages.clone(),
        )
        .unwrap();
        site.warnings.clear();
        site
    };
    let mut site = assemble(&checked);
    for e in edits(&root, &model(&root)) {
        std::fs::write(root.join(&e.rel), &e.text).unwrap();
        let f = load::read_markdown(&root, &e.rel).unwrap().unwrap();
        let c = model_build::check_article(&f, &base);
        let draft = c.as_ref().unwrap().0.clone();
        let drafts = |p: &Path| checked.get(p)?.as_ref().ok().map(|(d, _)| d);
        let replaced = trangtin::model::patch::replace_article(&mut site, draft, drafts);
        if e.expect == Expect::Refused {
            assert!(
                replaced.is_none(),
                "{}: a slug taken is left to assemble",
                e.what
            );
            continue;
        }
        assert!(replaced.is_some(), "{}", e.what);
        checked.insert(e.rel.clone(), c);
        site.warnings.clear();
        let want = assemble(&checked);
        for (i, (a, b)) in site.articles.iter().zip(&want.articles).enumerate() {
            assert_eq!(
                format!("{a:?}"),
                format!("{b:?}"),
                "{}: article {i}",
                e.what
            );
        }
        assert_eq!(format!("{site:?}"), format!("{want:?}"), "{}", e.what);
    }
}
