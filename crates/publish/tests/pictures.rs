//! Pictures as editors upload them (a camera's photo of several MB) and as a careless
//! or hostile upload may be: what the build publishes of each, and what it refuses,
//! naming the file.

mod common;

use common::*;
use std::fs;
use std::path::{Path, PathBuf};

/// A marker in the photo's camera data that must never reach the published files.
const SECRET: &[u8] = b"GPS 51.5007N 0.1246W secret";

/// A camera's JPEG: `width` × `height`, held on its side (EXIF orientation 6: shown
/// turned a quarter clockwise), with camera data that holds [`SECRET`].
fn camera_photo(width: u32, height: u32) -> Vec<u8> {
    let plain = jpeg_of(width, height);
    // The EXIF segment: a TIFF header, one IFD with the orientation and a description.
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    tiff.extend([0, 2]);
    tiff.extend([0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]);
    let text_at = 8 + 2 + 12 * 2 + 4;
    let mut text = SECRET.to_vec();
    text.push(0);
    tiff.extend([0x01, 0x0E, 0, 2]);
    tiff.extend((text.len() as u32).to_be_bytes());
    tiff.extend((text_at as u32).to_be_bytes());
    tiff.extend([0, 0, 0, 0]);
    tiff.extend(&text);
    let mut segment = b"Exif\0\0".to_vec();
    segment.extend(tiff);
    let mut photo = vec![0xFF, 0xD8, 0xFF, 0xE1];
    photo.extend(((segment.len() + 2) as u16).to_be_bytes());
    photo.extend(segment);
    photo.extend(&plain[2..]);
    photo
}

/// A copy of the suite's content whose anniversary post leads with `picture`, uploaded
/// into the media folder as `name`.
fn with_lead_picture(test: &str, name: &str, picture: &[u8]) -> PathBuf {
    let content = copy_of_content(test);
    let media = content.join("../public/images");
    fs::create_dir_all(&media).unwrap_or_else(|e| panic!("{e}"));
    fs::write(media.join(name), picture).unwrap_or_else(|e| panic!("{e}"));
    edit(
        &content.join("posts/first-anniversary.md"),
        "/images/gathering.png",
        &format!("/images/{name}"),
    );
    content
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every file under `dir`.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found
}

fn dimensions(file: &Path) -> (u32, u32) {
    image::image_dimensions(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

#[test]
fn a_camera_photo_is_published_upright_at_a_phones_widths_without_its_camera_data() {
    let photo = camera_photo(4000, 3000);
    assert!(
        contains(&photo, SECRET),
        "the test photo carries its camera data"
    );
    let content = with_lead_picture("camera", "launch.jpg", &photo);
    let (out, result) = finished("camera-out", &content, TEMPLATE, publish::Build::Release);
    result.unwrap_or_else(|e| panic!("{e}"));

    let post: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(out.join("content/posts/first-anniversary.json")).unwrap_or_default(),
    )
    .unwrap_or_default();
    let image = &post["meta"]["image"];
    let made = &image["renditions"];
    // Held on its side: published 3000 wide by 4000 high, at most 1600 wide.
    assert_eq!(
        (made["width"].as_u64(), made["height"].as_u64()),
        (Some(1600), Some(2133))
    );
    let candidates: Vec<&str> = made["webp"]
        .as_str()
        .unwrap_or_default()
        .split(", ")
        .collect();
    assert_eq!(candidates.len(), 4, "{candidates:?}");
    for candidate in candidates {
        let (src, width) = candidate.split_once(' ').unwrap_or_default();
        assert!(src.ends_with(".webp"), "{src}");
        let (w, h) = dimensions(&out.join(src.trim_start_matches('/')));
        assert_eq!(
            format!("{w}w"),
            width,
            "{src} is as wide as its srcset says"
        );
        assert!(h > w, "{src} is upright: {w} × {h}");
    }
    // For a browser without WebP: one JPEG, a phone's width.
    let fallback = image["src"].as_str().unwrap_or_default();
    assert!(
        fallback.starts_with("/pictures/") && fallback.ends_with("-800.jpg"),
        "{fallback}"
    );
    assert_eq!(
        dimensions(&out.join(fallback.trim_start_matches('/'))),
        (800, 1067)
    );
    let hash = fallback
        .trim_start_matches("/pictures/")
        .split('-')
        .next()
        .unwrap_or_default();
    let share_src = format!("/pictures/{hash}-share.jpg");
    let share = out.join(share_src.trim_start_matches('/'));
    assert_eq!(dimensions(&share), (1200, 630));
    assert!(dimensions(&out.join("images/launch.jpg")).0 <= 1600);

    for file in files(&out) {
        let bytes = fs::read(&file).unwrap_or_default();
        assert!(
            !contains(&bytes, SECRET),
            "{} holds the camera data",
            file.display()
        );
        assert!(
            bytes != photo,
            "{} is the photo as uploaded",
            file.display()
        );
    }
    let page =
        fs::read_to_string(out.join("blog/first-anniversary/index.html")).unwrap_or_default();
    assert!(page.contains("<picture"), "the post shows a picture");
    assert!(page.contains("type=\"image/webp\""), "WebP is offered");
    assert!(
        page.contains("width=\"1600\" height=\"2133\""),
        "the shape is known before it loads"
    );
    assert!(
        page.contains(
            "<link rel=\"preload\" as=\"image\" type=\"image/webp\" imagesrcset=\"/pictures/"
        ) && page.contains("fetchpriority=\"high\""),
        "the lead picture is fetched first"
    );
    let og_image = page
        .split("<meta property=\"og:image\" content=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default();
    assert!(
        og_image.starts_with("https://") && og_image.ends_with(&share_src),
        "the lead picture is the share image: {og_image}"
    );
    let home = fs::read_to_string(out.join("index.html")).unwrap_or_default();
    assert!(
        home.contains("loading=\"lazy\""),
        "the home page's card shows it, lazily"
    );
}

#[test]
fn pictures_in_a_text_are_made_as_light_as_a_lead_picture() {
    let content = with_lead_picture("in-text", "lead.jpg", &jpeg_of(1300, 900));
    let media = content.join("../public/images");
    fs::write(media.join("listed.jpg"), jpeg_of(2400, 1800)).unwrap_or_else(|e| panic!("{e}"));
    append(
        &content.join("posts/first-anniversary.md"),
        "\n\n- Our stall: ![Two people at a stall of leaflets](/images/listed.jpg)\n",
    );
    append(
        &content.join("pages/privacy.md"),
        "\n\n> ![Two people at a stall of leaflets](/images/listed.jpg)\n",
    );
    let (out, result) = finished("in-text-out", &content, TEMPLATE, publish::Build::Release);
    result.unwrap_or_else(|e| panic!("{e}"));
    for page in ["blog/first-anniversary/index.html", "privacy/index.html"] {
        let html = fs::read_to_string(out.join(page)).unwrap_or_default();
        let picture = html
            .split("<picture>")
            .find(|p| p.contains("alt=\"Two people at a stall of leaflets\""))
            .unwrap_or_else(|| panic!("{page} shows the picture in its text as a <picture>"));
        assert!(
            picture.contains("-400.webp 400w") && picture.contains("-1600.webp 1600w"),
            "{page}: a phone picks a width it needs: {picture}"
        );
        assert!(
            picture.contains("width=\"1600\" height=\"1200\"")
                && picture.contains("loading=\"lazy\""),
            "{page}: its shape is known before it loads, and it waits until it is near: {picture}"
        );
        let src = picture
            .split(" src=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_default();
        assert!(
            src.starts_with("/pictures/") && src.ends_with("-800.jpg"),
            "{page}: a browser without WebP gets a phone's width: {src}"
        );
    }
    let feed = fs::read_to_string(out.join("feed.xml")).unwrap_or_default();
    assert!(
        feed.contains("/pictures/") && feed.contains("-800.jpg"),
        "the feed shows the light JPEG too"
    );
}

#[test]
fn a_rebuild_with_nothing_new_makes_no_picture_again() {
    let content = with_lead_picture("rebuild", "again.jpg", &jpeg_of(1300, 900));
    let cache = scratch("rebuild-cache");
    let build = |out: &Path| {
        let (mut library, uploads) = publish::read_with_media(&content, &Default::default())
            .unwrap_or_else(|e| panic!("{e}"));
        publish::pictures::publish(&uploads, out, &cache, &mut library)
            .unwrap_or_else(|e| panic!("{e}"));
        library
    };
    let first = build(&scratch("rebuild-first"));
    let kept = |dir: &Path| -> Vec<(PathBuf, std::time::SystemTime)> {
        let mut all: Vec<_> = files(dir)
            .into_iter()
            .map(|f| {
                let when = fs::metadata(&f)
                    .and_then(|m| m.modified())
                    .unwrap_or(std::time::UNIX_EPOCH);
                (f, when)
            })
            .collect();
        all.sort();
        all
    };
    let before = kept(&cache);
    assert!(before.len() >= 7, "the work is kept: {before:?}");
    let second_out = scratch("rebuild-second");
    let second = build(&second_out);
    assert_eq!(kept(&cache), before, "nothing in the cache was made again");
    assert_eq!(
        first
            .posts
            .iter()
            .map(|p| &p.meta.image)
            .collect::<Vec<_>>(),
        second
            .posts
            .iter()
            .map(|p| &p.meta.image)
            .collect::<Vec<_>>()
    );
    assert!(
        second_out.join("images/again.jpg").is_file(),
        "and the second build is whole"
    );
}

#[test]
fn hostile_pictures_are_refused_naming_the_file() {
    let content = copy_of_content("hostile-pictures");
    let media = content.join("../public/images");
    fs::create_dir_all(&media).unwrap_or_else(|e| panic!("{e}"));
    // A bomb: a few bytes that say 100,000 × 100,000 pixels.
    let mut bomb = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend(100_000u32.to_be_bytes());
    ihdr.extend(100_000u32.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    bomb.extend(13u32.to_be_bytes());
    bomb.extend(&ihdr);
    bomb.extend(crc32(&ihdr).to_be_bytes());
    for (kind, data) in [
        (&b"IDAT"[..], &b"\x78\x9c\x03\0\0\0\0\x01"[..]),
        (b"IEND", b""),
    ] {
        let chunk = [kind, data].concat();
        bomb.extend((data.len() as u32).to_be_bytes());
        bomb.extend(&chunk);
        bomb.extend(crc32(&chunk).to_be_bytes());
    }
    fs::write(media.join("bomb.png"), bomb).unwrap_or_else(|e| panic!("{e}"));
    // A name that lies, and an iPhone's photo.
    fs::write(media.join("lying.png"), jpeg_of(20, 20)).unwrap_or_else(|e| panic!("{e}"));
    fs::write(
        media.join("iphone.heic"),
        b"\0\0\0\x18ftypheic\0\0\0\0mif1heic",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // A lead picture from outside the media folder.
    edit(
        &content.join("posts/first-anniversary.md"),
        "/images/gathering.png",
        "/images/../content/site.toml",
    );
    let messages = problems(&content);
    let about = |file: &str, words: &str| {
        assert!(
            messages
                .iter()
                .any(|m| m.contains(file) && m.contains(words)),
            "{file}: expected {words:?} in {messages:?}"
        );
    };
    about(
        "images/bomb.png",
        "100000 × 100000 pixels, more than any camera takes",
    );
    about("images/lying.png", "is a JPEG picture under another name");
    about("images/iphone.heic", "upload it as JPEG instead");
    about(
        "posts/first-anniversary.md",
        "is not among the site's pictures",
    );
    // A file cut short passes the header check; decoding it is what finds it out.
    // Cut short, as an upload that broke off.
    let whole = jpeg_of(640, 480);
    let only_cut = copy_of_content("cut-short");
    let cut_media = only_cut.join("../public/images");
    fs::create_dir_all(&cut_media).unwrap_or_else(|e| panic!("{e}"));
    fs::write(cut_media.join("cut.jpg"), &whole[..whole.len() / 2])
        .unwrap_or_else(|e| panic!("{e}"));
    let (mut lib, uploads) = publish::read_with_media(&only_cut, &Default::default())
        .unwrap_or_else(|e| panic!("the header alone passes: {e}"));
    let said = publish::pictures::publish(
        &uploads,
        &scratch("cut-out"),
        &scratch("cut-cache"),
        &mut lib,
    )
    .err()
    .map(|e| e.to_string())
    .unwrap_or_default();
    assert!(
        said.contains("images/cut.jpg") && said.contains("damaged or cut short"),
        "{said:?}"
    );
}

/// The PNG chunk checksum, so the bomb's header is a valid one.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn every_page_has_a_share_picture_of_the_preview_size_in_the_build() {
    let (out, result) = finished(
        "cards-out",
        &fixture_content(),
        TEMPLATE,
        publish::Build::Release,
    );
    let pages = result.unwrap_or_else(|e| panic!("{e}"));
    let mut seen = std::collections::BTreeSet::new();
    let built: Vec<PathBuf> = files(&out)
        .into_iter()
        .filter(|f| f.extension().is_some_and(|x| x == "html") && !f.starts_with(out.join("admin")))
        .filter(|f| !f.ends_with("__forms.html"))
        .collect();
    assert_eq!(built.len(), pages, "{built:?}");
    for page in built {
        let html = fs::read_to_string(&page).unwrap_or_default();
        let image = html
            .split("<meta property=\"og:image\" content=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("{} has no og:image", page.display()));
        let path = image
            .split_once("://")
            .map(|(_, rest)| rest)
            .unwrap_or_default();
        let path = &path[path.find('/').unwrap_or(0)..];
        assert_eq!(
            dimensions(&out.join(path.trim_start_matches('/'))),
            (1200, 630),
            "{image}"
        );
        assert!(html.contains("og:image:width\" content=\"1200\""));
        assert!(html.contains("og:image:alt\" content=\""));
        assert!(html.contains("twitter:card\" content=\"summary_large_image\""));
        seen.insert(path.to_string());
    }
    assert!(seen.len() > 5, "each page has a card of its own: {seen:?}");
    let site = publish::read(&fixture_content(), &Default::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .site;
    let home = fs::read_to_string(out.join("index.html")).unwrap_or_default();
    assert!(
        home.contains(&format!(
            "og:image:alt\" content=\"{}: {}\"",
            site.name, site.tagline
        )),
        "the home page's card says the tagline under the name, not the name twice"
    );
}
