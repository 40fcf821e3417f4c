//! content/organizations.yaml, and every `org:` that names one of its units.

use strum::IntoStaticStr;

use super::list;
use crate::text::Lang;

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Org {
    /// `known`: some of the ids organizations.yaml has (empty: it has none).
    Unknown { id: String, known: Vec<String> },
    BadId { id: String },
    Twice { id: String },
    UnknownParent { child: String, id: String, known: Vec<String> },
    /// The ids around the cycle, first one repeated at the end.
    Cycle { chain: Vec<String> },
    /// `key` is `phone` or `fax`.
    NoDigits { key: String, org: String, value: String },
    BadEmail { org: String, value: String },
}

fn unknown(id: &str, known: &[String], l: Lang) -> String {
    if known.is_empty() {
        l.pick(
            format!("không có tổ chức `{id}`; tệp content/organizations.yaml chưa ghi tổ chức nào"),
            format!("unknown organization `{id}`; content/organizations.yaml lists no organizations"),
        )
    } else {
        l.pick(
            format!("không có tổ chức `{id}`; organizations.yaml có: {}", list(known, l)),
            format!("unknown organization `{id}`; organizations.yaml has: {}", known.join(", ")),
        )
    }
}

impl Org {
    pub fn text(&self, l: Lang) -> String {
        use Org::*;
        match self {
            Unknown { id, known } => unknown(id, known, l),
            BadId { id } => l.pick(
                format!("mã tổ chức `{id}` chỉ được gồm chữ cái không dấu, chữ số và `-`, ví dụ `thai-hoa`"),
                format!("organization id `{id}` must be ASCII letters, digits and `-`, like `thai-hoa`"),
            ),
            Twice { id } => l.pick(
                format!("mã tổ chức `{id}` bị dùng hai lần; mỗi tổ chức cần một mã riêng"),
                format!("organization id `{id}` is used twice; each id must be unique"),
            ),
            UnknownParent { child, id, known } => l.pick(
                format!("cấp trên (`parent:`) của `{child}`: {}", unknown(id, known, l)),
                format!("parent of `{child}`: {}", unknown(id, known, l)),
            ),
            Cycle { chain } => l.pick(
                format!("cây tổ chức bị vòng lặp: {}; một đơn vị không thể là cấp trên của chính mình", chain.join(" → ")),
                format!("the organization tree has a cycle: {}; a unit cannot be its own ancestor", chain.join(" → ")),
            ),
            NoDigits { key, org, value } => l.pick(
                format!("{key} của `{org}`: `{value}` không có chữ số nào; hãy viết số như khi bấm gọi, ví dụ 0235 3851 234"),
                format!("{key} of `{org}`: `{value}` holds no digits; write the number as it is dialled, like 0235 3851 234"),
            ),
            BadEmail { org, value } => l.pick(
                format!("email của `{org}`: `{value}` không phải địa chỉ email; hãy viết như vanphong@tamky.dcs.vn"),
                format!("email of `{org}`: `{value}` is not an email address; write it like vanphong@tamky.dcs.vn"),
            ),
        }
    }
}
