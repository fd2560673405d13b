/**
 * The view beacon, the site's only script: when an article page is shown, it tells the server once (a
 * sendBeacon POST to the address in its data-beacon attribute). No cookies, nothing stored in the browser, and
 * a page without JavaScript simply is not counted. Served as a file of this origin, so the CSP allows it
 * without 'unsafe-inline'.
 */
export const BEACON_PATH = '/assets/beacon.js';

export const BEACON_SCRIPT = `(function () {
  var script = document.currentScript;
  var url = script && script.getAttribute('data-beacon');
  if (!url || !navigator.sendBeacon) return;
  function send() { navigator.sendBeacon(url); }
  // A page opened in a background tab or prerendered counts when it is first looked at.
  if (document.visibilityState === 'visible') return send();
  document.addEventListener('visibilitychange', function shown() {
    if (document.visibilityState !== 'visible') return;
    document.removeEventListener('visibilitychange', shown);
    send();
  });
})();
`;
