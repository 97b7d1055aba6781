/**
 * The maintainer's review page, served by the inbox at /review. The HTML holds nothing of the
 * queue: its script asks /review/api with the token the maintainer types (or opens the page with
 * as `#token=...`, which never reaches the server's logs) and builds every contributor string
 * with `textContent`, so nothing a contributor wrote is ever read as HTML.
 */

/** No inline script, no framing, nothing loaded from elsewhere. */
export const REVIEW_PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/** The page itself: a token form, the release button and an empty queue to fill. */
export const REVIEW_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<title>Factmark corrections inbox</title>
<link rel="stylesheet" href="/review/review.css">
</head>
<body>
<h1>Corrections inbox</h1>
<form id="login" hidden>
  <label>Maintainer token <input type="password" name="token" autocomplete="current-password" required></label>
  <button type="submit">Open the queue</button>
</form>
<p id="notice" role="status"></p>
<section id="review" hidden>
  <p id="pack"></p>
  <p><button type="button" id="release">Release the next version</button></p>
  <pre id="release-output" hidden></pre>
  <ol id="queue"></ol>
</section>
<script type="module" src="/review/review.js"></script>
</body>
</html>
`;

/** Plain, readable styles. */
export const REVIEW_PAGE_CSS = `body { font: 15px/1.45 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
#queue { list-style: none; padding: 0; }
.correction { border: 1px solid #ccc; border-radius: 6px; padding: .75rem 1rem; margin: 0 0 1rem; }
.correction[data-status="accepted"] { border-color: #2e7d32; }
.correction[data-status="rejected"] { border-color: #b71c1c; }
.correction dl { display: grid; grid-template-columns: 11rem 1fr; gap: .2rem .8rem; margin: .5rem 0; }
.correction dt { color: #555; }
.correction dd { margin: 0; overflow-wrap: anywhere; }
.current { font-weight: 600; }
.proposed { font-weight: 600; color: #0d47a1; }
.decide { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
.decide input { flex: 1; min-width: 14rem; }
#release-output { background: #f4f4f4; padding: .75rem; white-space: pre-wrap; }
#notice:empty { display: none; }
`;

/** The page's script: everything a contributor wrote goes in through textContent or a checked href. */
export const REVIEW_PAGE_JS = String.raw`const $ = (id) => document.getElementById(id);
const notice = (text) => { $('notice').textContent = text; };

function takeToken() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem('inbox-token', decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname);
  }
  return sessionStorage.getItem('inbox-token');
}

async function api(path, init = {}) {
  const token = sessionStorage.getItem('inbox-token') ?? '';
  const res = await fetch('/review/api' + path, { ...init, headers: { ...(init.headers ?? {}), authorization: 'Bearer ' + token, 'content-type': 'application/json' } });
  const body = await res.json().catch(() => ({ error: 'The inbox answered HTTP ' + res.status }));
  if (res.status === 401) {
    sessionStorage.removeItem('inbox-token');
    showLogin();
    throw new Error('Wrong or missing token.');
  }
  if (!res.ok) throw new Error(body.error ?? 'HTTP ' + res.status);
  return body;
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else if (key.startsWith('data-')) node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** A link only for http(s) addresses; anything else is shown as text. */
function link(url, text) {
  let ok = false;
  try { ok = ['http:', 'https:'].includes(new URL(url).protocol); } catch {}
  return ok ? el('a', { href: url, text: text || url, target: '_blank', rel: 'noopener noreferrer' }) : el('span', { text: url });
}

function row(dl, label, ...value) {
  dl.append(el('dt', { text: label }), el('dd', {}, ...value));
}

function correction(c) {
  const li = el('li', { class: 'correction', 'data-correction-id': c.id, 'data-status': c.status });
  const heading = c.kind === 'dispute'
    ? (c.fact ? c.fact.label : 'Fact ' + c.factId + ' (not in the published pack)')
    : 'New fact' + (c.deal ? ' in ' + (c.deal.title ?? c.deal.id) : '');
  li.append(el('h2', { text: heading }));
  const dl = el('dl');
  if (c.kind === 'dispute') {
    row(dl, 'Fact', el('code', { text: c.factId }));
    row(dl, 'Current value', el('span', { class: 'current', text: c.fact ? c.fact.current : 'unknown' }));
  }
  row(dl, 'Proposed value', el('span', { class: 'proposed', text: c.proposed }), el('span', { text: ' (written "' + c.proposedText + '")' }));
  row(dl, 'The article wrote', el('q', { class: 'figure', text: c.figureText }));
  row(dl, 'What it measures', el('span', { class: 'measures', text: c.measures }));
  row(dl, 'Evidence', link(c.evidence.url));
  if (c.evidence.quote) row(dl, 'Evidence quote', el('blockquote', { class: 'quote', text: c.evidence.quote }));
  row(dl, 'Found on', link(c.page.url, c.page.title || c.page.url));
  if (c.note) row(dl, 'Note', el('span', { class: 'note', text: c.note }));
  row(dl, 'Readers proposing this', el('span', { class: 'readers', text: String(c.readers) }));
  row(dl, 'Status', el('span', { class: 'status', text: c.status + (c.reason ? ': ' + c.reason : '') + (c.releasedIn ? ' (in version ' + c.releasedIn + ')' : '') }));
  li.append(dl);
  if (!c.releasedIn) {
    const reason = el('input', { name: 'reason', placeholder: 'Reason (required to reject; the contributor sees it)', maxLength: 1000 });
    const decide = (status) => async () => {
      try {
        await api('/corrections/' + encodeURIComponent(c.id) + '/decision', { method: 'POST', body: JSON.stringify({ status, reason: reason.value }) });
        notice((status === 'accepted' ? 'Accepted: ' : 'Rejected: ') + heading);
        await load();
      } catch (error) { notice(error.message); }
    };
    li.append(el('div', { class: 'decide' }, reason,
      el('button', { type: 'button', class: 'accept', text: 'Accept', onclick: decide('accepted') }),
      el('button', { type: 'button', class: 'reject', text: 'Reject', onclick: decide('rejected') })));
  }
  return li;
}

async function load() {
  const data = await api('/queue');
  $('login').hidden = true;
  $('review').hidden = false;
  $('pack').textContent = data.pack ? 'Published pack: ' + data.pack.title + ' (' + data.pack.id + '), version ' + data.pack.version : (data.packProblem ?? 'No published pack given (INBOX_PACK): current values are not shown.');
  $('release').disabled = !data.canRelease;
  $('release').title = data.canRelease ? '' : 'Start the inbox with INBOX_PACK and INBOX_KEY to release from here';
  $('queue').replaceChildren(...data.corrections.map(correction));
  if (data.corrections.length === 0) $('queue').append(el('li', { text: 'No corrections yet.' }));
}

function showLogin(message) {
  $('review').hidden = true;
  $('login').hidden = false;
  notice(message ?? '');
}

$('login').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem('inbox-token', new FormData($('login')).get('token'));
  load().catch((error) => notice(error.message));
});

$('release').addEventListener('click', async () => {
  $('release').disabled = true;
  try {
    const result = await api('/release', { method: 'POST' });
    $('release-output').hidden = false;
    $('release-output').textContent = result.lines.join('\n');
    notice('Released version ' + result.version + '.');
    await load();
  } catch (error) {
    notice(error.message);
    $('release').disabled = false;
  }
});

function start() {
  if (takeToken()) load().catch((error) => notice(error.message));
  else showLogin();
}
window.addEventListener('hashchange', start);
start();
`;
