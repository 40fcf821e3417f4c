//! One photo's pixels: decoded once, turned upright, resized to each width and
//! encoded as WebP and JPEG (PNG when it has transparency). Encoding from
//! pixels is what strips the metadata: nothing of the source file but its
//! pixels reaches what is published.

use std::io::Cursor;

use fast_image_resize as fr;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use serde::{Deserialize, Serialize};

use super::settings::ImageSettings;

/// The most pixels a photo may have (100 megapixels; a phone makes 12–50).
pub const MAX_PIXELS: u64 = 100_000_000;
/// The largest photo file accepted, in bytes.
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;

/// Why a photo could not be made into web versions; the words are in
/// [`crate::diagnostic::msg::Photo`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not an image format trangtin reads (a text file named .jpg).
    NotAPhoto,
    /// HEIC/HEIF, as iPhones save.
    Heic,
    /// The file is cut short or damaged; the decoder's words.
    Damaged(String),
    /// More pixels than [`MAX_PIXELS`].
    TooManyPixels { width: u32, height: u32 },
    /// A larger file than [`MAX_BYTES`].
    TooLarge { bytes: u64 },
}

/// What was made of one photo: its upright size and the files, by their name
/// in the cache entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub width: u32,
    pub height: u32,
    /// Transparent photos get PNG instead of JPEG.
    pub alpha: bool,
    /// The widths made, smallest first.
    pub widths: Vec<u32>,
    pub og_width: u32,
    /// The file published at the source's own address.
    pub fallback: String,
}

impl Meta {
    /// The extension of the non-WebP versions.
    pub fn legacy_ext(&self) -> &'static str {
        if self.alpha {
            "png"
        } else {
            "jpg"
        }
    }
    pub fn height_for(&self, w: u32) -> u32 {
        scaled_height(self.width, self.height, w)
    }
}

pub fn scaled_height(full_w: u32, full_h: u32, w: u32) -> u32 {
    ((u64::from(full_h) * u64::from(w) + u64::from(full_w) / 2) / u64::from(full_w)).max(1) as u32
}

/// The photo's format from its first bytes, so a renamed file is caught.
pub fn sniff(bytes: &[u8]) -> Result<ImageFormat, Problem> {
    if bytes.len() > 12 && &bytes[4..8] == b"ftyp" {
        let brand = &bytes[8..12];
        if [
            b"heic", b"heix", b"mif1", b"msf1", b"hevc", b"heim", b"heis",
        ]
        .contains(&brand.try_into().unwrap_or(b"    "))
        {
            return Err(Problem::Heic);
        }
    }
    match image::guess_format(bytes) {
        Ok(f @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)) => Ok(f),
        _ => Err(Problem::NotAPhoto),
    }
}

/// What can be told of a photo without decoding it: its format, that the
/// file is whole, and that it has not too many pixels. For `serve`, which
/// makes the photo later.
pub fn precheck(bytes: &[u8]) -> Result<(), Problem> {
    let format = sniff(bytes)?;
    if format == ImageFormat::Jpeg && !has_jpeg_end(bytes) {
        return Err(Problem::Damaged(
            "the file ends before the picture does".into(),
        ));
    }
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(|e| Problem::Damaged(e.to_string()))?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Problem::TooManyPixels { width, height });
    }
    Ok(())
}

/// Decodes `bytes` and turns the pixels upright by the EXIF orientation.
pub fn decode(bytes: &[u8]) -> Result<DynamicImage, Problem> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Problem::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    let format = sniff(bytes)?;
    if format == ImageFormat::Jpeg && !has_jpeg_end(bytes) {
        return Err(Problem::Damaged(
            "the file ends before the picture does".into(),
        ));
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_PIXELS * 4 + (64 << 20));
    reader.limits(limits);
    let damaged = |e: image::ImageError| Problem::Damaged(e.to_string());
    let mut decoder = reader.into_decoder().map_err(damaged)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Problem::TooManyPixels { width, height });
    }
    if width == 0 || height == 0 {
        return Err(Problem::Damaged("the picture has no pixels".into()));
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(damaged)?;
    img.apply_orientation(orientation);
    Ok(img)
}

/// A whole JPEG ends with its end-of-image marker (cameras may append a
/// trailer after it, so look near the end, not at the last two bytes only).
fn has_jpeg_end(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(bytes.len() / 4 + 2)..];
    tail.windows(2).any(|w| w == [0xFF, 0xD9])
}

/// The pixels of a decoded photo, 3 or 4 bytes each.
pub struct Pixels {
    pub width: u32,
    pub height: u32,
    pub alpha: bool,
    pub data: Vec<u8>,
}

impl Pixels {
    pub fn from_image(img: DynamicImage) -> Pixels {
        let (width, height) = (img.width(), img.height());
        let alpha = img.color().has_alpha();
        let data = if alpha {
            img.into_rgba8().into_raw()
        } else {
            img.into_rgb8().into_raw()
        };
        Pixels {
            width,
            height,
            alpha,
            data,
        }
    }

    fn kind(&self) -> fr::PixelType {
        if self.alpha {
            fr::PixelType::U8x4
        } else {
            fr::PixelType::U8x3
        }
    }

    /// A Lanczos3 resize to `w` pixels wide, the height in proportion.
    pub fn resized(&self, w: u32) -> Pixels {
        let h = scaled_height(self.width, self.height, w);
        if w == self.width {
            return Pixels {
                width: w,
                height: h,
                alpha: self.alpha,
                data: self.data.clone(),
            };
        }
        let mut dst = fr::images::Image::new(w, h, self.kind());
        // The sizes always match the buffers made just above and in from_image.
        if let Ok(src) = fr::images::ImageRef::new(self.width, self.height, &self.data, self.kind())
        {
            let opts = fr::ResizeOptions::new()
                .resize_alg(fr::ResizeAlg::Convolution(fr::FilterType::Lanczos3));
            let _ = fr::Resizer::new().resize(&src, &mut dst, &opts);
        }
        Pixels {
            width: w,
            height: h,
            alpha: self.alpha,
            data: dst.into_vec(),
        }
    }

    pub fn webp(&self, quality: u8) -> Vec<u8> {
        let enc = if self.alpha {
            webp::Encoder::from_rgba(&self.data, self.width, self.height)
        } else {
            webp::Encoder::from_rgb(&self.data, self.width, self.height)
        };
        enc.encode_simple(false, f32::from(quality))
            .map(|m| m.to_vec())
            .unwrap_or_default()
    }

    /// JPEG for opaque photos, PNG for transparent ones.
    pub fn legacy(&self, quality: u8) -> Vec<u8> {
        if self.alpha {
            return self.png();
        }
        let mut out = Vec::new();
        let mut enc = jpeg_encoder::Encoder::new(&mut out, quality);
        // Progressive: a slow phone shows the whole photo early, then sharpens it.
        enc.set_progressive(true);
        let (w, h) = (self.width as u16, self.height as u16);
        let _ = enc.encode(&self.data, w, h, jpeg_encoder::ColorType::Rgb);
        out
    }

    pub fn png(&self) -> Vec<u8> {
        use image::ImageEncoder;
        let mut out = Vec::new();
        let color = if self.alpha {
            image::ExtendedColorType::Rgba8
        } else {
            image::ExtendedColorType::Rgb8
        };
        let enc = image::codecs::png::PngEncoder::new(&mut out);
        let _ = enc.write_image(&self.data, self.width, self.height, color);
        out
    }
}

/// The files made of one photo: name in the cache entry, bytes.
pub type Files = Vec<(String, Vec<u8>)>;

/// Every file of one photo, by cache name, and what they are.
pub fn make(bytes: &[u8], settings: &ImageSettings) -> Result<(Meta, Files), Problem> {
    let format = sniff(bytes)?;
    let full = Pixels::from_image(decode(bytes)?);
    let widths = settings.widths_for(full.width);
    let og_width = settings.og_width.min(full.width);
    let q = settings.quality;
    let mut meta = Meta {
        width: full.width,
        height: full.height,
        alpha: full.alpha,
        widths: widths.clone(),
        og_width,
        fallback: String::new(),
    };
    let ext = meta.legacy_ext();
    let mut files = Vec::new();
    for &w in &widths {
        let p = full.resized(w);
        files.push((format!("{w}.webp"), p.webp(q)));
        files.push((format!("{w}.{ext}"), p.legacy(q)));
    }
    if !widths.contains(&og_width) {
        files.push((
            format!("{og_width}.{ext}"),
            full.resized(og_width).legacy(q),
        ));
    }
    let top = widths.last().copied().unwrap_or(full.width);
    meta.fallback = match format {
        ImageFormat::WebP => format!("{top}.webp"),
        ImageFormat::Png if !full.alpha => {
            files.push(("full.png".into(), full.resized(top).png()));
            "full.png".into()
        }
        _ => format!("{top}.{ext}"),
    };
    Ok((meta, files))
}
