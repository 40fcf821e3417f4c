//! One entry of the library (văn bản) as written in `content/documents.yaml`.

use serde::{Deserialize, Serialize};

/// One entry of documents.yaml, as written.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DocumentEntry {
    #[serde(default)]
    pub number: Option<String>,
    pub title: String,
    #[serde(default)]
    pub issuer: Option<String>,
    /// Người ký.
    #[serde(default)]
    pub signer: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    /// Lĩnh vực.
    #[serde(default)]
    pub field: Option<String>,
    /// Ngày ban hành.
    #[serde(default)]
    pub date: Option<String>,
    /// Ngày có hiệu lực.
    #[serde(default)]
    pub effective: Option<String>,
    /// Ngày hết hiệu lực.
    #[serde(default)]
    pub expires: Option<String>,
    /// Written status; else derived from `expires` and `replaced_by`.
    #[serde(default)]
    pub status: Option<String>,
    /// Numbers of the documents this one replaces.
    #[serde(default)]
    pub replaces: OneOrMany,
    /// Numbers of the documents that replace this one.
    #[serde(default)]
    pub replaced_by: OneOrMany,
    #[serde(default)]
    pub summary: Option<String>,
    /// The older single-file form; `files` lists several.
    #[serde(default)]
    pub file: Option<String>,
    #[serde(default)]
    pub files: Vec<FileField>,
}

/// `replaces: 91-KH/TU` or `replaces: [91-KH/TU, 05-CT/TU]`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(from = "OneOrManyRaw")]
pub struct OneOrMany(pub Vec<String>);

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrManyRaw {
    One(String),
    Many(Vec<String>),
}

impl From<OneOrManyRaw> for OneOrMany {
    fn from(r: OneOrManyRaw) -> Self {
        match r {
            OneOrManyRaw::One(s) => OneOrMany(vec![s]),
            OneOrManyRaw::Many(v) => OneOrMany(v),
        }
    }
}

/// One of `files:`: a path, or `{ path, label }` (label: "Bản ký số").
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(untagged)]
pub enum FileField {
    Path(String),
    Labelled {
        path: String,
        #[serde(default)]
        label: Option<String>,
    },
}

impl FileField {
    pub fn path(&self) -> &str {
        match self {
            FileField::Path(p) | FileField::Labelled { path: p, .. } => p,
        }
    }
    pub fn label(&self) -> Option<&str> {
        match self {
            FileField::Path(_) => None,
            FileField::Labelled { label, .. } => label.as_deref(),
        }
    }
}
