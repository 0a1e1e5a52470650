//! Writes a photo as a phone camera would: `camera-photo OUT.jpg [WIDTH HEIGHT SEED]`,
//! a JPEG of smooth light and fine grain at quality 92, several MB at 4000 × 3000, for
//! the picture benchmark (`bench/pictures.mjs`). Made here, so no photo from elsewhere
//! is needed.

use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first() else {
        eprintln!("usage: camera-photo OUT.jpg [WIDTH HEIGHT SEED]");
        return ExitCode::from(2);
    };
    let number = |i: usize, default: u32| {
        args.get(i)
            .and_then(|a| a.parse().ok())
            .unwrap_or(default)
    };
    let (width, height, seed) = (number(1, 4000), number(2, 3000), number(3, 1));
    // A small generator is enough for grain: xorshift, seeded per photo.
    let mut state = u64::from(seed).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut grain = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % 25) as i32 - 12
    };
    let photo = RgbImage::from_fn(width, height, |x, y| {
        let (fx, fy) = (x as f32 / width as f32, y as f32 / height as f32);
        // Sky to ground, a sun, and shapes, as light falls on a scene.
        let sun = 1.0 - ((fx - 0.7).powi(2) + (fy - 0.25).powi(2)).sqrt().min(1.0);
        let wave = ((fx * 40.0 + seed as f32).sin() * (fy * 30.0).cos() * 0.5 + 0.5) * 60.0;
        let base = [
            90.0 + 120.0 * (1.0 - fy) + 60.0 * sun + wave * 0.3,
            110.0 + 90.0 * (1.0 - fy) + 40.0 * sun + wave * 0.5,
            150.0 + 60.0 * (1.0 - fy) - 40.0 * fy + wave * 0.2,
        ];
        let channel = |v: f32| (v as i32 + grain()).clamp(0, 255) as u8;
        Rgb([channel(base[0]), channel(base[1]), channel(base[2])])
    });
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
