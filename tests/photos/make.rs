//! Photos made in code for the tests: gradients plus noise (they compress like
//! photos), with EXIF orientation, GPS and camera tags where asked.

use image::{ImageEncoder, Rgb, RgbImage, Rgba, RgbaImage};

/// A `w`×`h` JPEG whose left half is red and right half blue, with noise.
pub fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let mut seed = 12345u32;
    let img = RgbImage::from_fn(w, h, |x, y| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let n = ((seed >> 16) % 24) as u8;
        let g = (y * 120 / h.max(1)) as u8;
        if x < w / 2 {
            Rgb([220 - n, g + n, 20 + n])
        } else {
            Rgb([20 + n, g + n, 220 - n])
        }
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// The camera's words hidden in [`with_exif`]: none may reach the site.
pub const CAMERA: &[u8] = b"SECRETCAM-SN-4242";

/// `jpeg` with an EXIF block: an orientation, the camera's make and serial,
/// and a GPS position (latitude 16°N).
pub fn with_exif(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    // TIFF, little-endian: IFD0 at 8 with 3 entries, then the GPS IFD, then the text.
    let mut t: Vec<u8> = b"II*\0".to_vec();
    t.extend(8u32.to_le_bytes());
    let ifd0_len = 2 + 3 * 12 + 4;
    let gps_at = 8 + ifd0_len as u32;
    let gps_len = 2 + 2 * 12 + 4;
    let text_at = gps_at + gps_len;
    let lat_at = text_at + CAMERA.len() as u32 + 1;
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32| {
        t.extend(tag.to_le_bytes());
        t.extend(kind.to_le_bytes());
        t.extend(count.to_le_bytes());
        t.extend(value.to_le_bytes());
    };
    t.extend(3u16.to_le_bytes());
    entry(&mut t, 0x010F, 2, CAMERA.len() as u32 + 1, text_at);
    entry(&mut t, 0x0112, 3, 1, u32::from(orientation));
    entry(&mut t, 0x8825, 4, 1, gps_at);
    t.extend(0u32.to_le_bytes());
    t.extend(2u16.to_le_bytes());
    entry(&mut t, 0x0001, 2, 2, u32::from_le_bytes(*b"N\0\0\0"));
    entry(&mut t, 0x0002, 5, 3, lat_at);
    t.extend(0u32.to_le_bytes());
    t.extend(CAMERA);
    t.push(0);
    for (num, den) in [(16u32, 1u32), (4, 1), (1234, 100)] {
        t.extend(num.to_le_bytes());
        t.extend(den.to_le_bytes());
    }
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(t);
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend(((app1.len() + 2) as u16).to_be_bytes());
    out.extend(app1);
    out.extend(&jpeg[2..]);
    out
}

/// A `w`×`h` PNG, opaque on the left, see-through on the right.
pub fn png_alpha(w: u32, h: u32) -> Vec<u8> {
    let img = RgbaImage::from_fn(w, h, |x, y| {
        let a = if x < w / 2 { 255 } else { 0 };
        Rgba([(x % 256) as u8, (y % 256) as u8, 90, a])
    });
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgba8)
        .unwrap();
    out
}

/// A small JPEG whose header claims `w`×`h` pixels (for the size limit,
/// without making a 100-megapixel file).
pub fn claims_size(w: u16, h: u16) -> Vec<u8> {
    let mut b = jpeg(64, 48);
    let sof = b
        .windows(2)
        .position(|x| x[0] == 0xFF && (x[1] == 0xC0 || x[1] == 0xC2))
        .expect("a frame header");
    b[sof + 5..sof + 7].copy_from_slice(&h.to_be_bytes());
    b[sof + 7..sof + 9].copy_from_slice(&w.to_be_bytes());
    b
}

/// Whether `hay` holds `needle`.
pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}
