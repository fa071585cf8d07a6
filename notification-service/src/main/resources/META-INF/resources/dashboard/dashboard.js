// The dashboard reads notification-service's read model with the bearer token given in the URL
// fragment (#token=…, never sent to a server in a URL) and follows new warnings over SSE.
const token = new URLSearchParams(location.hash.slice(1)).get('token') || sessionStorage.getItem('token');
sessionStorage.setItem('token', token || '');
const yen = n => '¥' + Number(n).toLocaleString('ja-JP');
const percent = bp => (bp / 100).toFixed(2) + ' %';
const api = path => fetch(path, { headers: { Authorization: 'Bearer ' + token } }).then(r => {
  if (!r.ok) throw new Error(path + ' answered ' + r.status);
  return r.json();
});
const el = id => document.getElementById(id);
const cell = (text, cls) => `<td${cls ? ` class="${cls}"` : ''}>${text}</td>`;
const escape = s => String(s ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

function chart(t) {
  const bars = [['Committed', t.committed, '#f5a623'], ['Disbursed', t.disbursed - t.recovered, '#0b3d64'],
    ['Headroom', t.headroom, '#c8e6c9']];
  let x = 0, svg = '';
  for (const [label, value, colour] of bars) {
    const w = t.ceiling ? 1000 * value / t.ceiling : 0;
    svg += `<rect x="${x}" y="10" width="${w}" height="50" fill="${colour}"><title>${label} ${yen(value)}</title></rect>`;
    if (w > 90) svg += `<text x="${x + 6}" y="40" font-size="16">${label}</text>`;
    x += w;
  }
  const planned = t.ceiling ? Math.min(1000, 1000 * t.planned / t.ceiling) : 0;
  svg += `<rect x="0" y="75" width="${planned}" height="20" fill="#90a4ae"><title>Planned ${yen(t.planned)}</title></rect>`
    + `<text x="6" y="112" font-size="14">Planned ${yen(t.planned)} of the ${yen(t.ceiling)} ceiling</text>`;
  el('chart').innerHTML = svg;
}

function warningItem(w, fresh) {
  const li = document.createElement('li');
  li.className = w.severity + (fresh ? ' fresh' : '');
  li.dataset.id = w.id;
  li.innerHTML = `<strong>${escape(w.kind)}</strong> · FY${escape(w.fiscalYear)} · ${escape(w.title)}<br>`
    + `<small>${escape(w.detail)}</small>`;
  return li;
}

async function load(programmeId) {
  const board = await api('/api/dashboard/' + programmeId);
  const t = board.totals;
  for (const k of ['ceiling', 'planned', 'committed', 'disbursed', 'recovered', 'headroom']) {
    document.querySelector(`[data-testid="${k}"]`).textContent = yen(t[k]);
  }
  chart(t);
  el('tranches').innerHTML = board.tranches.map(g => `<tr>${cell('FY' + g.fiscalYear)}${cell(g.state, 'state-' + g.state)}`
    + `${cell(g.count)}${cell(yen(g.amount), 'yen')}</tr>`).join('');
  el('reviews').innerHTML = board.reviews.map(r => `<tr>${cell('FY' + r.fiscalYear)}${cell(r.revision)}`
    + `${cell(r.state + (r.superseded ? ' (amended)' : ''))}${cell(percent(r.scoreBasisPoints))}`
    + `${cell(r.outcome, 'outcome-' + r.outcome)}</tr>`).join('');
  const open = await api(`/api/warnings?programmeId=${programmeId}&size=50`);
  const list = el('warnings');
  list.innerHTML = '';
  open.items.filter(w => w.state !== 'RESOLVED').forEach(w => list.appendChild(warningItem(w, false)));
  el('warning-count').textContent = `(${list.children.length})`;
}

async function follow() {
  // EventSource cannot send a bearer token: read the text/event-stream with fetch instead
  const response = await fetch('/api/warnings/stream', { headers: { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' } });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  el('live').textContent = 'live';
  el('live').classList.add('on');
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const data = buffer.slice(0, end).split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5)).join('\n');
      buffer = buffer.slice(end + 2);
      if (!data) continue;
      const w = JSON.parse(data);
      if (w.programmeId === el('programme').value) {
        el('warnings').prepend(warningItem(w, true));
        el('warning-count').textContent = `(${el('warnings').children.length})`;
        load(w.programmeId).catch(console.error);
      }
    }
  }
  el('live').classList.remove('on');
  el('live').textContent = 'disconnected; retrying';
  setTimeout(follow, 2000);
}

(async () => {
  const programmes = (await api('/api/dashboard?size=200')).items;
  el('programme').innerHTML = programmes.map(p => `<option value="${p.programmeId}">${p.programmeId.slice(0, 8)}… `
    + `(ceiling ${yen(p.ceiling)})</option>`).join('');
  el('programme').onchange = () => load(el('programme').value);
  if (programmes.length) await load(programmes[0].programmeId);
  follow().catch(e => { el('live').textContent = 'offline: ' + e.message; });
})().catch(e => { document.body.insertAdjacentHTML('afterbegin', `<p class="card">${escape(e.message)}</p>`); });
