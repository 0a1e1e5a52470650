//! Share cards: the picture a link preview shows (WhatsApp, LinkedIn, Facebook, X) for
//! a page without a picture of its own, drawn at build time from its title, its
//! category and the coalition's name, in Atkinson Hyperlegible (SIL Open Font Licence
//! 1.1, `fonts/OFL.txt`), a typeface made for readers with low vision.

use crate::address::{published_file, write, CARDS_PATH, SHARE_SIZE};
use crate::Error;
use ab_glyph::{Font, FontRef, PxScale, ScaleFont};
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::{Rgb, RgbImage};
use sha2::{Digest, Sha256};
use std::fs;
use std::path::Path;

const BOLD: &[u8] = include_bytes!("../fonts/AtkinsonHyperlegible-Bold.ttf");
const REGULAR: &[u8] = include_bytes!("../fonts/AtkinsonHyperlegible-Regular.ttf");

/// The stylesheet, whose colour tokens the cards take: the brand is set once.
const STYLESHEET: &str = include_str!("../../../style/main.css");

/// The stylesheet's colours a card is drawn in: its background, its words, its band.
const COLOURS: [&str; 3] = ["--colour-brand", "--colour-brand-text", "--colour-focus"];

/// Changes whenever the drawing below changes, so cached cards are drawn again.
const RECIPE: &str = "cards 2";

/// The margin around the words, in pixels.
const MARGIN: f32 = 80.0;

/// What one card says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    /// The headline: a post's or page's title.
    pub title: String,
    /// Above it, smaller: a post's category, if it has one.
    pub kicker: Option<String>,
    /// At the foot: the coalition's name.
    pub site: String,
}

impl Card {
    /// The words that stand in for the card, for readers who cannot see it.
    pub fn alt(&self) -> String {
        match &self.kicker {
            Some(kicker) => format!("{}: {kicker}. {}", self.site, self.title),
            None => format!("{}: {}", self.site, self.title),
        }
    }

    fn hash(&self) -> String {
        let digest = Sha256::new()
            .chain_update(RECIPE)
            // The colours it is drawn in, not the whole stylesheet: another rule there
            // draws no card again.
            .chain_update(format!("{:?}", COLOURS.map(token)))
            .chain_update(&self.title)
            .chain_update([0])
            .chain_update(self.kicker.as_deref().unwrap_or_default())
            .chain_update([0])
            .chain_update(&self.site)
            .finalize();
        digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
    }
}

/// A colour token of the stylesheet's first (light) set, such as `--colour-brand`.
fn token(name: &str) -> Result<Rgb<u8>, String> {
    let at = STYLESHEET
        .find(&format!("{name}:"))
        .ok_or_else(|| format!("style/main.css has no {name}"))?;
    let value = STYLESHEET[at + name.len() + 1..]
        .trim_start()
        .split(';')
        .next()
        .unwrap_or_default()
        .trim();
    let hex = value
        .strip_prefix('#')
        .filter(|h| h.len() == 6)
        .ok_or_else(|| format!("{name} in style/main.css is not a #rrggbb colour"))?;
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|e| e.to_string());
    Ok(Rgb([byte(0)?, byte(2)?, byte(4)?]))
}

/// The width `text` takes at `scale`.
fn width_of(font: &FontRef, scale: PxScale, text: &str) -> f32 {
    let font = font.as_scaled(scale);
    let mut width = 0.0;
    let mut last = None;
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(last) = last {
            width += font.kern(last, id);
        }
        width += font.h_advance(id);
        last = Some(id);
    }
    width
}

/// The longest beginning of `text` that fits `room` with " …" after it, then the " …".
/// Each glyph is measured once, adding up the advances as it goes, and the measuring
/// stops at the room's edge: a 16,000-letter word costs what a line does. (Cutting one
/// character at a time and measuring the whole line again took 41 s at that length.)
fn ellipsize(font: &FontRef, scale: PxScale, text: &str, room: f32) -> String {
    let font = font.as_scaled(scale);
    let (space, dots) = (font.glyph_id(' '), font.glyph_id('…'));
    let tail = font.h_advance(space) + font.kern(space, dots) + font.h_advance(dots);
    let mut width = 0.0;
    let mut last = None;
    let mut cut = 0;
    for (at, c) in text.char_indices() {
        let id = font.glyph_id(c);
        if let Some(last) = last {
            width += font.kern(last, id);
        }
        width += font.h_advance(id);
        last = Some(id);
        if width > room {
            break;
        }
        if width + font.kern(id, space) + tail <= room {
            cut = at + c.len_utf8();
        }
    }
    match text[..cut].trim_end() {
        "" => "…".to_string(),
        kept => format!("{kept} …"),
    }
}

/// `text` in lines no wider than `room`, word by word; a word wider than the room
/// stands on its own line (and is cut short when drawn).
fn wrap(font: &FontRef, scale: PxScale, text: &str, room: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let tried = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || width_of(font, scale, &tried) <= room {
            line = tried;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Draws `text` with its baseline at `y`, blending `colour` over the picture.
fn draw(
    canvas: &mut RgbImage,
    font: &FontRef,
    scale: PxScale,
    text: &str,
    y: f32,
    colour: Rgb<u8>,
) {
    let scaled = font.as_scaled(scale);
    let mut x = MARGIN;
    let mut last = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(last) = last {
            x += scaled.kern(last, id);
        }
        let glyph = id.with_scale_and_position(scale, ab_glyph::point(x, y));
        x += scaled.h_advance(id);
        last = Some(id);
        let Some(outline) = font.outline_glyph(glyph) else {
            continue;
        };
        let bounds = outline.px_bounds();
        outline.draw(|gx, gy, coverage| {
            let px = bounds.min.x as i64 + i64::from(gx);
            let py = bounds.min.y as i64 + i64::from(gy);
            if px < 0
                || py < 0
                || px >= i64::from(canvas.width())
                || py >= i64::from(canvas.height())
            {
                return;
            }
            let pixel = canvas.get_pixel_mut(px as u32, py as u32);
            for (channel, ink) in pixel.0.iter_mut().zip(colour.0) {
                let mixed = f32::from(*channel) * (1.0 - coverage) + f32::from(ink) * coverage;
                *channel = mixed.round().clamp(0.0, 255.0) as u8;
            }
        });
    }
}

/// The card as a PNG of [`SHARE_SIZE`]: the brand's colour, the words in white, a
/// band of the focus colour at the foot. A title too long for four lines at the
/// smallest size ends with an ellipsis.
pub fn draw_card(card: &Card) -> Result<Vec<u8>, String> {
    let bold = FontRef::try_from_slice(BOLD).map_err(|e| e.to_string())?;
    let regular = FontRef::try_from_slice(REGULAR).map_err(|e| e.to_string())?;
    let (width, height) = SHARE_SIZE;
    let [brand, ink, accent] = COLOURS.map(token);
    let (brand, ink, accent) = (brand?, ink?, accent?);
    let mut canvas = RgbImage::from_pixel(width, height, brand);
    for y in height - 24..height {
        for x in 0..width {
            canvas.put_pixel(x, y, accent);
        }
    }
    let room = width as f32 - 2.0 * MARGIN;
    let mut top = MARGIN;
    if let Some(kicker) = &card.kicker {
        let scale = PxScale::from(40.0);
        top += 40.0;
        draw(&mut canvas, &regular, scale, kicker, top, ink);
        top += 30.0;
    }
    // The largest size at which the title fits in four lines, down to 48 px.
    let mut size = 76.0;
    let mut lines = wrap(&bold, PxScale::from(size), &card.title, room);
    while lines.len() > 4 && size > 48.0 {
        size -= 4.0;
        lines = wrap(&bold, PxScale::from(size), &card.title, room);
    }
    let scale = PxScale::from(size);
    if lines.len() > 4 {
        lines.truncate(4);
        if let Some(last) = lines.last_mut() {
            *last = ellipsize(&bold, scale, last, room);
        }
    }
    // A word wider than the card is cut short where it would leave it.
    for line in &mut lines {
        if !line.ends_with(" …") && width_of(&bold, scale, line) > room {
            *line = ellipsize(&bold, scale, line, room);
        }
    }
    for line in &lines {
        top += size * 1.2;
        draw(&mut canvas, &bold, scale, line, top, ink);
    }
    draw(
        &mut canvas,
        &bold,
        PxScale::from(44.0),
        &card.site,
        height as f32 - 24.0 - 56.0,
        ink,
    );
    let mut bytes = Vec::new();
    canvas
        .write_with_encoder(PngEncoder::new_with_quality(
            &mut bytes,
            CompressionType::Fast,
            PngFilter::Adaptive,
        ))
        .map_err(|e| e.to_string())?;
    Ok(bytes)
}

/// Publishes `card` into `out` (drawn once, then taken from `cache`), returning its address.
pub fn publish(card: &Card, out: &Path, cache: &Path) -> Result<String, Error> {
    let name = format!("{}.png", card.hash());
    let kept = cache.join("cards").join(&name);
    let bytes = match fs::read(&kept) {
        Ok(bytes) => bytes,
        Err(_) => {
            let bytes = draw_card(card).map_err(|e| Error::output(&kept, e))?;
            if let Some(dir) = kept.parent() {
                fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            }
            // Written aside, then moved: a card half-written is never taken as whole.
            static PART: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
            let n = PART.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let part = kept.with_extension(format!("part-{}-{n}", std::process::id()));
            fs::write(&part, &bytes).map_err(|e| Error::io(&part, e))?;
            fs::rename(&part, &kept).map_err(|e| Error::io(&kept, e))?;
            bytes
        }
    };
    let address = format!("{CARDS_PATH}/{name}");
    write(&published_file(out, &address), &bytes)?;
    Ok(address)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(title: &str) -> Card {
        Card {
            title: title.into(),
            kicker: Some("News".into()),
            site: "#Coalition".into(),
        }
    }

    #[test]
    fn the_colours_come_from_the_stylesheet_with_enough_contrast() {
        let luminance = |c: Rgb<u8>| {
            let linear = |v: u8| {
                let v = f64::from(v) / 255.0;
                if v <= 0.04045 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * linear(c.0[0]) + 0.7152 * linear(c.0[1]) + 0.0722 * linear(c.0[2])
        };
        let (brand, ink) = (
            token("--colour-brand").unwrap_or(Rgb([255, 255, 255])),
            token("--colour-brand-text").unwrap_or(Rgb([255, 255, 255])),
        );
        let (a, b) = (luminance(ink), luminance(brand));
        let ratio = (a.max(b) + 0.05) / (a.min(b) + 0.05);
        assert!(
            ratio >= 7.0,
            "contrast {ratio:.1}:1 is below WCAG AAA's 7:1"
        );
    }

    #[test]
    fn a_card_is_a_png_of_the_share_size_with_words_on_it() {
        let bytes = draw_card(&card("A title")).unwrap_or_else(|e| panic!("{e}"));
        let picture = image::load_from_memory(&bytes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((picture.width(), picture.height()), SHARE_SIZE);
        let brand = token("--colour-brand").unwrap_or(Rgb([0, 0, 0]));
        let rgb = picture.to_rgb8();
        let inked = rgb.pixels().filter(|p| **p != brand).count();
        assert!(
            inked > 10_000,
            "only {inked} pixels differ from the background"
        );
        let other = draw_card(&card("Another title")).unwrap_or_default();
        assert_ne!(bytes, other, "the title is drawn");
    }

    #[test]
    fn long_titles_wrap_and_never_leave_the_card() {
        let font = FontRef::try_from_slice(BOLD).unwrap_or_else(|e| panic!("{e}"));
        let scale = PxScale::from(76.0);
        let lines = wrap(
            &font,
            scale,
            "The first anniversary of the coalition and its call for specialists",
            1040.0,
        );
        assert!(lines.len() > 1, "{lines:?}");
        assert!(
            lines.iter().all(|l| width_of(&font, scale, l) <= 1040.0),
            "{lines:?}"
        );
        let endless = "word ".repeat(200);
        assert!(draw_card(&card(&endless)).is_ok());
    }

    #[test]
    fn a_title_ending_in_a_very_long_word_is_drawn_at_once() {
        for title in [
            // The long word on the fourth line, with more after it: the line was cut
            // one character at a time, each time measured again from its start.
            format!("{}{} end", "Words before it ".repeat(7), "x".repeat(16_000)),
            format!("{}{}", "Words before it ".repeat(14), "x".repeat(16_000)),
            format!("{} and more", "y".repeat(16_000)),
            "z".repeat(16_000),
        ] {
            let started = std::time::Instant::now();
            let drawn = draw_card(&card(&title));
            let took = started.elapsed();
            assert!(drawn.is_ok(), "{drawn:?}");
            // Measured once: well under a second. Measured again for each character
            // removed: 41 s in a release build.
            assert!(took.as_secs_f64() < 3.0, "took {took:?}");
        }
    }

    #[test]
    fn a_line_cut_short_ends_with_an_ellipsis_and_fits_the_room() {
        let font = FontRef::try_from_slice(BOLD).unwrap_or_else(|e| panic!("{e}"));
        let scale = PxScale::from(48.0);
        for text in [
            "x".repeat(16_000),
            format!("{} end", "word ".repeat(400)),
            "W".into(),
        ] {
            let cut = ellipsize(&font, scale, &text, 1040.0);
            assert!(cut.ends_with('…'), "{cut}");
            assert!(width_of(&font, scale, &cut) <= 1040.0, "{cut}");
        }
        let long = ellipsize(&font, scale, &"x".repeat(16_000), 1040.0);
        let one_more = format!("{} …", "x".repeat(long.chars().count() - 1));
        assert!(
            width_of(&font, scale, &one_more) > 1040.0,
            "the longest beginning that fits: {long}"
        );
        assert_eq!(ellipsize(&font, scale, "word", 10.0), "…");
    }

    #[test]
    fn the_same_words_make_the_same_card_address() {
        assert_eq!(card("A").hash(), card("A").hash());
        assert_ne!(card("A").hash(), card("B").hash());
        assert_eq!(card("A").alt(), "#Coalition: News. A");
    }
}
