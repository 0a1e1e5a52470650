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
