//! `trangtin init DIR`: a new site that builds as it is; `trangtin new "Tiêu đề"`:
//! a new article file with its front matter filled in.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diagnostic::msg::scaffold::Scaffold;
use crate::diagnostic::show::Printer;
use crate::diagnostic::Diagnostic;
use crate::text::slug::slugify;
use crate::text::Lang;

/// The sample site, embedded: path under the new site's content/ (or the site
/// root for `.gitignore`), and text. `DATE` and `DATE_EARLIER` become dates.
const SITE: &[(&str, &str)] = &[
    ("content/site.yaml", include_str!("scaffold/site/site.yaml")),
    (
        "content/organizations.yaml",
        include_str!("scaffold/site/organizations.yaml"),
    ),
    (
        "content/data/ket-nap-dang-vien.yaml",
        include_str!("scaffold/site/data/ket-nap-dang-vien.yaml"),
    ),
    (
        "content/charts/ket-nap-theo-nam.yaml",
        include_str!("scaffold/site/charts/ket-nap-theo-nam.yaml"),
    ),
    (
        "content/articles/chao-mung.md",
        include_str!("scaffold/site/articles/chao-mung.md"),
    ),
    (
        "content/articles/so-lieu-mau.md",
        include_str!("scaffold/site/articles/so-lieu-mau.md"),
    ),
    (".gitignore", include_str!("scaffold/site/gitignore")),
];

/// Writes the sample site into `dir`; refuses a folder with files in it
/// unless `force`, and even then never replaces a file that is there.
/// Returns the files written.
pub fn init(dir: &Path, force: bool) -> Result<Vec<PathBuf>, Diagnostic> {
    if let Ok(mut entries) = fs::read_dir(dir) {
        if entries.next().is_some() && !force {
            return Err(Diagnostic::new(dir, Scaffold::NotEmpty));
        }
    } else if dir.exists() {
        return Err(Diagnostic::new(dir, Scaffold::IsFile));
    }
    let tz = jiff::tz::TimeZone::get("Asia/Ho_Chi_Minh").unwrap_or(jiff::tz::TimeZone::UTC);
    let now = jiff::Timestamp::now();
    let today = now.to_zoned_datetime(tz.clone());
    let earlier = now
        .checked_sub(jiff::SignedDuration::from_hours(24))
        .unwrap_or(now)
        .to_zoned_datetime(tz);
    let mut written = Vec::new();
    for (rel, text) in SITE {
        let text = text
            .replace(
                "DATE_EARLIER",
                &earlier.strftime("%Y-%m-%d 08:00").to_string(),
            )
            .replace("DATE", &today.strftime("%Y-%m-%d 08:00").to_string());
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| Diagnostic::io(parent, &e))?;
        }
        // Never over a file (or link) that is there: it is the editor's.
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => f.write_all(text.as_bytes()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => Err(e),
        }
        .map_err(|e| Diagnostic::io(&path, &e))?;
        written.push(path);
    }
    for empty in ["content/media", "content/pages"] {
        let path = dir.join(empty);
        fs::create_dir_all(&path).map_err(|e| Diagnostic::io(&path, &e))?;
    }
    Ok(written)
}

/// What `new` needs besides the title.
#[derive(Debug, Clone, Default)]
pub struct NewArticle<'a> {
    pub title: &'a str,
    pub category: Option<&'a str>,
    pub org: Option<&'a str>,
}

/// What `new` wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    /// The file, relative to the site folder.
    pub rel: PathBuf,
    /// When the title's address was taken by another article: that article,
    /// and the address the new one got instead (the title's plus the date).
    pub clash: Option<(PathBuf, String)>,
}

/// Writes `content/articles/YYYY/slug.md` under `root` and returns its path.
/// The date is now in the site's time zone; an existing file is never
/// replaced, and an address another article has is never reused: the date is
/// added to it.
pub fn new_article(root: &Path, a: &NewArticle) -> Result<Created, Diagnostic> {
    let site_yaml = Path::new("content/site.yaml");
    crate::load::inside::check(root, site_yaml)?;
    let settings = crate::config::load(&root.join(site_yaml), site_yaml, None)?;
    let title = a.title.trim();
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(Diagnostic::new(
            root.join("content/articles"),
            Scaffold::NoSlug {
                title: title.to_string(),
            },
        ));
    }
    if let Some(org) = a.org {
        check_org(root, org)?;
    }
    let now = jiff::Timestamp::now().to_zoned_datetime(settings.tz.clone());
    let rel = PathBuf::from(format!("content/articles/{}/{slug}.md", now.year()));
    let taken = slugs_taken(root, &rel);
    let (slug, clash) = match taken.iter().find(|(s, _)| *s == slug) {
        Some((_, other)) => {
            let day = now.strftime("%Y-%m-%d").to_string();
            let free = free_slug(&format!("{slug}-{day}"), &taken);
            (free.clone(), Some((other.clone(), free)))
        }
        None => (slug, None),
    };
    let rel = match &clash {
        Some(_) => PathBuf::from(format!("content/articles/{}/{slug}.md", now.year())),
        None => rel,
    };
    let path = root.join(&rel);
    // Not through a link out of the site: the file must land in content/.
    crate::load::inside::check(root, &rel)?;
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| Diagnostic::io(&rel, &e))?;
    }
    let date = now.strftime("%Y-%m-%d %H:%M").to_string();
    let mut text = front_matter(title, &date, a);
    if clash.is_some() {
        // The title alone would give the other article's address.
        text = text.replacen("\ndate: ", &format!("\nslug: \"{slug}\"\ndate: "), 1);
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => Diagnostic::new(&rel, Scaffold::ArticleExists),
            _ => Diagnostic::io(&rel, &e),
        })?;
    file.write_all(text.as_bytes())
        .map_err(|e| Diagnostic::io(&rel, &e))?;
    Ok(Created { rel, clash })
}

/// The address of every article and page but the file at `except`, with the
/// file that has it. Files that cannot be read are left out: `build` names them.
fn slugs_taken(root: &Path, except: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for dir in ["articles", "pages"] {
        let (files, _) = crate::load::files_under(root, dir, &["md", "markdown"]);
        for rel in files.into_iter().filter(|r| r != except) {
            let Ok(Some(md)) = crate::load::read_markdown(root, &rel) else {
                continue;
            };
            let from = md.front.slug.as_deref().or(md.front.title.as_deref());
            let slug = slugify(from.unwrap_or_default());
            if !slug.is_empty() {
                out.push((slug, rel));
            }
        }
    }
    out
}

/// `base`, or `base-2`, `base-3`… whichever no other file has.
fn free_slug(base: &str, taken: &[(String, PathBuf)]) -> String {
    let used = |s: &str| taken.iter().any(|(t, _)| t == s);
    (1..)
        .map(|n| match n {
            1 => base.to_string(),
            n => format!("{base}-{n}"),
        })
        .find(|s| !used(s))
        .unwrap_or_else(|| base.to_string())
}

/// Text values are written as quoted strings, so a `:` or `#` in a title is safe.
fn front_matter(title: &str, date: &str, a: &NewArticle) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    let mut out = format!("---\ntitle: {}\ndate: {}\n", q(title), q(date));
    match a.category {
        Some(c) => out.push_str(&format!("category: {}\n", q(c))),
        None => out.push_str("# category: Tin tức – Sự kiện\n"),
    }
    out.push_str("tags: []\n# author: Ban Tuyên giáo\n# summary: Một hai câu tóm tắt (sapo); mặc định là đoạn đầu tiên.\n");
    if let Some(o) = a.org {
        out.push_str(&format!("org: {}\n", q(o)));
    }
    out.push_str("---\nViết nội dung bài ở đây. Mỗi đoạn cách nhau một dòng trống.\n");
    out
}

fn check_org(root: &Path, org: &str) -> Result<(), Diagnostic> {
    let (orgs, _, errors) = crate::load::data::organizations(root);
    if let Some(e) = errors.0.into_iter().next() {
        return Err(e);
    }
    if orgs.iter().any(|o| o.id == org) {
        return Ok(());
    }
    let known = orgs.iter().map(|o| o.id.clone()).collect();
    Err(Diagnostic::new(
        "content/organizations.yaml",
        Scaffold::UnknownOrg {
            id: org.to_string(),
            known,
        },
    ))
}

/// The `init` command: prints what was made and what to do next.
pub fn run_init(dir: &Path, force: bool, out: &Printer) -> i32 {
    match init(dir, force) {
        Ok(files) => {
            let (d, n) = (dir.display(), files.len());
            let l = out.lang;
            println!(
                "{}",
                l.pick(
                    format!("đã tạo trang mới trong {d} ({n} tệp)"),
                    format!("created a new site in {d} ({n} files)"),
                )
            );
            println!(
                "{}",
                l.pick(
                    format!(
                        "tiếp theo: cd {d} && trangtin serve   (rồi mở http://127.0.0.1:1111/)"
                    ),
                    format!("next: cd {d} && trangtin serve   (then open http://127.0.0.1:1111/)"),
                )
            );
            0
        }
        Err(e) => {
            out.print_one(&e);
            1
        }
    }
}

/// The `new` command: prints the new file's path.
pub fn run_new(root: &Path, article: &NewArticle, out: &Printer) -> i32 {
    match new_article(root, article) {
        Ok(made) => {
            if let Some((other, slug)) = &made.clash {
                eprintln!("{}", clash_note(other, slug, out.lang));
            }
            println!("{}", root.join(made.rel).display());
            0
        }
        Err(e) => {
            out.print_one(&e);
            1
        }
    }
}

/// Said when the title's address was taken and the date was added to it.
fn clash_note(other: &Path, slug: &str, l: Lang) -> String {
    let other = other.display();
    l.pick(
        format!("bài {other} đã dùng địa chỉ của tiêu đề này; bài mới có địa chỉ `{slug}` (thêm ngày vào cuối), ghi ở mục `slug:`"),
        format!("{other} already has this title's web address; the new article gets `{slug}` (the date added), written as `slug:`"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_quotes_what_editors_type() {
        let fm = front_matter(
            "Hội nghị: \"tổng kết\" # 2024",
            "2024-01-02 08:00",
            &NewArticle {
                title: "",
                category: Some("Xây dựng Đảng"),
                org: None,
            },
        );
        assert!(fm.starts_with("---\ntitle: \"Hội nghị: \\\"tổng kết\\\" # 2024\"\ndate: \"2024-01-02 08:00\"\ncategory: \"Xây dựng Đảng\"\n"), "{fm}");
    }
}
