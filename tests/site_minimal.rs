//! What a reader sees on the site built from `tests/fixtures/minimal`: two
//! articles and a draft, a page, a dataset, a named chart, a document and two
//! organizations, with `page_size: 2`. Links, sitemap and feeds are checked in
//! `site_links_and_feeds.rs`.

mod common;

use common::{links, main_of, page_file, text_of, Run, Site};

const THAI_HOA: &str = "/tin-tuc/thai-hoa-ket-nap-639-dang-vien-trong-nhiem-ky-2015-2020/";
const DA_NANG: &str = "/tin-tuc/da-nang-to-chuc-hoi-nghi-chuyen-de-voi-hon-4-000-dai-bieu/";
const DRAFT: &str = "/tin-tuc/bai-viet-con-la-ban-nhap/";

fn minimal() -> (Site, Run) {
    let site = Site::new("minimal");
    let run = site.build(&[]).ok();
    (site, run)
}

#[test]
fn article_shows_title_date_author_cover_source_and_keywords() {
    let (_site, run) = minimal();
    let main = run.main(THAI_HOA);
    assert!(
        main.contains("<h1>Thái Hòa kết nạp 639 đảng viên trong nhiệm kỳ 2015–2020</h1>"),
        "{main}"
    );
    assert!(
        main.contains(r#"<time datetime="2021-10-20">20/10/2021</time>"#),
        "{main}"
    );
    let text = text_of(&main);
    assert!(
        text.contains("Ban Tuyên giáo Thị ủy Thái Hòa"),
        "the author: {text}"
    );
    assert!(text.contains("Nguồn: Báo Nghệ An"), "the source: {text}");
    assert!(
        main.contains(r#"<a href="https://baonghean.vn/""#),
        "the source links to its site: {main}"
    );
    assert!(
        main.contains(
            r#"<img src="/media/anh.svg" alt="Hình chữ nhật đỏ" width="160" height="90">"#
        ),
        "the cover: {main}"
    );
    assert!(
        main.contains("<figcaption>Ảnh minh họa</figcaption>"),
        "the caption: {main}"
    );
    assert!(
        text.contains("Từ khóa: phát triển đảng viên, Thái Hòa"),
        "the keywords: {text}"
    );
    assert!(
        text.contains("Nhiệm kỳ 2015–2020, Đảng bộ thị xã Thái Hòa kết nạp 639 đảng viên"),
        "the body: {text}"
    );
    assert!(run.page(THAI_HOA).contains("<title>Thái Hòa kết nạp 639 đảng viên trong nhiệm kỳ 2015–2020 – Trang thông tin Đảng bộ thử nghiệm</title>"));
}

#[test]
fn article_links_to_its_category_keywords_unit_and_neighbours() {
    let (_site, run) = minimal();
    let hrefs = links(&run.main(THAI_HOA));
    for want in [
        "/chuyen-muc/xay-dung-dang/",
        "/tu-khoa/phat-trien-dang-vien/",
        "/tu-khoa/thai-hoa/",
        "/to-chuc/thai-hoa/",
        "/documents/ke-hoach-91.txt",
        DA_NANG,
    ] {
        assert!(
            hrefs.iter().any(|h| h == want),
            "the article should link to {want}; it links to {hrefs:?}"
        );
    }
    let text = text_of(&run.main(THAI_HOA));
    assert!(text.contains("Tin liên quan Đà Nẵng tổ chức hội nghị chuyên đề với hơn 4.000 đại biểu 21/02/2023 09:00"), "{text}");
    assert!(text.contains("Các tin mới hơn Đà Nẵng tổ chức"), "{text}");
    let older = text_of(&run.main(DA_NANG));
    assert!(
        older.contains("Các tin cũ hơn Thái Hòa kết nạp 639"),
        "{older}"
    );
}

#[test]
fn category_and_keyword_pages_list_their_articles() {
    let (_site, run) = minimal();
    let category = run.main("/chuyen-muc/xay-dung-dang/");
    assert!(category.contains("Xây dựng Đảng"), "{category}");
    let (a, b) = (category.find(DA_NANG), category.find(THAI_HOA));
    assert!(
        a.is_some() && b.is_some() && a < b,
        "both articles, newest first: {category}"
    );
    let keyword = run.main("/tu-khoa/thai-hoa/");
    assert!(
        keyword.contains(THAI_HOA) && !keyword.contains(DA_NANG),
        "only the Thái Hòa article: {keyword}"
    );
    let keyword = run.main("/tu-khoa/phat-trien-dang-vien/");
    assert!(
        keyword.contains(THAI_HOA) && keyword.contains(DA_NANG),
        "{keyword}"
    );
    let tags = run.main("/tu-khoa/");
    for url in [
        "/tu-khoa/da-nang/",
        "/tu-khoa/phat-trien-dang-vien/",
        "/tu-khoa/thai-hoa/",
    ] {
        assert!(tags.contains(url), "the keyword index links {url}: {tags}");
    }
}

#[test]
fn draft_is_left_out_unless_asked_for() {
    let (site, run) = minimal();
    assert!(
        !run.exists(&page_file(DRAFT)),
        "the draft was built without --drafts"
    );
    for (path, text) in run.texts(".html").into_iter().chain(run.texts(".xml")) {
        assert!(
            !text.contains("Bài viết còn là bản nháp"),
            "the draft shows in {path}"
        );
    }

    let run = site.build(&["--drafts"]).ok();
    let main = run.main(DRAFT);
    assert!(main.contains("Bài viết còn là bản nháp"), "{main}");
    assert!(
        main.contains(r#"<span class="draft-mark">Bản nháp</span>"#),
        "the draft is marked as one: {main}"
    );
    assert!(
        run.main("/tin-moi/")
            .contains(r#"<span class="draft-mark">Bản nháp</span>"#),
        "marked in lists too"
    );
}

#[test]
fn all_news_is_paginated_by_page_size() {
    let site = Site::new("minimal");
    for (i, day) in ["2023-03-02", "2023-03-03", "2023-03-04"]
        .iter()
        .enumerate()
    {
        site.write(
            &format!("content/articles/them-{i}.md"),
            format!("---\ntitle: Tin thêm số {i}\ndate: {day}\ncategory: Xây dựng Đảng\n---\nNội dung tin thêm số {i}.\n"),
        );
    }
    let run = site.build(&[]).ok();
    // Five articles, two a page, newest first.
    let first = run.main("/tin-moi/");
    assert!(
        first.contains("Tin thêm số 2") && first.contains("Tin thêm số 1"),
        "{first}"
    );
    assert!(!first.contains("Tin thêm số 0"), "{first}");
    assert!(
        first.contains(r#"href="/tin-moi/trang/2/" rel="next""#),
        "a link to the next page: {first}"
    );
    let second = run.main("/tin-moi/trang/2/");
    assert!(
        second.contains("Tin thêm số 0") && second.contains("Đà Nẵng tổ chức hội nghị"),
        "{second}"
    );
    assert!(
        second.contains(r#"href="/tin-moi/" rel="prev""#),
        "page 2 leads back to page 1, not to /trang/1/: {second}"
    );
    assert!(
        second.contains(r#"<span aria-current="page">2</span>"#),
        "{second}"
    );
    let third = run.main("/tin-moi/trang/3/");
    assert!(
        third.contains("Thái Hòa kết nạp 639") && !third.contains("rel=\"next\""),
        "{third}"
    );
    assert!(
        !run.exists("tin-moi/trang/4/index.html"),
        "no empty fourth page"
    );
    assert!(
        !run.exists("tin-moi/trang/1/index.html"),
        "page 1 lives at /tin-moi/ only"
    );
    assert!(
        run.exists("chuyen-muc/xay-dung-dang/trang/3/index.html"),
        "categories paginate too"
    );
    assert!(
        run.page("/tin-moi/trang/2/")
            .contains("<title>Tin tức – Trang 2 – "),
        "the page number is in the title"
    );
}

#[test]
fn stats_show_the_share_of_the_target() {
    let (_site, run) = minimal();
    for url in [THAI_HOA, "/"] {
        let text = text_of(&run.main(url));
        assert!(
            text.contains("639 Kết nạp 2015–2020 107% so với chỉ tiêu (597) · đạt chỉ tiêu"),
            "{url}: {text}"
        );
    }
}

#[test]
fn chart_has_title_description_data_table_and_csv() {
    let (_site, run) = minimal();
    let main = run.main(THAI_HOA);
    let start = main
        .find(r#"<figure class="chart" id="bieu-do-ket-nap">"#)
        .expect("the named chart's figure");
    let figure = &main[start..start + main[start..].find("</figure>").expect("end of figure")];
    assert!(figure.contains(r#"role="img""#), "{figure}");
    assert!(
        figure.contains(">Kết nạp đảng viên ở Thái Hòa</title>"),
        "{figure}"
    );
    let desc = figure
        .split("<desc")
        .nth(1)
        .and_then(|d| d.split("</desc>").next())
        .expect("a <desc>");
    assert!(
        desc.contains("2015–2020: 639") && desc.contains("2021: 100"),
        "the description reads the numbers: {desc}"
    );
    assert!(
        figure.contains(r#"<th scope="row">2015–2020</th><td class="num">639</td>"#),
        "the numbers as a table: {figure}"
    );
    let csv_link = links(figure)
        .into_iter()
        .find(|l| l.ends_with(".csv"))
        .expect("a CSV link");
    let csv = run.read(&csv_link);
    assert!(
        csv.contains("639") && csv.contains("2015–2020"),
        "{csv_link}: {csv}"
    );
    let pie = run.main(THAI_HOA);
    assert!(
        pie.contains("<td class=\"num\">38,7%</td>"),
        "shares written the Vietnamese way"
    );
}

#[test]
fn event_box_writes_numbers_and_dates_the_vietnamese_way() {
    let (_site, run) = minimal();
    let main = run.main(DA_NANG);
    let text = text_of(&main);
    assert!(text.contains("Đại biểu tham dự 4.000"), "{text}");
    assert!(text.contains("Số điểm cầu 70"), "{text}");
    assert!(text.contains("Thời gian Thứ Ba, 21/02/2023"), "{text}");
    assert!(
        main.contains(r#"<time datetime="2023-02-21">21/02/2023 09:00</time>"#),
        "{main}"
    );
    assert!(run
        .main("/hoi-nghi/")
        .contains("Hội nghị chuyên đề về tạo nguồn và phát triển đảng viên"));
}

#[test]
fn units_documents_and_pages_have_their_own_pages() {
    let (_site, run) = minimal();
    let unit = run.main("/to-chuc/thai-hoa/");
    assert!(
        unit.contains("Thị ủy Thái Hòa") && unit.contains(THAI_HOA),
        "{unit}"
    );
    assert!(
        run.main("/to-chuc/tinh/").contains("/to-chuc/thai-hoa/"),
        "the province lists its sub-unit"
    );
    let doc = text_of(&run.main("/van-kien/91-kh-tu/"));
    assert!(
        doc.contains("91-KH/TU") && doc.contains("Kế hoạch phát triển đảng viên"),
        "{doc}"
    );
    assert_eq!(
        run.read("documents/ke-hoach-91.txt"),
        "Trích yếu kế hoạch 91-KH/TU.\n"
    );
    assert!(run.main("/gioi-thieu/").contains("Trang thử nghiệm."));
    let dataset = text_of(&run.main("/so-lieu/ket-nap/"));
    assert!(
        dataset.contains("Kết nạp đảng viên mới") && dataset.contains("639"),
        "{dataset}"
    );
}

/// The theme's stylesheet and scripts, the search page's included, are named
/// by their content, so a server may cache them forever.
#[test]
fn theme_css_and_scripts_have_content_hashed_names() {
    let (_site, run) = minimal();
    let home = run.page("/");
    let search = run.page("/tim-kiem/");
    for (page, attr, stem, ext) in [
        (&home, "href", "style", "css"),
        (&home, "src", "site", "js"),
        (&search, "src", "search", "js"),
    ] {
        let start = format!(r#"{attr}="/static/{stem}."#);
        let at = page
            .find(&start)
            .unwrap_or_else(|| panic!("no `{start}` in the page"));
        let url = &page[at + attr.len() + 2..];
        let url = &url[..url.find('"').unwrap_or(0)];
        let hash = url
            .strip_prefix(&format!("/static/{stem}."))
            .and_then(|r| r.strip_suffix(&format!(".{ext}")))
            .unwrap_or_default();
        assert!(
            hash.len() == 8 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
            "`{url}` has no content hash"
        );
        assert!(run.exists(url), "`{url}` is not written");
        assert!(
            !run.exists(&format!("/static/{stem}.{ext}")),
            "an unhashed copy"
        );
    }
}

#[test]
fn check_finds_nothing_wrong_and_writes_nothing() {
    let site = Site::new("minimal");
    let run = site.check(&[]).ok();
    assert!(!run.output.exists(), "check wrote {}", run.output.display());
}

#[test]
fn main_of_cuts_the_page_to_its_main() {
    let html = "<header>x</header><main id=m><p>y</p></main><footer>z</footer>";
    assert_eq!(main_of(html), "<main id=m><p>y</p></main>");
}
