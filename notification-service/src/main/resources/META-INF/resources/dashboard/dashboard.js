// The dashboard reads notification-service's read model with the bearer token given once in the
// URL fragment (#token=…, never sent to a server in a URL; kept for the tab in sessionStorage) and
// follows the live stream: it reloads on every change of the programme shown, reconnects with
// back-off and resumes with Last-Event-ID, and says when what it shows may be out of date.
// A programme can be linked: #programme=<id>.
const fragment = new URLSearchParams(location.hash.slice(1));
if (fragment.get('token')) sessionStorage.setItem('token', fragment.get('token'));
const token = sessionStorage.getItem('token') || '';

const LABELS = {
  PLANNED: 'Planned', APPROVED: 'Approved', DISBURSED: 'Disbursed', ON_HOLD: 'On hold', REDUCED: 'Reduced',
  CANCELLED: 'Cancelled', RECOVERED: 'Recovered', DRAFT: 'Draft', SUBMITTED: 'Submitted', FINALIZED: 'Finalized',
  PASSED: 'Passed', CONDITIONAL: 'Conditional', FAILED: 'Failed', OPEN: 'Open', ACKNOWLEDGED: 'Acknowledged',
  RESOLVED: 'Resolved', PULLBACK_RECOMMENDED: 'Pullback recommended', WATCH: 'Watch',
  TERMINATION_REVIEW: 'Termination review', REVIEW_OVERDUE: 'Review overdue', REVIEW_DUE_SOON: 'Review due soon',
  CEILING_NEAR: 'Ceiling near', WEBHOOK_STALLED: 'Webhook deliveries failing', GOAL_OFF_TRACK: 'Goal off track',
  HEARING_NOTICE: 'Notice to the recipient (hearing)',
  CRITICAL: 'Critical', ACTIVE: 'Active', CLOSED: 'Closed (final settlement)', TERMINATED: 'Terminated',
  WARNING: 'Warning', INFO: 'Information',
};
const label = code => LABELS[code] ?? String(code ?? '');
const yen = n => '¥' + Number(n).toLocaleString('ja-JP');
const percent = bp => (bp / 100).toFixed(2) + ' %';
const jst = at => at ? new Date(at).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' }) + ' JST' : '—';
const jstDay = at => new Date(at).toLocaleDateString('ja-JP', { timeZone: 'Asia/Tokyo' });
const el = id => document.getElementById(id);
const cell = (text, cls) => `<td${cls ? ` class="${cls}"` : ''}>${text}</td>`;
const escape = s => String(s ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
const api = path => fetch(path, { headers: { Authorization: 'Bearer ' + token } }).then(r => {
  if (!r.ok) throw new Error(path + ' answered ' + r.status);
  return r.json();
});

let current = null;       // the programme shown
let lastEventId = null;   // the stream's position, for a resumption
let loading = null;       // a pending reload (coalesces bursts of changes)
let generation = 0;       // the latest load: an older one's answer, overtaken, is not shown
let aborter = null;       // ends the current connection (the browser went offline, or it fell silent)
let wake = () => {};      // ends the wait before the next connection (the browser came back online)
const fresh = new Set();  // warnings raised while the page was open, highlighted

function chart(t) {
  const net = t.ceiling - t.headroom - t.committed; // paid money the ceiling holds (returned money re-appropriated aside)
  const bars = [['Committed', t.committed, '#f5a623'], ['Disbursed', net, '#0b3d64'], ['Headroom', t.headroom, '#c8e6c9']];
  let x = 0, svg = '';
  for (const [name, value, colour] of bars) {
    const w = t.ceiling ? 1000 * Math.max(0, value) / t.ceiling : 0;
    svg += `<rect x="${x}" y="5" width="${w}" height="55" fill="${colour}"><title>${name} ${yen(value)}</title></rect>`;
    x += w;
  }
  const planned = t.ceiling ? Math.min(1000, 1000 * t.planned / t.ceiling) : 0;
  svg += `<rect x="0" y="72" width="${planned}" height="30" fill="#90a4ae"><title>Planned ${yen(t.planned)}</title></rect>`;
  el('chart').innerHTML = svg;
}

function warningItem(w, isFresh) {
  const li = document.createElement('li');
  li.className = w.severity + (isFresh ? " fresh" : "");
  li.dataset.id = w.id;
  li.dataset.kind = w.kind;
  // the title names the kind already ("Pullback recommended: …"); the kind is said only when it does not
  const title = w.title.startsWith(label(w.kind)) ? w.title : `${label(w.kind)} · ${w.title}`;
  li.innerHTML = `<strong>${escape(title)}</strong> <span class="badge ${escape(w.severity)}">${escape(label(w.severity))}</span>`
    + `<span class="badge">${escape(label(w.state))}</span> · FY${escape(w.fiscalYear)}<br>`
    + `<small>${escape(w.detail)}</small>`;
  return li;
}

/** A line chart of plan against actual over the reviewed years (display only: the figures are in the table). */
function goalChart(points) {
  const values = points.flatMap(p => [Number(p.checkpointTarget), Number(p.actual)]);
  const top = Math.max(...values, 1), step = points.length > 1 ? 900 / (points.length - 1) : 0;
  const at = (v, i) => `${50 + i * step},${110 - 100 * Number(v) / top}`;
  const series = (cls, v) => `<polyline class="${cls}" points="${points.map((p, i) => at(v(p), i)).join(' ')}"/>`
    + points.map((p, i) => `<polyline class="${cls} dot" points="${at(v(p), i)} ${at(v(p), i)}"/>`).join('');
  return `<svg class="goal" viewBox="0 0 1000 120" preserveAspectRatio="none" role="img" aria-label="plan and actual">`
    + series('plan', p => p.checkpointTarget) + series('actual', p => p.actual) + '</svg>';
}

function goals(list) {
  const number = v => v == null ? '—' : Number(v).toLocaleString('ja-JP');
  el('goals').innerHTML = list.length ? list.map(g => `<div class="goal" data-code="${escape(g.code)}"><strong>${escape(g.title)}</strong>`
    + ` <span class="muted">${escape(g.code)}: ${g.direction === 'AT_MOST' ? 'at most' : 'at least'} ${number(g.finalTarget)}`
    + ` ${escape(g.unit)} by ${g.finalFiscalYear ? 'FY' + g.finalFiscalYear : escape(g.finalDate)}</span>`
    + goalChart(g.points)
    + '<ul class="legend"><li><i class="sw plan"></i>Plan</li><li><i class="sw actual"></i>Actual</li></ul>'
    + '<div class="scroll"><table><thead><tr><th>FY</th><th>Plan</th><th>Actual</th><th>Projected final</th><th>On track</th></tr></thead><tbody>'
    + g.points.map(p => `<tr>${cell('FY' + p.fiscalYear)}${cell(number(p.checkpointTarget), 'yen')}${cell(number(p.actual), 'yen')}`
      + `${cell(number(p.projectedFinal), 'yen')}${cell(p.onTrack == null ? '—' : p.onTrack ? 'Yes' : 'No', p.onTrack === false ? 'outcome-FAILED' : '')}</tr>`).join('')
    + '</tbody></table></div></div>').join('') : '<p class="muted">No goal results yet.</p>';
}

/** The founding shares and each confirmed share table, oldest first; the members announced, not yet in one. */
function consortium(c) {
  el('consortium').innerHTML = c.tables.length ? c.tables.map(t => `<tr>${cell(t.effectiveFrom ?? 'Founding')}`
    + cell(t.shares.map(s => `${escape(s.name)} ${percent(s.shareBasisPoints)}`).join(', ')) + '</tr>').join('')
    : `<tr>${cell('—')}${cell('No member shares recorded yet.')}</tr>`;
  el('prospective').textContent = c.prospective.length ? 'Announced, not yet joined: ' + c.prospective.join(', ') : '';
}

/** Each year's budget and what moved it; paid: what the year's tranches paid out, returned money included. */
function years(programme, tranches) {
  const paid = fy => tranches.filter(g => g.fiscalYear === fy && (g.state === 'DISBURSED' || g.state === 'RECOVERED'))
    .reduce((sum, g) => sum + g.amount, 0);
  const envelopes = programme?.envelopes ?? [];
  el('years').innerHTML = envelopes.length ? envelopes.map(e => `<tr data-fy="${e.fiscalYear}">${cell('FY' + e.fiscalYear)}`
    + cell(yen(e.amount), 'yen') + cell(yen(e.carriedIn), 'yen') + cell(yen(e.carriedOut), 'yen')
    + cell(yen(e.reappropriated), 'yen') + cell(yen(e.lapsed), 'yen') + cell(yen(paid(e.fiscalYear)), 'yen')
    + (e.closedAt ? `<td title="${jst(e.closedAt)}">${jstDay(e.closedAt)}</td>` : cell('open')) + '</tr>').join('')
    : `<tr>${cell('—')}${cell('No budget year set yet.')}</tr>`;
  el('programme-state').textContent = programme && programme.state !== 'ACTIVE' ? label(programme.state) : '';
}

function heldItem(h) {
  const r = h.recommendation;
  const why = r ? `${escape(r.title)} (${escape(label(r.kind))}, ${escape(label(r.state))})` : escape(h.reason ?? 'not recorded');
  const proposal = r ? ` Recommended: reduce FY${h.fiscalYear}'s held tranches, together, by ${yen(r.reduction)}.` : '';
  return `<li data-id="${escape(h.trancheId)}"><strong>FY${h.fiscalYear} · ${yen(h.amount)}</strong>`
    + ` <span class="muted">${escape(h.recipientName ?? '')}</span><br>`
    + `Why: ${why} <span class="muted">(held since ${jst(h.since)})</span><br>`
    + `Pending: a ministry decision to lift the hold, reduce or cancel the tranche.${proposal}`
    + (r && h.reason ? `<details><summary>As recorded with the hold</summary>${escape(h.reason)}</details>` : '')
    + '</li>';
}

async function load() {
  if (!current) return;
  const programmeId = current, mine = ++generation;
  const [board, warnings] = await Promise.all([api('/api/dashboard/' + programmeId),
    api(`/api/warnings?programmeId=${programmeId}&size=100`)]);
  if (mine !== generation) return; // a later load (a later change, another programme) is under way
  const t = board.totals;
  for (const k of ['ceiling', 'planned', 'committed', 'disbursed', 'recovered', 'headroom']) {
    document.querySelector(`[data-testid="${k}"]`).textContent = yen(t[k]);
  }
  el('utilization').textContent = percent(board.utilizationBasisPoints) + ' used';
  chart(t);
  el('tranches').innerHTML = board.tranches.map(g => `<tr data-state="${g.state}">${cell('FY' + g.fiscalYear)}`
    + `${cell(label(g.state), 'state-' + g.state)}${cell(g.count)}${cell(yen(g.amount), 'yen')}</tr>`).join('');
  el('held').innerHTML = board.held.length ? board.held.map(heldItem).join('') : '<li class="muted none">Nothing is on hold.</li>';
  el('held-count').textContent = `(${board.held.length})`;
  el('reviews').innerHTML = board.reviews.map(r => `<tr>${cell('FY' + r.fiscalYear)}${cell(r.revision)}`
    + `${cell(label(r.state) + (r.superseded ? ' (amended)' : ''))}${cell(percent(r.scoreBasisPoints))}`
    + `${cell(label(r.outcome), 'outcome-' + r.outcome)}</tr>`).join('');
  years(board.programme, board.tranches);
  goals(board.goals);
  consortium(board.programme?.consortium ?? { tables: [], prospective: [] });
  const list = el('warnings');
  list.innerHTML = '';
  const open = warnings.items.filter(w => w.state !== 'RESOLVED');
  open.forEach(w => list.appendChild(warningItem(w, fresh.has(w.id))));
  if (!open.length) list.innerHTML = '<li class="muted none">No open warnings.</li>';
  el('warning-count').textContent = `(${open.length})`;
  el('as-of').textContent = `as of ${jst(new Date())} · data of ${jst(board.asOf)}`;
}

/** Reloads once for a burst of changes. */
function reload() {
  clearTimeout(loading);
  loading = setTimeout(() => load().catch(showError), 100);
}

function onFrame(event, data) {
  if (event === 'resync') return reload();
  const frame = JSON.parse(data);
  if (frame.programmeId !== current) return;
  if (event === 'warning.raised') fresh.add(frame.id);
  reload();
}

function setLive(on, text) {
  el('live').textContent = text;
  el('live').classList.toggle('on', on);
  el('live').classList.toggle('off', !on);
  document.querySelector('main').classList.toggle('stale', !on);
  el('stale').hidden = on;
}

/** One connection: resolves when the server or the network ends it. */
async function connect(onOpen) {
  const headers = { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' };
  if (lastEventId) headers['Last-Event-ID'] = lastEventId;
  const mine = aborter = new AbortController();
  const response = await fetch('/api/warnings/stream', { headers, signal: mine.signal });
  if (!response.ok) throw new Error('the stream answered ' + response.status);
  let heardAt = Date.now();
  // keep-alives come every 15 s: a stream silent for 45 s is dead even if no error says so
  const watchdog = setInterval(() => { if (Date.now() - heardAt > 45000) mine.abort(); }, 5000);
  onOpen();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '', retry = null;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      heardAt = Date.now();
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message', data = null;
        for (const line of block.split('\n')) {
          const [field, ...rest] = line.split(':');
          const v = rest.join(':').replace(/^ /, '');
          if (field === 'id') lastEventId = v;
          else if (field === 'event') event = v;
          else if (field === 'data') data = data === null ? v : data + '\n' + v;
          else if (field === 'retry') retry = Number(v);
        }
        if (data !== null) onFrame(event, data);
      }
    }
  } finally {
    clearInterval(watchdog);
  }
  return retry;
}

async function follow() {
  let failures = 0, retry = 3000, cutAt = null;
  for (;;) {
    try {
      retry = (await connect(() => {
        failures = 0;
        cutAt = null;
        setLive(true, 'live');
        reload(); // whatever changed while it was cut
      })) ?? retry;
    } catch (e) {
      console.warn('live stream:', e.message);
    }
    cutAt = cutAt ?? new Date();
    const wait = Math.min(30000, retry * 2 ** failures++) + Math.random() * 500;
    setLive(false, `offline: reconnecting in ${Math.round(wait / 1000)} s`);
    el('stale').textContent = `Live updates interrupted at ${jst(cutAt)}: what is shown may be out of date.`;
    await new Promise(resolve => {
      const timer = setTimeout(resolve, wait);
      wake = () => { clearTimeout(timer); resolve(); };
    });
  }
}

// the browser knows before the stream does: offline ends the connection, online reconnects at once
addEventListener('offline', () => aborter?.abort());
addEventListener('online', () => wake());

function showError(e) {
  el('stale').hidden = false;
  el('stale').textContent = e.message;
}

function pick(programmeId) {
  current = programmeId;
  el('programme').value = programmeId;
  history.replaceState(null, '', '#programme=' + programmeId); // a link to this programme (no token in it)
  load().catch(showError);
}

(async () => {
  const programmes = (await api('/api/dashboard?size=200')).items
    .sort((a, b) => (a.name ?? '~' + a.programmeId).localeCompare(b.name ?? '~' + b.programmeId));
  el('programme').innerHTML = programmes.map(p => `<option value="${p.programmeId}">`
    + `${escape(p.name ?? 'Programme ' + p.programmeId.slice(0, 8))} — ceiling ${yen(p.ceiling)}</option>`).join('');
  el('programme').onchange = () => pick(el('programme').value);
  const linked = fragment.get('programme');
  const start = programmes.find(p => p.programmeId === linked) ?? programmes[0];
  if (start) pick(start.programmeId);
  follow();
})().catch(showError);
