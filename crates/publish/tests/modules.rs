//! The build's stages depend one way: none imports another in a circle, counting
//! grouped imports (`use crate::{cms, pages}`), which `scripts/circles.mjs` reads past.
//! What several stages share (the addresses the build writes at, the shared limits)
//! lives in the leaf module `address`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Each module of `src/` with the modules of this crate it names, tests left out.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut texts = BTreeMap::new();
    for entry in fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(module) = name.strip_suffix(".rs") else {
            continue;
        };
        if module == "lib" || module == "main" {
            continue;
        }
        let text = fs::read_to_string(entry.path()).unwrap_or_else(|e| panic!("{e}"));
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let code: String = code
            .lines()
            .map(|l| l.split("//").next().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n");
        texts.insert(module.to_string(), code);
    }
    let modules: BTreeSet<String> = texts.keys().cloned().collect();
    texts
        .iter()
        .map(|(module, code)| {
            let mut uses = BTreeSet::new();
            for (at, _) in code.match_indices("crate::") {
                let rest = &code[at + "crate::".len()..];
                let names = match rest.strip_prefix('{') {
                    Some(group) => group.split('}').next().unwrap_or_default(),
                    None => rest,
                };
                for name in names
                    .split(',')
                    .map(str::trim)
                    .take(if rest.starts_with('{') { usize::MAX } else { 1 })
                {
                    let first: String = name
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if modules.contains(&first) && first != *module {
                        uses.insert(first);
                    }
                }
            }
            (module.clone(), uses)
        })
        .collect()
}

/// A circle through `from`, if there is one, as the path that closes it.
fn circle(
    graph: &BTreeMap<String, BTreeSet<String>>,
    from: &str,
    path: &mut Vec<String>,
) -> Option<Vec<String>> {
    if let Some(at) = path.iter().position(|m| m == from) {
        let mut found = path[at..].to_vec();
        found.push(from.to_string());
        return Some(found);
    }
    path.push(from.to_string());
    for next in graph.get(from).into_iter().flatten() {
        if let Some(found) = circle(graph, next, path) {
            return Some(found);
        }
    }
    path.pop();
    None
}

#[test]
fn no_stage_imports_another_in_a_circle_and_addresses_are_a_leaf() {
    let graph = graph();
    assert!(graph.contains_key("cards") && graph.contains_key("headers"));
    for module in graph.keys() {
        if let Some(found) = circle(&graph, module, &mut Vec::new()) {
            panic!("an import circle: {}", found.join(" → "));
        }
    }
    let address = graph.get("address").cloned().unwrap_or_default();
    assert!(
        address.iter().all(|m| m == "error"),
        "address uses no stage: {address:?}"
    );
}
