//! A picture at the size the reader's screen needs, keeping its place while it loads.

use content::picture::PostImage;
use leptos::prelude::*;

/// An uploaded picture, a post's lead or one in a text: WebP at the widths the build
/// made, or else one JPEG or PNG a phone's width (`src`), with its shape known before a
/// byte arrives. A picture the build did not make (from JSON written elsewhere) is shown
/// as it is. `sizes` says how wide it shows; `loading` is `eager` for the picture at the
/// top of a post (which the built page's head also preloads, first), else `lazy`.
pub fn picture(image: PostImage, sizes: &'static str, loading: &'static str) -> AnyView {
    // Erased once here, rather than in the type of every view that shows it.
    match image.renditions {
        Some(made) => view! {
            <picture>
                <source type="image/webp" srcset=made.webp sizes=sizes />
                <img
                    src=image.src
                    alt=image.alt
                    width=made.width
                    height=made.height
                    loading=loading
                />
            </picture>
        }
        .into_any(),
        None => view! { <img src=image.src alt=image.alt loading=loading /> }.into_any(),
    }
}
