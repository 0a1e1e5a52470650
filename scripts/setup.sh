#!/usr/bin/env bash
# Installs the tools the project needs, pinned, skipping what is already there.
# Never lets a tool download a browser or a prebuilt binary.
#
#   scripts/setup.sh serve   what `make serve` and `make build` need: the wasm32 target,
#                            Trunk, wasm-bindgen-cli and the npm packages (wasm-opt, the
#                            content manager). No root, no browser.
#   scripts/setup.sh test    all of that, then what the tests need: the browsers, xvfb, Java
#                            and brotli from Debian (apt, as root), and check-jsonschema.
#                            The default, so `scripts/setup.sh` alone sets up everything.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-test}"
case "$mode" in
  serve | test) ;;
  *)
    echo "usage: scripts/setup.sh [serve|test]" >&2
    exit 2
    ;;
esac

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
CHECK_JSONSCHEMA_VERSION=0.39.0

log() { printf '\n==> %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"
# npm ci installs Playwright too (package.json); it must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# --- Serving: Rust's wasm target, Trunk, wasm-bindgen-cli, the npm packages. -------------

setup_serve() {
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

  # npm packages, all from package-lock.json: binaryen's wasm-opt (Trunk's release builds)
  # and the content manager (copied into dist/admin by the build) for serving; Playwright
  # (driving the system's Chromium and Firefox), selenium-webdriver (WebKit), axe, the Nu
  # HTML Checker for the tests, and Lighthouse for the benchmarks. `npm ci` installs them all at once; with
  # browser downloads off, none of it needs root or fetches a browser.
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/decap-cms/dist ] \
    || [ ! -x node_modules/.bin/playwright ] || [ ! -d node_modules/selenium-webdriver ] \
    || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] \
    || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund
  fi
}

# --- Testing: the browsers and their helpers from Debian, and the workflow checker. ------

setup_test() {
  # The browsers the tests drive (Chromium and Firefox ESR through Playwright; WebKitGTK's
  # MiniBrowser through its WebDriver, on a virtual display), Java for the HTML checker,
  # and brotli: all from Debian, never downloaded by a tool.
  local need_apt=()
  command -v chromium >/dev/null || need_apt+=(chromium)
  command -v firefox-esr >/dev/null || need_apt+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || need_apt+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || need_apt+=(xvfb)
  command -v java >/dev/null || need_apt+=(default-jre-headless)
  command -v brotli >/dev/null || need_apt+=(brotli)
  if [ ${#need_apt[@]} -gt 0 ]; then
    log "installing ${need_apt[*]} from Debian"
    local as_root=()
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null; then
        as_root=(sudo)
      else
        echo "The tests need ${need_apt[*]} from Debian, which apt installs as root." >&2
        echo "Run as root: apt-get install ${need_apt[*]}" >&2
        echo "(make serve needs none of them.)" >&2
        exit 1
      fi
    fi
    ${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    ${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
  fi

  # The workflow checker for `make lint` (its GitHub workflow schema ships inside it: no
  # network at check time).
  if [ ! -x target/venv/bin/check-jsonschema ] \
    || ! target/venv/bin/check-jsonschema --version | grep -q "$CHECK_JSONSCHEMA_VERSION"; then
    log "installing check-jsonschema $CHECK_JSONSCHEMA_VERSION from PyPI into target/venv"
    python3 -m venv target/venv
    target/venv/bin/pip install --quiet "check-jsonschema==$CHECK_JSONSCHEMA_VERSION"
  fi
}

setup_serve
if [ "$mode" = test ]; then
  setup_test
fi

log "tools ready to $mode"
