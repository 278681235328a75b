/* Registers the service worker (/sw.js, issue 14) and keeps the quiet offline line of the layout up to date.
   Pages work without this script; it only adds offline use. */
(() => {
  'use strict';
  const line = document.getElementById('offline-line');
  // The sentences come from the page (OfflineWords.razor), in its language; English only if a page lacks them.
  const words = Object.assign({
    offline: 'Offline — your answers will be sent when you are back online.',
    offlineOne: 'Offline — 1 answer is kept on this phone and will be sent when you are back online.',
    offlineMany: 'Offline — {0} answers are kept on this phone and will be sent when you are back online.',
    sendingOne: 'Sending the answer kept on this phone…',
    sendingMany: 'Sending the answers kept on this phone…',
  }, (document.getElementById('offline-words') || {}).dataset);
  let waiting = 0;
  const update = () => {
    if (!line) return;
    line.textContent = navigator.onLine
      ? (waiting === 1 ? words.sendingOne : words.sendingMany)
      : waiting === 1
        ? words.offlineOne
        : waiting > 0
          ? words.offlineMany.replace('{0}', String(waiting))
          : words.offline;
    line.hidden = navigator.onLine && waiting === 0;
  };
  // A fresh idempotency key for each showing of a form: a page shown again from the phone's copy is a new answer,
  // while the same post sent twice keeps its key and is saved once.
  if (self.crypto && crypto.randomUUID) {
    for (const input of document.querySelectorAll('input[name="Form.RequestKey"]')) input.value = crypto.randomUUID();
  }
  addEventListener('offline', update);
  update();
  if (!('serviceWorker' in navigator)) return;
  const ask = (type) => navigator.serviceWorker.ready.then((r) => r.active && r.active.postMessage({ type }));
  // The network often comes back in steps: while answers still wait and the phone says it is online, try again
  // after 1, 2, 4… seconds (at most 30).
  let tries = 0;
  let timer;
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (!event.data || event.data.type !== 'queue') return;
    waiting = event.data.waiting;
    update();
    clearTimeout(timer);
    if (waiting > 0 && navigator.onLine) timer = setTimeout(() => ask('replay'), Math.min(30000, 1000 * 2 ** tries++));
    else tries = 0;
  });
  addEventListener('online', () => { update(); ask('replay'); });
  navigator.serviceWorker.register('/sw.js').then(() => ask(navigator.onLine ? 'replay' : 'count')).catch(() => {});
  // The worker's page for an address not kept on the phone, in this page's language (issue 16).
  if (words.fallbackHeading) {
    navigator.serviceWorker.ready.then((r) => r.active && r.active.postMessage({
      type: 'fallback', lang: document.documentElement.lang || 'en',
      title: words.fallbackTitle, heading: words.fallbackHeading, text: words.fallbackText, link: words.fallbackLink,
    })).catch(() => {});
  }
})();
