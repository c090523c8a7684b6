// The local web channel: choose who you are, type commands, press card buttons, fill in forms.
// Every reply is HTML rendered (and escaped) by the server; this script only places it and wires buttons.
(() => {
  const log = document.getElementById('log');
  const person = document.getElementById('person');
  const newPerson = document.getElementById('newPerson');
  const newName = document.getElementById('newName');
  const newEmail = document.getElementById('newEmail');
  const text = document.getElementById('text');
  const compose = document.getElementById('compose');
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  let inboxAfter = 0;
  let people = [];

  function me() {
    if (person.value === '__new') return { email: newEmail.value.trim(), name: newName.value.trim() };
    const p = people.find(x => x.email === person.value);
    return p ? { email: p.email, name: p.name } : { email: '', name: '' };
  }

  async function loadPeople(keep) {
    const res = await fetch('/web/api/people');
    people = await res.json();
    const current = keep ?? person.value;
    person.innerHTML = '';
    for (const p of people) {
      const o = document.createElement('option');
      o.value = p.email;
      o.textContent = p.name + (p.isCoordinator ? ' (coordinator)' : '') + (p.organisation ? ' — ' + p.organisation : '');
      person.appendChild(o);
    }
    const o = document.createElement('option');
    o.value = '__new';
    o.textContent = 'Someone new…';
    person.appendChild(o);
    person.value = people.some(p => p.email === current) ? current : (people.length ? people[0].email : '__new');
    newPerson.hidden = person.value !== '__new';
  }

  function entry(kind, html, meta) {
    const div = document.createElement('div');
    div.className = 'cb-entry ' + kind;
    if (meta) {
      const m = document.createElement('div');
      m.className = 'cb-meta';
      m.textContent = meta;
      div.appendChild(m);
    }
    const body = document.createElement('div');
    body.innerHTML = html;
    div.appendChild(body);
    addMemoUpload(body);
    log.appendChild(div);
    div.scrollIntoView({ block: 'end' });
    // a reply with a form: show its top if the whole reply is taller than the window, so nothing ends under the box
    if (div.offsetHeight > window.innerHeight - compose.offsetHeight - 32) div.scrollIntoView({ block: 'start' });
    return div;
  }

  function said(words) {
    const div = entry('cb-me', '', me().name || me().email);
    div.lastChild.textContent = words;
  }

  async function send(body, replaceEntry, quiet) {
    const who = me();
    if (!who.email) { entry('', '<p class="cb-error">Choose who you are first (someone new needs an e-mail).</p>'); return; }
    const res = await fetch('/web/api/send', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: crypto.randomUUID(), email: who.email, name: who.name, timeZone: zone, ...body })
    });
    const reply = await res.json();
    if (!res.ok) { entry('', '<p class="cb-error"></p>').querySelector('.cb-error').textContent = reply.error || 'Something went wrong.'; return; }
    if (reply.kind === 'duplicate') return;
    if (replaceEntry && (reply.kind === 'formErrors')) { replaceEntry.lastChild.innerHTML = reply.html; return; }
    if (replaceEntry) replaceEntry.remove();
    entry('', reply.html, 'CoalitionBot');
    if (person.value === '__new') await loadPeople(who.email);
    if (!quiet) poll();
  }

  compose.addEventListener('submit', e => {
    e.preventDefault();
    const words = text.value.trim();
    if (!words) return;
    said(words);
    text.value = '';
    send({ text: words });
  });
  text.addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); compose.requestSubmit(); }
  });
  person.addEventListener('change', () => {
    newPerson.hidden = person.value !== '__new';
    log.innerHTML = '';
    inboxAfter = 0;
    welcome().then(poll);
  });

  // The start page is not blank: a welcome, and the memos this person can see (the bot's own `list`).
  async function welcome() {
    const who = me();
    const p = people.find(x => x.email === who.email);
    const div = entry('cb-welcome', '<h2></h2><p></p>', 'CoalitionBot');
    div.querySelector('h2').textContent = p ? 'Welcome, ' + p.name + '.' : 'Welcome to the CoalitionBot playground.';
    div.querySelector('p').textContent = p
      ? (p.isCoordinator
        ? 'You are a coordinator. Your memos are below; type help for every command, or dashboard for a sign-in link to the dashboard.'
        : 'The memos open for you are below. Press a button on a card, or type help to see what you can ask.')
      : 'Choose who you are above, or type your name and e-mail to try as someone new. Type help to see what you can ask.';
    if (p) await send({ text: 'list' }, null, true);
  }

  // Keeps the newest reply clear of the message box that stays at the bottom of the window.
  function keepClear() { document.documentElement.style.scrollPaddingBottom = (compose.offsetHeight + 16) + 'px'; }
  window.addEventListener('resize', keepClear);
  keepClear();

  log.addEventListener('click', e => {
    const button = e.target.closest('button[data-action-id]');
    if (!button) return;
    button.disabled = true;
    said(button.textContent);
    send({ actionId: button.dataset.actionId, value: button.dataset.value }).finally(() => { button.disabled = false; });
  });

  log.addEventListener('submit', e => {
    const form = e.target.closest('form.cb-form');
    if (!form) return;
    e.preventDefault();
    const fields = {};
    for (const el of form.elements) {
      if (!el.name) continue;
      fields[el.name] = el.type === 'checkbox' ? (el.checked ? 'true' : 'false') : el.value;
    }
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    send({ formId: form.dataset.formId, context: form.dataset.context, fields }, form.closest('.cb-entry'))
      .finally(() => { submit.disabled = false; });
  });

  // Memo forms get a file picker: the server converts .md/.docx to Markdown (MemoImporter) and the text lands in
  // the form's text area for the coordinator to check; every import warning is shown next to it.
  async function upload(file, kind) {
    const data = new FormData();
    data.append('file', file);
    data.append('kind', kind);
    const res = await fetch('/web/api/upload', { method: 'POST', body: data });
    const reply = await res.json();
    if (!res.ok) throw new Error(reply.error || 'The upload failed.');
    return reply;
  }

  function showWarnings(list, warnings, error) {
    list.innerHTML = '';
    for (const w of (error ? [error] : warnings)) {
      const li = document.createElement('li');
      li.textContent = w;
      if (error) li.className = 'cb-error';
      list.appendChild(li);
    }
  }

  function addMemoUpload(root) {
    for (const form of root.querySelectorAll('form.cb-form[data-form-id="memo.new"], form.cb-form[data-form-id="memo.publish"]')) {
      const area = form.querySelector('textarea[name="text"]');
      if (!area || form.querySelector('.cb-upload')) continue;
      const label = document.createElement('label');
      label.className = 'cb-upload';
      label.textContent = 'Or import the text from a file (.docx or .md): ';
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.docx,.md,.markdown,.txt';
      const warnings = document.createElement('ul');
      warnings.className = 'cb-warnings';
      label.appendChild(input);
      area.parentElement.insertBefore(label, area);
      area.parentElement.insertBefore(warnings, area);
      input.addEventListener('change', async () => {
        if (!input.files.length) return;
        try {
          const reply = await upload(input.files[0], 'memo');
          area.value = reply.text;
          showWarnings(warnings, reply.warnings);
        } catch (err) { showWarnings(warnings, [], err.message); }
        input.value = '';
      });
    }
  }

  // The directory CSV goes into the message box after `partners import`, so the coordinator sees what is sent.
  document.getElementById('csvFile').addEventListener('change', async e => {
    const input = e.target;
    if (!input.files.length) return;
    try {
      const reply = await upload(input.files[0], 'csv');
      text.value = 'partners import\n' + reply.text;
    } catch (err) { entry('', '<p class="cb-error"></p>').querySelector('.cb-error').textContent = err.message; }
    input.value = '';
  });

  // One poll at a time, and each message once: the timer, the welcome and a reply can all ask at once.
  let polling = false;
  async function poll() {
    const who = me();
    if (!who.email || polling) return;
    polling = true;
    try {
      const res = await fetch('/web/api/inbox?email=' + encodeURIComponent(who.email) + '&after=' + inboxAfter);
      if (!res.ok || me().email !== who.email) return;
      for (const m of await res.json()) {
        if (m.id <= inboxAfter) continue;
        inboxAfter = m.id;
        // an updated card replaces the one on screen (an answer, a new version, a close); one not on screen is skipped
        const shown = m.replaces ? log.querySelector('[data-inbox-id="' + m.replaces + '"]') : null;
        if (shown) {
          shown.lastChild.innerHTML = m.html;
          addMemoUpload(shown.lastChild);
        } else if (!m.replaces) {
          entry('cb-push', m.html, 'CoalitionBot (message for you)').dataset.inboxId = String(m.id);
        }
      }
    } finally {
      polling = false;
    }
  }

  loadPeople().then(welcome).then(poll);
  setInterval(poll, 2000);
})();
