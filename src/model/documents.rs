//! Checks documents.yaml: files exist inside content/documents/, dates parse,
//! numbers are unique, `replaces` / `replaced_by` name known numbers and are
//! linked both ways, and each document's status is known or derived.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::msg::Doc as Say;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::document::{DocFile, Document, DocumentEntry, Status};
use crate::text::date::{self, When};
use crate::text::slug::slugify;

/// Where things are written in documents.yaml, for error positions.
struct Lines<'a> {
    places: crate::yaml::OnDemand<'a>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let places = crate::yaml::OnDemand::new(text, crate::yaml::Offset::FILE);
        Lines { places }
    }

    /// The line of `value` under `key` of entry `n` (of `key` alone when
    /// `value` is empty), else the entry's first line. Read only for a message.
    fn of(&self, n: usize, key: &str, value: &str) -> usize {
        let places = self.places.get();
        let path = format!("[{n}].{key}");
        let found = match value {
            "" => None,
            v => places.scalar_in(&path, v),
        };
        found
            .or_else(|| places.key(&path))
            .or_else(|| places.value(&format!("[{n}]")))
            .map_or(1, |a| a.line)
    }
}

/// Checks every entry; `today` decides the derived statuses.
pub fn check(
    root: &Path,
    entries: Vec<DocumentEntry>,
    text: &str,
    today: When,
) -> (Vec<Document>, Diagnostics) {
    let file = PathBuf::from("content/documents.yaml");
    let lines = Lines::new(text);
    let mut errors = Diagnostics::default();
    let mut err = |line: usize, m: Say| errors.push(Diagnostic::new(&file, m).at_line(line));
    let mut out = Vec::with_capacity(entries.len());
    let mut numbers: BTreeMap<String, usize> = BTreeMap::new();
    let mut slugs = BTreeMap::new();
    for (n, entry) in entries.into_iter().enumerate() {
        if let Some(num) = entry.number.as_deref().map(str::trim) {
            match numbers.get(num) {
                Some(&first) => err(
                    lines.of(n, "number", num),
                    Say::NumberTwice {
                        number: num.into(),
                        first: lines.of(first, "number", num),
                    },
                ),
                None => {
                    numbers.insert(num.to_string(), n);
                }
            }
        }
        let files = files(root, &entry, &lines, n, &mut err);
        let mut when = |key: &str, value: &Option<String>| {
            let v = value.as_deref()?;
            date::parse(v)
                .map_err(|why| {
                    let say = Say::BadDate {
                        key: key.into(),
                        value: v.into(),
                        why,
                    };
                    err(lines.of(n, key, v), say)
                })
                .ok()
        };
        let date = when("date", &entry.date);
        let effective = when("effective", &entry.effective);
        let expires = when("expires", &entry.expires);
        let status = entry.status.as_deref().and_then(|s| {
            Status::parse(s).or_else(|| {
                err(
                    lines.of(n, "status", s),
                    Say::BadStatus { status: s.into() },
                );
                None
            })
        });
        let mut slug = slugify(entry.number.as_deref().unwrap_or(&entry.title));
        if slug.is_empty() {
            slug = slugify(&entry.title);
        }
        let seen = slugs.entry(slug.clone()).or_insert(0);
        *seen += 1;
        if *seen > 1 {
            slug = format!("{slug}-{seen}");
        }
        out.push((
            n,
            Document {
                entry,
                slug,
                date,
                effective,
                expires,
                status,
                files,
                replaces: Vec::new(),
                replaced_by: Vec::new(),
            },
        ));
    }
    out.sort_by(|a, b| {
        b.1.date
            .cmp(&a.1.date)
            .then_with(|| a.1.slug.cmp(&b.1.slug))
    });
    let (order, mut docs): (Vec<usize>, Vec<Document>) = out.into_iter().unzip();
    link(&mut docs, &order, &lines, &mut err);
    for d in &mut docs {
        if d.status.is_none() {
            d.status = Status::derive(!d.replaced_by.is_empty(), d.effective, d.expires, today);
        }
    }
    (docs, errors)
}

/// The entry's files (`file:` then `files:`), each checked on disk.
fn files(
    root: &Path,
    entry: &DocumentEntry,
    lines: &Lines,
    n: usize,
    err: &mut impl FnMut(usize, Say),
) -> Vec<DocFile> {
    let listed = entry
        .file
        .iter()
        .map(|f| ("file", f.as_str(), None))
        .chain(entry.files.iter().map(|f| ("files", f.path(), f.label())));
    let mut out = Vec::new();
    for (key, written, label) in listed {
        let rel = written.trim().trim_start_matches('/').to_string();
        let line = || lines.of(n, key, written.trim());
        let inside = Path::new(&rel)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
            && rel.starts_with("documents/");
        if !inside {
            err(
                line(),
                Say::Outside {
                    rel,
                    key: key.into(),
                },
            );
            continue;
        }
        // A link out of the site is named here too, not only by the folder walk.
        let on_disk = match crate::load::inside::editor_path(root, &rel) {
            Ok(p) => root.join(p),
            Err(_) => {
                // `..` is refused above: what is left is a link out of the site.
                err(
                    line(),
                    Say::LinkOutside {
                        rel,
                        key: key.into(),
                    },
                );
                continue;
            }
        };
        match std::fs::metadata(on_disk) {
            Ok(m) if m.is_file() => out.push(DocFile {
                format: Path::new(&rel)
                    .extension()
                    .map(|e| e.to_string_lossy().to_uppercase())
                    .unwrap_or_default(),
                path: rel,
                label: label.map(str::to_string),
                size: m.len(),
            }),
            _ => err(
                line(),
                Say::MissingFile {
                    rel,
                    key: key.into(),
                },
            ),
        }
    }
    if entry.file.is_none() && entry.files.is_empty() {
        err(lines.of(n, "title", ""), Say::NoFile);
    }
    out
}

/// Fills `replaces` and `replaced_by` both ways from the numbers written.
/// `order[i]` is the entry number (in the file) of `docs[i]`.
fn link(docs: &mut [Document], order: &[usize], lines: &Lines, err: &mut impl FnMut(usize, Say)) {
    let by_number: BTreeMap<String, usize> = docs
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.entry.number.as_deref().map(|n| (n.trim().to_string(), i)))
        .collect();
    let mut pairs = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        for (key, list, newer_is_me) in [
            ("replaces", &d.entry.replaces.0, true),
            ("replaced_by", &d.entry.replaced_by.0, false),
        ] {
            for number in list {
                match by_number.get(number.trim()) {
                    Some(&j) if newer_is_me => pairs.push((i, j)),
                    Some(&j) => pairs.push((j, i)),
                    None => err(
                        lines.of(order[i], key, number.trim()),
                        Say::UnknownNumber {
                            key: key.into(),
                            number: number.trim().into(),
                        },
                    ),
                }
            }
        }
    }
    for (newer, older) in pairs {
        if !docs[newer].replaces.contains(&older) {
            docs[newer].replaces.push(older);
        }
        if !docs[older].replaced_by.contains(&newer) {
            docs[older].replaced_by.push(newer);
        }
    }
    for d in docs.iter_mut() {
        d.replaces.sort_unstable();
        d.replaced_by.sort_unstable();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checked(yaml: &str, files: &[&str]) -> (Vec<Document>, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/documents")).unwrap();
        for f in files {
            std::fs::write(dir.path().join("content/documents").join(f), "x").unwrap();
        }
        let entries: Vec<DocumentEntry> = serde_yaml::from_str(yaml).unwrap();
        let today = date::parse("2024-06-01").unwrap();
        let (docs, errors) = check(dir.path(), entries, yaml, today);
        (docs, errors.0.iter().map(|e| e.to_string()).collect())
    }

    #[test]
    fn replaced_both_ways_and_status_derived() {
        let yaml = "- number: 1-KH\n  title: Cũ\n  date: 2020-01-01\n  file: documents/a.pdf\n- number: 2-KH\n  title: Mới\n  date: 2023-01-01\n  effective: 2023-02-01\n  replaces: 1-KH\n  files: [documents/b.pdf, documents/b.docx]\n";
        let (docs, errors) = checked(yaml, &["a.pdf", "b.pdf", "b.docx"]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(docs[0].entry.title, "Mới");
        assert_eq!(docs[0].replaces, [1]);
        assert_eq!(docs[1].replaced_by, [0]);
        assert_eq!(docs[1].status, Some(Status::Replaced));
        assert_eq!(docs[0].status, Some(Status::InForce));
        assert_eq!(docs[0].files.len(), 2);
        assert_eq!(docs[0].files[1].format, "DOCX");
    }

    #[test]
    fn mistakes_are_named_with_their_lines() {
        let yaml = "- number: 1-KH\n  title: A\n  file: documents/a.pdf\n- number: 1-KH\n  title: B\n  replaced_by: 9-KH\n  files:\n    - documents/nope.pdf\n    - ../site.yaml\n";
        let (_, errors) = checked(yaml, &["a.pdf"]);
        assert_eq!(errors, [
            "content/documents.yaml:4: the number `1-KH` is already used by the document on line 1; each document needs its own number",
            "content/documents.yaml:8: the file `content/documents/nope.pdf` does not exist; put it in content/documents/ or fix `files:`",
            "content/documents.yaml:9: `files: ../site.yaml` is not inside content/documents/; write a path such as documents/ke-hoach-91.pdf",
            "content/documents.yaml:6: replaced_by: no document has the number `9-KH`; write the number exactly as in its `number:`, or add that document to content/documents.yaml",
        ]);
    }
}
