//! One leader (lãnh đạo) as written in `content/people.yaml`.

use serde::{Deserialize, Serialize};

/// One leader as written in people.yaml. Unknown fields are errors.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name: String,
    /// Chức vụ: "Bí thư Tỉnh ủy".
    pub position: String,
    #[serde(default)]
    pub org: Option<String>,
    /// Nhiệm kỳ: "2020–2025".
    #[serde(default)]
    pub term: Option<String>,
    /// A file under content/ (media/…).
    #[serde(default)]
    pub photo: Option<String>,
    #[serde(default)]
    pub bio: Option<String>,
    /// Place in the leaders list (smaller first); unordered people follow.
    #[serde(default)]
    pub order: Option<i64>,
}
