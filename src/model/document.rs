//! Documents of the library (văn bản), from `content/documents.yaml`: the
//! entries as written are in [`crate::input::document`].

use serde::Serialize;

pub use crate::input::document::{DocumentEntry, FileField, OneOrMany};
use crate::text::date::When;

/// Whether a document still applies (tình trạng hiệu lực).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    InForce,
    Expired,
    Replaced,
}

impl Status {
    /// The words an editor may write in `status:`, as slugs.
    const NAMES: [(&'static str, Status); 6] = [
        ("con-hieu-luc", Status::InForce),
        ("het-hieu-luc", Status::Expired),
        ("duoc-thay-the", Status::Replaced),
        ("in-force", Status::InForce),
        ("expired", Status::Expired),
        ("replaced", Status::Replaced),
    ];

    pub fn parse(text: &str) -> Option<Status> {
        let slug = crate::text::slug::slugify(text);
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == slug)
            .map(|(_, s)| *s)
    }

    /// Its address form in the library's filter (`?hieu-luc=het-hieu-luc`).
    pub fn slug(self) -> &'static str {
        match self {
            Status::InForce => "con-hieu-luc",
            Status::Expired => "het-hieu-luc",
            Status::Replaced => "duoc-thay-the",
        }
    }

    /// Its key in the theme's i18n file.
    pub fn word_key(self) -> &'static str {
        match self {
            Status::InForce => "status_in_force",
            Status::Expired => "status_expired",
            Status::Replaced => "status_replaced",
        }
    }

    /// What `status:` the editor did not write says: replaced when another
    /// document replaces it, expired after `expires`, in force from
    /// `effective`; unknown when none of these is written.
    pub fn derive(
        replaced: bool,
        effective: Option<When>,
        expires: Option<When>,
        today: When,
    ) -> Option<Status> {
        if replaced {
            Some(Status::Replaced)
        } else if expires.is_some_and(|e| e <= today) {
            Some(Status::Expired)
        } else if expires.is_some() || effective.is_some_and(|e| e <= today) {
            Some(Status::InForce)
        } else {
            None
        }
    }
}

/// One file of a document, checked: it exists under content/documents/.
#[derive(Debug, Clone, PartialEq)]
pub struct DocFile {
    /// Relative to content/: `documents/ke-hoach-91.pdf`.
    pub path: String,
    pub label: Option<String>,
    /// Size in bytes.
    pub size: u64,
    /// Upper-case extension: PDF, DOCX, TXT.
    pub format: String,
}

/// A checked document: its files exist, its dates parse, its links resolve.
#[derive(Debug, Clone)]
pub struct Document {
    pub entry: DocumentEntry,
    pub slug: String,
    pub date: Option<When>,
    pub effective: Option<When>,
    pub expires: Option<When>,
    pub status: Option<Status>,
    pub files: Vec<DocFile>,
    /// Indices into `Site::documents`, both ways filled in.
    pub replaces: Vec<usize>,
    pub replaced_by: Vec<usize>,
}

impl Document {
    /// Whether an article's `documents:` item names this document: one of its
    /// files, or its number.
    pub fn is_named(&self, name: &str) -> bool {
        let name = name.trim().trim_start_matches('/');
        self.files.iter().any(|f| f.path == name) || self.entry.number.as_deref() == Some(name)
    }
}

/// The build clock's day in the site's time zone, for the statuses worked out from dates.
pub fn today(settings: &crate::config::Settings) -> When {
    // The build clock, not the wall clock: `--clock` keeps builds byte-identical.
    When {
        at: settings.clock.now.date().at(0, 0, 0, 0),
        has_time: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::date::parse;

    #[test]
    fn status_words() {
        assert_eq!(Status::parse("Còn hiệu lực"), Some(Status::InForce));
        assert_eq!(Status::parse("được thay thế"), Some(Status::Replaced));
        assert_eq!(Status::parse("expired"), Some(Status::Expired));
        assert_eq!(Status::parse("tạm dừng"), None);
    }

    #[test]
    fn status_from_dates() {
        let d = |s| parse(s).ok();
        let today = parse("2024-06-01").unwrap();
        assert_eq!(
            Status::derive(true, None, None, today),
            Some(Status::Replaced)
        );
        assert_eq!(
            Status::derive(false, d("2020-01-01"), d("2024-06-01"), today),
            Some(Status::Expired)
        );
        assert_eq!(
            Status::derive(false, None, d("2024-06-02"), today),
            Some(Status::InForce)
        );
        assert_eq!(
            Status::derive(false, d("2024-01-01"), None, today),
            Some(Status::InForce)
        );
        assert_eq!(Status::derive(false, d("2024-07-01"), None, today), None);
        assert_eq!(Status::derive(false, None, None, today), None);
    }

    #[test]
    fn one_or_many() {
        let one: DocumentEntry =
            serde_yaml::from_str("title: A\nfile: documents/a.pdf\nreplaces: 1-KH\n").unwrap();
        assert_eq!(one.replaces.0, ["1-KH"]);
        let many: DocumentEntry =
            serde_yaml::from_str("title: A\nfiles: [documents/a.pdf, {path: documents/a.docx, label: Bản Word}]\nreplaced_by: [1-KH, 2-KH]\n").unwrap();
        assert_eq!(many.replaced_by.0, ["1-KH", "2-KH"]);
        assert_eq!(many.files[1].label(), Some("Bản Word"));
    }
}
