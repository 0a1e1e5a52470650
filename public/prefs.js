// Runs before the page is first painted, so nothing flashes: applies the reader's
// saved preferences (the app's "Reading preferences" control writes the same key),
// and holds back a list that the link asks to filter.
(function () {
  try {
    var saved = JSON.parse(localStorage.getItem('reading-preferences') || '{}');
    var allowed = {
      size: ['large', 'larger', 'largest'],
      spacing: ['wide'],
      theme: ['light', 'dark'],
      contrast: ['high'],
      motion: ['reduce', 'allow'],
      font: ['alternative'],
    };
    for (var key in allowed) {
      if (allowed[key].indexOf(saved[key]) >= 0) document.documentElement.setAttribute('data-' + key, saved[key]);
    }
  } catch (e) {
    // Storage blocked: the defaults apply.
  }
})();
// The content files this page's app will read (named by the build in a meta tag),
// downloaded from here, as the head is parsed, so they arrive beside the wasm; the app
// takes each download over (`take_early_fetch` in src/browser.rs) instead of starting
// its own, so each file comes down once in every engine. A download that hangs is given
// up after 10 seconds, the app's own limit (`TIMEOUT_SECONDS` in src/source/fetch.rs).
(function () {
  try {
    var meta = document.querySelector('meta[name="content-files"]');
    if (!meta || !window.fetch || !window.AbortController) return;
    var early = {};
    meta.content.split(' ').forEach(function (url) {
      if (!url) return;
      var controller = new AbortController();
      var timer = setTimeout(function () {
        controller.abort();
      }, 10000);
      early[url] = fetch(url, { signal: controller.signal }).then(
        function (response) {
          clearTimeout(timer);
          return response;
        },
        function (error) {
          clearTimeout(timer);
          throw error;
        },
      );
      // Read or not, a failure is the app's to report, never an unhandled rejection.
      early[url].catch(function () {});
    });
    window.__early = early;
  } catch (e) {
    // An old browser: the app fetches each file itself.
  }
})();
// A shared link to a filtered list (/blog?category=policy) must not first show the
// build's unfiltered list: the page names its filter parameters, and when the link
// sets one the list stays hidden until the app has filtered it (boot-check.js shows
// it again if the app cannot start).
(function () {
  try {
    var meta = document.querySelector('meta[name="page-filters"]');
    if (!meta) return;
    var params = new URLSearchParams(location.search);
    var keys = meta.content.split(' ');
    for (var i = 0; i < keys.length; i++) {
      if (params.get(keys[i])) {
        document.documentElement.setAttribute('data-filtered', '');
        return;
      }
    }
  } catch (e) {
    // An old browser: the unfiltered list shows until the app replaces it.
  }
})();
// An old link to a blog list (/blog?category=policy&page=2, from before each list
// had its own page) goes to that page before anything is painted, with or without
// the app. The same addresses as `BlogQuery::href` in the content crate.
(function () {
  try {
    if (location.pathname.replace(/\/$/, '') !== '/blog') return;
    var params = new URLSearchParams(location.search);
    var category = params.get('category');
    var page = parseInt(params.get('page') || '', 10);
    if (!category && !page) return;
    var path = '/blog';
    if (category) path += '/category/' + encodeURIComponent(category);
    if (page > 1) path += '/page/' + page;
    var q = params.get('q');
    location.replace(path + (q ? '?q=' + encodeURIComponent(q) : '') + location.hash);
  } catch (e) {
    // An old browser: the first page of the list shows.
  }
})();
