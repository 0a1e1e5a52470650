//! A post's lead picture at the size the reader's screen needs, keeping its place
//! while it loads.

use content::post::PostImage;
use leptos::prelude::*;

/// The lead picture: WebP where the browser takes it, JPEG or PNG otherwise, each at
/// the widths the build made, with its shape known before a byte arrives. A picture
/// the build did not make (from JSON written elsewhere) is left out.
#[component]
pub fn LeadPicture(
    /// The picture, with the renditions the build made of it.
    image: PostImage,
    /// How wide it shows, as the `sizes` attribute says it.
    sizes: &'static str,
    /// `eager` for the picture at the top of a post, else `lazy`.
    loading: &'static str,
    /// `high` for the picture at the top of a post, which the reader sees first.
    priority: &'static str,
) -> impl IntoView {
    image.renditions.map(|made| {
        view! {
            <picture class="lead-picture">
                <source type="image/webp" srcset=made.webp sizes=sizes />
                <img
                    src=image.src
                    alt=image.alt
                    srcset=made.srcset
                    sizes=sizes
                    width=made.width
                    height=made.height
                    loading=loading
                    fetchpriority=priority
                    decoding="async"
                />
            </picture>
        }
    })
}
