#!/usr/bin/env bash
# Installs every tool the project needs, pinned, skipping what is already there.
# Never lets a tool download a browser or a prebuilt binary.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130

log() { printf '\n==> %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v trunk >/dev/null || ! trunk --version | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (about 12 minutes from source)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! command -v wasm-bindgen >/dev/null || ! wasm-bindgen --version | grep -q "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 6 minutes)"
  # No --locked: its lock file names a crate version the registry here lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# The browsers the tests drive (Chromium and Firefox ESR through Playwright; WebKitGTK's
# MiniBrowser through its WebDriver, on a virtual display), Java for the HTML checker,
# and brotli: all from Debian, never downloaded by a tool.
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v firefox-esr >/dev/null || need_apt+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || need_apt+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || need_apt+=(xvfb)
command -v java >/dev/null || need_apt+=(default-jre-headless)
command -v brotli >/dev/null || need_apt+=(brotli)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}"
fi

# npm packages: Playwright (driving the system's Chromium and Firefox), selenium-webdriver
# (WebKit), axe, the Nu HTML Checker, binaryen's wasm-opt and the content manager.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -x node_modules/.bin/playwright ] || [ ! -x node_modules/.bin/wasm-opt ] \
  || [ ! -d node_modules/selenium-webdriver ] || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
fi

# The workflow checker (its GitHub workflow schema ships inside it: no network at check time).
CHECK_JSONSCHEMA_VERSION=0.39.0
if [ ! -x target/venv/bin/check-jsonschema ] \
  || ! target/venv/bin/check-jsonschema --version | grep -q "$CHECK_JSONSCHEMA_VERSION"; then
  log "installing check-jsonschema $CHECK_JSONSCHEMA_VERSION from PyPI into target/venv"
  python3 -m venv target/venv
  target/venv/bin/pip install --quiet "check-jsonschema==$CHECK_JSONSCHEMA_VERSION"
fi

log "tools ready"
