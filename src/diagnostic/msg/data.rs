//! YAML datasets and the week schedule files.

use strum::IntoStaticStr;

use super::list;
use crate::text::Lang;

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Data {
    NoRows,
    UnknownColumn { column: String, declared: Vec<String> },
    WeekFileName { name: String },
}

impl Data {
    pub fn text(&self, l: Lang) -> String {
        match self {
            Data::NoRows => l.pick(
                "bộ số liệu chưa có dòng nào; cần mục `rows:` với ít nhất một dòng `- { cột: giá trị, … }`",
                "the dataset has no rows; expected `rows:` with at least one `- { column: value, … }`",
            ).into(),
            Data::UnknownColumn { column, declared } => l.pick(
                format!("một dòng có cột `{column}` chưa được khai báo; các cột đã khai báo: {}", list(declared, l)),
                format!("unknown column `{column}` in a row; the columns declared are: {}", declared.join(", ")),
            ),
            Data::WeekFileName { name } => l.pick(
                format!("tên tệp `{name}` không phải là một tuần theo ISO; hãy đặt tên tệp của mỗi tuần như 2026-W49.yaml (năm, chữ W, số tuần hai chữ số)"),
                format!("the file name `{name}` is not an ISO week; name each week's file like 2026-W49.yaml (year, W, two-digit week number)"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_is_said_in_both_languages() {
        crate::diagnostic::msg::says_both([
            Data::NoRows,
            Data::UnknownColumn { column: "nam".into(), declared: vec!["org".into()] },
            Data::WeekFileName { name: "x.yaml".into() },
        ]);
    }
}
