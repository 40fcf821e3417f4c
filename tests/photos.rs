//! Photos: phone photos in content/media become small, upright, metadata-free
//! WebP and JPEG versions, shown with `<picture>`; bad photos stop the build
//! with a message naming the photo and the article.

mod common;
#[path = "photos/make.rs"]
mod make;

use std::collections::BTreeMap;

use common::Site;

const ARTICLE: &str = "content/articles/anh.md";

/// The minimal site plus a rotated phone photo with GPS (the cover), a
/// transparent PNG in the body and a gallery.
fn site_with_photos() -> Site {
    let site = Site::new("minimal");
    site.write(
        "content/media/2023/hoi-nghi.jpg",
        make::with_exif(&make::jpeg(2000, 1000), 6),
    )
    .write("content/media/2023/logo.png", make::png_alpha(300, 200))
    .write("content/media/2023/a.jpg", make::jpeg(1700, 1000))
    .write("content/media/2023/b.jpg", make::jpeg(640, 480))
    .write(
        ARTICLE,
        "---\ntitle: Hội nghị có ảnh\ndate: 2023-03-10\nimage: { src: media/2023/hoi-nghi.jpg, caption: Quang cảnh hội nghị, credit: \"Ảnh: MN <b>\" }\n---\nMở đầu.\n\n![Biểu trưng](media/2023/logo.png \"Chú thích <i>\")\n\n```gallery\n- { src: media/2023/a.jpg, caption: Đồng chí phát biểu }\n- { src: media/2023/b.jpg, caption: Quang cảnh, credit: \"Ảnh: MN\" }\n```\n",
    );
    site
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[at..at + tag[at..].find('"')?])
}

/// Every `<tag …>` of `html`.
fn tags<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    html.match_indices(&format!("<{tag} "))
        .map(|(i, _)| &html[i..i + html[i..].find('>').unwrap()])
        .collect()
}

#[test]
fn photos_are_resized_upright_and_stripped() {
    let site = site_with_photos();
    let run = site.build(&[]).ok();
    let page = run.page("/tin-tuc/hoi-nghi-co-anh/");
    let main = common::main_of(&page);
    // Every srcset entry exists and every <img> has its size.
    let mut entries = 0;
    for source in tags(main, "source") {
        for item in attr(source, "srcset").unwrap().split(", ") {
            let (url, w) = item.split_once(' ').unwrap();
            assert!(run.exists(url), "{url} of {source}");
            assert!(w.ends_with('w'));
            entries += 1;
        }
    }
    assert!(entries >= 8, "{main}");
    for img in tags(main, "img") {
        assert!(
            attr(img, "width").is_some() && attr(img, "height").is_some(),
            "{img}"
        );
        assert!(run.exists(attr(img, "src").unwrap()), "{img}");
    }
    // The cover: 2000×1000 turned by EXIF orientation 6 is 1000×2000; widths
    // never upscaled: 480, 960 and the photo's own 1000.
    let cover = tags(main, "source")[0];
    let srcset = attr(cover, "srcset").unwrap();
    let widths: Vec<&str> = srcset
        .split(", ")
        .map(|i| i.split(' ').nth(1).unwrap())
        .collect();
    assert_eq!(widths, ["480w", "960w", "1000w"], "{srcset}");
    let first = srcset.split(' ').next().unwrap();
    let small = image::load_from_memory(
        &std::fs::read(run.output.join(first.trim_start_matches('/'))).unwrap(),
    )
    .unwrap();
    assert_eq!((small.width(), small.height()), (480, 960));
    // Turned clockwise: the red left half of the sensor is now the top.
    let top = small.to_rgb8().get_pixel(240, 100).0;
    let bottom = small.to_rgb8().get_pixel(240, 860).0;
    assert!(top[0] > 150 && top[2] < 100, "top {top:?}");
    assert!(bottom[2] > 150 && bottom[0] < 100, "bottom {bottom:?}");
    // The first large image loads at once, the others when near.
    let imgs = tags(main, "img");
    assert!(
        imgs[0].contains("fetchpriority=\"high\"") && !imgs[0].contains("loading="),
        "{}",
        imgs[0]
    );
    assert!(imgs[1..]
        .iter()
        .all(|i| i.contains("loading=\"lazy\" decoding=\"async\"")));
    // Editors' words are escaped; credit and caption shown.
    assert!(
        main.contains("Ảnh: MN &lt;b&gt;") && !main.contains("<b>"),
        "{main}"
    );
    assert!(main.contains("Chú thích &lt;i&gt;"));
    assert!(main.contains("<ul class=\"gallery\""));
    // og:image is the 1200-wide version (here the photo's 1000).
    let og = page
        .split("og:image\" content=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert!(og.ends_with(".1000.jpg"), "{og}");
    // No metadata anywhere: not the camera, not the GPS, not an EXIF block.
    for (path, bytes) in run.files() {
        if path.starts_with("media/") {
            assert!(
                !make::contains(&bytes, make::CAMERA),
                "camera data in {path}"
            );
            assert!(!make::contains(&bytes, b"Exif"), "EXIF in {path}");
        }
    }
    // Originals are not published: their address gets the largest web version.
    let at_src = image::load_from_memory(
        &std::fs::read(run.output.join("media/2023/hoi-nghi.jpg")).unwrap(),
    )
    .unwrap();
    assert_eq!((at_src.width(), at_src.height()), (1000, 2000));
}

#[test]
fn transparent_png_keeps_its_transparency() {
    let site = site_with_photos();
    let run = site.build(&[]).ok();
    let main = run.main("/tin-tuc/hoi-nghi-co-anh/");
    let figure = &main[main.find("<figure class=\"photo\"").unwrap()..];
    let png = tags(figure, "source")[1];
    assert_eq!(attr(png, "type"), Some("image/png"));
    let url = attr(png, "srcset").unwrap().split(' ').next().unwrap();
    let img = image::load_from_memory(
        &std::fs::read(run.output.join(url.trim_start_matches('/'))).unwrap(),
    )
    .unwrap();
    assert_eq!(
        img.to_rgba8().get_pixel(290, 10).0[3],
        0,
        "see-through stays see-through"
    );
    assert_eq!(img.to_rgba8().get_pixel(10, 10).0[3], 255);
}

#[test]
fn second_build_decodes_nothing_and_old_entries_are_pruned() {
    let site = site_with_photos();
    let first = site.build(&[]).ok();
    assert!(
        first.stdout.contains("photos: 4 (4 made now"),
        "{}",
        first.stdout
    );
    let files = first.files();
    let second = site.build(&[]).ok();
    assert!(
        second.stdout.contains("photos: 4 (0 made now"),
        "{}",
        second.stdout
    );
    assert_eq!(files, second.files(), "the same bytes from the cache");
    let entries = |s: &Site| {
        std::fs::read_dir(s.root.join(".trangtin-cache/photos"))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().is_dir())
            .count()
    };
    assert_eq!(entries(&site), 4);
    // A replaced photo: made again, under a new name; its old entry goes.
    site.write("content/media/2023/b.jpg", make::jpeg(500, 400));
    let third = site.build(&[]).ok();
    assert!(
        third.stdout.contains("photos: 4 (1 made now"),
        "{}",
        third.stdout
    );
    assert_eq!(entries(&site), 4);
    let old: Vec<_> = files
        .keys()
        .filter(|p| p.starts_with("media/2023/b."))
        .collect();
    assert!(
        old.iter()
            .all(|p| p.as_str() == "media/2023/b.jpg" || !third.exists(p)),
        "{old:?}"
    );
}

/// Inode and change time (which a new link moves) of each published web
/// version of a photo.
fn photo_stamps(out: &std::path::Path) -> BTreeMap<String, (u64, i64, i64)> {
    use std::os::unix::fs::MetadataExt;
    walkdir::WalkDir::new(out.join("media"))
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.file_name().to_string_lossy().matches('.').count() >= 3)
        .map(|e| {
            let m = e.metadata().unwrap();
            let rel = e.path().strip_prefix(out).unwrap();
            (
                rel.to_string_lossy().into_owned(),
                (m.ino(), m.ctime(), m.ctime_nsec()),
            )
        })
        .collect()
}

#[test]
fn published_photos_are_the_cache_files_and_a_text_edit_leaves_them_alone() {
    use std::os::unix::fs::MetadataExt;
    let site = site_with_photos();
    let run = site.build(&[]).ok();
    let cached: std::collections::BTreeSet<u64> =
        walkdir::WalkDir::new(site.root.join(".trangtin-cache/photos"))
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| e.metadata().unwrap().ino())
            .collect();
    let published = photo_stamps(&run.output);
    assert!(published.len() >= 12, "{published:?}");
    for (path, (ino, ..)) in &published {
        assert!(
            cached.contains(ino),
            "{path} is a copy, not the cache's file"
        );
    }
    site.edit(ARTICLE, |s| s.replace("Mở đầu.", "Mở đầu hội nghị."));
    let again = site.build(&[]).ok();
    assert!(
        again
            .main("/tin-tuc/hoi-nghi-co-anh/")
            .contains("Mở đầu hội nghị."),
        "the page shows the new text"
    );
    assert_eq!(
        photo_stamps(&again.output),
        published,
        "no photo written again"
    );
}

#[test]
fn originals_are_published_when_asked() {
    let site = site_with_photos();
    site.edit("content/site.yaml", |s| {
        format!("{s}\nimages: {{ originals: true, widths: [300] }}\n")
    });
    let run = site.build(&[]).ok();
    let original = std::fs::read(site.root.join("content/media/2023/hoi-nghi.jpg")).unwrap();
    assert_eq!(
        std::fs::read(run.output.join("media/2023/hoi-nghi.jpg")).unwrap(),
        original
    );
    let main = run.main("/tin-tuc/hoi-nghi-co-anh/");
    assert!(main.contains(".300.webp 300w\""), "{main}");
}

#[test]
fn a_photo_no_page_uses_is_a_warning_in_check() {
    let site = site_with_photos();
    site.write("content/media/thua.jpg", make::jpeg(100, 80));
    let run = site.check(&[]).ok();
    assert!(
        run.stderr.contains("warning: content/media/thua.jpg: no article or page uses the photo `content/media/thua.jpg`"),
        "{}",
        run.stderr
    );
}

/// Builds once, breaks the site with `bad`, and checks the second build
/// fails with `expected` and leaves the first output as it was.
fn fails_with(bad: impl FnOnce(&Site), expected: &str) {
    let site = site_with_photos();
    let good = site.build(&[]).ok().files();
    bad(&site);
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(expected),
        "expected\n{expected}\ngot\n{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"));
    assert_eq!(common::list_files(&run.output), good, "output untouched");
}

#[test]
fn a_cut_short_photo_names_the_photo_and_the_article() {
    fails_with(
        |s| {
            let whole = make::jpeg(800, 600);
            s.write("content/media/2023/a.jpg", &whole[..whole.len() / 2]);
        },
        "content/articles/anh.md:11: the photo is used here; `content/media/2023/a.jpg` is damaged or cut short (the file ends before the picture does); copy it again from the camera or phone, or open and save it again as JPEG",
    );
}

#[test]
fn a_text_file_named_jpg_is_not_a_photo() {
    fails_with(
        |s| {
            s.write("content/media/2023/b.jpg", "không phải ảnh");
        },
        "content/articles/anh.md:12: the photo is used here; `content/media/2023/b.jpg` is not a JPEG, PNG or WebP photo (its content is something else, whatever its name says); export it again as JPEG",
    );
}

#[test]
fn a_photo_over_100_megapixels_is_refused() {
    fails_with(
        |s| {
            s.write("content/media/2023/hoi-nghi.jpg", make::claims_size(12000, 9000));
        },
        "content/articles/anh.md: the photo is used here; `content/media/2023/hoi-nghi.jpg` is 12000×9000 pixels, over the limit of 100 megapixels; make it smaller (for example 4000 pixels wide) before adding it",
    );
}

#[test]
fn heic_says_how_to_convert() {
    fails_with(
        |s| {
            s.write("content/media/iphone.heic", b"\0\0\0\x18ftypheic\0\0\0\0mif1heic");
        },
        "content/media/iphone.heic: `content/media/iphone.heic` is a HEIC photo (as iPhones save them), which web browsers cannot show; convert it to JPEG",
    );
}

#[test]
fn a_missing_photo_names_the_line() {
    fails_with(
        |s| {
            s.edit(ARTICLE, |t| t.replace("media/2023/b.jpg", "media/2023/khong-co.jpg"));
        },
        "content/articles/anh.md:12: gallery: the photo `content/media/2023/khong-co.jpg` does not exist",
    );
}

#[test]
fn a_photo_outside_the_site_is_refused() {
    fails_with(
        |s| {
            s.edit(ARTICLE, |t| {
                t.replace("](media/2023/logo.png", "](../../etc/passwd.png")
            });
        },
        "content/articles/anh.md:8: image: `../../etc/passwd.png` goes up out of content/ with `..`; trangtin reads nothing outside the site folder",
    );
}
