// Cordon web UI: the little that htmx cannot do. Calls to the JSON API with the session's CSRF
// token, the step-up dialog (then the action is retried), sign-in with TOTP, passkeys (WebAuthn)
// and recovery codes, resumable uploads over tus 1.0 with a progress bar, sharing and revoking.
// No inline handlers anywhere: everything binds here (the CSP forbids inline script).
(function () {
  'use strict';

  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const csrf = () => ($('meta[name="csrf-token"]') || {}).content || '';
  const STEP_UP = 'https://cordon.dev/problems/step-up';

  function toast(text) {
    const t = $('#toast');
    if (!t) return;
    t.textContent = text;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { t.textContent = ''; }, 5000);
  }

  function showError(root, text) {
    const el = root && $('[data-role="error"]', root);
    if (el) el.textContent = text || ''; else if (text) toast(text);
  }

  function toSignIn() {
    const next = location.pathname + location.search;
    location.assign('/ui/login?why=expired&next=' + encodeURIComponent(next));
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || ('request failed (' + status + ')'));
      this.status = status;
      this.problem = problem || {};
    }
  }

  // One call to the JSON API. A step-up answer opens the dialog and retries once the factor is
  // proven; a session that has ended sends the browser to sign in and back here afterwards.
  async function api(method, url, body, retried) {
    const headers = { 'Accept': 'application/json' };
    if (method !== 'GET') headers['X-CSRF-Token'] = csrf();
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(url, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await res.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
    if (res.status === 401 && data && data.type === STEP_UP && !retried) {
      await stepUp(data.factors);
      return api(method, url, body, true);
    }
    if (res.status === 401 && !url.startsWith('/api/v1/auth/')) {
      toSignIn();
      throw new ApiError(401, data);
    }
    if (!res.ok) throw new ApiError(res.status, data);
    return data;
  }

  // --- base64url and WebAuthn ---------------------------------------------------------------
  function b64urlToBuf(s) {
    const b = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4));
    const out = new Uint8Array(b.length);
    for (let i = 0; i < b.length; i++) out[i] = b.charCodeAt(i);
    return out.buffer;
  }
  function bufToB64url(buf) {
    const bytes = new Uint8Array(buf);
    let s = '';
    for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function bufToB64(buf) {
    const bytes = new Uint8Array(buf);
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }
  function creationOptions(pk) {
    if (PublicKeyCredential.parseCreationOptionsFromJSON) return PublicKeyCredential.parseCreationOptionsFromJSON(pk);
    const o = Object.assign({}, pk, { challenge: b64urlToBuf(pk.challenge), user: Object.assign({}, pk.user, { id: b64urlToBuf(pk.user.id) }) });
    if (pk.excludeCredentials) o.excludeCredentials = pk.excludeCredentials.map(c => Object.assign({}, c, { id: b64urlToBuf(c.id) }));
    return o;
  }
  function requestOptions(pk) {
    if (PublicKeyCredential.parseRequestOptionsFromJSON) return PublicKeyCredential.parseRequestOptionsFromJSON(pk);
    const o = Object.assign({}, pk, { challenge: b64urlToBuf(pk.challenge) });
    if (pk.allowCredentials) o.allowCredentials = pk.allowCredentials.map(c => Object.assign({}, c, { id: b64urlToBuf(c.id) }));
    return o;
  }
  function credentialJson(cred) {
    if (typeof cred.toJSON === 'function') return cred.toJSON();
    const r = cred.response, json = { id: cred.id, rawId: bufToB64url(cred.rawId), type: cred.type, clientExtensionResults: cred.getClientExtensionResults(), response: { clientDataJSON: bufToB64url(r.clientDataJSON) } };
    if (r.attestationObject) json.response.attestationObject = bufToB64url(r.attestationObject);
    if (r.authenticatorData) json.response.authenticatorData = bufToB64url(r.authenticatorData);
    if (r.signature) json.response.signature = bufToB64url(r.signature);
    if (r.userHandle) json.response.userHandle = bufToB64url(r.userHandle);
    return json;
  }
  async function passkeyAssert() {
    const o = await api('POST', '/api/v1/auth/mfa/webauthn/assertion/options', {});
    const cred = await navigator.credentials.get({ publicKey: requestOptions(o.publicKey) });
    return api('POST', '/api/v1/auth/mfa/webauthn/assertion', { challengeId: o.challengeId, credential: credentialJson(cred) });
  }
  async function passkeyRegister(label) {
    const o = await api('POST', '/api/v1/auth/mfa/webauthn/registration/options', {});
    const cred = await navigator.credentials.create({ publicKey: creationOptions(o.publicKey) });
    return api('POST', '/api/v1/auth/mfa/webauthn/registration', { challengeId: o.challengeId, label: label || 'passkey', credential: credentialJson(cred) });
  }

  // --- step-up dialog ---------------------------------------------------------------------------
  let pendingStepUp = null;
  async function stepUp(factors) {
    if (pendingStepUp) return pendingStepUp;
    if (!factors) factors = (await api('GET', '/api/v1/auth/mfa')).factors || [];
    const dialog = $('#step-up');
    const form = $('#step-up-form');
    $$('[data-factor]', dialog).forEach(el => { el.hidden = !factors.includes(el.dataset.factor); });
    showError(form, factors.length ? '' : 'Enrol a second factor under Security first.');
    form.reset();
    pendingStepUp = new Promise((resolve, reject) => {
      const done = (ok, err) => {
        form.removeEventListener('submit', onSubmit);
        passkeyButton.removeEventListener('click', onPasskey);
        dialog.removeEventListener('cancel', onCancel);
        if (dialog.open) dialog.close();
        pendingStepUp = null;
        ok ? resolve() : reject(err || new Error('cancelled'));
      };
      const onCancel = () => done(false);
      const onSubmit = async (ev) => {
        ev.preventDefault();
        if (ev.submitter && ev.submitter.value === 'cancel') return done(false);
        const code = form.code.value.trim(), recovery = form.recovery.value.trim();
        try {
          if (code) await api('POST', '/api/v1/auth/mfa/totp', { code: code.replace(/\s/g, '') }, true);
          else if (recovery) await api('POST', '/api/v1/auth/mfa/recovery', { code: recovery }, true);
          else return showError(form, 'Type a code, or use a passkey.');
          done(true);
        } catch (e) { showError(form, e.message); }
      };
      const onPasskey = async () => {
        try { await passkeyAssert(); done(true); } catch (e) { showError(form, e.message); }
      };
      const passkeyButton = $('[data-action="step-up-passkey"]', dialog);
      form.addEventListener('submit', onSubmit);
      passkeyButton.addEventListener('click', onPasskey);
      dialog.addEventListener('cancel', onCancel);
      dialog.showModal();
      const first = $('[data-factor]:not([hidden]) input', dialog);
      if (first) first.focus();
    });
    return pendingStepUp;
  }

  // --- htmx: CSRF header, step-up and expired sessions on fragment requests ---------------------
  document.addEventListener('htmx:configRequest', (ev) => {
    ev.detail.headers['X-CSRF-Token'] = csrf();
  });
  document.addEventListener('htmx:responseError', async (ev) => {
    const xhr = ev.detail.xhr;
    let problem = null;
    try { problem = JSON.parse(xhr.responseText); } catch (e) { problem = null; }
    if (xhr.status === 401 && problem && problem.type === STEP_UP) {
      try {
        await stepUp(problem.factors);
        const cfg = ev.detail.requestConfig;
        window.htmx.ajax(cfg.verb.toUpperCase(), cfg.path, { source: cfg.elt, target: ev.detail.target, values: cfg.parameters });
      } catch (e) { toast('Not confirmed: nothing was done.'); }
    } else if (!xhr.getResponseHeader('HX-Redirect')) {
      toast((problem && problem.detail) || 'The request failed (' + xhr.status + ').');
    }
  });

  // --- sign-in ----------------------------------------------------------------------------------
  function bindLogin() {
    const form = $('#login-form');
    if (!form) return;
    const second = $('#second-factor');
    const next = form.dataset.next || '/ui';
    const finish = () => location.assign(next);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      showError(form, '');
      if (!form.username.value || !form.password.value) return showError(form, 'Enter your user name and password.');
      const button = $('button[type="submit"]', form);
      button.disabled = true;
      try {
        const r = await api('POST', '/api/v1/auth/login', { username: form.username.value.trim(), password: form.password.value });
        $('meta[name="csrf-token"]').content = r.csrfToken;
        if (!r.mfaRequired) return finish();
        if (r.enrolmentRequired) return location.assign('/ui/account?enrol=1');
        form.hidden = true;
        second.hidden = false;
        $$('[data-factor]', second).forEach(el => { el.hidden = !r.factors.includes(el.dataset.factor); });
        const first = $('[data-factor]:not([hidden]) input, [data-factor]:not([hidden])', second);
        if (first) first.focus();
      } catch (e) {
        showError(form, e.message);
      } finally { button.disabled = false; }
    });
    second.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const code = second.code.value.trim(), recovery = second.recovery.value.trim();
      try {
        if (recovery) await api('POST', '/api/v1/auth/mfa/recovery', { code: recovery });
        else if (code) await api('POST', '/api/v1/auth/mfa/totp', { code: code.replace(/\s/g, '') });
        else return showError(second, 'Type the code from your app, or use a passkey.');
        finish();
      } catch (e) { showError(second, e.message); }
    });
    $('[data-action="login-passkey"]', second).addEventListener('click', async () => {
      try { await passkeyAssert(); finish(); } catch (e) { showError(second, e.message); }
    });
  }

  // --- account: passkeys, TOTP, recovery codes ------------------------------------------------
  function bindAccount() {
    const pk = $('#passkey-form');
    if (pk) pk.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try { await passkeyRegister(pk.label.value.trim()); location.assign('/ui/account'); } catch (e) { showError(pk.parentElement, e.message); }
    });
    const confirm = $('#totp-confirm');
    if (confirm) confirm.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        await api('POST', '/api/v1/auth/mfa/totp/confirm', { code: confirm.code.value.replace(/\s/g, '') });
        location.assign('/ui/account');
      } catch (e) { showError(confirm.parentElement, e.message); }
    });
  }

  // --- sharing ----------------------------------------------------------------------------------
  function shareBody(form) {
    const recipients = form.recipients.value.split(/[\s,;]+/).map(s => s.trim()).filter(Boolean);
    const body = { recipients, viewOnly: form.viewOnly.checked, requireMfa: form.requireMfa.checked, notifyOnFirstAccess: form.notifyOnFirstAccess.checked };
    if (form.expires.value) body.expiresAt = form.expires.value + 'T23:59:59Z';
    if (form.maxDownloads.value) body.maxDownloads = parseInt(form.maxDownloads.value, 10);
    return body;
  }
  function bindShare() {
    const form = $('#share-form');
    if (!form) return;
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const body = shareBody(form);
      if (!body.recipients.length) return showError(form, 'Add at least one recipient.');
      try {
        await api('POST', '/api/v1/files/' + form.dataset.file + '/shares', body);
        $('#share-dialog').close();
        form.reset();
        document.body.dispatchEvent(new CustomEvent('cordon:shared'));
        toast('Shared with ' + body.recipients.join(', ') + '.');
      } catch (e) { showError(form, e.message); }
    });
  }

  // --- uploads over tus 1.0 (creation, checksum): resumable, verified -------------------------
  const CHUNK = 8 * 1024 * 1024;
  const WHOLE_HASH_LIMIT = 512 * 1024 * 1024; // the browser hashes in memory: bigger files rely on per-chunk checksums
  const b64text = (s) => bufToB64(new TextEncoder().encode(s));
  const hex = (buf) => Array.from(new Uint8Array(buf)).map(b => b.toString(16).padStart(2, '0')).join('');

  function tusHeaders(extra) {
    return Object.assign({ 'Tus-Resumable': '1.0.0', 'X-CSRF-Token': csrf() }, extra || {});
  }

  async function tusCreate(file, workspace, sha256) {
    let meta = 'filename ' + b64text(file.name) + ',workspace ' + b64text(workspace);
    if (sha256) meta += ',sha256 ' + b64text(sha256);
    const res = await fetch('/api/v1/uploads', { method: 'POST', credentials: 'same-origin', headers: tusHeaders({ 'Upload-Length': String(file.size), 'Upload-Metadata': meta }) });
    if (res.status === 401) { toSignIn(); throw new Error('signed out'); }
    if (res.status !== 201) throw new ApiError(res.status, await res.json().catch(() => null));
    return res.headers.get('Location');
  }

  async function tusOffset(url) {
    const res = await fetch(url, { method: 'HEAD', credentials: 'same-origin', headers: tusHeaders(), cache: 'no-store' });
    if (!res.ok) return -1;
    return parseInt(res.headers.get('Upload-Offset'), 10);
  }

  function tusPatch(url, offset, chunk, checksum, onProgress) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('PATCH', url);
      const h = tusHeaders({ 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream', 'Upload-Checksum': 'sha256 ' + checksum });
      Object.keys(h).forEach(k => xhr.setRequestHeader(k, h[k]));
      xhr.upload.onprogress = (e) => onProgress(e.loaded);
      xhr.onload = () => {
        if (xhr.status === 204) resolve({ offset: parseInt(xhr.getResponseHeader('Upload-Offset'), 10), sha256: xhr.getResponseHeader('Cordon-File-Sha256'), file: xhr.getResponseHeader('Cordon-File') });
        else { let p = null; try { p = JSON.parse(xhr.responseText); } catch (e) { p = null; } reject(new ApiError(xhr.status, p)); }
      };
      xhr.onerror = () => reject(new Error('network'));
      xhr.send(chunk);
    });
  }

  function uploadRow(file) {
    const li = document.createElement('li');
    li.className = 'upload-item';
    li.dataset.name = file.name;
    const label = document.createElement('div');
    label.className = 'row';
    const name = document.createElement('strong');
    name.textContent = file.name;
    const status = document.createElement('span');
    status.className = 'small muted status';
    status.textContent = 'Preparing…';
    label.append(name, status);
    const bar = document.createElement('progress');
    bar.max = file.size || 1;
    bar.value = 0;
    bar.setAttribute('aria-label', 'Upload progress of ' + file.name);
    li.append(label, bar);
    $('#uploads').prepend(li);
    return { li, bar, status };
  }

  async function upload(file, workspace) {
    const ui = uploadRow(file);
    const key = 'cordon-tus:' + workspace + ':' + file.name + ':' + file.size + ':' + file.lastModified;
    let local = null;
    try {
      if (file.size <= WHOLE_HASH_LIMIT) {
        ui.status.textContent = 'Computing SHA-256…';
        local = hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
      }
      let url = localStorage.getItem(key);
      let offset = url ? await tusOffset(url) : -1;
      if (offset < 0) {
        url = await tusCreate(file, workspace, local);
        localStorage.setItem(key, url);
        offset = 0;
      } else {
        ui.status.textContent = 'Resuming at ' + Math.round(100 * offset / Math.max(file.size, 1)) + '%';
      }
      let result = null, failures = 0;
      while (result === null || offset < file.size) {
        const chunk = file.slice(offset, Math.min(offset + CHUNK, file.size));
        const checksum = bufToB64(await crypto.subtle.digest('SHA-256', await chunk.arrayBuffer()));
        const start = offset;
        try {
          ui.status.textContent = 'Uploading…';
          result = await tusPatch(url, start, chunk, checksum, (loaded) => { ui.bar.value = start + loaded; });
          offset = result.offset;
          ui.bar.value = offset;
          failures = 0;
        } catch (e) {
          if (e instanceof ApiError && e.status !== 409 && e.status !== 460) throw e;
          if (++failures > 5) throw new Error('the connection keeps failing; choose the file again to resume');
          ui.status.textContent = 'Connection lost, resuming…';
          await new Promise(r => setTimeout(r, 500 * 2 ** failures));
          const at = await tusOffset(url);
          if (at < 0) throw new Error('the server no longer has this upload; start again');
          offset = at;
        }
        if (file.size === 0) break;
      }
      localStorage.removeItem(key);
      ui.bar.value = ui.bar.max;
      const server = result && result.sha256;
      if (local && server && local !== server) throw new Error('SHA-256 differs: the server stored ' + server);
      ui.li.classList.add('done');
      ui.status.textContent = 'Done · SHA-256 ' + (server || local) + (local ? ' verified' : '');
      ui.status.dataset.sha256 = server || local;
      document.body.dispatchEvent(new CustomEvent('cordon:uploaded'));
    } catch (e) {
      ui.li.classList.add('failed');
      ui.status.textContent = 'Failed: ' + e.message;
    }
  }

  function bindUpload() {
    const zone = $('[data-upload]');
    if (!zone) return;
    const ws = zone.dataset.workspace;
    const send = (files) => Array.from(files).reduce((p, f) => p.then(() => upload(f, ws)), Promise.resolve());
    $('input[type="file"]', zone).addEventListener('change', (ev) => { send(ev.target.files); ev.target.value = ''; });
    zone.addEventListener('dragover', (ev) => { ev.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (ev) => { ev.preventDefault(); zone.classList.remove('over'); send(ev.dataTransfer.files); });
  }

  // --- buttons ----------------------------------------------------------------------------------
  const actions = {
    'sign-out': async () => {
      try { await api('POST', '/api/v1/auth/logout', undefined); } catch (e) { /* signed out either way */ }
      location.assign('/ui/login?why=signed-out');
    },
    'open-share': () => {
      $('#share-dialog').showModal();
      document.body.dispatchEvent(new CustomEvent('cordon:share-open'));
    },
    'close-dialog': (el) => el.closest('dialog').close(),
    'revoke': async (el) => {
      el.disabled = true;
      try {
        await api('DELETE', '/api/v1/shares/' + el.dataset.share, undefined);
        toast('Share revoked: the recipients lose access on their next request.');
        if ($('#shares')) document.body.dispatchEvent(new CustomEvent('cordon:shared')); else location.reload();
      } catch (e) { el.disabled = false; toast(e.message); }
    },
    'totp-enroll': async (el) => {
      try {
        const r = await api('POST', '/api/v1/auth/mfa/totp/enroll', {});
        $('#totp-secret').textContent = r.secret;
        $('#totp-confirm').hidden = false;
        el.hidden = true;
        $('#totp-confirm-code').focus();
      } catch (e) { showError(el.parentElement, e.message); }
    },
    'recovery-codes': async (el) => {
      try {
        const r = await api('POST', '/api/v1/auth/mfa/recovery-codes', {});
        const list = $('#recovery-list');
        list.replaceChildren(...r.codes.map(c => { const li = document.createElement('li'); li.textContent = c; return li; }));
        list.hidden = false;
        toast('Store these codes somewhere safe: they are shown only now.');
      } catch (e) { showError(el.parentElement, e.message); }
    },
    'step-up-reload': async () => { try { await stepUp(); location.reload(); } catch (e) { /* stays */ } }
  };
  document.addEventListener('click', (ev) => {
    const el = ev.target.closest('[data-action]');
    if (el && actions[el.dataset.action]) { ev.preventDefault(); actions[el.dataset.action](el); }
  });

  document.addEventListener('DOMContentLoaded', () => {
    bindLogin();
    bindAccount();
    bindShare();
    bindUpload();
    document.documentElement.classList.add('js');
  });
  window.Cordon = { api, stepUp };
})();
