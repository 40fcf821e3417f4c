//! Two articles (or two pages) with one slug: the error names both files and
//! proposes a slug that nothing in the site uses, ready to paste.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use jiff::civil::Date;

use crate::diagnostic::msg::article::Owner;
use crate::diagnostic::msg::Article as Say;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::site::urls;

/// One article or page: its slug, its file, its date (pages have none).
pub struct Named<'a> {
    pub slug: &'a str,
    pub path: &'a Path,
    pub date: Option<Date>,
}

/// Every address already in use: slugs of articles and pages, the site's
/// own sections, and the files `aliases:` become.
pub struct Taken {
    slugs: BTreeSet<String>,
    alias_files: BTreeSet<String>,
}

impl Taken {
    pub fn new<'a>(
        slugs: impl IntoIterator<Item = &'a str>,
        alias_files: impl IntoIterator<Item = &'a str>,
    ) -> Taken {
        let mut all: BTreeSet<String> = slugs.into_iter().map(str::to_string).collect();
        all.extend(urls::RESERVED.iter().map(|s| s.to_string()));
        Taken {
            slugs: all,
            alias_files: alias_files.into_iter().map(str::to_string).collect(),
        }
    }

    fn has(&self, slug: &str) -> bool {
        let file = |url: String| format!("{url}index.html");
        self.slugs.contains(slug)
            || self.alias_files.contains(&file(urls::article(slug)))
            || self.alias_files.contains(&file(urls::page(slug)))
    }

    /// A slug like `slug` that nothing uses: `slug-2023-03-10` (the date of
    /// the later of the two) when free, else `slug-2`, `slug-3`, …. Once
    /// proposed it counts as taken, so two proposals never collide.
    pub fn free(&mut self, slug: &str, date: Option<Date>) -> String {
        let dated = date.map(|d| format!("{slug}-{d}"));
        let numbered = (2..).map(|n| format!("{slug}-{n}"));
        let found = dated
            .into_iter()
            .chain(numbered)
            .find(|c| !self.has(c))
            .expect("an endless list of candidates has a free one");
        self.slugs.insert(found.clone());
        found
    }
}

/// One error per file that repeats a slug used before it (in path order).
pub fn duplicates(items: &[Named], of: Owner, taken: &mut Taken) -> Diagnostics {
    let mut seen: BTreeMap<&str, &Named> = BTreeMap::new();
    let mut errors = Diagnostics::default();
    for item in items {
        let Some(first) = seen.insert(item.slug, item) else {
            continue;
        };
        let (a, b) = if first.path < item.path {
            (first, item)
        } else {
            (item, first)
        };
        let later = a.date.max(b.date);
        let say = Say::DuplicateSlug {
            of,
            slug: item.slug.to_string(),
            first: a.path.display().to_string(),
            second: b.path.display().to_string(),
            free: taken.free(item.slug, later),
        };
        errors.push(Diagnostic::new(b.path, say));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    fn day(d: &str) -> Option<Date> {
        Some(d.parse().unwrap())
    }

    #[test]
    fn proposes_the_later_date_then_numbers() {
        let mut taken = Taken::new(["hoi-nghi", "hoi-nghi-2023-03-10"], []);
        assert_eq!(
            taken.free("dai-hoi", day("2023-03-10")),
            "dai-hoi-2023-03-10"
        );
        // The dated slug is taken: the next free number.
        assert_eq!(taken.free("hoi-nghi", day("2023-03-10")), "hoi-nghi-2");
        // The proposal just made is taken too.
        assert_eq!(taken.free("hoi-nghi", None), "hoi-nghi-3");
    }

    #[test]
    fn alias_addresses_are_taken() {
        let mut taken = Taken::new([], ["tin-tuc/hop-2/index.html", "hop-3/index.html"]);
        assert_eq!(taken.free("hop", None), "hop-4");
    }

    #[test]
    fn the_error_names_both_files_and_a_free_slug() {
        let items = [
            Named {
                slug: "hop",
                path: Path::new("content/articles/b.md"),
                date: day("2023-03-10"),
            },
            Named {
                slug: "hop",
                path: Path::new("content/articles/a.md"),
                date: day("2023-01-02"),
            },
        ];
        let mut taken = Taken::new(["hop", "hop-2023-03-10"], []);
        let errors = duplicates(&items, Owner::Article, &mut taken);
        assert_eq!(
            errors.to_string(),
            "content/articles/b.md: two articles have the slug `hop`: content/articles/a.md and content/articles/b.md; give one of them `slug: hop-2`\n"
        );
        let vi = errors.0[0].message(Lang::Vi);
        assert!(vi.contains("`slug: hop-2`"), "{vi}");
        assert!(vi.starts_with("hai bài viết có cùng địa chỉ"), "{vi}");
    }
}
