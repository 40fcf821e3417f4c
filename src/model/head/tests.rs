use super::*;
use crate::markdown::Reference;
use crate::text::date;

fn when(text: &str) -> When {
    date::parse(text).unwrap()
}

fn image(src: &str) -> Image {
    Image {
        src: src.into(),
        caption: Some("Hội nghị".into()),
        alt: Some("Quang cảnh hội nghị".into()),
        credit: None,
    }
}

/// A draft with every field of the head set, so each can be changed alone.
fn sample() -> UnlinkedArticle {
    let article = Article {
        path: "content/articles/hoi-nghi.md".into(),
        title: "Hội nghị Ban Chấp hành".into(),
        slug: "hoi-nghi".into(),
        date: when("2026-11-30"),
        updated: Some(when("2026-12-01")),
        expires: Some(when("2027-01-01")),
        scheduled: false,
        summary: "Sáng 30/11, Ban Chấp hành họp.".into(),
        summary_written: true,
        category: None,
        tags: Vec::new(),
        author: Some("Minh Ngọc".into()),
        source: Some(NewsSource {
            name: "Báo Nghệ An".into(),
            url: None,
        }),
        image: Some(image("media/hoi-nghi.jpg")),
        org: Some("tinh-uy".into()),
        event: None,
        event_date: None,
        featured: false,
        draft: false,
        documents: vec![0],
        people: vec!["bi-thu".into()],
        body: vec![
            BodyPart::Html {
                html: "<p>Sáng 30/11.</p>".into(),
            },
            BodyPart::Chart {
                id: "ket-nap".into(),
            },
        ],
        plain: "Sáng 30/11.".into(),
        references: Vec::new(),
        anchors: Vec::new(),
        aliases: Vec::new(),
    };
    UnlinkedArticle {
        article,
        category: Some("Thời sự".into()),
        tags: vec!["Hội nghị".into(), "Nghị quyết".into()],
        warnings: Vec::new(),
    }
}

type Edit = (&'static str, fn(&mut UnlinkedArticle));

/// One edit of each field other pages show.
const HEAD_EDITS: &[Edit] = &[
    ("path", |d| {
        d.article.path = "content/articles/khac.md".into()
    }),
    ("title", |d| d.article.title.push_str(" lần thứ 20")),
    ("slug", |d| d.article.slug = "hoi-nghi-20".into()),
    ("date", |d| d.article.date = when("2026-11-29")),
    ("updated", |d| d.article.updated = None),
    ("expires", |d| d.article.expires = Some(when("2027-02-01"))),
    ("scheduled", |d| d.article.scheduled = true),
    ("summary", |d| d.article.summary.push_str(" Thêm.")),
    ("summary_written", |d| d.article.summary_written = false),
    ("category", |d| d.category = Some("Xây dựng Đảng".into())),
    ("a keyword", |d| d.tags[1] = "Chỉ thị".into()),
    ("keywords' order", |d| d.tags.reverse()),
    ("author", |d| d.article.author = None),
    ("source", |d| {
        d.article.source.as_mut().unwrap().url = Some("https://baonghean.vn/".into())
    }),
    ("cover", |d| d.article.image = Some(image("media/khac.jpg"))),
    ("cover's caption", |d| {
        d.article.image.as_mut().unwrap().caption = Some("Khác".into())
    }),
    ("cover's alt text", |d| {
        d.article.image.as_mut().unwrap().alt = None
    }),
    ("org", |d| d.article.org = Some("dang-uy-khoi".into())),
    ("event", |d| {
        d.article.event = Some(Event {
            name: "Hội nghị lần thứ 20".into(),
            kind: None,
            date: None,
            place: None,
            form: None,
            attendees: None,
            sites: None,
            chairs: Vec::new(),
        })
    }),
    ("event_date", |d| {
        d.article.event_date = Some(when("2026-11-30"))
    }),
    ("featured", |d| d.article.featured = true),
    ("draft", |d| d.article.draft = true),
    ("documents", |d| d.article.documents.push(1)),
    ("people", |d| d.article.people.clear()),
    ("aliases", |d| {
        d.article.aliases.push(Alias {
            file: "tin/cu.html".into(),
            line: 9,
        })
    }),
    ("a chart of the body", |d| {
        d.article.body[1] = BodyPart::Chart { id: "khac".into() }
    }),
];

/// Edits only the article's own page shows.
const BODY_EDITS: &[Edit] = &[
    ("body text", |d| {
        d.article.body[0] = BodyPart::Html {
            html: "<p>Chiều 30/11.</p>".into(),
        }
    }),
    ("plain text", |d| d.article.plain = "Chiều 30/11.".into()),
    ("a link", |d| {
        d.article.references.push(Reference {
            url: "https://example.vn/".into(),
            line: 12,
            is_image: false,
            has_alt: false,
        })
    }),
    ("a heading's anchor", |d| {
        d.article.anchors.push("ket-qua".into())
    }),
    ("warnings", |d| d.warnings.clear()),
];

#[test]
fn every_field_other_pages_show_is_in_the_head() {
    let before = sample();
    for (what, edit) in HEAD_EDITS {
        let mut after = sample();
        edit(&mut after);
        assert_ne!(before.head(), after.head(), "{what} is a head change");
    }
}

#[test]
fn an_edit_of_the_body_alone_leaves_the_head_equal() {
    let before = sample();
    for (what, edit) in BODY_EDITS {
        let mut after = sample();
        edit(&mut after);
        assert_eq!(before.head(), after.head(), "{what} is not a head change");
    }
}

#[test]
fn equal_heads_hash_alike() {
    use std::hash::{BuildHasher, RandomState};
    let s = RandomState::new();
    let (a, mut b) = (sample(), sample());
    b.article.plain.clear();
    assert_eq!(s.hash_one(a.head()), s.hash_one(b.head()));
    b.tags.pop();
    assert_ne!(s.hash_one(a.head()), s.hash_one(b.head()));
}
