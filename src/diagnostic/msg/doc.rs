//! content/documents.yaml: the library of documents (văn bản).

use strum::IntoStaticStr;

use crate::text::Lang;

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Doc {
    MissingFile { rel: String, key: String },
    Outside { rel: String, key: String },
    LinkOutside { rel: String, key: String },
    NoFile,
    NumberTwice { number: String, first: usize },
    UnknownNumber { key: String, number: String },
    BadStatus { status: String },
    /// `why`: what the date reader found wrong with `value`.
    BadDate { key: String, value: String, why: super::Date },
}

impl Doc {
    pub fn text(&self, l: Lang) -> String {
        use Doc::*;
        match self {
            MissingFile { rel, key } => l.pick(
                format!("không có tệp `content/{rel}`; hãy đặt tệp vào content/documents/ hoặc sửa mục `{key}:`"),
                format!("the file `content/{rel}` does not exist; put it in content/documents/ or fix `{key}:`"),
            ),
            Outside { rel, key } => l.pick(
                format!("`{key}: {rel}` không nằm trong thư mục content/documents/; hãy viết đường dẫn như documents/ke-hoach-91.pdf"),
                format!("`{key}: {rel}` is not inside content/documents/; write a path such as documents/ke-hoach-91.pdf"),
            ),
            LinkOutside { rel, key } => l.pick(
                format!("{key}: `{rel}` là liên kết tới một tệp nằm ngoài thư mục trang; trangtin không đọc gì ngoài thư mục trang: hãy chép tệp vào trong thư mục trang thay vì tạo liên kết"),
                format!("{key}: `{rel}` is a link to a file outside the site folder; trangtin reads nothing outside the site folder: copy the file into the site instead of linking to it"),
            ),
            NoFile => l.pick(
                "văn bản này chưa có tệp; hãy thêm `file: documents/….pdf` hoặc một danh sách `files:`",
                "this document has no file; add `file: documents/….pdf` or a `files:` list",
            ).into(),
            NumberTwice { number, first } => l.pick(
                format!("số hiệu `{number}` đã được dùng cho văn bản ở dòng {first}; mỗi văn bản cần một số hiệu riêng"),
                format!("the number `{number}` is already used by the document on line {first}; each document needs its own number"),
            ),
            UnknownNumber { key, number } => l.pick(
                format!("{key}: không có văn bản nào mang số hiệu `{number}`; hãy viết số hiệu đúng như ở mục `number:` của văn bản đó, hoặc thêm văn bản đó vào content/documents.yaml"),
                format!("{key}: no document has the number `{number}`; write the number exactly as in its `number:`, or add that document to content/documents.yaml"),
            ),
            BadStatus { status } => l.pick(
                format!("không nhận ra tình trạng `{status}`; phải là `còn hiệu lực`, `hết hiệu lực` hoặc `được thay thế` (hoặc bỏ mục này để trangtin tự suy ra từ `expires` và `replaced_by`)"),
                format!("unknown status `{status}`; expected `còn hiệu lực`, `hết hiệu lực` or `được thay thế` (or leave it out to have it worked out from `expires` and `replaced_by`)"),
            ),
            BadDate { key, why, .. } => format!("{key}: {}", why.text(l)),
        }
    }
}
