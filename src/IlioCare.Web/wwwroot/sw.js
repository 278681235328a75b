/* IlioCare service worker (issue 14): the app keeps working without internet.
   - Static files: cache first for versioned addresses (?v=hash never changes, StaticAssets), network first otherwise.
   - Pages: network first; the library, Today, the session player and the check-in are kept when visited online,
     and shown from the cache when offline. Only pages answered 200 are kept (never a redirect to sign-in).
   - Form posts of the check-in and the player that fail for lack of network are kept in IndexedDB with their body
     and sent again when the network is back; each carries the form's idempotency key, so the server saves it once.
   - Sign-in and sign-out forget every kept page and every queued post: another person on this phone never sees them.
   Budget: at most 15 KB gzip (docs/performance.md). */
'use strict';

// Bump when this file's caching rules change; old caches are deleted on activation.
const VERSION = 'v1';
const STATIC = `iliocare-static-${VERSION}`;
const PAGES = `iliocare-pages-${VERSION}`;
const DB_NAME = 'iliocare-offline';
const STORE = 'queue';

// Web Push handlers live in their own file; a missing or broken one must not stop offline use.
try { importScripts('/js/push-sw.js'); } catch (e) { /* no push on this install */ }

const keptPage = (path) =>
  path === '/' || path === '/today' || path.startsWith('/today/session/') || path === '/check-in'
  || path === '/library' || path.startsWith('/library/') || path === '/learn';
const queuedPost = (path) => path === '/check-in' || path.startsWith('/today/session/');
const forgetsAll = (path) => path === '/account/sign-out' || path === '/sign-in' || path === '/account' || path === '/account/delete';
const staticFile = (path) => /\.(css|js|svg|png|webmanifest|txt)$/.test(path);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(PAGES).then((c) => c.add('/library')).catch(() => {}).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== STATIC && name !== PAGES) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST') {
    if (forgetsAll(url.pathname)) event.respondWith(forgetAll().then(() => fetch(request)));
    else if (queuedPost(url.pathname)) event.respondWith(postOrQueue(request));
    return;
  }
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') event.respondWith(page(request, url));
  else if (staticFile(url.pathname)) event.respondWith(file(request, url));
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'replay') event.waitUntil(replay().then(() => tell(event.source)));
  else if (type === 'count') event.waitUntil(tell(event.source));
  else if (type === 'forget') event.waitUntil(forgetAll().then(() => tell(event.source)));
  else if (type === 'fallback') event.waitUntil(keepFallback(event.data));
});

// Chromium's Background Sync: the browser wakes the worker when the network is back, even with no page open.
self.addEventListener('sync', (event) => {
  // A failed try is thrown, so the browser tries again later.
  if (event.tag === 'iliocare-queue') event.waitUntil(replay().then((sent) => { if (!sent) throw new Error('still offline'); }));
});

async function page(request, url) {
  try {
    const response = await fetch(request);
    // Kept only without a query: "?saved=1" and the like are one-time notes, not the page to show offline.
    if (response.status === 200 && response.type === 'basic' && url.search === '' && keptPage(url.pathname)) {
      const copy = response.clone();
      caches.open(PAGES).then((c) => c.put(url.pathname, copy));
    }
    return response;
  } catch (e) {
    const kept = await caches.match(url.pathname, { cacheName: PAGES });
    return kept || offlinePage();
  }
}

async function file(request, url) {
  const cache = await caches.open(STATIC);
  if (url.searchParams.has('v')) {
    const kept = await cache.match(request);
    if (kept) return kept;
  }
  try {
    const response = await fetch(request);
    if (response.ok) {
      // One copy per file: an older version's address is dropped when a newer one is kept.
      for (const key of await cache.keys()) if (new URL(key.url).pathname === url.pathname) await cache.delete(key);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (e) {
    const kept = await cache.match(request) || await cache.match(request, { ignoreSearch: true });
    if (kept) return kept;
    throw e;
  }
}

async function postOrQueue(request) {
  const body = await request.clone().text();
  try {
    return await fetch(request);
  } catch (e) {
    await add({ url: request.url, body, type: request.headers.get('content-type') || 'application/x-www-form-urlencoded', at: Date.now() });
    if (self.registration.sync) self.registration.sync.register('iliocare-queue').catch(() => {});
    // Back to the page the form was on, from the cache, with a note that the answers are kept on the phone.
    const back = new URL(request.url);
    back.searchParams.set('queued', '1');
    return Response.redirect(back.href, 303);
  }
}

let replaying = null;
function replay() {
  // One replay at a time per worker: two pages coming back online must not send an item twice at once.
  replaying = replaying || sendAll().finally(() => { replaying = null; });
  return replaying;
}

/** Sends what waits, oldest first; false when something is still waiting (no network, or a server error). */
async function sendAll() {
  for (const item of await all()) {
    let response;
    try {
      response = await fetch(item.url, {
        method: 'POST', body: item.body, headers: { 'Content-Type': item.type },
        credentials: 'same-origin', redirect: 'manual',
      });
    } catch (e) {
      return false; // still offline: keep everything for the next try
    }
    // A server error may pass: keep it and try again later. Anything else was answered (saved, already saved by
    // its key, or refused as too late — the server says so on the page); sending it again would not change that.
    if (response.status >= 500) return false;
    await remove(item.id);
  }
  return true;
}

async function tell(client) {
  const waiting = (await all()).length;
  const targets = client ? [client] : await self.clients.matchAll();
  for (const c of targets) c.postMessage({ type: 'queue', waiting });
}

async function forgetAll() {
  for (const name of await caches.keys()) if (name.startsWith('iliocare-pages')) await caches.delete(name);
  await clear();
}

// The page for an address not kept on the phone, in the language of the last page read online (issue 16): each
// page hands its words over (OfflineWords.razor, offline.js) and they are kept with the static files, which survive
// sign-out (the words are the same for everyone). English until a page has handed any over.
const FALLBACK = '/offline-fallback';
const ENGLISH = {
  lang: 'en', title: 'Offline', heading: 'You are offline', link: 'Go to today',
  text: 'This page was not saved on this phone. Pages you opened while online — Today, your session, the check-in and the library — still work.',
};

async function keepFallback(data) {
  const words = {};
  for (const key of Object.keys(ENGLISH)) words[key] = typeof data[key] === 'string' && data[key] ? data[key].slice(0, 500) : ENGLISH[key];
  const cache = await caches.open(STATIC);
  await cache.put(FALLBACK, new Response(JSON.stringify(words), { headers: { 'Content-Type': 'application/json' } }));
}

async function offlinePage() {
  let words = ENGLISH;
  try {
    const kept = await caches.match(FALLBACK, { cacheName: STATIC });
    if (kept) words = await kept.json();
  } catch (e) { /* English */ }
  const esc = (t) => String(t).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const html = `<!doctype html><html lang="${esc(words.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`
    + `<title>${esc(words.title)} · IlioCare</title></head><body><main><h1>${esc(words.heading)}</h1>`
    + `<p>${esc(words.text)}</p><p><a href="/today">${esc(words.link)}</a></p></main></body></html>`;
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

// IndexedDB, the few calls needed, as promises.
function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, work) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request && request.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

const add = (item) => run('readwrite', (s) => s.add(item));
const all = () => run('readonly', (s) => s.getAll());
const remove = (id) => run('readwrite', (s) => s.delete(id));
const clear = () => run('readwrite', (s) => s.clear());
