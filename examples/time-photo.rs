//! Times each step of making one photo's versions: `cargo run --example time-photo -- PHOTO.jpg`.

use std::time::Instant;

use trangtin::images::process::{decode, Pixels};

fn main() {
    let path = std::env::args().nth(1).expect("a photo");
    let bytes = std::fs::read(&path).expect("read");
    let t = Instant::now();
    let img = decode(&bytes).expect("decoded");
    println!("decode {:?}", t.elapsed());
    let t = Instant::now();
    let full = Pixels::from_image(img);
    println!("pixels {:?}", t.elapsed());
    for w in [1600, 960, 480] {
        let t = Instant::now();
        let p = full.resized(w);
        let r = t.elapsed();
        let t = Instant::now();
        let webp = p.webp(80);
        let e = t.elapsed();
        let t = Instant::now();
        let jpg = p.legacy(80);
        println!(
            "{w}: resize {r:?}, webp {e:?} ({} B), jpeg {:?} ({} B)",
            webp.len(),
            t.elapsed(),
            jpg.len()
        );
    }
}
