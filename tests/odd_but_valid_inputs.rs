//! Files as editors' tools really save them: Windows line ends, a byte-order
//! mark, Vietnamese typed decomposed (NFD), the hidden files and folders their
//! tools leave. All must build as if written plainly.

mod common;

use common::{text_of, Site};
use unicode_normalization::UnicodeNormalization;

#[test]
fn crlf_files_build_like_lf_files() {
    let site = Site::new("minimal");
    let article = "---\ntitle: Bài viết soạn trên Windows\ndate: 2023-03-05\ncategory: Xây dựng Đảng\ntags: [Tam Kỳ]\n---\nDòng mở đầu.\n\n```stats\n- { label: Tổng số đảng viên, value: 7314 }\n```\n";
    site.write("content/articles/windows.md", article.replace('\n', "\r\n"));
    site.edit("content/site.yaml", |s| s.replace('\n', "\r\n"));
    site.edit("content/data/ket-nap.yaml", |s| s.replace('\n', "\r\n"));
    let run = site.build(&[]).ok();
    let main = run.main("/tin-tuc/bai-viet-soan-tren-windows/");
    assert!(
        main.contains("<h1>Bài viết soạn trên Windows</h1>"),
        "{main}"
    );
    assert!(!main.contains('\r'), "a carriage return reached the page");
    assert!(text_of(&main).contains("7.314 Tổng số đảng viên"), "{main}");
    assert!(run.exists("tu-khoa/tam-ky/index.html"));
    assert!(
        run.page("/")
            .contains("Trang thông tin Đảng bộ thử nghiệm</title>"),
        "site.yaml read with CRLF"
    );
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let site = Site::new("minimal");
    site.write(
        "content/articles/bom.md",
        "\u{feff}---\ntitle: Bài viết lưu kèm BOM\ndate: 2023-03-06\n---\nNội dung.\n",
    );
    site.edit("content/site.yaml", |s| format!("\u{feff}{s}"));
    site.edit("content/organizations.yaml", |s| format!("\u{feff}{s}"));
    site.edit("content/charts/ket-nap.yaml", |s| format!("\u{feff}{s}"));
    let run = site.build(&[]).ok();
    let page = run.page("/tin-tuc/bai-viet-luu-kem-bom/");
    assert!(
        page.contains("<h1>Bài viết lưu kèm BOM</h1>"),
        "{}",
        common::main_of(&page)
    );
    for (path, text) in run.texts(".html") {
        assert!(
            !text.contains('\u{feff}'),
            "a byte-order mark reached {path}"
        );
    }
}

#[test]
fn decomposed_vietnamese_reads_as_composed() {
    let site = Site::new("minimal");
    let title = "Hòa Đông phát triển đảng viên";
    let nfd: String = title.nfd().collect();
    assert_ne!(nfd, title, "the fixture text must really be decomposed");
    let tag: String = "Thái Hòa".nfd().collect();
    site.write(
        "content/articles/nfd.md",
        format!("---\ntitle: {nfd}\ndate: 2023-03-07\ntags: [{tag}]\n---\n{nfd}.\n"),
    );
    let run = site.build(&[]).ok();
    let url = "/tin-tuc/hoa-dong-phat-trien-dang-vien/";
    let main = run.main(url);
    assert!(
        main.contains(&format!("<h1>{title}</h1>")),
        "the headline is NFC: {main}"
    );
    // The decomposed keyword is the same keyword as the composed one.
    let keyword = run.main("/tu-khoa/thai-hoa/");
    assert!(
        keyword.contains(url) && keyword.contains("/tin-tuc/thai-hoa-ket-nap-639"),
        "{keyword}"
    );
    let keyword_pages = run
        .files()
        .keys()
        .filter(|p| p.starts_with("tu-khoa/") && p.contains("thai"))
        .count();
    assert_eq!(keyword_pages, 1, "one page for the keyword Thái Hòa");
    for (path, text) in run.texts(".html").into_iter().chain(run.texts(".xml")) {
        let nfc: String = text.nfc().collect();
        assert!(nfc == text, "{path} holds decomposed text");
    }
}

/// Editors' tools leave hidden files and folders (`.~lock` files, a `.trash`
/// folder, `.git`): none of it is content, even when it looks like an article.
#[test]
fn hidden_files_and_folders_are_not_content() {
    let site = Site::new("minimal");
    let stray = "---\ntitle: Bản cũ trong thùng rác\ndate: 2023-03-07\n---\nCũ.\n";
    site.write("content/articles/.trash/cu.md", stray);
    site.write("content/articles/.cu.md", stray);
    site.write("content/data/.git/ket-nap.yaml", "not: [a dataset");
    site.write("content/media/.thumbs/anh.svg", "<svg/>");
    let run = site.build(&[]).ok();
    for (path, text) in run.texts(".html") {
        assert!(
            !text.contains("Bản cũ trong thùng rác"),
            "{path} lists a hidden file"
        );
    }
    assert!(!run.exists("media/.thumbs/anh.svg"));
}

/// `note: Nguồn: Văn phòng Tỉnh ủy` (SPEC §4's own example) is not strict YAML,
/// but editors write values with a colon all the time and mean text.
#[test]
fn a_colon_inside_a_plain_value_is_text() {
    let site = Site::new("minimal");
    site.write(
        "content/articles/hai-cham.md",
        "---\ntitle: Nghị quyết 21: nâng cao chất lượng đảng viên\ndate: 2023-03-08\n---\nNội dung.\n",
    );
    site.edit("content/charts/ket-nap.yaml", |s| {
        format!("{s}\nnote: Nguồn: Văn phòng Tỉnh ủy\n")
    });
    let run = site.build(&[]).ok();
    let main = run.main("/tin-tuc/nghi-quyet-21-nang-cao-chat-luong-dang-vien/");
    assert!(
        main.contains("<h1>Nghị quyết 21: nâng cao chất lượng đảng viên</h1>"),
        "{main}"
    );
    let pages = run.texts(".html");
    assert!(
        pages
            .iter()
            .any(|(_, t)| t.contains("Nguồn: Văn phòng Tỉnh ủy")),
        "the chart's note is shown somewhere"
    );
}
