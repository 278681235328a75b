// IlioCare session player (F7): progressive enhancement of the plain form on /today/session/{id}.
// Without it the page still works (pain before, pain during, Done / Pain went up). With it: a counter per
// set and side (or per tender spot), a get-ready countdown, a hold timer and an end beep generated with the
// Web Audio API (no audio files). Nothing here is sent to the server; the form posts as before.
(function () {
  'use strict';
  var root = document.querySelector('[data-player]');
  var tools = root && root.querySelector('[data-player-tools]');
  if (!tools) return;

  var d = root.dataset;
  var sets = +d.sets || 1, reps = +d.reps || 1, hold = +d.hold || 0, unit = d.unit || 'repetition';
  var sides = d.sides ? d.sides.split(',') : [''];
  var spots = [].slice.call(root.querySelectorAll('[data-spot]'));
  var painBefore = document.getElementById('painBefore');
  var getReady = 3;

  // The blocks to count through, in order: set × side, or one block per tender spot (top-down).
  var blocks = [];
  if (spots.length) {
    spots.forEach(function (li, i) {
      blocks.push({ label: 'Spot ' + (i + 1) + ' of ' + spots.length + ': ' + li.textContent, spot: li });
    });
  } else {
    for (var s = 1; s <= sets; s++) {
      sides.forEach(function (side) {
        var parts = [];
        if (sets > 1) parts.push('Set ' + s + ' of ' + sets);
        if (side) parts.push(side + ' side');
        blocks.push({ label: parts.join(', ') || 'Your count' });
      });
    }
  }

  var block = 0, count = 0, timer = null, audio = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function button(cls, text) {
    var b = el('button', cls, text);
    b.type = 'button'; // never submits the form
    return b;
  }

  var where = el('p', 'player-where');
  var counter = el('p', 'player-count');
  var clock = el('p', 'player-timer');
  clock.setAttribute('role', 'timer');
  var status = el('p', 'player-status');
  status.setAttribute('role', 'status');
  var main = button('primary big', '');
  var undo = button('', 'Undo');
  var row = el('div', 'player-buttons');
  row.appendChild(main);
  row.appendChild(undo);
  [where, counter, clock, row, status].forEach(function (e) { tools.appendChild(e); });

  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }
  function seconds(n) {
    return n < 60 ? String(n) : Math.floor(n / 60) + ':' + ('0' + (n % 60)).slice(-2);
  }
  function finished() { return block >= blocks.length; }
  function painKnown() {
    return !painBefore || /^\s*(10|[0-9])\s*$/.test(painBefore.value);
  }

  function render() {
    if (finished()) {
      where.textContent = 'All done';
      counter.textContent = '';
      main.textContent = 'Finished';
      main.disabled = true;
      undo.disabled = false;
      return;
    }
    where.textContent = blocks[block].label;
    counter.textContent = count + ' of ' + plural(reps, unit);
    main.textContent = unit === 'warm-up' ? 'Start the warm-up timer' : hold ? 'Start hold' : '+1 ' + unit;
    main.disabled = timer !== null || !painKnown();
    undo.textContent = timer !== null ? 'Stop the timer' : 'Undo';
    undo.disabled = timer === null && count === 0 && block === 0;
    if (!painKnown() && timer === null) status.textContent = 'Enter your pain before you start, then begin.';
  }

  // A short sine beep; the AudioContext is made on the first press (browsers allow sound after a gesture).
  function beep(ms, hz) {
    try {
      if (!audio) return;
      var t = audio.currentTime, osc = audio.createOscillator(), gain = audio.createGain();
      osc.frequency.value = hz || 880;
      gain.gain.setValueAtTime(0.25, t);
      gain.gain.exponentialRampToValueAtTime(0.001, t + ms / 1000);
      osc.connect(gain);
      gain.connect(audio.destination);
      osc.start(t);
      osc.stop(t + ms / 1000);
    } catch (e) { /* no sound is fine: the timer text still shows the end */ }
  }
  function unlockAudio() {
    try {
      var Ctx = window.AudioContext || window.webkitAudioContext;
      if (!audio && Ctx) audio = new Ctx();
      if (audio && audio.state === 'suspended') audio.resume();
    } catch (e) { audio = null; }
  }

  // Counts down from secs, showing "label: n" each second, then calls done. Measured against the clock so
  // a busy phone does not stretch the hold.
  function countdown(secs, label, done) {
    var end = Date.now() + secs * 1000;
    function tick() {
      var left = Math.ceil((end - Date.now()) / 1000);
      if (left > 0) {
        clock.textContent = label + ': ' + seconds(left);
        return;
      }
      clearInterval(timer);
      timer = null;
      clock.textContent = '';
      done();
    }
    timer = setInterval(tick, 200);
    tick();
    render();
  }

  function add() {
    count++;
    if (count >= reps) {
      var b = blocks[block];
      if (b.spot) {
        b.spot.classList.add('done');
        b.spot.appendChild(el('span', 'spot-done', ' (done)'));
      }
      status.textContent = b.label + ': done.' + (block + 1 < blocks.length ? ' Next: ' + blocks[block + 1].label + '.' : ' All done: enter your pain during the exercise and press Done.');
      block++;
      count = 0;
      beep(150, 660);
    } else if (!hold) {
      status.textContent = '';
    }
    render();
  }

  main.addEventListener('click', function () {
    unlockAudio();
    if (finished() || timer !== null || !painKnown()) return;
    if (!hold) { add(); return; }
    // Get ready before the first hold of a block, and before every long hold (time to settle in).
    var ready = count === 0 || hold >= 10;
    var startHold = function () {
      status.textContent = unit === 'warm-up' ? 'Warm up now.' : 'Hold.';
      beep(80, 990);
      countdown(hold, unit === 'warm-up' ? 'Warm-up' : 'Hold', function () {
        beep(400, 880);
        status.textContent = unit === 'warm-up' ? 'Time is up: start your sport while you are warm.' : 'Release slowly.';
        add();
      });
    };
    if (ready) {
      status.textContent = 'Get ready.';
      countdown(getReady, 'Get ready', startHold);
    } else {
      startHold();
    }
  });

  undo.addEventListener('click', function () {
    if (timer !== null) {
      clearInterval(timer);
      timer = null;
      clock.textContent = '';
      status.textContent = 'Timer stopped.';
    } else if (count > 0) {
      count--;
    } else if (block > 0) {
      block--;
      count = reps - 1;
      var b = blocks[block];
      if (b.spot) {
        b.spot.classList.remove('done');
        var mark = b.spot.querySelector('.spot-done');
        if (mark) mark.remove();
      }
    }
    render();
  });

  if (painBefore) painBefore.addEventListener('input', function () {
    if (painKnown()) status.textContent = '';
    render();
  });
  root.classList.add('enhanced');
  render();
})();
