//! The build cache (`.trangtin-cache/build.cache`): what `build` says when it
//! cannot use the record of the last build. Never an error: the site is built
//! in full and the record made again.

use strum::IntoStaticStr;

use crate::text::Lang;

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Cache {
    /// The file is cut short, changed by hand or not a cache at all.
    Damaged,
    /// Written by another version of trangtin (or another layout of the file).
    OtherVersion { made_by: String },
}

impl Cache {
    pub fn text(&self, l: Lang) -> String {
        match self {
            Cache::Damaged => l.pick(
                "bộ nhớ đệm của lần dựng trước bị hỏng nên không được dùng; trang được dựng lại toàn bộ và bộ nhớ đệm được làm lại (không cần làm gì thêm)",
                "the cache of the last build is damaged, so it was not used; the whole site was built again and the cache made anew (nothing to do)",
            ).into(),
            Cache::OtherVersion { made_by } => l.pick(
                format!("bộ nhớ đệm của lần dựng trước do trangtin {made_by} làm nên không được dùng; trang được dựng lại toàn bộ và bộ nhớ đệm được làm lại (không cần làm gì thêm)"),
                format!("the cache of the last build was made by trangtin {made_by}, so it was not used; the whole site was built again and the cache made anew (nothing to do)"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        crate::diagnostic::msg::says_both([
            Cache::Damaged,
            Cache::OtherVersion {
                made_by: "0.0.9 (format 1)".into(),
            },
        ]);
    }
}
