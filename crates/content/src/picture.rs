//! A picture as editors give it (an upload and its description) and as the build
//! published it, wherever it stands: a post's lead, or a text's.

use crate::json::Fields;
use serde::{Deserialize, Serialize};

/// A picture and the words that stand in for it, a post's lead or one in a text. Both
/// are needed; each is read as empty when missing, so that the check can say in words
/// which one to fill in.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("required" = ["src", "alt"])))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostImage {
    /// A photo or picture uploaded here (JPEG, PNG or WebP, up to 20 MB, straight from a
    /// camera or phone): the site makes the sizes each screen needs and removes camera
    /// data such as where it was taken.
    #[cfg_attr(feature = "schema", schemars(title = "Picture", extend("x-widget" = "image")))]
    #[serde(default)]
    pub src: String,
    /// What the image shows, for readers who cannot see it.
    #[cfg_attr(feature = "schema", schemars(title = "Description of the picture"))]
    #[serde(default)]
    pub alt: String,
    /// The sizes the build made of an uploaded picture, so a phone downloads no more
    /// than its screen shows; never written by an editor (the build sets it).
    #[cfg_attr(feature = "schema", schemars(extend("x-build-only" = true)))]
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub renditions: Option<Renditions>,
}

impl PostImage {
    /// Reads a picture wherever it stands, a post's lead or one in a text, so the wasm
    /// holds one reader.
    pub(crate) fn from_fields(image: Fields) -> Result<Self, String> {
        Ok(PostImage {
            src: image.needed("src")?,
            alt: image.needed("alt")?,
            // What the build made, or nothing: a picture whose sizes cannot be read is
            // left out, never the post.
            renditions: image.get("renditions").and_then(Renditions::from_json),
        })
    }
}

/// An uploaded picture as the build published it: its shape, so the page keeps its
/// place while it loads, and the widths a browser chooses from (the post's `src` is
/// then a JPEG or PNG a phone's width, for a browser that takes no WebP).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Renditions {
    /// The widest rendition's width in pixels.
    pub width: u32,
    /// The widest rendition's height in pixels.
    pub height: u32,
    /// WebP at each width, as `srcset`: what every current browser takes.
    pub webp: String,
}

impl Renditions {
    /// Reads what the build wrote; `None` for anything else.
    fn from_json(value: &serde_json::Value) -> Option<Self> {
        let number = |key: &str| u32::try_from(value.get(key)?.as_u64()?).ok();
        Some(Renditions {
            width: number("width")?,
            height: number("height")?,
            webp: value.get("webp")?.as_str()?.to_string(),
        })
    }
}
