// Progressive extras for the anonymous report form. Everything works without this file.
(function () {
  'use strict';
  var lang = document.documentElement.lang === 'en' ? 'en' : 'nl';
  var words = {
    nl: function (n, max) { return n + ' van de ' + max + ' tekens gebruikt'; },
    en: function (n, max) { return n + ' of ' + max + ' characters used'; },
    over: { nl: ' (te veel)', en: ' (too many)' },
  };

  // Move focus to the error summary (or the busy notice) so a screen reader reads it first.
  var summary = document.getElementById('error-summary') || document.getElementById('limit-notice');
  if (summary && document.activeElement !== summary) summary.focus();

  // Summary links put focus in the field itself, not just scroll to it.
  if (summary) {
    summary.addEventListener('click', function (event) {
      var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
      if (!link) return;
      var target = document.getElementById(link.getAttribute('href').slice(1));
      if (!target) return;
      event.preventDefault();
      target.focus();
      target.scrollIntoView({ block: 'center' });
    });
  }

  // A character counter under each text field with a maximum. The live region only
  // speaks near and over the limit, so typing is not interrupted by constant announcements.
  var fields = document.querySelectorAll('[data-max]');
  Array.prototype.forEach.call(fields, function (field) {
    var max = Number(field.getAttribute('data-max'));
    var counter = document.createElement('p');
    counter.className = 'counter';
    counter.id = field.id + '-counter';
    var live = document.createElement('span');
    live.className = 'visually-hidden';
    live.setAttribute('aria-live', 'polite');
    var visible = document.createElement('span');
    visible.setAttribute('aria-hidden', 'true');
    counter.appendChild(visible);
    counter.appendChild(live);
    field.insertAdjacentElement('afterend', counter);
    function update() {
      var length = field.value.replace(/\r\n?/g, '\n').trim().length;
      var over = length > max;
      var text = words[lang](length, max) + (over ? words.over[lang] : '');
      visible.textContent = text;
      counter.classList.toggle('counter-over', over);
      live.textContent = length >= max * 0.9 ? text : '';
    }
    field.addEventListener('input', update);
    update();
  });

  // One submit per page: a double click must not send the form twice.
  Array.prototype.forEach.call(document.querySelectorAll('form'), function (form) {
    var sent = false;
    form.addEventListener('submit', function (event) {
      if (sent) { event.preventDefault(); return; }
      sent = true;
    });
  });
})();
