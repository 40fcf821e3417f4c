//! Draws the sample site's illustrative photos (content/media/minh-hoa/*.jpg):
//! a conference hall seen from the back, the stage, and the delegates, with
//! light grain so they compress like photos. They are marked "Ảnh minh họa".
//!
//! `cargo run --release --example sample-photos -- content/media/minh-hoa`

use image::{Rgb, RgbImage};

type Paint = fn(f32, f32) -> [f32; 3];

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or("content/media/minh-hoa".into());
    std::fs::create_dir_all(&dir).expect("the folder");
    let scenes: [(&str, u32, u32, Paint); 4] = [
        ("hoi-truong-tam-ky.jpg", 1600, 1000, hall),
        ("san-khau.jpg", 1200, 800, stage),
        ("dai-bieu.jpg", 1200, 800, delegates),
        ("bieu-quyet.jpg", 1200, 800, voting),
    ];
    for (name, w, h, paint) in scenes {
        let mut seed = 7u32;
        let img = RgbImage::from_fn(w, h, |x, y| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let grain = ((seed >> 16) % 13) as f32 - 6.0;
            let c = paint(x as f32 / w as f32, y as f32 / h as f32);
            Rgb(c.map(|v| (v + grain).clamp(0.0, 255.0) as u8))
        });
        let path = format!("{dir}/{name}");
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 82)
            .encode_image(&img)
            .expect("encoded");
        std::fs::write(&path, &out).expect("written");
        println!("{path}: {} kB", out.len() / 1024);
    }
}

fn mix(a: [f32; 3], b: [f32; 3], t: f32) -> [f32; 3] {
    let t = t.clamp(0.0, 1.0);
    [0, 1, 2].map(|i| a[i] + (b[i] - a[i]) * t)
}

const RED: [f32; 3] = [178.0, 18.0, 22.0];
const GOLD: [f32; 3] = [226.0, 182.0, 64.0];
const WALL: [f32; 3] = [226.0, 214.0, 196.0];
const CLOTH: [f32; 3] = [236.0, 236.0, 232.0];
const HAIR: [f32; 3] = [32.0, 28.0, 26.0];
const SHIRT: [f32; 3] = [206.0, 214.0, 226.0];

/// The red backdrop with a gold band and a slogan line, over a stage.
fn backdrop(x: f32, y: f32) -> [f32; 3] {
    let glow = 1.0 - ((x - 0.5).abs() * 1.2);
    let base = mix([120.0, 8.0, 12.0], RED, glow);
    if (0.16..0.19).contains(&y) || (0.40..0.42).contains(&y) {
        return GOLD;
    }
    if (0.24..0.33).contains(&y) && (0.15..0.85).contains(&x) {
        // Letters of a banner: regular strokes in pale yellow.
        let stroke = ((x * 90.0).fract() < 0.35) && ((y * 60.0).fract() < 0.7);
        return if stroke { [250.0, 230.0, 150.0] } else { base };
    }
    // A gold star in the middle.
    let (dx, dy) = (x - 0.5, (y - 0.09) * 1.6);
    let r = (dx * dx + dy * dy).sqrt();
    let a = dy.atan2(dx);
    if r < 0.05 * (0.55 + 0.45 * (a * 5.0).cos().abs()) {
        return GOLD;
    }
    base
}

/// Rows of seated people seen from behind, getting larger to the front.
fn audience(x: f32, y: f32, from: f32) -> Option<[f32; 3]> {
    if y < from {
        return None;
    }
    let depth = (y - from) / (1.0 - from);
    let rows = 5.0;
    let row = (depth * rows).floor();
    let in_row = (depth * rows).fract();
    let size = 0.025 + 0.018 * row;
    let cx = ((x + row * 0.37) / size).fract() - 0.5;
    let head = cx * cx + (in_row - 0.35).powi(2) * 1.4 < 0.09;
    if head {
        return Some(mix(HAIR, [70.0, 55.0, 45.0], in_row));
    }
    if in_row > 0.55 {
        return Some(mix(SHIRT, [40.0, 50.0, 70.0], (cx * 7.0).sin().abs() * 0.5));
    }
    None
}

fn hall(x: f32, y: f32) -> [f32; 3] {
    if let Some(c) = audience(x, y, 0.62) {
        return c;
    }
    if (0.2..0.8).contains(&x) && y < 0.5 {
        return backdrop((x - 0.2) / 0.6, y / 0.5);
    }
    if (0.5..0.62).contains(&y) && (0.18..0.82).contains(&x) {
        return mix(CLOTH, [180.0, 180.0, 175.0], (y - 0.5) * 8.0);
    }
    let light = 1.0 - (y - 0.3).abs();
    mix([150.0, 135.0, 120.0], WALL, light)
}

fn stage(x: f32, y: f32) -> [f32; 3] {
    if y < 0.62 {
        return backdrop(x, y / 0.62 * 0.8);
    }
    // A lectern with the emblem's red, a vase of yellow flowers beside it.
    if (0.42..0.58).contains(&x) && y > 0.55 {
        return if (0.47..0.53).contains(&x) && (0.62..0.7).contains(&y) {
            GOLD
        } else {
            [150.0, 90.0, 50.0]
        };
    }
    if (0.18..0.26).contains(&x) && (0.55..0.68).contains(&y) {
        let f = ((x * 120.0).sin() * (y * 140.0).cos()).abs();
        return mix([240.0, 200.0, 40.0], [60.0, 120.0, 40.0], f);
    }
    mix([110.0, 60.0, 40.0], [70.0, 35.0, 25.0], (y - 0.62) * 2.5)
}

fn delegates(x: f32, y: f32) -> [f32; 3] {
    if let Some(c) = audience(x, y, 0.25) {
        return c;
    }
    mix(WALL, [170.0, 150.0, 130.0], y * 1.5)
}

fn voting(x: f32, y: f32) -> [f32; 3] {
    // Raised red cards over the audience.
    let col = (x * 14.0).fract();
    let row = (y * 5.0).fract();
    if y < 0.55
        && y > 0.1
        && (0.3..0.6).contains(&col)
        && (0.2..0.7).contains(&row)
        && ((x * 14.0).floor() as i32 + (y * 5.0).floor() as i32) % 3 != 0
    {
        return mix(RED, [220.0, 60.0, 60.0], row);
    }
    delegates(x, (y * 0.8 + 0.2).min(1.0))
}
