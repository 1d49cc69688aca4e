// The staff console's one script. Every page works without it (the server checks every confirmation
// again); with it, a seed action's button stays disabled until the slug is typed exactly, and a
// running apply, reset or teardown shows how far it got.
(function () {
  'use strict';

  var POLL_MS = 500;

  function formatRows(rows) {
    return Number(rows).toLocaleString('en') + (rows === 1 ? ' row' : ' rows');
  }

  function describe(state) {
    return state.task + ' · ' + formatRows(state.rows) + ' so far (started by ' + state.staff + ')';
  }

  // Polls a running-state URL until the mutation ends.
  function follow(url, onRunning, onDone) {
    var stopped = false;
    function tick() {
      if (stopped) return;
      fetch(url, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
        .then(function (response) { return response.json(); })
        .then(function (state) {
          if (state.running) {
            onRunning(state);
          } else if (onDone) {
            stopped = true;
            onDone();
            return;
          }
          setTimeout(tick, POLL_MS);
        })
        .catch(function () { setTimeout(tick, POLL_MS * 4); });
    }
    setTimeout(tick, POLL_MS);
    return function () { stopped = true; };
  }

  // Apply, reset and teardown: the button unlocks when the typed slug matches exactly.
  function typedConfirmations() {
    document.querySelectorAll('form[data-confirm-slug]').forEach(function (form) {
      var slug = form.getAttribute('data-confirm-slug');
      var input = form.querySelector('[data-confirm-input]');
      var button = form.querySelector('[data-confirm-button]');
      if (!input || !button) return;
      var update = function () {
        var matches = input.value === slug;
        button.disabled = !matches;
        input.classList.toggle('matches', matches);
      };
      input.addEventListener('input', update);
      update();
    });
  }

  // While a seed action's form is sent, the page says how far the operation got.
  function progressOnSubmit() {
    document.querySelectorAll('form[data-progress-url]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (form.getAttribute('aria-busy') === 'true') {
          event.preventDefault(); // sent already: one click, one operation
          return;
        }
        form.setAttribute('aria-busy', 'true');
        var label = form.getAttribute('data-progress-label') || 'Working';
        var progress = form.querySelector('[data-progress]');
        var button = form.querySelector('button[type=submit]');
        if (button) button.classList.add('is-busy');
        if (progress) {
          progress.hidden = false;
          progress.textContent = label + '…';
        }
        follow(form.getAttribute('data-progress-url'), function (state) {
          if (progress) progress.textContent = label + ': ' + describe(state);
        }, null);
      });
    });
  }

  // A mutation someone started: follow it, and show the page as it is once it ends.
  function runningBanner() {
    var banner = document.querySelector('[data-running-url]');
    if (!banner) return;
    var text = banner.querySelector('[data-running-text]');
    follow(banner.getAttribute('data-running-url'), function (state) {
      if (text) text.textContent = describe(state) + '. Other seed actions wait until it finishes.';
    }, function () { window.location.reload(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    typedConfirmations();
    progressOnSubmit();
    runningBanner();
  });
})();
