// If the app cannot start (blocked, corrupted or too old a browser), say so in
// words instead of leaving the reader wondering. The page stays readable: it
// was written as static HTML at build time.
(function () {
  var started = false;
  function show(reason) {
    if (started) return;
    window.__appFailed = true;
    var box = document.getElementById('app-failed');
    if (box) box.hidden = false;
    // The unfiltered list is better than none (see prefs.js).
    document.documentElement.removeAttribute('data-filtered');
    if (reason && window.console) console.warn('App did not start:', reason);
  }
  window.addEventListener('TrunkApplicationStarted', function () {
    started = true;
  });
  window.addEventListener('unhandledrejection', function (event) {
    show(event.reason);
  });
  window.addEventListener('error', function (event) {
    // A module or wasm that fails to load or run: an error of the page's scripts, or a
    // script element that could not load. A picture (or any other element) that fails
    // to load says nothing about the app, so it is left to show its description.
    var target = event.target;
    if (target && target !== window && target.tagName !== 'SCRIPT') return;
    if (!started) show(event.message || 'load error');
  }, true);
  if (typeof WebAssembly !== 'object') show('no WebAssembly');
  setTimeout(function () {
    show('timed out');
  }, 20000);
})();
// A form the app sends (the join form posts) must not be posted away by the browser
// if the reader presses its button before the app has taken over the page: what they
// typed would be lost. Hold the press; the app makes it once it has taken over. If the
// app has failed, a form that posts to a form service of its own goes as it is.
document.addEventListener(
  'submit',
  function (event) {
    var form = event.target;
    if (!form || (form.getAttribute('method') || '').toLowerCase() !== 'post') return;
    if (document.querySelector('#app[data-app="live"]')) return;
    if (window.__appFailed && form.getAttribute('action')) return;
    event.preventDefault();
    window.__heldSubmit = true;
  },
  true,
);
