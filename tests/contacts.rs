//! Contacts of organizations: the site's directory (/danh-ba/) and each
//! unit's contact page, with `tel:` and `mailto:` links, in both languages.

mod common;

use common::{text_of, Site};

const ORGS: &str = "\
- { id: tinh, name: Đảng bộ tỉnh, kind: tỉnh ủy }
- id: thai-hoa
  name: Thị ủy Thái Hòa
  kind: thị ủy
  parent: tinh
  address: Thị xã Thái Hòa, tỉnh Nghệ An
  phone: (0238) 3881 234
  fax: 0238 3881 235
  email: vanphong@thaihoa.example.vn
  website: https://thaihoa.example.vn/
  contact_person: Văn phòng Thị ủy <b>
";

#[test]
fn the_directory_and_a_units_page_link_phone_and_email() {
    let site = Site::new("minimal");
    site.write("content/organizations.yaml", ORGS);
    let run = site.build(&[]).ok();
    let dir = run.main("/danh-ba/");
    assert!(dir.contains("<h1>Danh bạ liên hệ</h1>"), "{dir}");
    assert!(
        dir.contains(r#"<a href="tel:02383881234">(0238) 3881 234</a>"#),
        "{dir}"
    );
    assert!(
        dir.contains(
            r#"<a href="mailto:vanphong@thaihoa.example.vn">vanphong@thaihoa.example.vn</a>"#
        ),
        "{dir}"
    );
    assert!(dir.contains("Văn phòng Thị ủy &lt;b&gt;"), "escaped: {dir}");
    let text = text_of(&dir);
    assert!(text.contains("Fax 0238 3881 235"), "{text}");
    assert!(
        !dir.contains("Đảng bộ tỉnh"),
        "a unit without contacts is left out: {dir}"
    );
    let unit = run.main("/to-chuc/thai-hoa/lien-he/");
    assert!(
        unit.contains("<h1>Liên hệ – Thị ủy Thái Hòa</h1>"),
        "{unit}"
    );
    let org = run.main("/to-chuc/thai-hoa/");
    assert!(
        org.contains(r#"<a href="/to-chuc/thai-hoa/lien-he/">Liên hệ</a>"#),
        "{org}"
    );
    assert!(!run.exists("to-chuc/tinh/lien-he/index.html"));
}

#[test]
fn english_labels() {
    let site = Site::new("minimal");
    site.write("content/organizations.yaml", ORGS);
    site.edit("content/site.yaml", |t| {
        t.replacen("language: vi", "language: en", 1)
    });
    let run = site.build(&[]).ok();
    let text = text_of(&run.main("/danh-ba/"));
    for label in [
        "Contact directory",
        "Address",
        "Telephone",
        "Fax",
        "Email",
        "Website",
        "Contact person",
    ] {
        assert!(text.contains(label), "{label}: {text}");
    }
}

#[test]
fn a_wrong_phone_or_email_is_reported() {
    let site = Site::new("minimal");
    site.write(
        "content/organizations.yaml",
        ORGS.replace("(0238) 3881 234", "chưa có")
            .replace("vanphong@thaihoa.example.vn", "vanphong thaihoa"),
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    for expected in [
        "content/organizations.yaml:7: phone of `thai-hoa`: `chưa có` holds no digits",
        "content/organizations.yaml:9: email of `thai-hoa`: `vanphong thaihoa` is not an email address",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\nin:\n{}", run.stderr);
    }
}
