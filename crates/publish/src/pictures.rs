//! The pictures editors upload into the media folder, made light for a phone: each
//! photo is checked by its bytes, decoded within limits, turned upright, and written
//! again at a few widths as WebP and JPEG (PNG when it has transparency), so no camera
//! data (where it was taken included) reaches the site. Work is kept per content hash
//! in a cache folder, so a rebuild with nothing new encodes nothing.

use crate::address::{published_file, MAX_UPLOAD_BYTES, MEDIA_PATH, PUBLISHED_PATH, SHARE_SIZE};
use crate::Error;
use content::doc::{Block, Inline};
use content::picture::{PostImage, Renditions};
use editorial::library::Library;
use editorial::source::SourceError;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs;
use std::io::{BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

/// The widths a browser chooses from: a phone's column at 1x to 3x, and a wide screen's.
pub const WIDTHS: [u32; 4] = [400, 800, 1200, 1600];

/// The width of the one JPEG (or PNG) made for a browser that takes no WebP.
const FALLBACK_WIDTH: u32 = 800;

/// The most pixels a picture may have: a 50-megapixel camera's photo fits, while a
/// small file claiming more (a decompression bomb) is refused before it is decoded.
pub const MAX_PIXELS: u64 = 60_000_000;

/// The longest side a picture may have, in pixels.
pub const MAX_SIDE: u32 = 12_000;

/// Changes whenever the encoding below changes, so cached work is made again.
const RECIPE: &str = "pictures 1: webp 75, jpeg 82, lanczos3";

/// The picture formats the build reads, by what a file begins with (never its name
/// alone, which anyone can choose).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Photos from cameras and phones.
    Jpeg,
    /// Drawings, screenshots and pictures with transparency.
    Png,
    /// What many phones and websites save.
    WebP,
}

impl Format {
    /// Every format, in the order messages list them.
    pub const ALL: [Format; 3] = [Format::Jpeg, Format::Png, Format::WebP];

    /// Its name, as editors know it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Jpeg => "JPEG",
            Format::Png => "PNG",
            Format::WebP => "WebP",
        }
    }

    /// The file name endings it may have.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Jpeg => &["jpg", "jpeg"],
            Format::Png => &["png"],
            Format::WebP => &["webp"],
        }
    }

    fn image_format(self) -> ImageFormat {
        match self {
            Format::Jpeg => ImageFormat::Jpeg,
            Format::Png => ImageFormat::Png,
            Format::WebP => ImageFormat::WebP,
        }
    }

    /// The accepted formats, for a message.
    pub fn list() -> String {
        Format::ALL.map(Format::name).join(", ")
    }
}

/// What a file's first bytes say it is.
#[derive(Debug, PartialEq, Eq)]
enum Sniffed {
    Picture(Format),
    /// An iPhone's photo (HEIF): no well-kept pure-Rust decoder exists.
    Heic,
    /// AVIF: its decoders need a C library this build does not carry.
    Avif,
    /// An animation, which would play with no way to pause it (WCAG 2.2.2).
    Gif,
    Other,
}

fn sniff(head: &[u8]) -> Sniffed {
    let at = |offset: usize, magic: &[u8]| head.get(offset..offset + magic.len()) == Some(magic);
    let brand = head.get(8..12).unwrap_or_default();
    if at(0, &[0xFF, 0xD8, 0xFF]) {
        Sniffed::Picture(Format::Jpeg)
    } else if at(0, b"\x89PNG\r\n\x1a\n") {
        Sniffed::Picture(Format::Png)
    } else if at(0, b"GIF87a") || at(0, b"GIF89a") {
        Sniffed::Gif
    } else if at(0, b"RIFF") && at(8, b"WEBP") {
        Sniffed::Picture(Format::WebP)
    } else if at(4, b"ftyp") && (brand == b"avif" || brand == b"avis") {
        Sniffed::Avif
    } else if at(4, b"ftyp")
        && [
            b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1",
        ]
        .iter()
        .any(|b| brand == *b)
    {
        Sniffed::Heic
    } else {
        Sniffed::Other
    }
}

/// One picture in the media folder that passed the checks of [`scan`].
#[derive(Clone, Debug)]
pub struct Upload {
    /// The file in the media folder.
    pub file: PathBuf,
    /// Where the site serves it (`/images/…`), as editors choose it.
    pub address: String,
    /// What its bytes are.
    pub format: Format,
}

/// Why `file` cannot be published, or its format: only pictures of the accepted
/// formats, sizes and dimensions, each the format its name says, and no links.
fn check(file: &Path, meta: &fs::Metadata) -> Result<Result<Format, String>, Error> {
    if meta.file_type().is_symlink() {
        return Ok(Err(
            "is a link to another file, which the site would publish in its place; upload the picture itself".into(),
        ));
    }
    let mut head = Vec::new();
    fs::File::open(file)
        .and_then(|f| f.take(16).read_to_end(&mut head))
        .map_err(|e| Error::io(file, e))?;
    let format = match sniff(&head) {
        Sniffed::Picture(format) => format,
        Sniffed::Heic => return Ok(Err(format!(
            "is an HEIC photo (as an iPhone saves them), which the build cannot read; upload it as JPEG instead (on the iPhone: Settings, Camera, Formats, Most Compatible), or as one of: {}",
            Format::list()
        ))),
        Sniffed::Gif => return Ok(Err(format!(
            "is a GIF, which would play on the page with no way to pause it, and some readers cannot cope with moving pictures; upload a still picture as one of: {}",
            Format::list()
        ))),
        Sniffed::Avif => return Ok(Err(format!(
            "is an AVIF picture, which the build cannot read; upload it as one of: {}",
            Format::list()
        ))),
        Sniffed::Other => return Ok(Err(format!(
            "is not a picture the site serves ({}); only pictures go in the media library, so remove it",
            Format::list()
        ))),
    };
    let extension = file
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if !format.extensions().contains(&extension.as_str()) {
        return Ok(Err(format!(
            "is a {} picture under another name; upload it again with the name it should have (ending .{})",
            format.name(),
            format.extensions()[0]
        )));
    }
    if meta.len() > MAX_UPLOAD_BYTES {
        return Ok(Err(format!(
            "is {:.1} MB; a picture may be at most {} MB: make it smaller and upload it again",
            meta.len() as f64 / 1e6,
            MAX_UPLOAD_BYTES / (1024 * 1024)
        )));
    }
    // The header alone: a picture is never decoded before its size is known.
    let opened = fs::File::open(file).map_err(|e| Error::io(file, e))?;
    let dimensions =
        ImageReader::with_format(BufReader::new(opened), format.image_format()).into_dimensions();
    match dimensions {
        Err(_) => Ok(Err(damaged(format))),
        Ok((width, height)) => Ok(too_large(width, height).map_or(Ok(format), Err)),
    }
}

/// Why a picture of `width` by `height` pixels is refused, if it is.
fn too_large(width: u32, height: u32) -> Option<String> {
    let pixels = u64::from(width) * u64::from(height);
    (width > MAX_SIDE || height > MAX_SIDE || pixels > MAX_PIXELS).then(|| {
        format!(
            "says it is {width} × {height} pixels, more than any camera takes (at most {MAX_SIDE} pixels a side and {} million in all); make it smaller and upload it again",
            MAX_PIXELS / 1_000_000
        )
    })
}

fn damaged(format: Format) -> String {
    format!(
        "cannot be read as a {} picture: it is damaged or cut short; upload it again",
        format.name()
    )
}

/// Every picture in the media folder (none when there is no such folder), which the
/// content manager uploads into; anything else there is a mistake added to `errors`,
/// naming the file, and a folder or entry that cannot be read stops the build, named.
pub fn scan(folder: &Path, errors: &mut Vec<SourceError>) -> Result<Vec<Upload>, Error> {
    let mut found = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            // No media folder yet: no pictures.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && dir == folder => continue,
            Err(e) => return Err(Error::io(&dir, e)),
        };
        for entry in entries {
            let path = entry.map_err(|e| Error::io(&dir, e))?.path();
            let kind = fs::symlink_metadata(&path).map_err(|e| Error::io(&path, e))?;
            if kind.is_dir() {
                pending.push(path);
                continue;
            }
            // Git keeps an empty folder by a placeholder file; it is no picture and harmless.
            if path.file_name().is_some_and(|n| n == ".gitkeep") {
                continue;
            }
            match check(&path, &kind)? {
                Err(problem) => errors.push(SourceError::file(path.display().to_string(), problem)),
                Ok(format) => {
                    if let Ok(rest) = path.strip_prefix(folder) {
                        found.push(Upload {
                            address: format!("{MEDIA_PATH}/{}", rest.display()),
                            file: path,
                            format,
                        });
                    }
                }
            }
        }
    }
    found.sort_by(|a, b| a.address.cmp(&b.address));
    Ok(found)
}

/// What the build made of one photo, as kept in the cache.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Made {
    width: u32,
    height: u32,
    widths: Vec<u32>,
    /// `jpg`, or `png` for a picture with transparency.
    fallback: &'static str,
}

impl Made {
    fn line(&self) -> String {
        let widths: Vec<String> = self.widths.iter().map(u32::to_string).collect();
        format!(
            "{} {} {} {}",
            self.width,
            self.height,
            self.fallback,
            widths.join(",")
        )
    }

    fn parse(line: &str) -> Option<Made> {
        let mut parts = line.split_whitespace();
        let width = parts.next()?.parse().ok()?;
        let height = parts.next()?.parse().ok()?;
        let fallback = match parts.next()? {
            "jpg" => "jpg",
            "png" => "png",
            _ => return None,
        };
        let widths = parts
            .next()?
            .split(',')
            .map(|w| w.parse().ok())
            .collect::<Option<Vec<u32>>>()?;
        Some(Made {
            width,
            height,
            widths,
            fallback,
        })
    }

    /// The width of the one JPEG or PNG, for a browser that takes no WebP: a phone's.
    fn fallback_width(&self) -> u32 {
        let phone = self
            .widths
            .iter()
            .copied()
            .filter(|w| *w <= FALLBACK_WIDTH)
            .max();
        phone.unwrap_or(self.widths[0])
    }

    /// The fallback's name in the cache.
    fn fallback_name(&self) -> String {
        format!("{}.{}", self.fallback_width(), self.fallback)
    }

    /// The files made, by their names in the cache.
    fn files(&self) -> Vec<String> {
        let mut names = vec![
            "share.jpg".to_string(),
            "as-uploaded".to_string(),
            self.fallback_name(),
        ];
        names.extend(self.widths.iter().map(|w| format!("{w}.webp")));
        names
    }
}

/// The widths made of a picture `width` pixels wide: each of [`WIDTHS`] narrower than
/// it, and it (or the widest) itself; never wider than it was taken.
fn widths_for(width: u32) -> Vec<u32> {
    let widest = WIDTHS[WIDTHS.len() - 1];
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|w| *w < width).collect();
    if !widths.contains(&width.min(widest)) {
        widths.push(width.min(widest));
    }
    widths
}

/// Decodes a picture within limits, turned upright as the camera said it was held.
fn decode(bytes: &[u8], format: Format) -> Result<DynamicImage, String> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.image_format());
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_PIXELS * 4 + (64 << 20));
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|_| damaged(format))?;
    let (width, height) = decoder.dimensions();
    if let Some(problem) = too_large(width, height) {
        return Err(problem);
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|_| damaged(format))?;
    picture.apply_orientation(orientation);
    Ok(picture)
}

/// A JPEG cut short has no end marker after its picture data; its decoder would fill
/// the rest with grey. (A phone's "motion photo" carries a video after the marker, so
/// the marker is looked for after the data, not at the end of the file.)
fn cut_short(bytes: &[u8], format: Format) -> bool {
    let find = |marker: u8, from: usize| {
        let rest = bytes.get(from..)?;
        rest.windows(2)
            .position(|w| w == [0xFF, marker])
            .map(|i| from + i)
    };
    format == Format::Jpeg
        && find(0xDA, 0)
            .and_then(|data| find(0xD9, data + 2))
            .is_none()
}

fn jpeg(picture: &DynamicImage, quality: u8) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, quality)
        .encode_image(&picture.to_rgb8())
        .map_err(|e| e.to_string())?;
    Ok(bytes)
}

fn png(picture: &DynamicImage) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let encoder =
        PngEncoder::new_with_quality(&mut bytes, CompressionType::Best, PngFilter::Adaptive);
    picture
        .to_rgba8()
        .write_with_encoder(encoder)
        .map_err(|e| e.to_string())?;
    Ok(bytes)
}

fn webp(picture: &DynamicImage, alpha: bool) -> Vec<u8> {
    let (width, height) = (picture.width(), picture.height());
    if alpha {
        let rgba = picture.to_rgba8();
        webp::Encoder::from_rgba(rgba.as_raw(), width, height)
            .encode(75.0)
            .to_vec()
    } else {
        let rgb = picture.to_rgb8();
        webp::Encoder::from_rgb(rgb.as_raw(), width, height)
            .encode(75.0)
            .to_vec()
    }
}

/// Makes every file of [`Made::files`] for one photo into `dir`.
fn make(bytes: &[u8], format: Format, dir: &Path) -> Result<Made, String> {
    if cut_short(bytes, format) {
        return Err(damaged(format));
    }
    let picture = decode(bytes, format)?;
    // Transparency only where a pixel has some: a screenshot is saved with an alpha
    // channel it never uses, and would otherwise be published as PNG.
    let alpha = picture.color().has_alpha()
        && picture
            .to_rgba8()
            .pixels()
            .any(|pixel| pixel.0[3] < u8::MAX);
    let (width, height) = (picture.width(), picture.height());
    let made = Made {
        width: width.min(WIDTHS[WIDTHS.len() - 1]),
        height: scaled_height(width, height, width.min(WIDTHS[WIDTHS.len() - 1])),
        widths: widths_for(width),
        fallback: if alpha { "png" } else { "jpg" },
    };
    let save = |name: &str, data: &[u8]| {
        fs::write(dir.join(name), data).map_err(|e| format!("the cache: {e}"))
    };
    // Widest first, each made from the one before: resizing a camera's photo once.
    let mut from = picture;
    let mut widest = None;
    for &w in made.widths.iter().rev() {
        let h = scaled_height(width, height, w);
        let step = if from.width() == w {
            from.clone()
        } else {
            from.resize_exact(w, h, FilterType::Lanczos3)
        };
        save(&format!("{w}.webp"), &webp(&step, alpha))?;
        let fallback = || if alpha { png(&step) } else { jpeg(&step, 82) };
        if w == made.fallback_width() {
            save(&made.fallback_name(), &fallback()?)?;
        }
        if widest.is_none() {
            // The address the editor chose serves the widest, in the format its name says.
            let as_uploaded = match (format, alpha) {
                (Format::WebP, _) => webp(&step, alpha),
                (Format::Png, _) => png(&step)?,
                (Format::Jpeg, _) => fallback()?,
            };
            save("as-uploaded", &as_uploaded)?;
            let (sw, sh) = SHARE_SIZE;
            save(
                "share.jpg",
                &jpeg(&step.resize_to_fill(sw, sh, FilterType::Lanczos3), 85)?,
            )?;
            widest = Some(());
        }
        from = step;
    }
    save("made", made.line().as_bytes())?;
    Ok(made)
}

/// The height of a picture `width` × `height` shown `w` pixels wide.
fn scaled_height(width: u32, height: u32, w: u32) -> u32 {
    ((u64::from(height) * u64::from(w) + u64::from(width) / 2) / u64::from(width.max(1))).max(1)
        as u32
}

/// The hash a photo's work is kept under: its bytes and the recipe.
fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::new()
        .chain_update(RECIPE.as_bytes())
        .chain_update(bytes)
        .finalize();
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Where the file `name` made of the picture whose content hash is `hash` is published.
fn published(hash: &str, name: &str) -> String {
    format!("{PUBLISHED_PATH}/{hash}-{name}")
}

/// The 1200 × 630 crop of a picture the build made, for link previews: beside its
/// renditions, named by the same hash.
pub fn share_crop(made: &Renditions) -> Option<String> {
    let first = made.webp.split(' ').next()?;
    let hash = first
        .strip_prefix(PUBLISHED_PATH)?
        .strip_prefix('/')?
        .split('-')
        .next()?;
    Some(published(hash, "share.jpg"))
}

/// One photo made (or found in the cache) and copied into `out`: the address of its
/// fallback, and its renditions.
fn publish_one(upload: &Upload, out: &Path, cache: &Path) -> Result<(String, Renditions), String> {
    let bytes = fs::read(&upload.file).map_err(|e| e.to_string())?;
    let hash = content_hash(&bytes);
    let kept = cache.join(&hash);
    let cached = fs::read_to_string(kept.join("made"))
        .ok()
        .and_then(|line| Made::parse(&line))
        .filter(|made| made.files().iter().all(|f| kept.join(f).is_file()));
    let made = match cached {
        Some(made) => made,
        None => {
            // Made aside, then moved into place: a build stopped half-way leaves no
            // half-made entry that a later build would take as whole.
            static MAKING: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
            let n = MAKING.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let making = cache.join(format!("{hash}.making-{}-{n}", std::process::id()));
            fs::create_dir_all(&making).map_err(|e| format!("the cache: {e}"))?;
            let made = make(&bytes, upload.format, &making);
            let made = match made {
                Ok(made) => made,
                Err(problem) => {
                    let _ = fs::remove_dir_all(&making);
                    return Err(problem);
                }
            };
            let _ = fs::remove_dir_all(&kept);
            fs::rename(&making, &kept).map_err(|e| format!("the cache: {e}"))?;
            made
        }
    };
    let published = |name: &str| published(&hash, name);
    let copy = |from: &str, to: &str| {
        let target = published_file(out, to);
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        fs::copy(kept.join(from), &target)
            .map(|_| ())
            .map_err(|e| format!("{}: {e}", target.display()))
    };
    for name in made.files() {
        if name == "as-uploaded" {
            copy(&name, &upload.address)?;
        } else {
            copy(&name, &published(&name))?;
        }
    }
    let webp = made
        .widths
        .iter()
        .map(|w| format!("{} {w}w", published(&format!("{w}.webp"))))
        .collect::<Vec<_>>()
        .join(", ");
    Ok((
        published(&made.fallback_name()),
        Renditions {
            width: made.width,
            height: made.height,
            webp,
        },
    ))
}

/// Publishes every upload into `out` at the widths a screen needs (made once per
/// content, kept in `cache`), and gives every picture that names one of them, a post's
/// lead or one in a text, its renditions. A picture that cannot be
/// read stops the build, named. Returns how many pictures were published.
pub fn publish(
    uploads: &[Upload],
    out: &Path,
    cache: &Path,
    library: &mut Library,
) -> Result<usize, Error> {
    fs::create_dir_all(cache).map_err(|e| Error::io(cache, e))?;
    // Every core: a camera's photo takes a while to decode and resize.
    let results: Vec<_> = uploads
        .par_iter()
        .map(|upload| (upload, publish_one(upload, out, cache)))
        .collect();
    let mut made = BTreeMap::new();
    let mut problems = Vec::new();
    for (upload, result) in results {
        match result {
            Ok(renditions) => {
                made.insert(upload.address.as_str(), renditions);
            }
            Err(problem) => problems.push(SourceError::file(
                upload.file.display().to_string(),
                problem,
            )),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Content(problems));
    }
    let mut give = |image: &mut PostImage| {
        let address = content::link::internal_path(&image.src);
        if let Some((fallback, renditions)) = made.get(address).cloned() {
            image.src = fallback;
            image.renditions = Some(renditions);
        }
    };
    for post in &mut library.posts {
        if let Some(image) = &mut post.meta.image {
            give(image);
        }
        pictures_in(&mut post.body, &mut give);
    }
    for page in &mut library.pages {
        pictures_in(&mut page.body, &mut give);
    }
    for milestone in &mut library.timeline.milestones {
        pictures_in(&mut milestone.description, &mut give);
    }
    Ok(uploads.len())
}

/// Calls `each` on every picture in a text, however deep in lists and quotes, so
/// pictures in the text are made as light as a lead picture.
fn pictures_in(blocks: &mut [Block], each: &mut dyn FnMut(&mut PostImage)) {
    fn inlines(content: &mut [Inline], each: &mut dyn FnMut(&mut PostImage)) {
        for inline in content {
            match inline {
                Inline::Image(image) => each(image),
                Inline::Emphasis { content }
                | Inline::Strong { content }
                | Inline::Link { content, .. } => inlines(content, each),
                Inline::Text { .. } | Inline::Code { .. } | Inline::Break | Inline::Unknown => {}
            }
        }
    }
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph { content } => inlines(content, each),
            Block::List { items, .. } => items.iter_mut().for_each(|item| pictures_in(item, each)),
            Block::Quote { content } => pictures_in(content, each),
            Block::Code { .. } | Block::Rule | Block::Unknown => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_never_exceed_the_picture() {
        assert_eq!(widths_for(4000), vec![400, 800, 1200, 1600]);
        assert_eq!(widths_for(1000), vec![400, 800, 1000]);
        assert_eq!(widths_for(800), vec![400, 800]);
        assert_eq!(widths_for(120), vec![120]);
    }

    #[test]
    fn what_was_made_reads_back_from_the_cache() {
        let made = Made {
            width: 1600,
            height: 1200,
            widths: vec![400, 800, 1600],
            fallback: "png",
        };
        assert_eq!(Made::parse(&made.line()), Some(made));
        assert_eq!(Made::parse("1600 1200 gif 400"), None);
        assert_eq!(Made::parse(""), None);
    }

    #[test]
    fn files_are_known_by_their_bytes_not_their_names() {
        assert_eq!(
            sniff(b"\0\0\0\x18ftypheic\0\0\0\0"),
            Sniffed::Heic,
            "an iPhone photo"
        );
        assert_eq!(sniff(b"\0\0\0\x1cftypavif\0\0\0\0"), Sniffed::Avif);
        assert_eq!(
            sniff(b"RIFF\0\0\0\0WEBPVP8 "),
            Sniffed::Picture(Format::WebP)
        );
        assert_eq!(sniff(b"<svg onload=alert(1)>"), Sniffed::Other);
    }

    #[test]
    fn a_jpeg_is_cut_short_only_without_its_end_after_the_picture_data() {
        let whole = [&[0xFF, 0xD8, 0xFF, 0xDA, 1, 2, 3][..], &[0xFF, 0xD9]].concat();
        assert!(!cut_short(&whole, Format::Jpeg));
        let motion_photo = [&whole[..], b"\0\0\0\x18ftypmp42 a video"].concat();
        assert!(
            !cut_short(&motion_photo, Format::Jpeg),
            "a video after the picture"
        );
        assert!(cut_short(&whole[..6], Format::Jpeg));
        let thumbnail_only = [&[0xFF, 0xD8, 0xFF, 0xD9][..], &[0xFF, 0xDA, 1, 2]].concat();
        assert!(
            cut_short(&thumbnail_only, Format::Jpeg),
            "an end before the data is not its end"
        );
        assert!(!cut_short(&whole[..6], Format::Png));
    }

    #[test]
    fn heights_keep_the_shape() {
        assert_eq!(scaled_height(4000, 3000, 400), 300);
        assert_eq!(scaled_height(3000, 4000, 1600), 2133);
        assert_eq!(scaled_height(10, 1, 1), 1);
    }
}
