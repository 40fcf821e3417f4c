//! ASCII slugs for URLs: `Phát triển Đảng viên` → `phat-trien-dang-vien`.

/// Folds marks (deunicode maps `đ`/`Đ` to `d`/`D`, as Vietnamese readers expect),
/// lower-cases, and joins runs of letters and digits with single hyphens.
pub fn slugify(text: &str) -> String {
    let folded = deunicode::deunicode(text);
    let mut out = String::with_capacity(folded.len());
    let mut pending_dash = false;
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            pending_dash = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_titles() {
        assert_eq!(slugify("Phát triển Đảng viên"), "phat-trien-dang-vien");
        assert_eq!(slugify("đảng ủy Hòa Đông"), "dang-uy-hoa-dong");
        assert_eq!(
            slugify("Thành ủy Tam Kỳ tổ chức hội nghị – năm 2023!"),
            "thanh-uy-tam-ky-to-chuc-hoi-nghi-nam-2023"
        );
        assert_eq!(slugify("  Xây dựng Đảng  "), "xay-dung-dang");
    }

    #[test]
    fn punctuation_only_gives_empty() {
        assert_eq!(slugify("!!! — ???"), "");
    }

    #[test]
    fn always_ascii_lowercase_and_dashes() {
        for s in [
            "ĐÀ NẴNG",
            "Tỉnh ủy Nghệ An 91-KH/TU",
            "a__b",
            "日本語",
            "😀 Tin",
        ] {
            let slug = slugify(s);
            assert!(
                slug.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{s} → {slug}"
            );
            assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
        }
    }
}
