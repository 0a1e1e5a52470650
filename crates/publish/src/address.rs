//! Where the build writes, and the few limits its stages share: every address it
//! publishes at beyond `content::address`'s JSON, the file in the output folder for an
//! address, and the one way a file is written there. A leaf: every stage may use it and
//! it uses no stage, so no stage imports another for a constant.

use crate::Error;
use std::fs;
use std::path::{Path, PathBuf};

/// Where uploaded pictures go in the repository, beside `content/`.
pub const MEDIA_FOLDER: &str = "public/images";

/// Where the site serves the pictures of [`MEDIA_FOLDER`].
pub const MEDIA_PATH: &str = "/images";

/// Where the build publishes what it makes of the pictures.
pub const PUBLISHED_PATH: &str = "/pictures";

/// Where the share cards are published.
pub const CARDS_PATH: &str = "/cards";

/// The address the build renders for `404.html`: one no route matches.
pub const NOT_FOUND_PATH: &str = "/404";

/// The size link previews show (Open Graph's and X's large card): the share
/// renditions of pictures and the drawn cards alike.
pub const SHARE_SIZE: (u32, u32) = (1200, 630);

/// The largest photo an editor may upload: a phone camera's photo is 3 to 6 MB. Both
/// the content manager and the build's picture check hold to it.
pub const MAX_UPLOAD_BYTES: u64 = 20 * 1024 * 1024;

/// The largest file the host serves (Cloudflare Pages: 25 MiB a file).
pub const MAX_OUTPUT_BYTES: usize = 25 * 1024 * 1024;

/// The file in the build folder `out` that the site serves at `address` (`/content/…`).
pub fn published_file(out: &Path, address: &str) -> PathBuf {
    out.join(address.trim_start_matches('/'))
}

/// Writes `bytes` to `path`, making its folder; a file past [`MAX_OUTPUT_BYTES`]
/// stops the build naming it, as the host would refuse it.
pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    if bytes.len() > MAX_OUTPUT_BYTES {
        return Err(Error::Output {
            path: path.to_path_buf(),
            message: format!(
                "would be {:.1} MB, more than the {} MB a host serves in one file",
                bytes.len() as f64 / 1e6,
                MAX_OUTPUT_BYTES / (1024 * 1024)
            ),
        });
    }
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    fs::write(path, bytes).map_err(|e| Error::io(path, e))
}
