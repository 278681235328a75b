// IlioCare session player (F7, issue 14): progressive enhancement of the plain form on /today/session/{id}.
// Without it the page still works (pain before, how many, pain during, Done / Pain went up). With it: one Start,
// then the player paces every repetition (lift – hold – lower at the catalogue's cadence, slower or faster),
// runs holds, rests between sets and changes sides by itself, with a generated tone and a vibration on each
// count. The count is kept on the device (localStorage) so a refresh resumes it. It only fills the form's own
// fields and lets the form post as usual (by a normal submit, or whatever sits under the form's submit).
(function () {
  'use strict';
  var root = document.querySelector('[data-player]');
  var tools = root && root.querySelector('[data-player-tools]');
  var form = root && root.closest('form');
  if (!tools || !form) return;

  var d = root.dataset;
  // Words in the reader's language (issue 16): the page's table (data-words, PlayerWords.cs) by the English text,
  // which is also what shows when a word has no entry. "{0}", "{1}" … are filled in order.
  var W = {};
  try { W = JSON.parse(d.words || '{}') || {}; } catch (e) { W = {}; }
  function t(k) { var a = arguments; return (W[k] || k).replace(/\{(\d)\}/g, function (m, i) { return a[+i + 1]; }); }
  function num(v, dflt) { var n = +v; return isFinite(n) && v !== '' && v != null ? n : dflt; }
  var sets = num(d.sets, 1), reps = num(d.reps, 1), hold = num(d.hold, 0), unit = d.unit || 'repetition';
  var lift = num(d.lift, 2), top = num(d.top, 1), lower = num(d.lower, 2);
  var restSecs = num(d.rest, 60), switchSecs = num(d.switch, 10), readySecs = num(d.ready, 3);
  var sides = d.sides ? d.sides.split(',') : [''];
  var spots = [].slice.call(root.querySelectorAll('[data-spot]'));
  var doneField = document.getElementById('doneCount');
  var warmUp = unit === 'warm-up', massage = spots.length > 0;
  var TEMPOS = [0.5, 0.75, 1, 1.25, 1.5, 2];

  // The blocks to count through, in order: set × side, or one block per tender spot (top-down).
  var blocks = [];
  if (massage) {
    spots.forEach(function (li, i) {
      blocks.push({ label: t('Spot {0} of {1}: {2}', i + 1, spots.length, li.textContent), set: i, spot: li });
    });
  } else {
    for (var s = 1; s <= sets; s++) {
      sides.forEach(function (side) {
        var parts = [];
        if (sets > 1) parts.push(t('Set {0} of {1}', s, sets));
        if (side) parts.push(t(side + ' side'));
        blocks.push({ label: parts.join(', ') || t('Your count'), set: s });
      });
    }
  }
  var planned = blocks.length * reps;

  // ---- What is kept on the device: block, count, pace and the pains, under a key per patient, day and exercise.
  var store = null;
  try { store = window.localStorage; store.getItem('x'); } catch (e) { store = null; }
  var prefix = d.statePrefix || '', key = prefix ? prefix + d.exercise : '';
  var patientPrefix = prefix.split(':').slice(0, 2).join(':') + ':';
  var st = { b: 0, c: 0, t: 2, pb: '', pd: '', s: false };

  function read(k) { try { return JSON.parse(store.getItem(k)); } catch (e) { return null; } }
  function save() { if (store && key) try { store.setItem(key, JSON.stringify(st)); } catch (e) { /* full or private: the form still works */ } }
  function forget() {
    if (!store || !prefix) return;
    var logged = (d.logged || '').split(',');
    for (var i = store.length - 1; i >= 0; i--) {
      var k = store.key(i);
      if (!k || k.indexOf(patientPrefix) !== 0) continue;
      // Another day's count is over; a count that was sent and is now logged must not come back (recorded once).
      var sent = read(k);
      if (k.indexOf(prefix) !== 0 || (logged.indexOf(k.slice(prefix.length)) >= 0 && sent && sent.s)) store.removeItem(k);
    }
  }
  forget();
  var kept = store && key ? read(key) : null;
  if (kept && typeof kept.b === 'number' && typeof kept.c === 'number') {
    st.b = Math.max(0, Math.min(kept.b, blocks.length)); st.c = Math.max(0, Math.min(kept.c, reps - 1));
    st.t = TEMPOS[kept.t] ? kept.t : 2; st.pb = kept.pb || ''; st.pd = kept.pd || '';
  }
  st.s = false;

  // ---- The pains are radios (works without script); keep what was tapped, restore it after a refresh.
  function radios(name) { return form.querySelectorAll('input[type=radio][name="' + name + '"]'); }
  function painOf(name) { var r = form.querySelector('input[type=radio][name="' + name + '"]:checked'); return r ? r.value : ''; }
  function restorePain(name, value) {
    if (!value || painOf(name)) return;
    [].forEach.call(radios(name), function (r) { if (r.value === value) r.checked = true; });
  }
  restorePain('Form.PainBefore', st.pb);
  restorePain('Form.PainDuring', st.pd);
  function painKnown() { return radios('Form.PainBefore').length === 0 || painOf('Form.PainBefore') !== ''; }

  // ---- The screen.
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function button(cls, text) { var b = el('button', cls, text); b.type = 'button'; return b; }

  var where = el('p', 'player-where');
  var counter = el('p', 'player-count');
  var phaseText = el('p', 'player-phase');
  var clock = el('p', 'player-timer');
  clock.setAttribute('role', 'timer');
  var main = button('primary huge', t('Start'));
  var skip = button('', t('Skip the rest'));
  var minus = button('', '−1'), plus = button('', '+1');
  minus.setAttribute('aria-label', t('−1, take one off the count')); // the name starts with what is seen (WCAG 2.5.3)
  plus.setAttribute('aria-label', t('+1, add one to the count'));
  var slower = button('', t('Slower')), faster = button('', t('Faster'));
  var paceText = el('span', 'player-pace-text');
  var status = el('p', 'player-status');
  status.setAttribute('role', 'status');
  var note = el('p', 'hint player-note');
  var row = el('div', 'player-buttons'), adjust = el('div', 'player-buttons'), pace = el('div', 'player-pace');
  row.appendChild(main); row.appendChild(skip);
  adjust.appendChild(minus); adjust.appendChild(plus);
  pace.appendChild(slower); pace.appendChild(paceText); pace.appendChild(faster);
  [where, counter, phaseText, clock, row, adjust, pace, status, note].forEach(function (e) { tools.appendChild(e); });
  if (warmUp) pace.hidden = true;
  if (doneField) { var field = doneField.closest('.field'); if (field) field.hidden = true; }

  // ---- Sound and touch: a short generated sine tone (no audio files) and a vibration where the device has one.
  var audio = null;
  function unlockAudio() {
    try {
      var Ctx = window.AudioContext || window.webkitAudioContext;
      if (!audio && Ctx) audio = new Ctx();
      if (audio && audio.state === 'suspended') audio.resume();
    } catch (e) { audio = null; }
  }
  function tone(ms, hz) {
    try {
      if (!audio) return;
      var t = audio.currentTime, osc = audio.createOscillator(), gain = audio.createGain();
      osc.frequency.value = hz;
      gain.gain.setValueAtTime(0.25, t);
      gain.gain.exponentialRampToValueAtTime(0.001, t + ms / 1000);
      osc.connect(gain); gain.connect(audio.destination);
      osc.start(t); osc.stop(t + ms / 1000);
    } catch (e) { /* no sound is fine: the screen still shows the count */ }
  }
  function buzz(ms) { try { if (navigator.vibrate) navigator.vibrate(ms); } catch (e) { /* no vibration on this device */ } }

  // ---- The pacer: a phase (ready, lift, top, lower, rest, switch) ends at a clock time; a tick moves on.
  var phase = 'idle', phaseEnd = 0, left = 0, timer = null, resumed = !!kept && (st.b > 0 || st.c > 0);
  function tempo() { return TEMPOS[st.t]; }
  function secs(name) {
    if (name === 'ready') return readySecs;
    if (name === 'lift') return lift * tempo();
    if (name === 'top') return top; // the hold is part of the dose: never faster or slower
    if (name === 'lower') return lower * tempo();
    if (name === 'rest') return restSecs;
    if (name === 'switch') return switchSecs;
    return 0;
  }
  var WORDS = hold > 0 && !warmUp
    ? { lift: t(unit === 'hold' ? 'Get into the stretch' : 'Lift'), top: t('Hold'), lower: t(unit === 'hold' ? 'Release' : 'Lower slowly') }
    : massage ? { lift: t('Stroke'), top: '', lower: t('Back') }
      : warmUp ? { top: t('Warm up') } : { lift: t('Lift'), top: t('Hold'), lower: t('Lower slowly') };
  function label(name) {
    return name === 'ready' ? t('Get ready') : name === 'rest' ? t('Rest') : name === 'switch' ? t(massage ? 'Next spot' : 'Change sides') : WORDS[name] || '';
  }
  function finished() { return st.b >= blocks.length; }
  function total() { return Math.min(planned, st.b * reps + st.c); }

  function enter(name, at) {
    phase = name;
    phaseEnd = at + secs(name) * 1000;
    if (name === 'lift') tone(60, 520);
    if (name === 'top' && hold > 0) tone(60, 990);
  }
  // The next phase after one ends at time `at`; counts a movement at the end of lower.
  function next(at) {
    if (phase === 'ready' || phase === 'rest' || phase === 'switch') return enter(phase === 'ready' ? 'lift' : 'ready', at);
    if (phase === 'lift') return enter('top', at);
    if (phase === 'top') { if (hold > 0) tone(350, 880); return enter('lower', at); }
    if (phase === 'lower') {
      count(1);
      if (finished()) { stop(t('All counted. Choose your pain during the exercise and press Done.')); return; }
      if (st.c > 0) return enter('lift', at);
      return enter(blocks[st.b].set !== blocks[st.b - 1].set ? 'rest' : 'switch', at);
    }
  }
  function count(n) {
    st.c += n;
    if (st.c >= reps) {
      var b = blocks[st.b];
      if (b.spot) b.spot.classList.add('done');
      st.b++; st.c = 0;
      tone(200, 660); buzz([80, 60, 80]);
    } else if (st.c < 0) {
      if (st.b > 0) { st.b--; st.c = reps - 1; if (blocks[st.b].spot) blocks[st.b].spot.classList.remove('done'); } else st.c = 0;
    } else if (n > 0) {
      tone(120, 760); buzz(60);
    }
    save();
  }
  function tick() {
    var now = Date.now();
    // A phone that slept or a fast clock: run every phase that has ended, in order, from its own end time.
    var guard = 0;
    while (timer !== null && phase !== 'idle' && now >= phaseEnd && guard++ < 1000) next(phaseEnd);
    render();
  }
  function start(first) {
    unlockAudio();
    var now = Date.now();
    if (first) enter('ready', now); else phaseEnd = now + left;
    if (timer === null) timer = setInterval(tick, 100);
    tick();
  }
  function pause() {
    left = Math.max(0, phaseEnd - Date.now());
    clearInterval(timer); timer = null;
    render();
  }
  function stop(text) {
    clearInterval(timer); timer = null; phase = 'idle';
    if (text) status.textContent = text;
    render();
  }

  function fmt(n) { n = Math.max(0, Math.ceil(n)); return n < 60 ? String(n) : Math.floor(n / 60) + ':' + ('0' + (n % 60)).slice(-2); }
  function plural(n, word) { return n === 1 ? t('1 ' + word) : t('{0} ' + word + 's', n); }
  function render() {
    var running = timer !== null, active = phase !== 'idle';
    if (doneField) doneField.value = String(total());
    where.textContent = finished() ? t('All done') : blocks[st.b].label;
    counter.textContent = finished() ? t('{0} counted', plural(planned, unit)) : t('{0} of {1}', st.c, plural(reps, unit));
    phaseText.textContent = active ? label(phase) : '';
    clock.textContent = active && secs(phase) >= 1 ? label(phase) + ': ' + fmt((running ? phaseEnd - Date.now() : left) / 1000) : '';
    main.textContent = t(finished() ? 'All counted' : running ? 'Pause' : active || resumed ? 'Resume' : 'Start');
    main.disabled = finished() || !painKnown();
    skip.hidden = !(active && (phase === 'rest' || phase === 'switch'));
    minus.disabled = total() === 0;
    plus.disabled = finished();
    paceText.textContent = t('Pace: about {0} s each', Math.round(lift * tempo() + top + lower * tempo()));
    slower.disabled = st.t >= TEMPOS.length - 1;
    faster.disabled = st.t <= 0;
    if (!painKnown()) status.textContent = t('Choose your pain before you start, then press Start.');
    note.textContent = t('Counted so far: {0} of {1}.', total(), planned) +
      (total() < planned ? ' ' + t('If you press Done now, it is saved as partly done.') : '');
  }

  main.addEventListener('click', function () {
    if (finished() || !painKnown()) return;
    if (timer !== null) { pause(); status.textContent = t('Paused. Press Resume to go on.'); return; }
    status.textContent = '';
    var first = phase === 'idle';
    resumed = false;
    start(first);
  });
  skip.addEventListener('click', function () { if (phase === 'rest' || phase === 'switch') { phaseEnd = Date.now(); left = 0; if (timer !== null) tick(); else { enter('ready', Date.now()); left = secs('ready') * 1000; render(); } } });
  plus.addEventListener('click', function () {
    if (finished()) return;
    count(1);
    if (finished()) stop(t('All counted. Choose your pain during the exercise and press Done.'));
    render();
  });
  minus.addEventListener('click', function () { count(-1); render(); });
  slower.addEventListener('click', function () { if (st.t < TEMPOS.length - 1) st.t++; save(); render(); });
  faster.addEventListener('click', function () { if (st.t > 0) st.t--; save(); render(); });
  form.addEventListener('change', function (e) {
    var t = e.target;
    if (t.name === 'Form.PainBefore') { st.pb = t.value; status.textContent = ''; }
    if (t.name === 'Form.PainDuring') st.pd = t.value;
    save(); render();
  });
  // The form posts the count; mark it sent so the next page forgets it once the server has it (never twice).
  form.addEventListener('submit', function () {
    if (timer !== null) { clearInterval(timer); timer = null; }
    if (doneField) doneField.value = String(total());
    st.s = true; save();
  });

  blocks.forEach(function (b, i) { if (b.spot && i < st.b) b.spot.classList.add('done'); });
  if (resumed) status.textContent = t('Welcome back: your count was kept. Press Resume to go on.');
  root.classList.add('enhanced');
  render();
})();
