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
