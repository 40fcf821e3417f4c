//! Articles and pages checked against the rest of the site: front matter
//! values, slugs, aliases, the documents and people they name.

use strum::IntoStaticStr;

use crate::text::Lang;

/// Whose front matter: an article's or a page's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Article,
    Page,
}

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Article {
    NoTitle { of: Owner },
    NoDate,
    /// `why`: what the date reader found wrong with `value`.
    BadDate { key: String, value: String, why: super::Date },
    ExpiresBeforeDate { value: String },
    UnknownDocument { name: String },
    NoSlug { from: String },
    PageSlugReserved { slug: String },
    /// `first` and `second` are the two files; `free` a slug nothing uses.
    DuplicateSlug {
        of: Owner,
        slug: String,
        first: String,
        second: String,
        free: String,
    },
    AliasFullUrl { alias: String },
    AliasNoSlash { alias: String },
    AliasBadChars { alias: String },
    AliasDots { alias: String },
    AliasHome { alias: String },
}

impl Article {
    pub fn text(&self, l: Lang) -> String {
        use Article::*;
        match self {
            NoTitle { of: Owner::Article } => l.pick(
                "thiếu mục `title:`; phần đầu bài cần tiêu đề của bài viết",
                "missing `title`; expected the article's headline in the front matter",
            ).into(),
            NoTitle { of: Owner::Page } => l.pick(
                "thiếu mục `title:`; phần đầu bài cần tên của trang",
                "missing `title`; expected the page's title in the front matter",
            ).into(),
            NoDate => l.pick(
                "thiếu mục `date:`; cần ngày đăng bài dạng YYYY-MM-DD hoặc \"YYYY-MM-DD HH:MM\"",
                "missing `date`; expected the publication date as YYYY-MM-DD or \"YYYY-MM-DD HH:MM\"",
            ).into(),
            BadDate { key, why, .. } => format!("{key}: {}", why.text(l)),
            ExpiresBeforeDate { value } => l.pick(
                format!("expires: `{value}` không muộn hơn ngày đăng (`date`) của bài, nên bài sẽ không bao giờ hiện ra; hãy ghi thời điểm muộn hơn hoặc bỏ mục `expires`"),
                format!("expires: `{value}` is not after the article's `date`, so it would never be shown; give a later time or remove `expires`"),
            ),
            UnknownDocument { name } => l.pick(
                format!("không có văn bản `{name}`; hãy ghi văn bản đó vào content/documents.yaml (và đặt tệp của nó trong content/documents/)"),
                format!("unknown document `{name}`; list it in content/documents.yaml (with its file in content/documents/)"),
            ),
            NoSlug { from } => l.pick(
                format!("không tạo được địa chỉ (slug) từ `{from}`; hãy ghi mục `slug:` có chữ cái hoặc chữ số"),
                format!("cannot make a web address from `{from}`; give a `slug:` with letters or digits"),
            ),
            PageSlugReserved { slug } => l.pick(
                format!("địa chỉ (slug) `{slug}` của trang trùng với mục /{slug}/ có sẵn của trang thông tin; hãy chọn `slug:` khác"),
                format!("the page slug `{slug}` is taken by the site's own section /{slug}/; choose another `slug:`"),
            ),
            DuplicateSlug { of, slug, first, second, free } => match of {
                Owner::Article => l.pick(
                    format!("hai bài viết có cùng địa chỉ (slug) `{slug}`: {first} và {second}; hãy ghi cho một trong hai bài `slug: {free}`"),
                    format!("two articles have the slug `{slug}`: {first} and {second}; give one of them `slug: {free}`"),
                ),
                Owner::Page => l.pick(
                    format!("hai trang có cùng địa chỉ (slug) `{slug}`: {first} và {second}; hãy ghi cho một trong hai trang `slug: {free}`"),
                    format!("two pages have the slug `{slug}`: {first} and {second}; give one of them `slug: {free}`"),
                ),
            },
            AliasFullUrl { alias } => l.pick(
                format!("aliases: địa chỉ cũ `{alias}` là một địa chỉ web đầy đủ; chỉ viết phần đường dẫn trên trang này, ví dụ /tin-tuc/dia-chi-cu/"),
                format!("aliases: the alias `{alias}` is a full web address; write only the path on this site, like /tin-tuc/dia-chi-cu/"),
            ),
            AliasNoSlash { alias } => l.pick(
                format!("aliases: địa chỉ cũ `{alias}` phải bắt đầu bằng `/`, ví dụ /tin-tuc/dia-chi-cu/"),
                format!("aliases: the alias `{alias}` must start with `/`, like /tin-tuc/dia-chi-cu/"),
            ),
            AliasBadChars { alias } => l.pick(
                format!("aliases: địa chỉ cũ `{alias}` chỉ được là một đường dẫn: không có dấu cách, `?`, `#`, dấu nháy hay dấu gạch chéo ngược"),
                format!("aliases: the alias `{alias}` may hold only a path: no spaces, `?`, `#`, quotes or backslashes"),
            ),
            AliasDots { alias } => l.pick(
                format!("aliases: địa chỉ cũ `{alias}` có `.` hoặc `..`; hãy viết cả đường dẫn tính từ đầu trang, ví dụ /tin-tuc/dia-chi-cu/"),
                format!("aliases: the alias `{alias}` uses `.` or `..`; write the whole path from the site's top, like /tin-tuc/dia-chi-cu/"),
            ),
            AliasHome { alias } => l.pick(
                format!("aliases: địa chỉ cũ `{alias}` là trang chủ, vốn luôn có; hãy xóa dòng này"),
                format!("aliases: the alias `{alias}` is the home page, which always exists; remove it"),
            ),
        }
    }
}
