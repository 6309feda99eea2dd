// The live session page: follows the session through server-sent events and redraws the page when another screen
// (or another app instance) records a change; previews the Markdown of an item as it is typed. No framework.
(function () {
  'use strict';
  var root = document.querySelector('[data-events]');
  if (root && window.EventSource) {
    var version = Number(root.getAttribute('data-version'));
    var source = new EventSource(root.getAttribute('data-events'));
    var busy = false;
    var redraw = function () {
      // Someone typing keeps what he typed: the page tells him instead of redrawing under his fingers.
      var active = document.activeElement;
      if (active && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) && active.type !== 'radio' && active.type !== 'hidden' && active.value) {
        var note = document.getElementById('maj');
        if (note) note.hidden = false;
        return;
      }
      if (busy) return;
      busy = true;
      var focusedId = active && active.closest && active.closest('[id]') ? active.closest('[id]').id : null;
      fetch(location.pathname, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
        .then(function (r) { return r.text(); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var fresh = doc.querySelector('[data-events]');
          var current = document.querySelector('[data-events]');
          if (!fresh || !current) return;
          current.replaceWith(fresh);
          version = Number(fresh.getAttribute('data-version'));
          wirePreviews();
          if (focusedId) { var again = document.getElementById(focusedId); if (again && again.focus) again.focus({ preventScroll: true }); }
          document.dispatchEvent(new CustomEvent('registre:redrawn', { detail: { version: version } }));
        })
        .finally(function () { busy = false; });
    };
    var first = true;
    // The first event tells the version at connection: nothing to redraw if the page already shows it. Later ones
    // say that something was committed (an arrival does not always change the version): redraw.
    source.addEventListener('version', function (e) {
      var v = JSON.parse(e.data).version;
      if (first) { first = false; if (v === version) return; }
      redraw();
    });
  }

  function wirePreviews() {
    document.querySelectorAll('textarea[data-preview]').forEach(function (area) {
      if (area.dataset.wired) return;
      area.dataset.wired = '1';
      var target = document.getElementById(area.getAttribute('data-preview'));
      var timer = null;
      area.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
          var body = new URLSearchParams({ markdown: area.value });
          var csrf = document.querySelector('input[name="_csrf"]');
          if (csrf) body.set('_csrf', csrf.value);
          fetch('/console/apercu-markdown', { method: 'POST', body: body, credentials: 'same-origin' })
            .then(function (r) { return r.ok ? r.text() : ''; })
            .then(function (html) { target.innerHTML = html; });
        }, 250);
      });
    });
  }
  wirePreviews();
})();
