// Applies the reader's saved preferences before the page is first painted, so
// nothing flashes. The app's "Reading preferences" control writes the same key.
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
