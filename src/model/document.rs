//! Documents offered for download, from `content/documents.yaml`.

use serde::{Deserialize, Serialize};

use crate::text::date::When;

/// One entry of documents.yaml, as written.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DocumentEntry {
    #[serde(default)]
    pub number: Option<String>,
    pub title: String,
    #[serde(default)]
    pub issuer: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    pub file: String,
}

/// A checked document: its file exists and its date parses.
#[derive(Debug, Clone)]
pub struct Document {
    pub entry: DocumentEntry,
    pub slug: String,
    pub date: Option<When>,
    /// Size of the file in bytes.
    pub size: u64,
    /// Upper-case file extension: PDF, DOCX, TXT.
    pub format: String,
}
