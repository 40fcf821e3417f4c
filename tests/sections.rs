//! The portal sections of issue 18 (documents library, video, related news,
//! site map, keyword index) as a reader meets them: the minimal site with the
//! overlay in tests/fixtures/sections.

mod common;

use common::{fixture, text_of, Run, Site};

fn sections() -> (Site, Run) {
    let site = Site::new("minimal");
    site.overlay(&fixture("sections"));
    let run = site.build(&[]).ok();
    (site, run)
}

#[test]
fn a_document_page_shows_its_whole_record() {
    let (_site, run) = sections();
    let main = run.main("/van-kien/91-kh-tu/");
    let text = text_of(&main);
    for shown in [
        "91-KH/TU: Kế hoạch phát triển đảng viên",
        "Người ký Người Ký Thử",
        "Lĩnh vực Tổ chức – đảng viên",
        "Ngày ban hành 05/09/2022",
        "Ngày có hiệu lực 05/09/2022",
        "Tình trạng Còn hiệu lực",
        "Thay thế văn bản 01-CT/TU: Chỉ thị về công tác phát triển đảng viên",
        "Mỗi năm kết nạp từ 3% đến 4% tổng số đảng viên.",
        "Tải về ke-hoach-91.pdf PDF, 20 kB",
        "Tải về Bản Word DOCX, 45 B",
        "Tải về ke-hoach-91.txt TXT, 36 B",
        "Bài viết liên quan Video hội nghị thử 01/10/2022 Thái Hòa kết nạp 639",
    ] {
        assert!(text.contains(shown), "`{shown}` missing from: {text}");
    }
    // The PDF in the page, from the site itself, with a download inside.
    assert!(
        main.contains("<object data=\"/documents/ke-hoach-91.pdf\" type=\"application/pdf\""),
        "{main}"
    );
    assert!(
        main.contains("<a href=\"/documents/ke-hoach-91.pdf\" download>Tải về (PDF)</a>"),
        "{main}"
    );
    assert!(main.contains("data-print"), "a print button: {main}");
    assert_eq!(run.read("documents/ke-hoach-91.docx").len(), 45);
}

#[test]
fn replaced_and_expired_documents_say_so_and_link_back() {
    let (_site, run) = sections();
    let old = text_of(&run.main("/van-kien/01-ct-tu/"));
    assert!(old.contains("Tình trạng Được thay thế"), "{old}");
    assert!(
        old.contains("Được thay thế bởi 91-KH/TU: Kế hoạch phát triển đảng viên"),
        "{old}"
    );
    let expired = text_of(&run.main("/van-kien/02-ct-tu/"));
    assert!(
        expired.contains("Ngày hết hiệu lực 31/12/2020"),
        "{expired}"
    );
    assert!(expired.contains("Tình trạng Hết hiệu lực"), "{expired}");
    // A document with no file that is a PDF shows no viewer.
    assert!(!run.main("/van-kien/02-ct-tu/").contains("<object"));
}

#[test]
fn the_library_lists_every_document_with_its_filters_in_the_page() {
    let (_site, run) = sections();
    let main = run.main("/van-kien/");
    // Without JavaScript the form stays hidden and every row is listed.
    assert!(main.contains("<form class=\"doc-filter\" data-doc-filter hidden>"));
    assert_eq!(main.matches("<tr data-doc ").count(), 3, "{main}");
    for select in [
        "<select id=\"loc-loai\" name=\"loai\">",
        "<select id=\"loc-co-quan\" name=\"co-quan\">",
        "<select id=\"loc-linh-vuc\" name=\"linh-vuc\">",
        "<select id=\"loc-nam\" name=\"nam\">",
        "<select id=\"loc-hieu-luc\" name=\"hieu-luc\">",
    ] {
        assert!(main.contains(select), "`{select}` missing: {main}");
    }
    assert!(main.contains("<option value=\"duoc-thay-the\">Được thay thế</option>"));
    assert!(main.contains("<option value=\"tuyen-giao\">Tuyên giáo</option>"));
    assert!(main.contains("data-loai=\"ke-hoach\" data-co-quan=\"tinh-uy\" data-linh-vuc=\"to-chuc-dang-vien\" data-nam=\"2022\" data-hieu-luc=\"con-hieu-luc\""), "{main}");
    let text = text_of(&main);
    assert!(text.contains("02-CT/TU Chỉ thị đã hết hạn"), "{text}");
    assert!(text.contains("Hết hiệu lực"), "{text}");
}

#[test]
fn a_local_video_plays_in_the_page_with_its_captions() {
    let (_site, run) = sections();
    let main = run.main("/tin-tuc/video-hoi-nghi-thu/");
    assert!(
        main.contains("<video controls preload=\"none\" aria-label=\"Quang cảnh hội nghị\">"),
        "{main}"
    );
    assert!(main.contains("<source src=\"/media/video/hoi-nghi.webm\" type=\"video/webm\">"));
    assert!(main.contains(
        "<track kind=\"captions\" src=\"/media/video/hoi-nghi.vtt\" srclang=\"vi\" label=\"Phụ đề tiếng Việt\" default>"
    ));
    assert!(run.exists("media/video/hoi-nghi.vtt") && run.exists("media/video/hoi-nghi.webm"));
}

#[test]
fn a_youtube_video_is_a_link_until_clicked_and_nothing_comes_from_another_host() {
    let (_site, run) = sections();
    let page = run.page("/tin-tuc/video-hoi-nghi-thu/");
    let main = common::main_of(&page);
    assert!(main.contains("<a class=\"video-facade\" href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\" data-youtube=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1\" data-title=\"Phát biểu bế mạc\">"), "{main}");
    // The one frame before a click is the sidebar's (cot-ben.html), no player.
    assert_eq!(
        page.matches("<iframe").count(),
        page.matches("<iframe class=\"side-frame\" src=\"/cot-ben.html\"")
            .count(),
        "no player before a click"
    );
    // Only links may point away; nothing the page loads by itself does.
    let mut loaded = Vec::new();
    for attr in [
        " src=\"",
        " data=\"",
        " poster=\"",
        "<link rel=\"stylesheet\" href=\"",
    ] {
        for part in page.split(attr).skip(1) {
            loaded.push(part.split('"').next().unwrap_or_default().to_string());
        }
    }
    assert!(!loaded.is_empty());
    let away: Vec<&String> = loaded.iter().filter(|l| l.contains("//")).collect();
    assert!(away.is_empty(), "loaded from another host: {away:?}");
}

#[test]
fn a_video_without_captions_is_a_warning_not_an_error() {
    let (_site, run) = sections();
    assert!(
        run.stderr.contains("warning: content/articles/khong-phu-de.md:10: the video has no `captions:`; add a WebVTT file (media/video/….vtt) so that readers who cannot hear it can read what is said"),
        "{}",
        run.stderr
    );
}

#[test]
fn related_news_ranks_shared_keywords_before_date() {
    let (_site, run) = sections();
    let main = run.main("/tin-tuc/video-hoi-nghi-thu/");
    let start = main.find("Tin liên quan").expect("a related list");
    let list = text_of(&main[start..]);
    let at = |title: &str| {
        list.find(title)
            .unwrap_or_else(|| panic!("`{title}` not in {list}"))
    };
    // Thái Hòa shares two keywords, the unit and the category; the oldest
    // article two keywords only, in another category; Đà Nẵng (newer) one
    // keyword and the category; the article without captions only the
    // keyword "video", in another category.
    let order = [
        "Thái Hòa kết nạp 639",
        "Bài cũ chung hai từ khóa",
        "Đà Nẵng tổ chức",
        "Video không có phụ đề",
    ];
    for pair in order.windows(2) {
        assert!(at(pair[0]) < at(pair[1]), "{pair:?} in: {list}");
    }
}

#[test]
fn the_site_map_and_keyword_index_are_linked_from_every_footer() {
    let (_site, run) = sections();
    let home = run.page("/");
    assert!(home.contains("<a href=\"/so-do-cong-thong-tin/\">Sơ đồ cổng thông tin</a>"));
    assert!(home.contains("<a href=\"/tu-khoa/\">Chỉ mục từ khóa</a>"));
    let map = text_of(&run.main("/so-do-cong-thong-tin/"));
    for shown in [
        "Sơ đồ cổng thông tin",
        "Tin tức Chỉ đạo – Điều hành Xây dựng Đảng",
        "Văn kiện – Tài liệu",
        "Hệ thống tổ chức Đảng bộ tỉnh Thị ủy Thái Hòa",
        "Trang thông tin Giới thiệu",
    ] {
        assert!(map.contains(shown), "`{shown}` missing from: {map}");
    }
    let index = text_of(&run.main("/tu-khoa/"));
    assert!(index.contains("video 3 bài"), "{index}");
}
