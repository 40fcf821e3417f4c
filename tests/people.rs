//! Leaders (content/people.yaml): what a reader sees on a person's page, an
//! organization's leaders page and the leaders index, and the errors an
//! editor gets for a wrong id, organization or photo.

mod common;

use common::{main_of, text_of, Site};

const PEOPLE: &str = "\
- id: le-van-a
  name: Lê Văn A
  position: Bí thư Thị ủy Thái Hòa
  org: thai-hoa
  term: 2020–2025
  photo: media/anh.svg
  bio: Phụ trách công tác xây dựng Đảng <b>của thị xã</b>.
  order: 1
- id: tran-thi-b
  name: Trần Thị B
  position: Phó Bí thư Thị ủy
  org: thai-hoa
  order: 2
";

fn with_people() -> Site {
    let site = Site::new("minimal");
    site.write("content/people.yaml", PEOPLE);
    site.edit("content/articles/thai-hoa.md", |t| {
        t.replacen("org: thai-hoa\n", "org: thai-hoa\npeople: [le-van-a]\n", 1)
    });
    site.edit("content/articles/da-nang.md", |t| {
        t.replacen(
            "  sites: 70\n",
            "  sites: 70\n  chairs: [tran-thi-b, Nguyễn Văn C]\n",
            1,
        )
    });
    site
}

#[test]
fn a_person_page_shows_photo_position_bio_articles_and_conferences() {
    let site = with_people();
    let run = site.build(&[]).ok();
    let main = run.main("/lanh-dao/le-van-a/");
    assert!(main.contains("<h1>Lê Văn A</h1>"), "{main}");
    assert!(
        main.contains(
            r#"<img class="person-photo" src="/media/anh.svg" alt="Ảnh chân dung Lê Văn A""#
        ),
        "{main}"
    );
    let text = text_of(&main);
    assert!(text.contains("Bí thư Thị ủy Thái Hòa"), "{text}");
    assert!(text.contains("Nhiệm kỳ 2020–2025"), "{text}");
    assert!(
        main.contains("Phụ trách công tác xây dựng Đảng &lt;b&gt;của thị xã&lt;/b&gt;."),
        "the bio is escaped: {main}"
    );
    assert!(
        main.contains(r#"<a href="/tin-tuc/thai-hoa-ket-nap-639-dang-vien-trong-nhiem-ky-2015-2020/">Thái Hòa kết nạp 639 đảng viên trong nhiệm kỳ 2015–2020</a>"#),
        "the article naming them: {main}"
    );
    let chair = run.main("/lanh-dao/tran-thi-b/");
    assert!(
        chair.contains("Hội nghị chủ trì")
            && chair.contains(r#"<a href="/tin-tuc/da-nang-to-chuc-hoi-nghi-chuyen-de-voi-hon-4-000-dai-bieu/">Hội nghị chuyên đề về tạo nguồn và phát triển đảng viên</a>"#),
        "the conference they chaired: {chair}"
    );
    let article = run.main("/tin-tuc/da-nang-to-chuc-hoi-nghi-chuyen-de-voi-hon-4-000-dai-bieu/");
    assert!(
        article.contains(r#"<a href="/lanh-dao/tran-thi-b/">Trần Thị B</a>, Nguyễn Văn C"#),
        "a chair by id links to their page, a name stays as written: {article}"
    );
}

#[test]
fn leaders_pages_per_organization_and_for_the_site() {
    let site = with_people();
    let run = site.build(&[]).ok();
    let org = run.main("/to-chuc/thai-hoa/lanh-dao/");
    assert!(org.contains("<h1>Lãnh đạo – Thị ủy Thái Hòa</h1>"), "{org}");
    let a = org.find("Lê Văn A").expect("listed");
    let b = org.find("Trần Thị B").expect("listed");
    assert!(a < b, "in `order`: {org}");
    let index = run.main("/lanh-dao/");
    assert!(
        index.contains(r#"<a href="/to-chuc/thai-hoa/">Thị ủy Thái Hòa</a>"#),
        "{index}"
    );
    let unit = run.main("/to-chuc/thai-hoa/");
    assert!(
        unit.contains(r#"<a href="/to-chuc/thai-hoa/lanh-dao/">Lãnh đạo</a>"#),
        "{unit}"
    );
    assert!(
        !run.exists("to-chuc/tinh/lanh-dao/index.html"),
        "no empty leaders page"
    );
    assert!(run.read("sitemap.xml").contains("/lanh-dao/le-van-a/"));
}

#[test]
fn english_labels() {
    let site = with_people();
    site.edit("content/site.yaml", |t| {
        t.replacen("language: vi", "language: en", 1)
    });
    let run = site.build(&[]).ok();
    let main = main_of(&run.page("/lanh-dao/le-van-a/")).to_string();
    assert!(
        main.contains(">Term<") && main.contains(">Biography<"),
        "{main}"
    );
}

#[test]
fn wrong_people_are_reported_with_file_and_line() {
    let site = with_people();
    site.write(
        "content/people.yaml",
        format!("{PEOPLE}- id: le-van-a\n  name: Lê Văn A\n  position: Ủy viên\n- id: khac\n  name: Người khác\n  position: Ủy viên\n  org: khong-co\n  photo: media/khong-co.jpg\n  nickname: x\n"),
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("content/people.yaml:22:3: unknown field `nickname`"),
        "an unknown field: {}",
        run.stderr
    );
    site.write(
        "content/people.yaml",
        format!("{PEOPLE}- id: le-van-a\n  name: Lê Văn A\n  position: Ủy viên\n- id: khac\n  name: Người khác\n  position: Ủy viên\n  org: khong-co\n  photo: media/khong-co.jpg\n"),
    );
    site.edit("content/articles/thai-hoa.md", |t| {
        t.replacen("people: [le-van-a]", "people: [le-van-a, ai-do]", 1)
    });
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    for expected in [
        "content/people.yaml:14: the id `le-van-a` is used twice (first on line 1); give each person their own id",
        "content/people.yaml:17: unknown organization `khong-co`",
        "content/people.yaml:17: photo: the file `content/media/khong-co.jpg` does not exist; put the photo there or fix the name",
        "content/articles/thai-hoa.md:10: unknown person `ai-do`; people.yaml has: le-van-a, tran-thi-b",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\nin:\n{}", run.stderr);
    }
}

#[test]
fn a_photo_outside_the_site_is_refused() {
    let site = with_people();
    site.edit("content/people.yaml", |t| {
        t.replacen("photo: media/anh.svg", "photo: ../../etc/passwd", 1)
    });
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(
            "content/people.yaml:1: photo: `../../etc/passwd` must be a file inside content/"
        ),
        "{}",
        run.stderr
    );
}
