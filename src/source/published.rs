//! The build's side of the content source: the files `publish` wrote, read from
//! disk, and a record of which ones each page read, so the page can preload exactly those.

use super::response::ContentError;
use content::address::is_content_url;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// The published content files, as the views read them at build time.
#[derive(Clone)]
pub struct Published {
    /// The folder that holds `content/`, as the site serves it.
    root: Arc<PathBuf>,
    /// The addresses read so far, in the order first read.
    reads: Arc<Mutex<Vec<String>>>,
}

impl Published {
    /// The files under `root` (the build's output folder, which holds `content/`).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self {
            root: Arc::new(root.into()),
            reads: Arc::default(),
        }
    }

    /// The text of the file at `url` (`/content/…`), as the browser would be served it.
    pub fn read(&self, url: &str) -> Result<String, ContentError> {
        let not_found = || ContentError::NotFound {
            url: url.to_string(),
        };
        if !is_content_url(url) {
            return Err(not_found());
        }
        let path = self.root.join(url.trim_start_matches('/'));
        let body = std::fs::read_to_string(path).map_err(|_| not_found())?;
        if let Ok(mut reads) = self.reads.lock() {
            if !reads.iter().any(|r| r == url) {
                reads.push(url.to_string());
            }
        }
        Ok(body)
    }

    /// Every file read so far, in the order first read.
    pub fn reads(&self) -> Vec<String> {
        self.reads.lock().map(|r| r.clone()).unwrap_or_default()
    }
}
