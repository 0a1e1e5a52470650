//! Writes a photo as a phone camera would: `camera-photo OUT.jpg [WIDTH HEIGHT SEED]`,
//! a JPEG at quality 92 with detail at every scale (broad light, shapes, texture and
//! sensor grain), several MB at 4000 × 3000, for the picture benchmark
//! (`bench/pictures.mjs`). Made here, so no photo from elsewhere is needed.

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, Rgb, RgbImage};
use std::process::ExitCode;

/// A small generator is enough for texture and grain: xorshift, seeded per photo.
struct Grain(u64);

impl Grain {
    fn next(&mut self, spread: u64) -> i32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % spread) as i32 - (spread / 2) as i32
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first() else {
        eprintln!("usage: camera-photo OUT.jpg [WIDTH HEIGHT SEED]");
        return ExitCode::from(2);
    };
    let number =
        |i: usize, default: u32| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let (width, height, seed) = (number(1, 4000), number(2, 3000), number(3, 1));
    let mut grain = Grain(u64::from(seed).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    // Broad light and shapes, drawn small and enlarged (in the image crate, optimised).
    let (sw, sh) = (width / 8, height / 8);
    let scene = RgbImage::from_fn(sw, sh, |x, y| {
        let sky = 255 * (sh - y) / sh;
        let band = if (x / 37 + y / 23) % 3 == 0 { 60 } else { 0 };
        let texture = grain.next(70);
        let channel = |v: i32| v.clamp(0, 255) as u8;
        Rgb([
            channel(sky as i32 / 2 + 60 + band + texture),
            channel(sky as i32 / 3 + 90 + texture),
            channel(150 - band + texture / 2),
        ])
    });
    let mut photo = DynamicImage::ImageRgb8(scene)
        .resize_exact(width, height, FilterType::CatmullRom)
        .to_rgb8();
    // Fine texture and sensor grain, at the full size.
    for pixel in photo.pixels_mut() {
        let noise = grain.next(17);
        for channel in pixel.0.iter_mut() {
            *channel = (i32::from(*channel) + noise).clamp(0, 255) as u8;
        }
    }
    let mut bytes = Vec::new();
    if let Err(e) = JpegEncoder::new_with_quality(&mut bytes, 92).encode_image(&photo) {
        eprintln!("camera-photo: {e}");
        return ExitCode::FAILURE;
    }
    if let Err(e) = std::fs::write(out, &bytes) {
        eprintln!("camera-photo: {out}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
