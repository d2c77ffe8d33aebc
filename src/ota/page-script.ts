/**
 * The install page's script (renderPage). Decides what the visitor can do: on iOS (an iPad asking
 * for the desktop site claims to be a Mac but has a touch screen) the Install button; in an app's
 * built-in browser, which cannot install apps, a request to open the page in Safari; anywhere else
 * the QR code to scan with the phone. Data reaches the script only through the DOM, never through
 * the script's text.
 */
export const PAGE_SCRIPT = `(function () {
  var ua = navigator.userAgent;
  var ipadAsMac = /Macintosh/.test(ua) && navigator.maxTouchPoints > 1;
  var ios = /iPhone|iPad|iPod/.test(ua) || ipadAsMac;
  var inApp = /FBAN|FBAV|FB_IAB|Instagram|LinkedInApp|MicroMessenger|Telegram|\\bLine\\/|Snapchat|musical_ly|BytedanceWebview/.test(ua);
  var mode = !ios ? 'desktop' : inApp ? 'in-app' : 'ios';
  document.documentElement.setAttribute('data-device', mode);
  function show(id, visible) {
    var element = document.getElementById(id);
    if (element) element.hidden = !visible;
  }
  // A profile that expired after publishing: the same banner as a build published unusable.
  var expiredBanner = document.getElementById('expired');
  var expired = false;
  if (expiredBanner) {
    expired = new Date(expiredBanner.getAttribute('data-until')).getTime() < Date.now();
    expiredBanner.hidden = !expired;
  }
  show('install', mode === 'ios' && !expired);
  show('in-app', mode === 'in-app' && !expired);
  show('desktop', mode === 'desktop' && !expired);
  var copy = document.getElementById('copy-link');
  if (copy) {
    copy.addEventListener('click', function () {
      var done = function (text) { copy.textContent = text; };
      if (!navigator.clipboard) return done('Copy the address from the address bar');
      navigator.clipboard.writeText(location.href).then(
        function () { done('Link copied: paste it in Safari'); },
        function () { done('Copy the address from the address bar'); }
      );
    });
  }
  document.querySelectorAll('time[datetime]').forEach(function (element) {
    var date = new Date(element.getAttribute('datetime'));
    if (!isNaN(date.getTime())) element.textContent = date.toLocaleString();
  });
  document.querySelectorAll('[data-expires]').forEach(function (element) {
    var expires = new Date(element.getAttribute('data-expires')).getTime();
    if (expires < Date.now()) element.hidden = false;
  });
  // This page never changes once published; the channel's latest.json, rewritten on every
  // publish, says whether a newer build exists. Only a checked build id reaches the link.
  var newer = document.getElementById('newer');
  if (newer && window.fetch) {
    fetch('../latest.json', { cache: 'no-store' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (latest) {
        if (!latest || typeof latest.buildId !== 'string' || !/^[a-z0-9._-]+$/.test(latest.buildId)) return;
        if (latest.buildId === newer.getAttribute('data-build-id')) return;
        if (!(Date.parse(latest.createdAt) > Date.parse(newer.getAttribute('data-created')))) return;
        var link = document.getElementById('newer-link');
        link.href = '../' + latest.buildId + '/index.html';
        link.textContent = 'Newer build available: ' + String(latest.version) + ' (' + String(latest.build) + ') ›';
        newer.hidden = false;
      })
      .catch(function () {});
  }
})();
`
