//! YAML as written: syntax, and the shape serde expects (fields, types, names).
//!
//! `yaml::parse` reads the parser's English once into these variants, so each
//! can be said in either language.

use strum::IntoStaticStr;

use super::list;
use crate::text::Lang;

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Yaml {
    Empty,
    UnclosedQuote,
    ColonInValue,
    /// A plain value holding `: `, read as if quoted (a warning).
    ColonValueRead,
    /// `field` is where the problem is (`count`), when nested (`None` at the top).
    UnknownField {
        at: Option<String>,
        field: String,
        expected: Vec<String>,
    },
    MissingField {
        at: Option<String>,
        field: String,
    },
    DuplicateField {
        at: Option<String>,
        field: String,
    },
    /// `found` is serde's description (`string "nhiều"`, `map`), `expected`
    /// what the field takes, in English (`a whole number`).
    InvalidType {
        at: Option<String>,
        found: String,
        expected: String,
    },
    InvalidValue {
        at: Option<String>,
        found: String,
        expected: String,
    },
    UnknownVariant {
        at: Option<String>,
        variant: String,
        expected: Vec<String>,
    },
    /// A value that fits none of a field's accepted forms; `of` names the
    /// Rust type (never shown), for callers that say the forms.
    NoForm { at: Option<String>, of: String },
    /// `check --fix` found the file changed between reading and writing it.
    ChangedWhileFixing,
    /// What the scanner said, untranslated (kept in English in parentheses).
    Syntax { detail: String },
}

impl Yaml {
    pub fn text(&self, l: Lang) -> String {
        match self {
            Yaml::Empty => l.pick(
                "phần YAML này trống; cần ghi các mục cài đặt ở đây",
                "the YAML is empty; expected some settings here",
            ).into(),
            Yaml::UnclosedQuote => l.pick(
                "đoạn chữ mở ngoặc kép ở đây chưa được đóng; hãy thêm dấu ngoặc kép đóng (\")",
                "the quoted text that starts here is not closed; add the closing quote (\")",
            ).into(),
            Yaml::ColonInValue => l.pick(
                "giá trị không đặt trong ngoặc kép thì không được chứa dấu hai chấm theo sau là dấu cách; hãy đặt cả giá trị trong dấu ngoặc kép (\"…\")",
                "a colon followed by a space cannot appear in a value without quotes; put the whole value in double quotes (\"…\")",
            ).into(),
            Yaml::ColonValueRead => l.pick(
                "giá trị này chứa dấu hai chấm nên được đọc như văn bản; đặt giá trị trong dấu ngoặc kép (`trangtin check --fix` làm việc này)",
                "this value holds a colon and was read as text; quote this value (`trangtin check --fix` does it)",
            ).into(),
            Yaml::UnknownField { at, field, expected } => prefixed(at, l.pick(
                format!("không có mục `{field}`; các mục được dùng: {}", list(expected, l)),
                english_unknown("field", field, expected),
            )),
            Yaml::MissingField { at, field } => prefixed(at, l.pick(
                format!("thiếu mục `{field}`"),
                format!("missing field `{field}`"),
            )),
            Yaml::DuplicateField { at, field } => prefixed(at, l.pick(
                format!("mục `{field}` được ghi hai lần; hãy giữ một"),
                format!("duplicate field `{field}`"),
            )),
            Yaml::InvalidType { at, found, expected } => prefixed(at, l.pick(
                format!("cần {}, nhưng giá trị ở đây là {}", expected_vi(expected), found_vi(found)),
                format!("invalid type: {found}, expected {expected}"),
            )),
            Yaml::InvalidValue { at, found, expected } => prefixed(at, l.pick(
                format!("giá trị {} không hợp lệ; cần {}", found_vi(found), expected_vi(expected)),
                format!("invalid value: {found}, expected {expected}"),
            )),
            Yaml::UnknownVariant { at, variant, expected } => prefixed(at, l.pick(
                format!("không nhận ra giá trị `{variant}`; các giá trị được dùng: {}", list(expected, l)),
                english_unknown("variant", variant, expected),
            )),
            Yaml::NoForm { at, .. } => prefixed(at, l.pick(
                "giá trị này không đúng dạng nào được chấp nhận".to_string(),
                "this value has none of the accepted forms".to_string(),
            )),
            Yaml::ChangedWhileFixing => l.pick(
                "tệp đã thay đổi trong lúc đang sửa nên chưa được sửa; hãy lưu tệp rồi chạy lại `trangtin check --fix`",
                "the file changed while it was being fixed, so it was left as it is; save it and run `trangtin check --fix` again",
            ).into(),
            Yaml::Syntax { detail } => l.pick(
                format!("cách viết YAML ở đây không hợp lệ; hãy kiểm tra dấu ngoặc, dấu phẩy, dấu hai chấm và khoảng thụt đầu dòng ({detail})"),
                detail.clone(),
            ),
        }
    }
}

fn prefixed(at: &Option<String>, text: String) -> String {
    match at {
        Some(at) => format!("{at}: {text}"),
        None => text,
    }
}

/// serde's own English: `unknown field `x`, expected one of `a`, `b``.
fn english_unknown(what: &str, name: &str, expected: &[String]) -> String {
    let quoted: Vec<String> = expected.iter().map(|e| format!("`{e}`")).collect();
    match quoted.as_slice() {
        [] => format!("unknown {what} `{name}`, there are no {what}s"),
        [one] => format!("unknown {what} `{name}`, expected {one}"),
        [a, b] => format!("unknown {what} `{name}`, expected {a} or {b}"),
        all => format!("unknown {what} `{name}`, expected one of {}", all.join(", ")),
    }
}

/// serde's description of a value (`string "x"`, `integer `5``) in Vietnamese.
fn found_vi(found: &str) -> String {
    for (en, vi) in [
        ("string ", "văn bản "),
        ("integer ", "số nguyên "),
        ("floating point ", "số thập phân "),
        ("boolean ", "đúng/sai "),
        ("character ", "ký tự "),
    ] {
        if let Some(rest) = found.strip_prefix(en) {
            return format!("{vi}{rest}");
        }
    }
    match found {
        "map" => "một nhóm mục (`tên: giá trị`)".into(),
        "sequence" => "một danh sách".into(),
        "unit value" => "giá trị rỗng".into(),
        other => format!("`{other}`"),
    }
}

/// What a field takes, in Vietnamese; names serde gives that have no
/// translation stay in backticks.
fn expected_vi(expected: &str) -> String {
    match expected {
        "a whole number" => "một số nguyên".into(),
        "a number" => "một số".into(),
        "text" | "a string" => "văn bản".into(),
        "a list" => "một danh sách (mỗi mục một dòng bắt đầu bằng `- `)".into(),
        "a boolean" => "`true` hoặc `false`".into(),
        "a mapping of names to values" => "một nhóm mục (`tên: giá trị`)".into(),
        other if other.starts_with("struct ") || other.starts_with("a map") => {
            "một nhóm mục (`tên: giá trị`)".into()
        }
        other => format!("`{other}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_is_said_in_both_languages() {
        let at = Some("count".to_string());
        let all = [
            Yaml::Empty,
            Yaml::UnclosedQuote,
            Yaml::ColonInValue,
            Yaml::ColonValueRead,
            Yaml::ChangedWhileFixing,
            Yaml::UnknownField { at: None, field: "x".into(), expected: vec!["a".into()] },
            Yaml::MissingField { at: at.clone(), field: "x".into() },
            Yaml::DuplicateField { at: None, field: "x".into() },
            Yaml::InvalidType { at: at.clone(), found: "map".into(), expected: "a list".into() },
            Yaml::InvalidValue { at: None, found: "integer `5`".into(), expected: "x".into() },
            Yaml::UnknownVariant { at: None, variant: "x".into(), expected: vec![] },
            Yaml::NoForm { at, of: "SourceField".into() },
            Yaml::Syntax { detail: "did not find expected key".into() },
        ];
        crate::diagnostic::msg::says_both(all);
    }

    #[test]
    fn english_keeps_serde_wording() {
        let k = Yaml::UnknownField {
            at: None,
            field: "foo".into(),
            expected: vec!["title".into(), "count".into()],
        };
        assert_eq!(k.text(Lang::En), "unknown field `foo`, expected `title` or `count`");
        let k = Yaml::InvalidType {
            at: Some("page_size".into()),
            found: "string \"mười\"".into(),
            expected: "a whole number".into(),
        };
        assert_eq!(
            k.text(Lang::Vi),
            "page_size: cần một số nguyên, nhưng giá trị ở đây là văn bản \"mười\""
        );
    }
}
