// Push messages (issue 14), imported by the site's service worker (/sw.js: importScripts('/js/push-sw.js')).
// The payload is {title, body, url}: words without health details and a page of this site to open on a tap.
/* global self, clients */
(function () {
  'use strict';
  // Only a path of this site: a message can never send the patient elsewhere.
  function sitePath(url) {
    return typeof url === 'string' && url.charAt(0) === '/' && url.charAt(1) !== '/' && url.charAt(1) !== '\\' ? url : '/';
  }
  self.addEventListener('push', function (event) {
    var data = {};
    try { data = event.data ? event.data.json() : {}; } catch (e) { data = {}; }
    var url = sitePath(data.url);
    event.waitUntil(self.registration.showNotification(typeof data.title === 'string' ? data.title : 'IlioCare', {
      body: typeof data.body === 'string' ? data.body : 'Open IlioCare.',
      tag: url, // a newer message about the same page replaces the older one
      data: { url: url }
    }));
  });
  self.addEventListener('notificationclick', function (event) {
    event.notification.close();
    var target = new URL(sitePath(event.notification.data && event.notification.data.url), self.location.origin).href;
    event.waitUntil(clients.matchAll({ type: 'window', includeUncontrolled: true }).then(function (open) {
      for (var i = 0; i < open.length; i++) {
        if (open[i].url === target && 'focus' in open[i]) return open[i].focus();
      }
      return clients.openWindow(target);
    }));
  });
})();
