// IlioCare doctor-visit summary (F4): shows the Print button and opens the browser's print dialog with it.
// Without JavaScript the page says to use the browser's Print (Ctrl+P); nothing else depends on this file.
(function () {
  'use strict';
  var button = document.querySelector('[data-print]');
  if (!button) return;
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
})();
