/* Placeholder: the Web Push engineer's 'push' and 'notificationclick' handlers replace this file (sw.js imports it). */
