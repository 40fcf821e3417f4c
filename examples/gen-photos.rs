//! Generates the photo benchmark's sites: N camera-sized JPEGs (gradients plus
//! noise, so they compress like photos, about 1–3 MB each), one cover per
//! article, as a trangtin site and as a Hugo site that makes the same versions
//! (480, 960, 1600 wide in WebP q80 and JPEG q80, and 1200 for link previews).
//!
//! `cargo run --release --example gen-photos -- N OUT [WIDTH HEIGHT]` writes
//! OUT/trangtin, OUT/trangtin-nophotos (the same articles without covers) and OUT/hugo.

use std::fs;
use std::path::Path;

use image::{Rgb, RgbImage};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(20);
    let out = Path::new(args.get(2).map_or("photo-bench", String::as_str));
    let w: u32 = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(4000);
    let h: u32 = args.get(4).and_then(|a| a.parse().ok()).unwrap_or(3000);
    let site = out.join("trangtin");
    let bare = out.join("trangtin-nophotos");
    let hugo = out.join("hugo");
    for d in [&site, &bare] {
        fs::create_dir_all(d.join("content/articles")).unwrap();
        fs::write(
            d.join("content/site.yaml"),
            "title: Ảnh\nbase_url: https://example.vn/\n",
        )
        .unwrap();
    }
    fs::create_dir_all(site.join("content/media")).unwrap();
    fs::create_dir_all(hugo.join("layouts/_default")).unwrap();
    fs::write(hugo.join("config.toml"), "baseURL = 'https://example.vn/'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n[imaging]\nquality = 80\nresampleFilter = 'lanczos'\n").unwrap();
    fs::write(hugo.join("layouts/_default/single.html"), HUGO_SINGLE).unwrap();
    fs::write(
        hugo.join("layouts/_default/list.html"),
        "<h1>{{ .Title }}</h1>",
    )
    .unwrap();
    for i in 0..n {
        let jpeg = photo(w, h, i as u32);
        fs::write(site.join(format!("content/media/anh-{i:04}.jpg")), &jpeg).unwrap();
        let bundle = hugo.join(format!("content/posts/bai-{i:04}"));
        fs::create_dir_all(&bundle).unwrap();
        fs::write(bundle.join("cover.jpg"), &jpeg).unwrap();
        fs::write(
            bundle.join("index.md"),
            format!("---\ntitle: Bài {i}\ndate: 2023-03-10\n---\nNội dung.\n"),
        )
        .unwrap();
        let article = |cover: bool| {
            let image = if cover {
                format!("image: {{ src: media/anh-{i:04}.jpg, caption: Ảnh {i} }}\n")
            } else {
                String::new()
            };
            format!("---\ntitle: Bài {i}\ndate: 2023-03-10\n{image}---\nNội dung.\n")
        };
        fs::write(
            site.join(format!("content/articles/bai-{i:04}.md")),
            article(true),
        )
        .unwrap();
        fs::write(
            bare.join(format!("content/articles/bai-{i:04}.md")),
            article(false),
        )
        .unwrap();
    }
    println!("{n} photos of {w}×{h} in {}", out.display());
}

const HUGO_SINGLE: &str = r#"<h1>{{ .Title }}</h1>
{{ with .Resources.GetMatch "cover.jpg" }}
{{ $a := .Resize "480x webp q80" }}{{ $b := .Resize "960x webp q80" }}{{ $c := .Resize "1600x webp q80" }}
{{ $d := .Resize "480x jpg q80" }}{{ $e := .Resize "960x jpg q80" }}{{ $f := .Resize "1600x jpg q80" }}{{ $g := .Resize "1200x jpg q80" }}
<img src="{{ $a.RelPermalink }}"><img src="{{ $b.RelPermalink }}"><img src="{{ $c.RelPermalink }}">
<img src="{{ $d.RelPermalink }}"><img src="{{ $e.RelPermalink }}"><img src="{{ $f.RelPermalink }}"><img src="{{ $g.RelPermalink }}">
{{ end }}
"#;

/// Sky-to-ground gradients, a few shapes and noise: like a photo to a codec.
fn photo(w: u32, h: u32, seed: u32) -> Vec<u8> {
    let mut s = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
    let tint = (seed % 7) as f32 * 12.0;
    let img = RgbImage::from_fn(w, h, |x, y| {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        let noise = (s % 21) as f32 - 10.0;
        let (fx, fy) = (x as f32 / w as f32, y as f32 / h as f32);
        let wave = ((fx * 9.0 + seed as f32).sin() * (fy * 7.0).cos()) * 30.0;
        let c = if fy < 0.45 {
            [
                90.0 + tint + fy * 200.0,
                140.0 + fy * 150.0,
                230.0 - fy * 60.0,
            ]
        } else {
            [120.0 + wave, 100.0 + tint + wave, 60.0 + fy * 40.0]
        };
        Rgb(c.map(|v| (v + noise).clamp(0.0, 255.0) as u8))
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 88)
        .encode_image(&img)
        .unwrap();
    out
}
