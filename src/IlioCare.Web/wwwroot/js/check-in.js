/* The check-in's warning signs (issue 14): the advice and the emergency number show the moment a sign is ticked,
   on the phone, before anything is sent — safety never waits for the network. Saving still pauses the program. */
(() => {
  'use strict';
  const advice = document.getElementById('sign-advice');
  if (!advice) return;
  const boxes = Array.from(document.querySelectorAll('input[name="Form.WarningSigns"]'));
  const emergency = advice.querySelector('.sign-advice-emergency');
  const urgent = advice.querySelector('.sign-advice-urgent');
  const update = () => {
    const ticked = boxes.filter((b) => b.checked);
    const severe = ticked.some((b) => b.closest('.sign-emergency'));
    emergency.hidden = !severe;
    urgent.hidden = severe;
    advice.hidden = ticked.length === 0;
  };
  for (const box of boxes) box.addEventListener('change', update);
  update();
})();

/* A check-in page the phone kept from an earlier day, sent offline today, is today's check-in: what the patient answers
   is about this morning. Only offline, and only forward — online the page is always fresh from the server, and a phone
   in another time zone than the patient's must not move a fresh page's day. The server still judges the day it gets
   (today, or yesterday while no later check-in exists). */
(() => {
  'use strict';
  const date = document.querySelector('input[name="Form.Date"]');
  if (!date) return;
  const pad = (n) => String(n).padStart(2, '0');
  date.form.addEventListener('submit', () => {
    const now = new Date();
    const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    if (!navigator.onLine && today > date.value) date.value = today;
  });
})();
