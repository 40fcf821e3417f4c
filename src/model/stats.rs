//! Key figures: the items of a `stats` block and of the home page's headline figures.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct StatItem {
    pub label: String,
    pub value: f64,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// When given, the page shows the share of the target reached and whether it is met.
    #[serde(default)]
    pub target: Option<f64>,
    /// An organization id; the figure also shows on that organization's page.
    #[serde(default)]
    pub org: Option<String>,
}
