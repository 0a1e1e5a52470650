//! A post's lead picture at the size the reader's screen needs, keeping its place
//! while it loads.

use content::post::PostImage;
use leptos::prelude::*;

/// The lead picture: WebP where the browser takes it, JPEG or PNG otherwise, each at
/// the widths the build made, with the shape known before a byte arrives. `first`
/// is for the picture at the top of a post, which the reader sees before anything else.
#[component]
pub fn LeadPicture(
    /// The picture, with the renditions the build made of it (none for an outside address).
    image: PostImage,
    /// How wide it shows, as the `sizes` attribute says it.
    sizes: &'static str,
    /// Fetched first and never lazily: the picture at the top of a post.
    #[prop(optional)]
    first: bool,
) -> impl IntoView {
    let made = image.renditions;
    let sizes = made.is_some().then_some(sizes);
    let source = made
        .as_ref()
        .map(|made| view! { <source type="image/webp" srcset=made.webp.clone() sizes=sizes /> });
    view! {
        <picture class="lead-picture">
            {source}
            <img
                src=image.src
                alt=image.alt
                srcset=made.as_ref().map(|made| made.srcset.clone())
                sizes=sizes
                width=made.as_ref().map(|made| made.width)
                height=made.as_ref().map(|made| made.height)
                loading=(!first).then_some("lazy")
                fetchpriority=first.then_some("high")
                decoding="async"
            />
        </picture>
    }
}
