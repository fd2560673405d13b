import { createHash } from 'node:crypto';

/**
 * The feedback form's progressive script: it sends the form with fetch and says thank you in place. Without
 * it (JavaScript off, an old browser, a network error) the form posts normally and the server redirects back
 * with the same thank-you, so the script adds comfort, never function.
 *
 * It writes only text (textContent), never markup, and it is served as a file of this origin because the
 * Content-Security-Policy allows no inline script. Like the stylesheet, its URL carries its hash.
 */
const FEEDBACK_SCRIPT = String.raw`
(function () {
  'use strict';
  var form = document.querySelector('form[data-feedback]');
  if (!form || !window.fetch || !window.FormData || !window.URLSearchParams) return;
  var status = form.querySelector('[data-feedback-status]');
  var button = form.querySelector('button[type="submit"]');
  var sending = false;

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (sending) return;
    sending = true;
    button.disabled = true;
    status.textContent = 'Sending…';
    fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      headers: { Accept: 'application/json' },
      credentials: 'same-origin'
    })
      .then(function (response) {
        return response.json().then(function (body) {
          return { ok: response.ok, body: body };
        });
      })
      .then(function (result) {
        if (result.ok) return thank(result.body.message);
        sending = false;
        button.disabled = false;
        status.textContent = result.body.message || 'Your note could not be sent. Please try again.';
      })
      .catch(function () {
        // No answer we can read: the plain post still works, and shows its own result.
        form.submit();
      });
  });

  function thank(message) {
    var thanks = document.createElement('p');
    thanks.className = 'feedback-thanks';
    thanks.setAttribute('role', 'status');
    thanks.tabIndex = -1;
    thanks.textContent = message;
    form.replaceWith(thanks);
    thanks.focus();
  }
})();
`;

export const FEEDBACK_SCRIPT_BODY = Buffer.from(FEEDBACK_SCRIPT.trim() + '\n', 'utf8');
export const FEEDBACK_SCRIPT_HASH = createHash('sha256').update(FEEDBACK_SCRIPT_BODY).digest('hex').slice(0, 12);
export const FEEDBACK_SCRIPT_PATH = '/assets/feedback.js';
export const FEEDBACK_SCRIPT_SRC = `${FEEDBACK_SCRIPT_PATH}?v=${FEEDBACK_SCRIPT_HASH}`;
export const FEEDBACK_SCRIPT_ETAG = `"${FEEDBACK_SCRIPT_HASH}"`;
