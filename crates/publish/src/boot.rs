//! How each page starts the app: after its own first paint, never before it.
//!
//! Trunk preloads the wasm from the page's head. On a slow phone that download
//! competes with the stylesheet and delays the first paint of a page that is
//! already readable as static HTML. This step drops the preload and has Trunk's
//! start-up script fetch the wasm itself, with the same integrity hash, so a
//! changed wasm is still refused.

/// The attribute value `name="…"` inside one tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// Rewrites Trunk's built `index.html` so the wasm starts downloading from the
/// start-up script, with its integrity hash, instead of from a preload in the head.
pub fn start_after_first_paint(html: &str) -> Result<String, String> {
    let preload = html
        .match_indices("<link rel=\"preload\"")
        .find_map(|(start, _)| {
            let len = html[start..].find('>')? + 1;
            let tag = &html[start..start + len];
            attribute(tag, "href")
                .filter(|href| href.ends_with(".wasm"))
                .map(|href| (start..start + len, href, attribute(tag, "integrity")))
        })
        .ok_or("index.html has no wasm preload from Trunk to move")?;
    let (range, href, integrity) = preload;
    let integrity = integrity.ok_or("Trunk's wasm preload has no integrity hash")?;
    let call = format!("module_or_path: '{href}'");
    if !html.contains(&call) {
        return Err(format!(
            "Trunk's start-up script does not load {href} as expected"
        ));
    }
    // At low priority: the stylesheet and the pictures the reader sees first come before
    // the app, which the page does not need to be read.
    let fetch =
        format!("module_or_path: fetch('{href}', {{ integrity: '{integrity}', priority: 'low' }})");
    let mut out = String::with_capacity(html.len());
    out.push_str(&html[..range.start]);
    out.push_str(&html[range.end..]);
    Ok(out.replacen(&call, &fetch, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "<head><script type=\"module\">\nimport init from '/app-1.js';\nconst wasm = await init({ module_or_path: '/app-1_bg.wasm' });\n</script>\n<link rel=\"modulepreload\" href=\"/app-1.js\" integrity=\"sha384-js\"><link rel=\"preload\" href=\"/app-1_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-wasm\" as=\"fetch\" type=\"application/wasm\"></head>";

    #[test]
    fn the_wasm_is_fetched_by_the_start_up_script_with_its_hash_after_what_the_page_shows() {
        let html = start_after_first_paint(TRUNK).unwrap_or_default();
        assert!(!html.contains("rel=\"preload\""), "{html}");
        assert!(html.contains(
            "init({ module_or_path: fetch('/app-1_bg.wasm', { integrity: 'sha384-wasm', priority: 'low' }) })"
        ));
        // The small JS glue stays preloaded, with its own hash.
        assert!(html
            .contains("<link rel=\"modulepreload\" href=\"/app-1.js\" integrity=\"sha384-js\">"));
    }

    #[test]
    fn a_change_in_trunk_output_fails_the_build_with_a_reason() {
        let no_preload = TRUNK.replace("rel=\"preload\"", "rel=\"prefetch\"");
        assert!(start_after_first_paint(&no_preload).is_err_and(|e| e.contains("no wasm preload")));
        let no_hash = TRUNK.replace(" integrity=\"sha384-wasm\"", "");
        assert!(start_after_first_paint(&no_hash).is_err_and(|e| e.contains("integrity")));
        let other_script = TRUNK.replace("module_or_path: '/app-1_bg.wasm'", "'/app-1_bg.wasm'");
        assert!(
            start_after_first_paint(&other_script).is_err_and(|e| e.contains("start-up script"))
        );
    }
}
