//! The committee tree from `content/organizations.yaml`.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default, alias = "short")]
    pub short_name: Option<String>,
    #[serde(default)]
    pub contact: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    /// Điện thoại, shown with a `tel:` link.
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub fax: Option<String>,
    /// Thư điện tử, shown with a `mailto:` link.
    #[serde(default)]
    pub email: Option<String>,
    /// Người liên hệ (cán bộ đầu mối).
    #[serde(default)]
    pub contact_person: Option<String>,
}

impl Organization {
    /// Whether any contact detail is written, so the unit has a contact page.
    pub fn has_contacts(&self) -> bool {
        [
            &self.address,
            &self.phone,
            &self.fax,
            &self.email,
            &self.website,
            &self.contact_person,
            &self.contact,
        ]
        .iter()
        .any(|f| f.is_some())
    }
}

/// The `tel:` address of a phone number as written (`0235 3851 234` →
/// `tel:02353851234`); None when it holds no digit.
pub fn tel_href(phone: &str) -> Option<String> {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    digits
        .chars()
        .any(|c| c.is_ascii_digit())
        .then(|| format!("tel:{digits}"))
}

/// Whether `email` is plain enough to become a `mailto:` link.
pub fn plain_email(email: &str) -> bool {
    let mut parts = email.split('@');
    let (Some(user), Some(host), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !user.is_empty()
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && email
            .chars()
            .all(|c| c.is_alphanumeric() || "._%+-@".contains(c))
}
