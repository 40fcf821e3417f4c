//! Blocks in an article's body (```chart, ```table, ```stats) checked
//! against the site's charts and data.

use strum::IntoStaticStr;

use super::list;
use crate::text::Lang;

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Block {
    UnknownChart { id: String, known: Vec<String> },
    UnknownDataset { id: String, known: Vec<String> },
    UnknownColumn { column: String, dataset: String, known: Vec<String> },
    FilterMatchesNothing { dataset: String },
}

impl Block {
    pub fn text(&self, l: Lang) -> String {
        use Block::*;
        match self {
            UnknownChart { id, known } if known.is_empty() => l.pick(
                format!("không có biểu đồ `{id}`; thư mục content/charts/ chưa có biểu đồ nào"),
                format!("unknown chart `{id}`; content/charts/ has: no charts"),
            ),
            UnknownChart { id, known } => l.pick(
                format!("không có biểu đồ `{id}`; thư mục content/charts/ có: {}", list(known, l)),
                format!("unknown chart `{id}`; content/charts/ has: {}", known.join(", ")),
            ),
            UnknownDataset { id, known } => l.pick(
                format!("không có bộ số liệu `{id}`; thư mục content/data/ có: {}", list(known, l)),
                format!("unknown dataset `{id}`; content/data/ has: {}", known.join(", ")),
            ),
            UnknownColumn { column, dataset, known } => l.pick(
                format!("không có cột `{column}`; bộ số liệu {dataset} có các cột: {}", list(known, l)),
                format!("unknown column `{column}`; the dataset {dataset} has: {}", known.join(", ")),
            ),
            FilterMatchesNothing { dataset } => l.pick(
                format!("bộ lọc (`filter:`) không khớp dòng nào của bộ số liệu {dataset}; hãy kiểm tra lại các giá trị"),
                format!("the filter matches no row of the dataset {dataset}; check the values"),
            ),
        }
    }
}
