// The recorder of the recording page (`assets/studio/message.html`): the
// microphone through MediaRecorder (Ogg Opus where the browser makes it,
// WebM Opus otherwise), the take played back, and saved only when the
// volunteer presses Save. Text goes into the page with `textContent` only.
(function () {
  var main = document.getElementById('recorder');
  var record = document.getElementById('record');
  var stop = document.getElementById('stop');
  var save = document.getElementById('save');
  var take = document.getElementById('take');
  var status = document.getElementById('status');
  var state = document.getElementById('state');
  var recorder = null, chunks = [], blob = null;
  function say(text, kind) { status.textContent = text; status.className = kind || ''; }
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    record.disabled = true;
    say('This browser gives this page no microphone. Open it as http://127.0.0.1 or http://localhost in a recent Firefox or Chromium.', 'error');
    return;
  }
  if (typeof MediaRecorder === 'undefined') {
    record.disabled = true;
    say('This browser cannot record (it has no MediaRecorder). Use a recent Firefox or Chromium.', 'error');
    return;
  }
  var type = ['audio/ogg;codecs=opus', 'audio/webm;codecs=opus'].find(function (t) {
    return MediaRecorder.isTypeSupported(t);
  });
  if (!type) {
    record.disabled = true;
    say('This browser cannot record Opus audio. Use a recent Firefox or Chromium.', 'error');
    return;
  }
  record.addEventListener('click', function () {
    record.disabled = true;
    save.disabled = true;
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      chunks = [];
      recorder = new MediaRecorder(stream, { mimeType: type });
      recorder.addEventListener('dataavailable', function (e) { if (e.data && e.data.size) chunks.push(e.data); });
      recorder.addEventListener('stop', function () {
        stream.getTracks().forEach(function (t) { t.stop(); });
        blob = new Blob(chunks, { type: recorder.mimeType || type });
        main.dataset.mime = blob.type;
        take.src = URL.createObjectURL(blob);
        take.hidden = false;
        record.disabled = false;
        save.disabled = false;
        say('Listen to your recording. Save it if it is right, or record it again.');
      });
      recorder.start();
      stop.disabled = false;
      say('Recording… read the text aloud, then press Stop.');
    }, function (e) {
      record.disabled = false;
      if (e.name === 'NotAllowedError' || e.name === 'SecurityError') {
        say('The microphone was refused. Allow this page to use it (the microphone icon by the address), then press Record again.', 'error');
      } else if (e.name === 'NotFoundError' || e.name === 'OverconstrainedError') {
        say('No microphone was found. Plug one in or switch it on, then press Record again.', 'error');
      } else {
        say('The microphone could not be started (' + e.name + '). Close other programs using it, then press Record again.', 'error');
      }
    });
  });
  stop.addEventListener('click', function () {
    stop.disabled = true;
    if (recorder && recorder.state !== 'inactive') recorder.stop();
  });
  save.addEventListener('click', function () {
    if (!blob) return;
    save.disabled = true;
    say('Saving…');
    fetch(main.dataset.save, { method: 'POST', headers: { 'Content-Type': blob.type }, body: blob })
      .then(function (r) { return r.text().then(function (t) { return { ok: r.ok, text: t }; }); })
      .then(function (r) {
        if (r.ok) {
          var saved = JSON.parse(r.text);
          state.textContent = 'recorded';
          say('Saved (' + saved.duration + '). The pages show it after the rebuild.', 'ok');
        } else {
          save.disabled = false;
          say('Not saved. ' + r.text, 'error');
        }
      }, function () {
        save.disabled = false;
        say('Not saved: kyr serve does not answer. Is it still running?', 'error');
      });
  });
})();
