# The two commands a newcomer needs: `make serve` and `make test`. Each sets up what it needs
# first (scripts/setup.sh), skipping what is already there: serving needs no root and no
# browser; the tests add Debian's browsers and the workflow checker.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: setup setup-serve serve build build-e2e test lint unit e2e webkit dev-server bench scale profile makeup split-trial pictures

# What serving and building need: the wasm32 target, Trunk, wasm-bindgen-cli, npm packages.
setup-serve:
	bash scripts/setup.sh serve

# All of that, and what the tests need: browsers, xvfb, Java, brotli (apt), check-jsonschema.
setup:
	bash scripts/setup.sh test

serve: setup-serve
	trunk serve --offline

build: setup-serve
	trunk build --release --offline

# The browser tests run against a release build configured, as a deployment
# would be, with a form service (Formspree's kind); the tests answer for that
# service. The fixture site is configured for Netlify Forms.
E2E_SIGNUP_ENDPOINT := $(shell node -e "import('./tests/sites.mjs').then((m) => console.log(m.SIGNUP_ENDPOINT))")

# The sites of tests/sites.mjs, all the same wasm: dist from content/ (as deployed), the
# suite's own content as it is (dist-own) and with 16 posts and no conveners
# (dist-fixture, on Netlify Forms), and content/ edited as a coalition would (dist-edited).
# Only dist-own lets /admin/ reach the content manager's local backend, as the tests need.
build-e2e: setup
	SIGNUP_SERVICE=formspree SIGNUP_ENDPOINT=$(E2E_SIGNUP_ENDPOINT) trunk build --release --offline
	PUBLISH_CONTENT=tests/fixtures/content SIGNUP_SERVICE=formspree SIGNUP_ENDPOINT=$(E2E_SIGNUP_ENDPOINT) \
		CMS_LOCAL_BACKEND=true trunk build --release --offline --dist dist-own
	node tests/fixtures/site.mjs target/fixture-site/content 16 --no-conveners
	PUBLISH_CONTENT=target/fixture-site/content SIGNUP_SERVICE=netlify \
		trunk build --release --offline --dist dist-fixture
	node tests/fixtures/edit-content.mjs target/edited-site/content
	PUBLISH_CONTENT=target/edited-site/content SIGNUP_SERVICE=formspree SIGNUP_ENDPOINT=$(E2E_SIGNUP_ENDPOINT) \
		trunk build --release --offline --dist dist-edited

# Formatting, import circles, the docs' `make` commands against this file's targets, the
# workflow's syntax, and clippy on every crate (the app both as wasm and as the build renders it).
lint:
	cargo fmt --all --check
	node scripts/circles.mjs
	node scripts/readme-commands.mjs
	target/venv/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	cargo clippy --locked -p content -p editorial -p join -p act -p publish --all-targets -- -D warnings
	cargo clippy --locked -p send-site --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --locked -p send-site --no-default-features --features ssr --all-targets -- -D warnings

unit:
	cargo test --locked -p content -p editorial -p join -p act -p publish
	cargo test --locked -p send-site --no-default-features --features ssr

# The browser suite in Chromium and Firefox ESR (playwright.config.mjs), against the
# builds `make build-e2e` wrote.
e2e: setup
	npx playwright test

# The reader's main paths in WebKit (WebKitGTK's MiniBrowser, on a virtual display).
webkit: setup
	xvfb-run -a node --test --test-reporter=spec tests/webkit/

# The README's first command as a newcomer runs it: `make serve` on a fresh copy of this
# checkout, driven through the development server (tests/dev-server.test.mjs).
dev-server: setup
	node --test --test-reporter=spec tests/dev-server.test.mjs

# Sizes, Lighthouse scores and the static-page limit, written to bench/results.md; then the
# post page's LCP measured in a throttled Chromium against its static twin (bench/lcp.mjs).
bench: setup
	CHROME_PATH=/usr/bin/chromium node bench/run.mjs
	BENCH_SKIP_BUILD=1 node bench/lcp.mjs

# What a long archive costs: 4 and 1,000 posts, publish time, JSON sizes and Lighthouse
# for / and /blog, written to bench/scale.md (SCALE_POSTS=N for another size).
scale: setup
	CHROME_PATH=/usr/bin/chromium node bench/scale.mjs

# What a camera's photo costs a phone before and after the build makes it light, and the
# build time with 100 such photos, first and cached, written to bench/pictures.md
# (PICTURES=N for another count; not part of `make test`).
pictures: setup
	node bench/pictures.mjs

# Where a page's blocking time goes, from Lighthouse's trace of the build in dist/
# (ROUTE=/blog for another page; not part of `make test`).
profile: setup
	CHROME_PATH=/usr/bin/chromium node bench/profile.mjs

# What the wasm is made of, by crate, written to bench/wasm-makeup.md (needs twiggy,
# installed here on first use; not part of `make test`).
makeup: build
	command -v twiggy >/dev/null || cargo install --locked twiggy --version 0.8.0
	node bench/makeup.mjs

# Would splitting the wasm by route bring it down to the old 150 KB goal (the ceilings are
# now 264 KB for the wasm, 284 KB for a first load)? Builds a lazy-route copy in
# target/split-trial and writes bench/split-trial.md (installs wasm-split-cli there on
# first use; not part of `make test`).
split-trial: build
	node bench/split-trial.mjs

test: setup lint unit build-e2e e2e webkit dev-server

# What the build costs at 1×, 10× and 100× the shipped content (posts, members,
# milestones, words in a post): publish build and finish timed, written to bench/build-scale.md.
build-scale:
	node bench/build-scale.mjs
