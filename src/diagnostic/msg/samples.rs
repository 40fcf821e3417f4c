//! One sample of every variant of the content areas, for the test that each
//! says something in Vietnamese that is not its English.

use super::article::Owner;
use super::video::VideoFile;
use super::*;

fn s(text: &str) -> String {
    text.to_string()
}

fn v(items: &[&str]) -> Vec<String> {
    items.iter().map(|i| s(i)).collect()
}

pub fn all() -> Vec<Kind> {
    let mut out: Vec<Kind> = Vec::new();
    let date = || {
        (
            s("date"),
            s("05/09/2022"),
            Date::NotADate {
                text: s("05/09/2022"),
            },
        )
    };
    let (key, value, why) = date();
    out.extend(
        [
            Article::NoTitle { of: Owner::Article },
            Article::NoTitle { of: Owner::Page },
            Article::NoDate,
            Article::BadDate { key, value, why },
            Article::ExpiresBeforeDate {
                value: s("2020-01-01"),
            },
            Article::UnknownDocument { name: s("a.pdf") },
            Article::NoSlug { from: s("!!!") },
            Article::PageSlugReserved { slug: s("tin-tuc") },
            Article::DuplicateSlug {
                of: Owner::Page,
                slug: s("a"),
                first: s("a.md"),
                second: s("b.md"),
                free: s("a-2"),
            },
            Article::AliasFullUrl {
                alias: s("https://x"),
            },
            Article::AliasNoSlash { alias: s("x") },
            Article::AliasBadChars { alias: s("/a b") },
            Article::AliasDots { alias: s("/..") },
            Article::AliasHome { alias: s("/") },
        ]
        .map(Kind::from),
    );
    let known = v(&["tinh"]);
    out.extend(
        [
            Org::Unknown {
                id: s("x"),
                known: known.clone(),
            },
            Org::Unknown {
                id: s("x"),
                known: vec![],
            },
            Org::BadId { id: s("Á") },
            Org::Twice { id: s("a") },
            Org::UnknownParent {
                child: s("a"),
                id: s("x"),
                known,
            },
            Org::Cycle {
                chain: v(&["a", "b", "a"]),
            },
            Org::NoDigits {
                key: s("phone"),
                org: s("a"),
                value: s("x"),
            },
            Org::BadEmail {
                org: s("a"),
                value: s("x"),
            },
        ]
        .map(Kind::from),
    );
    let (key, value, why) = date();
    out.extend(
        [
            Doc::MissingFile {
                rel: s("documents/a.pdf"),
                key: s("file"),
            },
            Doc::Outside {
                rel: s("../a.pdf"),
                key: s("file"),
            },
            Doc::LinkOutside {
                rel: s("documents/a.pdf"),
                key: s("file"),
            },
            Doc::NoFile,
            Doc::NumberTwice {
                number: s("1"),
                first: 1,
            },
            Doc::UnknownNumber {
                key: s("replaces"),
                number: s("1"),
            },
            Doc::BadStatus { status: s("x") },
            Doc::BadDate { key, value, why },
        ]
        .map(Kind::from),
    );
    let (f, field, src) = (
        || s("content/media/a.jpg"),
        || s("image"),
        || s("media/a.jpg"),
    );
    out.extend(
        [
            Photo::NotAPhoto { file: f() },
            Photo::Heic { file: f() },
            Photo::Damaged {
                file: f(),
                why: s("eof"),
            },
            Photo::TooManyPixels {
                file: f(),
                width: 1,
                height: 2,
                limit_mp: 3,
            },
            Photo::TooLarge {
                file: f(),
                mb: 60,
                limit_mb: 50,
            },
            Photo::UsedHere(Box::new(Photo::Heic { file: f() })),
            Photo::Missing {
                field: field(),
                src: src(),
            },
            Photo::Outside {
                field: field(),
                src: src(),
            },
            Photo::ClimbsOut {
                field: field(),
                src: src(),
            },
            Photo::LinkOutside {
                field: field(),
                src: src(),
            },
            Photo::Refused { field: field() },
            Photo::EmptyGallery,
            Photo::Unused { file: f() },
            Photo::NoAlt { url: src() },
            Photo::CoverNoAlt,
        ]
        .map(Kind::from),
    );
    let (key, rel) = (|| s("src"), || s("media/a.mp4"));
    out.extend(
        [
            Video::NoSource,
            Video::Both,
            Video::NoTitle,
            Video::CaptionsOnYoutube,
            Video::NoCaptions,
            Video::Outside {
                key: key(),
                value: rel(),
            },
            Video::Missing {
                key: key(),
                rel: rel(),
            },
            Video::BadYoutube { id: s("x") },
        ]
        .map(Kind::from),
    );
    for expected in [VideoFile::Video, VideoFile::Poster, VideoFile::Captions] {
        out.push(
            Video::WrongKind {
                key: key(),
                rel: rel(),
                expected,
            }
            .into(),
        );
    }
    out.extend(
        [
            Block::UnknownChart {
                id: s("x"),
                known: v(&["a"]),
            },
            Block::UnknownChart {
                id: s("x"),
                known: vec![],
            },
            Block::UnknownDataset {
                id: s("x"),
                known: v(&["a"]),
            },
            Block::UnknownColumn {
                column: s("x"),
                dataset: s("d"),
                known: v(&["a"]),
            },
            Block::FilterMatchesNothing { dataset: s("d") },
        ]
        .map(Kind::from),
    );
    out.extend(
        [
            Section::PersonTwice {
                id: s("a"),
                first: 1,
            },
            Section::BadPersonId { id: s("A") },
            Section::PhotoPath { photo: s("/a.jpg") },
            Section::PhotoMissing { photo: s("a.jpg") },
            Section::UnknownPerson {
                id: s("x"),
                known: v(&["a"]),
            },
            Section::UnknownPerson {
                id: s("x"),
                known: vec![],
            },
            Section::BadDate {
                value: s("x"),
                why: Date::NotADate { text: s("x") },
            },
            Section::OutsideWeek {
                date: s("2026-01-01"),
                week: s("2026-W49"),
            },
            Section::BadSession {
                session: s("trưa")
            },
            Section::BadTime { time: s("8h") },
            Section::SessionAndTime,
        ]
        .map(Kind::from),
    );
    out.extend(
        [
            Render::Template {
                why: s("Found `}`"),
            },
            Render::AliasTaken {
                alias: s("/a/"),
                by: s("a.md:3"),
            },
            Render::AliasIsPage {
                alias: s("/a/"),
                source: Some(s("a.md")),
            },
            Render::AliasIsPage {
                alias: s("/a/"),
                source: None,
            },
            Render::SameOutput,
        ]
        .map(Kind::from),
    );
    out
}

#[test]
fn every_content_message_is_in_vietnamese_and_english() {
    let all = all();
    assert!(all.len() >= 77, "{}", all.len());
    super::says_both(all);
}
