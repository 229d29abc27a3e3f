// The recorder of the recording page (`assets/studio/message.html`): a
// recording from the phone's own recorder (the file input, which works on
// plain HTTP), or from the microphone through MediaRecorder where the
// browser gives this page one (Ogg Opus where it makes it, WebM Opus
// otherwise). The take plays in the page's one player, and is sent only
// when the volunteer presses Save; then the page moves to the next
// message. Every word comes from the page's `data-say-*` attributes (the
// server's, in the volunteer's language) or from the server's answer;
// text goes into the page with `textContent` only.
(function () {
  var main = document.getElementById('recorder');
  var file = document.getElementById('file');
  var mic = document.getElementById('mic');
  var record = document.getElementById('record');
  var stop = document.getElementById('stop');
  var save = document.getElementById('save');
  var player = document.getElementById('player');
  var label = document.getElementById('player-label');
  var status = document.getElementById('status');
  var state = document.getElementById('state');
  var words = main.dataset;
  var recorder = null, chunks = [], blob = null, shown = null;
  function say(text, kind) { status.textContent = text; status.className = kind || ''; }

  // A take to listen to before it is saved, in the one player.
  function take(newBlob, said) {
    blob = newBlob;
    if (shown) URL.revokeObjectURL(shown);
    shown = URL.createObjectURL(blob);
    player.src = shown;
    player.hidden = false;
    label.textContent = words.sayTake;
    save.disabled = false;
    say(said);
  }

  file.addEventListener('change', function () {
    if (file.files && file.files[0]) take(file.files[0], words.sayChosen);
  });

  // The microphone, only where the browser gives this page one (not on
  // plain HTTP from another machine: there, the phone's recorder).
  var type = null;
  if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia && typeof MediaRecorder !== 'undefined') {
    type = ['audio/ogg;codecs=opus', 'audio/webm;codecs=opus'].find(function (t) {
      return MediaRecorder.isTypeSupported(t);
    }) || null;
  }
  if (type) {
    mic.hidden = false;
    record.addEventListener('click', function () {
      record.disabled = true;
      save.disabled = true;
      navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
        chunks = [];
        recorder = new MediaRecorder(stream, { mimeType: type });
        recorder.addEventListener('dataavailable', function (e) { if (e.data && e.data.size) chunks.push(e.data); });
        recorder.addEventListener('stop', function () {
          stream.getTracks().forEach(function (t) { t.stop(); });
          main.dataset.mime = recorder.mimeType || type;
          record.disabled = false;
          take(new Blob(chunks, { type: recorder.mimeType || type }), words.sayListen);
        });
        recorder.start();
        stop.disabled = false;
        say(words.sayRecording);
      }, function (e) {
        record.disabled = false;
        if (e.name === 'NotAllowedError' || e.name === 'SecurityError') {
          say(words.sayMicRefused, 'error');
        } else if (e.name === 'NotFoundError' || e.name === 'OverconstrainedError') {
          say(words.sayMicMissing, 'error');
        } else {
          say(words.sayMicFailed, 'error');
        }
      });
    });
    stop.addEventListener('click', function () {
      stop.disabled = true;
      if (recorder && recorder.state !== 'inactive') recorder.stop();
    });
  }

  save.addEventListener('click', function () {
    if (!blob) return;
    save.disabled = true;
    say(words.saySaving);
    fetch(main.dataset.save, {
      method: 'POST',
      headers: { 'Content-Type': blob.type || 'application/octet-stream' },
      body: blob,
    })
      .then(function (r) { return r.text().then(function (t) { return { ok: r.ok, text: t }; }); })
      .then(function (r) {
        if (!r.ok) {
          save.disabled = false;
          say(r.text, 'error');
          return;
        }
        var saved = JSON.parse(r.text);
        state.textContent = saved.state;
        state.className = 'state-recorded';
        say(saved.said, 'ok');
        blob = null;
        if (main.dataset.next) {
          location.assign(main.dataset.next);
        } else {
          // The last message: its recording, as kept, in the player.
          player.src = saved.src;
          label.textContent = saved.current;
        }
      }, function () {
        save.disabled = false;
        say(words.sayOffline, 'error');
      });
  });
})();
