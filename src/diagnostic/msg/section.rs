//! The site's own sections written as YAML: leaders (content/people.yaml)
//! and the weekly work schedule (content/schedule/).

use strum::IntoStaticStr;

use super::list;
use crate::text::Lang;

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Section {
    PersonTwice { id: String, first: usize },
    BadPersonId { id: String },
    PhotoPath { photo: String },
    PhotoMissing { photo: String },
    /// `known`: some ids people.yaml has (empty: it lists no one).
    UnknownPerson { id: String, known: Vec<String> },
    /// `why`: what the date reader found wrong with `value`.
    BadDate { value: String, why: super::Date },
    OutsideWeek { date: String, week: String },
    BadSession { session: String },
    BadTime { time: String },
    SessionAndTime,
}

impl Section {
    pub fn text(&self, l: Lang) -> String {
        use Section::*;
        match self {
            PersonTwice { id, first } => l.pick(
                format!("mã `{id}` bị dùng hai lần (lần đầu ở dòng {first}); hãy cho mỗi người một mã riêng"),
                format!("the id `{id}` is used twice (first on line {first}); give each person their own id"),
            ),
            BadPersonId { id } => l.pick(
                format!("mã `{id}` chỉ được gồm chữ thường không dấu a–z, chữ số và `-` (đây là địa chỉ trang của người đó); hãy viết như `nguyen-van-a`"),
                format!("the id `{id}` may hold only lower-case letters a–z, digits and `-` (it is the person's web address); write it like `nguyen-van-a`"),
            ),
            PhotoPath { photo } => l.pick(
                format!("photo: `{photo}` phải là một tệp trong content/, ví dụ media/lanh-dao/ten.jpg (không có `..`, không bắt đầu bằng `/`, không phải địa chỉ web)"),
                format!("photo: `{photo}` must be a file inside content/, such as media/lanh-dao/ten.jpg (no `..`, no leading `/`, no web address)"),
            ),
            PhotoMissing { photo } => l.pick(
                format!("photo: không có tệp `content/{photo}`; hãy đặt ảnh vào đó hoặc sửa lại tên"),
                format!("photo: the file `content/{photo}` does not exist; put the photo there or fix the name"),
            ),
            UnknownPerson { id, known } if known.is_empty() => l.pick(
                format!("không có người có mã `{id}`; content/people.yaml chưa ghi ai"),
                format!("unknown person `{id}`; content/people.yaml lists no one"),
            ),
            UnknownPerson { id, known } => l.pick(
                format!("không có người có mã `{id}`; people.yaml có: {}", list(known, l)),
                format!("unknown person `{id}`; people.yaml has: {}", known.join(", ")),
            ),
            BadDate { why, .. } => format!("date: {}", why.text(l)),
            OutsideWeek { date, week } => l.pick(
                format!("date: ngày `{date}` không thuộc tuần {week}; hãy chuyển việc này sang tệp của tuần đó hoặc sửa lại ngày"),
                format!("date: `{date}` is not in week {week}; move the item to that week's file or fix the date"),
            ),
            BadSession { session } => l.pick(
                format!("session: `{session}` không phải một buổi; hãy viết sáng, chiều hoặc tối (hoặc ghi `time: HH:MM` thay vào)"),
                format!("session: `{session}` is not a session; write sáng, chiều or tối (or give `time: HH:MM` instead)"),
            ),
            BadTime { time } => l.pick(
                format!("time: `{time}` không phải giờ; hãy viết dạng HH:MM, ví dụ 08:00"),
                format!("time: `{time}` is not a time; write it as HH:MM, like 08:00"),
            ),
            SessionAndTime => l.pick(
                "một việc có cả `session` lẫn `time`; hãy giữ lại một mục",
                "an item has both `session` and `time`; keep one",
            ).into(),
        }
    }
}
