// The dashboard reads notification-service's read model with the bearer token given once in the
// URL fragment (#token=…, never sent to a server in a URL; kept for the tab in sessionStorage) and
// follows the live stream: it reloads on every change of the programme shown, reconnects with
// back-off and resumes with Last-Event-ID, and says when what it shows may be out of date.
// A programme can be linked: #programme=<id>.
const fragment = new URLSearchParams(location.hash.slice(1));
if (fragment.get('token')) sessionStorage.setItem('token', fragment.get('token'));
const token = sessionStorage.getItem('token') || '';

// Every text shown comes from the language's bundle (i18n/en.json, i18n/ja.json: the same keys); the page
// starts in the browser's language (Japanese or English) unless one was chosen here, and asks the services
// for that language too (Accept-Language).
const LANGUAGES = ['en', 'ja'];
let language = 'en';
let messages = {};
const t = (key, vars = {}) => (messages[key] ?? key).replace(/\{(\w+)\}/g, (m, name) => vars[name] ?? m);
const label = code => code == null ? '' : messages['label.' + code] ?? String(code);
const exactYen = n => '¥' + BigInt(n).toLocaleString('ja-JP');
const TRILLION = 10n ** 12n, HUNDRED_MILLION = 10n ** 8n, TEN_THOUSAND = 10n ** 4n;
/** Yen in 兆・億 (or 万) as officials read them, rounded down to the unit shown: 約 says when that drops yen. */
function japaneseYen(n) {
  const v = BigInt(n), f = x => x.toLocaleString('ja-JP');
  let text, rest;
  if (v >= HUNDRED_MILLION) {
    const cho = v / TRILLION, oku = (v % TRILLION) / HUNDRED_MILLION;
    text = (cho ? f(cho) + '兆' : '') + (oku ? f(oku) + '億' : '');
    rest = v % HUNDRED_MILLION;
  } else if (v >= TEN_THOUSAND) {
    text = f(v / TEN_THOUSAND) + '万';
    rest = v % TEN_THOUSAND;
  } else {
    text = f(v);
    rest = 0n;
  }
  return (rest ? '約' : '') + text + '円';
}
/** Money as HTML: exact yen in English; in Japanese 億円・兆円, the exact yen on hover. */
const yen = n => language === 'ja' ? `<span class="yen" title="${exactYen(n)}">${japaneseYen(n)}</span>` : exactYen(n);
/** Money as plain text (an SVG title): both forms in Japanese. */
const yenText = n => language === 'ja' ? `${japaneseYen(n)}（${exactYen(n)}）` : exactYen(n);
/** A fiscal year: FY2026, or 令和8年度 (Reiwa 1 began in FY2019). */
const fy = year => language === 'ja' ? `令和${year - 2018 === 1 ? '元' : year - 2018}年度` : 'FY' + year;
const percent = bp => (bp / 100).toFixed(2) + ' %';
/** Between the items of a list: ", " in English, "、" in Japanese. */
const listSeparator = () => language === 'ja' ? '、' : ', ';
const JST = { timeZone: 'Asia/Tokyo' };
const jst = at => !at ? '—' : language === 'ja'
  ? new Date(at).toLocaleString('ja-JP', { ...JST, dateStyle: 'long', timeStyle: 'short' }) + ' JST'
  : new Date(at).toLocaleString('ja-JP', JST) + ' JST';
const jstDay = at => new Date(at).toLocaleDateString('ja-JP', language === 'ja'
  ? { ...JST, year: 'numeric', month: 'long', day: 'numeric' } : JST);
/** A calendar day (2026-04-01) as given, or 2026年4月1日. */
const day = iso => {
  if (language !== 'ja' || !/^\d{4}-\d{2}-\d{2}$/.test(iso ?? '')) return iso;
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const el = id => document.getElementById(id);
const cell = (text, cls) => `<td${cls ? ` class="${cls}"` : ''}>${text}</td>`;
const escape = s => String(s ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
const api = path => fetch(path, { headers: { Authorization: 'Bearer ' + token, 'Accept-Language': language } }).then(r => {
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
let programmes = [];      // the programmes the picker offers
let live = { on: false, key: 'live.connecting', vars: {} }; // the stream's state, said again in a new language

/** The browser's first preference among the languages offered (English if none). */
function browserLanguage() {
  for (const preferred of navigator.languages ?? [navigator.language]) {
    const base = String(preferred).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

async function useLanguage(chosen) {
  const bundle = await fetch(`i18n/${chosen}.json`).then(r => {
    if (!r.ok) throw new Error(`i18n/${chosen}.json answered ${r.status}`);
    return r.json();
  });
  language = chosen;
  messages = bundle;
  document.documentElement.lang = language;
  document.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
  document.querySelectorAll('[data-i18n-title]').forEach(e => { e.title = t(e.dataset.i18nTitle); });
  document.querySelectorAll('[data-i18n-aria-label]').forEach(e => e.setAttribute('aria-label', t(e.dataset.i18nAriaLabel)));
  el('language').value = language;
  setLive(live.on, live.key, live.vars);
}

function chart(totals) {
  const net = totals.ceiling - totals.headroom - totals.committed; // paid money the ceiling holds (returned money re-appropriated aside)
  const bars = [['figure.committed', totals.committed, '#f5a623'], ['figure.disbursed', net, '#0b3d64'],
    ['figure.headroom', totals.headroom, '#c8e6c9']];
  let x = 0, svg = '';
  for (const [name, value, colour] of bars) {
    const w = totals.ceiling ? 1000 * Math.max(0, value) / totals.ceiling : 0;
    svg += `<rect x="${x}" y="5" width="${w}" height="55" fill="${colour}"><title>${escape(t(name))} ${yenText(value)}</title></rect>`;
    x += w;
  }
  const planned = totals.ceiling ? Math.min(1000, 1000 * totals.planned / totals.ceiling) : 0;
  svg += `<rect x="0" y="72" width="${planned}" height="30" fill="#90a4ae"><title>${escape(t('figure.planned'))} `
    + `${yenText(totals.planned)}</title></rect>`;
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
    + `<span class="badge">${escape(label(w.state))}</span> · ${escape(fy(w.fiscalYear))}<br>`
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
  return `<svg class="goal" viewBox="0 0 1000 120" preserveAspectRatio="none" role="img" aria-label="${escape(t('goals.chart'))}">`
    + series('plan', p => p.checkpointTarget) + series('actual', p => p.actual) + '</svg>';
}

function goals(list) {
  const number = v => v == null ? '—' : Number(v).toLocaleString('ja-JP');
  const head = ['column.fiscalYear', 'column.plan', 'column.actual', 'column.projectedFinal', 'column.onTrack']
    .map(k => `<th>${escape(t(k))}</th>`).join('');
  el('goals').innerHTML = list.length ? list.map(g => `<div class="goal" data-code="${escape(g.code)}"><strong>${escape(g.title)}</strong>`
    + ` <span class="muted">${escape(t('goals.target.' + (g.direction === 'AT_MOST' ? 'AT_MOST' : 'AT_LEAST'), { code: g.code,
      target: number(g.finalTarget), unit: g.unit, when: g.finalFiscalYear ? fy(g.finalFiscalYear) : day(g.finalDate) }))}</span>`
    + goalChart(g.points)
    + `<ul class="legend"><li><i class="sw plan"></i>${escape(t('column.plan'))}</li><li><i class="sw actual"></i>${escape(t('column.actual'))}</li></ul>`
    + `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>`
    + g.points.map(p => `<tr>${cell(fy(p.fiscalYear))}${cell(number(p.checkpointTarget), 'yen')}${cell(number(p.actual), 'yen')}`
      + `${cell(number(p.projectedFinal), 'yen')}${cell(p.onTrack == null ? '—' : t(p.onTrack ? 'common.yes' : 'common.no'),
        p.onTrack === false ? 'outcome-FAILED' : '')}</tr>`).join('')
    + '</tbody></table></div></div>').join('') : `<p class="muted">${escape(t('goals.none'))}</p>`;
}

/** The founding shares and each confirmed share table, oldest first; the members announced, not yet in one. */
function consortium(c) {
  el('consortium').innerHTML = c.tables.length ? c.tables.map(table => `<tr>${cell(table.effectiveFrom
    ? day(table.effectiveFrom) : escape(t('consortium.founding')))}`
    + cell(table.shares.map(s => `${escape(s.name)} ${percent(s.shareBasisPoints)}`).join(listSeparator())) + '</tr>').join('')
    : `<tr>${cell('—')}${cell(escape(t('consortium.none')))}</tr>`;
  el('prospective').textContent = c.prospective.length
    ? t('consortium.prospective', { names: c.prospective.join(listSeparator()) }) : '';
}

/** Each year's budget and what moved it; paid: what the year's tranches paid out, returned money included. */
function years(programme, tranches) {
  const paid = year => tranches.filter(g => g.fiscalYear === year && (g.state === 'DISBURSED' || g.state === 'RECOVERED'))
    .reduce((sum, g) => sum + g.amount, 0);
  const envelopes = programme?.envelopes ?? [];
  el('years').innerHTML = envelopes.length ? envelopes.map(e => `<tr data-fy="${e.fiscalYear}">${cell(fy(e.fiscalYear))}`
    + cell(yen(e.amount), 'yen') + cell(yen(e.carriedIn), 'yen') + cell(yen(e.carriedOut), 'yen')
    + cell(yen(e.reappropriated), 'yen') + cell(yen(e.lapsed), 'yen') + cell(yen(paid(e.fiscalYear)), 'yen')
    + (e.closedAt ? `<td title="${jst(e.closedAt)}">${jstDay(e.closedAt)}</td>` : cell(escape(t('years.open')))) + '</tr>').join('')
    : `<tr>${cell('—')}${cell(escape(t('years.none')))}</tr>`;
  el('programme-state').textContent = programme && programme.state !== 'ACTIVE' ? label(programme.state) : '';
}

function heldItem(h) {
  const r = h.recommendation;
  const why = r ? `${escape(r.title)} (${escape(label(r.kind))}, ${escape(label(r.state))})` : escape(h.reason ?? t('held.notRecorded'));
  const proposal = r ? ' ' + escape(t('held.recommended', { fiscalYear: fy(h.fiscalYear), amount: '\u0000' }))
    .replace('\u0000', yen(r.reduction)) : '';
  return `<li data-id="${escape(h.trancheId)}"><strong>${fy(h.fiscalYear)} · ${yen(h.amount)}</strong>`
    + ` <span class="muted">${escape(h.recipientName ?? '')}</span><br>`
    + `${escape(t('held.why', { why: '\u0000' })).replace('\u0000', why)} <span class="muted">${escape(t('held.since', { since: jst(h.since) }))}</span><br>`
    + `${escape(t('held.pending'))}${proposal}`
    + (r && h.reason ? `<details><summary>${escape(t('held.recorded'))}</summary>${escape(h.reason)}</details>` : '')
    + '</li>';
}

async function load() {
  if (!current) return;
  const programmeId = current, mine = ++generation;
  const [board, warnings] = await Promise.all([api('/api/dashboard/' + programmeId),
    api(`/api/warnings?programmeId=${programmeId}&size=100`)]);
  if (mine !== generation) return; // a later load (a later change, another programme) is under way
  const totals = board.totals;
  for (const k of ['ceiling', 'planned', 'committed', 'disbursed', 'recovered', 'headroom']) {
    document.querySelector(`[data-testid="${k}"]`).innerHTML = yen(totals[k]);
  }
  el('utilization').textContent = t('utilization.used', { percent: percent(board.utilizationBasisPoints) });
  chart(totals);
  el('tranches').innerHTML = board.tranches.map(g => `<tr data-state="${g.state}">${cell(fy(g.fiscalYear))}`
    + `${cell(escape(label(g.state)), 'state-' + g.state)}${cell(g.count)}${cell(yen(g.amount), 'yen')}</tr>`).join('');
  el('held').innerHTML = board.held.length ? board.held.map(heldItem).join('')
    : `<li class="muted none">${escape(t('held.none'))}</li>`;
  el('held-count').textContent = `(${board.held.length})`;
  el('reviews').innerHTML = board.reviews.map(r => `<tr>${cell(fy(r.fiscalYear))}${cell(r.revision)}`
    + `${cell(escape(r.superseded ? t('reviews.amended', { state: label(r.state) }) : label(r.state)))}`
    + `${cell(percent(r.scoreBasisPoints))}${cell(escape(label(r.outcome)), 'outcome-' + r.outcome)}</tr>`).join('');
  years(board.programme, board.tranches);
  goals(board.goals);
  consortium(board.programme?.consortium ?? { tables: [], prospective: [] });
  const list = el('warnings');
  list.innerHTML = '';
  const open = warnings.items.filter(w => w.state !== 'RESOLVED');
  open.forEach(w => list.appendChild(warningItem(w, fresh.has(w.id))));
  if (!open.length) list.innerHTML = `<li class="muted none">${escape(t('warnings.none'))}</li>`;
  el('warning-count').textContent = `(${open.length})`;
  el('as-of').textContent = t('asOf', { now: jst(new Date()), asOf: jst(board.asOf) });
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

function setLive(on, key, vars = {}) {
  live = { on, key, vars };
  el('live').textContent = t(key, vars);
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
        setLive(true, 'live.on');
        reload(); // whatever changed while it was cut
      })) ?? retry;
    } catch (e) {
      console.warn('live stream:', e.message);
    }
    cutAt = cutAt ?? new Date();
    const wait = Math.min(30000, retry * 2 ** failures++) + Math.random() * 500;
    setLive(false, 'live.offline', { seconds: Math.round(wait / 1000) });
    el('stale').textContent = t('live.interrupted', { at: jst(cutAt) });
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

function picker() {
  el('programme').innerHTML = programmes.map(p => `<option value="${p.programmeId}">`
    + `${escape(t('picker.option', { name: p.name ?? t('picker.unnamed', { id: p.programmeId.slice(0, 8) }),
      ceiling: language === 'ja' ? japaneseYen(p.ceiling) : exactYen(p.ceiling) }))}</option>`).join('');
  if (current) el('programme').value = current;
}

(async () => {
  const chosen = localStorage.getItem('language');
  await useLanguage(LANGUAGES.includes(chosen) ? chosen : browserLanguage());
  el('language').onchange = async () => {
    await useLanguage(el('language').value);
    localStorage.setItem('language', language);
    picker();
    load().catch(showError);
  };
  programmes = (await api('/api/dashboard?size=200')).items
    .sort((a, b) => (a.name ?? '~' + a.programmeId).localeCompare(b.name ?? '~' + b.programmeId));
  picker();
  el('programme').onchange = () => pick(el('programme').value);
  const linked = fragment.get('programme');
  const start = programmes.find(p => p.programmeId === linked) ?? programmes[0];
  if (start) pick(start.programmeId);
  follow();
})().catch(showError);
