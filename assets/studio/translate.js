// The field of the translation page (`assets/studio/translate.html`): the
// volunteer types plain text; variables are chips that cannot be mistyped
// (inserted by their buttons, never edited letter by letter). Each change
// is sent, a moment after the last key, to be checked as `kyr check`
// checks; what kyr finds is shown beside the field and the preview shows
// the message as printed. Save writes it and moves to the next message.
// Text goes into the page with `textContent`; only the preview, which is
// kyr's own escaped HTML, is set as HTML.
(function () {
  var main = document.getElementById('translator');
  var field = document.getElementById('field');
  if (!main || !field) { return; }
  var findings = document.getElementById('findings');
  var preview = document.getElementById('preview');
  var status = document.getElementById('status');
  var save = document.getElementById('save');
  var words = main.dataset;
  var timer = null, sent = 0, shown = 0;

  function say(text, kind) { status.textContent = text; status.className = kind || ''; }

  function chip(name, value) {
    var span = document.createElement('span');
    span.className = 'chip';
    span.contentEditable = 'false';
    span.dataset.var = name;
    var label = document.createElement('span');
    label.className = 'chip-name';
    label.textContent = name;
    var bdi = document.createElement('bdi');
    bdi.textContent = value;
    span.appendChild(label);
    span.appendChild(document.createTextNode(' '));
    span.appendChild(bdi);
    return span;
  }

  // The field as plain text: a chip is `{ $name }`, a line break a new line.
  function text(node) {
    var out = '';
    node.childNodes.forEach(function (child) {
      if (child.nodeType === Node.TEXT_NODE) {
        out += child.nodeValue;
      } else if (child.classList && child.classList.contains('chip')) {
        out += '{ $' + child.dataset.var + ' }';
      } else if (child.nodeName === 'BR') {
        if (child.nextSibling || child.parentNode !== field) { out += '\n'; }
      } else {
        var inner = text(child);
        if (child.nodeName === 'DIV' || child.nodeName === 'P') {
          if (out && !out.endsWith('\n')) { out += '\n'; }
        }
        out += inner;
      }
    });
    return out;
  }

  function insert(node) {
    var selection = window.getSelection();
    var range;
    if (selection.rangeCount && field.contains(selection.getRangeAt(0).commonAncestorContainer)) {
      range = selection.getRangeAt(0);
    } else {
      range = document.createRange();
      range.selectNodeContents(field);
      range.collapse(false);
    }
    range.deleteContents();
    range.insertNode(node);
    range.setStartAfter(node);
    range.collapse(true);
    selection.removeAllRanges();
    selection.addRange(range);
    changed();
  }

  function place(finding) {
    var li = document.createElement('li');
    li.className = finding.error ? 'error' : 'warning';
    var what = document.createElement('p');
    what.textContent = finding.explanation;
    li.appendChild(what);
    if (finding.place) {
      var where = document.createElement('p');
      where.className = 'place';
      where.textContent = finding.place;
      li.appendChild(where);
    }
    var details = document.createElement('details');
    var summary = document.createElement('summary');
    summary.textContent = words.detail;
    details.appendChild(summary);
    var english = document.createElement('p');
    english.lang = 'en';
    english.dir = 'ltr';
    english.textContent = [finding.detail].concat(finding.hints || []).join(' — ');
    details.appendChild(english);
    li.appendChild(details);
    return li;
  }

  function show(answer) {
    findings.textContent = '';
    (answer.findings || []).forEach(function (f) { findings.appendChild(place(f)); });
    if (answer.refused) {
      var li = document.createElement('li');
      li.className = 'error';
      li.textContent = answer.refused + (answer.detail ? ' (' + answer.detail + ')' : '');
      findings.appendChild(li);
    }
    if (!findings.childNodes.length) {
      var ok = document.createElement('li');
      ok.className = 'ok';
      ok.textContent = words.noProblem;
      findings.appendChild(ok);
    }
    if (typeof answer.preview === 'string') { preview.innerHTML = answer.preview; }
    save.disabled = answer.errors > 0 || !!answer.refused;
  }

  function post(url, typed) {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: typed })
    }).then(function (r) { return r.json(); });
  }

  function check() {
    var typed = text(field);
    if (!typed.trim()) {
      findings.textContent = '';
      say(words.empty, 'error');
      save.disabled = true;
      return;
    }
    var mine = ++sent;
    say(words.checking);
    post(words.check, typed).then(function (answer) {
      if (mine < shown) { return; }
      shown = mine;
      say('');
      show(answer);
    }, function () { say(words.offline, 'error'); });
  }

  function changed() {
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  }

  field.querySelectorAll('.chip').forEach(function (c) { c.contentEditable = 'false'; });
  field.addEventListener('input', changed);
  // A new line is a line break in the text, whatever the keyboard (a
  // phone's sends no key, only what it means to insert).
  field.addEventListener('beforeinput', function (e) {
    if (e.inputType === 'insertParagraph' || e.inputType === 'insertLineBreak') {
      e.preventDefault();
      insert(document.createTextNode('\n'));
      // A last line break shows only with something after it.
      if (!field.lastChild || field.lastChild.nodeName !== 'BR') {
        field.appendChild(document.createElement('br'));
      }
    }
  });
  field.addEventListener('paste', function (e) {
    e.preventDefault();
    var pasted = (e.clipboardData || window.clipboardData).getData('text/plain');
    insert(document.createTextNode(pasted));
  });
  document.querySelectorAll('.add-chip').forEach(function (button) {
    button.addEventListener('click', function () {
      insert(chip(button.dataset.var, button.dataset.value));
      field.focus();
    });
  });
  save.addEventListener('click', function () {
    var typed = text(field);
    if (!typed.trim()) { say(words.empty, 'error'); return; }
    save.disabled = true;
    say(words.saving);
    post(words.save, typed).then(function (answer) {
      show(answer);
      if (answer.saved) {
        say(answer.saved, 'ok');
        if (answer.next) { setTimeout(function () { location.href = answer.next; }, 800); }
      } else {
        say(answer.refused || '', 'error');
      }
    }, function () { say(words.offline, 'error'); save.disabled = false; });
  });
  if (text(field).trim()) { check(); }
}());
