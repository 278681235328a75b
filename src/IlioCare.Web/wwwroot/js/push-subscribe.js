// Notifications on this device (issue 14), on /reminders. Registers the site's service worker (/sw.js, which imports
// /js/push-sw.js), subscribes with the server's VAPID key and hands the subscription to the API. The page explains
// itself without this file; it only shows the two buttons where the browser can do push.
(function () {
  'use strict';
  var box = document.querySelector('[data-push-key]');
  if (!box) return;
  var status = box.querySelector('[data-push-status]');
  var on = box.querySelector('[data-push-on]');
  var off = box.querySelector('[data-push-off]');
  var api = '/api/v1/me/push-subscriptions';
  // The words come with the page, in its language (issue 16: data-text-* on the box); English if a page lacks one.
  function say(key, english) { status.textContent = box.getAttribute('data-text-' + key) || english; }
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
    say('unsupported', 'This browser cannot show notifications from IlioCare. You can use e-mail instead.');
    return;
  }
  function bytes(b64) {
    var s = (b64 + '==='.slice((b64.length + 3) % 4)).replace(/-/g, '+').replace(/_/g, '/');
    var raw = atob(s), a = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) a[i] = raw.charCodeAt(i);
    return a;
  }
  function b64(buf) {
    var a = new Uint8Array(buf), s = '';
    for (var i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function send(method, url, body) {
    return fetch(url, { method: method, credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined }).then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); });
  }
  // Only the endpoint and the two keys: the API reads strictly and has no field for expirationTime.
  function store(sub) {
    return send('POST', api, { endpoint: sub.endpoint, keys: { p256dh: b64(sub.getKey('p256dh')), auth: b64(sub.getKey('auth')) } });
  }
  function show(sub) {
    on.hidden = !!sub;
    off.hidden = !sub;
    if (sub) say('on', 'Notifications are on for this device.'); else say('off', 'Notifications are off for this device.');
  }
  function fail() {
    say('failed', 'Notifications could not be changed just now. Try again later, or use e-mail.');
  }
  navigator.serviceWorker.register('/sw.js').then(function () { return navigator.serviceWorker.ready; }).then(function (reg) {
    on.addEventListener('click', function () {
      Notification.requestPermission().then(function (permission) {
        if (permission !== 'granted') {
          say('blocked', 'Notifications are blocked for IlioCare in this browser. Allow them in its settings, or use e-mail.');
          return null;
        }
        return reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytes(box.getAttribute('data-push-key')) })
          .then(function (sub) { return store(sub).then(function () { show(sub); }); });
      }).catch(fail);
    });
    off.addEventListener('click', function () {
      reg.pushManager.getSubscription().then(function (sub) {
        if (!sub) { show(null); return null; }
        return send('DELETE', api + '?endpoint=' + encodeURIComponent(sub.endpoint)).catch(function () { /* already gone */ })
          .then(function () { return sub.unsubscribe(); }).then(function () { show(null); });
      }).catch(fail);
    });
    return reg.pushManager.getSubscription().then(function (sub) {
      show(sub);
      // Told again on every visit: the server may have dropped it (410), or someone else used this browser before.
      if (sub) return store(sub).catch(function () { /* shown as on; the next visit tries again */ });
      return null;
    });
  }).catch(fail);
})();
