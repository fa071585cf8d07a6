// The dashboard of the seeded demo (deploy/run-local.sh --demo), in Debian's headless Chromium:
// the figures it shows equal the services' own APIs; names, labels, the utilization, the legend,
// why each held tranche is held, each goal's plan and actual, the consortium's shares over time and
// the budget years (carried over, re-appropriated, lapsed, closed); a pullback raised now appears live and its hold within a second;
// the stream cut (the browser offline) and resumed loses none of the changes made meanwhile; and
// at 390 px nothing is off-screen. Every webhook delivery of those changes verifies with the
// Standard Webhooks library, although the demo's business clock runs in 2028 (the timestamp is real
// time). A browser in Japanese gets the page in Japanese (every text from the Japanese bundle, 令和 fiscal
// years, 億円・兆円 with the exact yen on hover, 2027年4月1日), and the language switch sticks. Screenshots go
// to testing/dashboard-test/target/screenshots/.
// Needs the demo stack running and the TOKEN_* variables it printed (see run.sh).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { Webhook } from 'standardwebhooks';

const FUNDING = 'http://localhost:8081', MILESTONES = 'http://localhost:8082', NOTIFICATIONS = 'http://localhost:8083';
const SHOTS = 'target/screenshots';
const token = name => process.env['TOKEN_' + name] ?? assert.fail('TOKEN_' + name + ' is not set');
const yen = n => '¥' + Number(n).toLocaleString('ja-JP');
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function call(base, path, who, method = 'GET', body, headers = {}) {
  const r = await fetch(base + path, { method, body: body && JSON.stringify(body),
    headers: { Authorization: 'Bearer ' + token(who), 'Content-Type': 'application/json', ...headers } });
  if (!r.ok) assert.fail(`${method} ${path} answered ${r.status}: ${await r.text()}`);
  return r.status === 204 ? null : r.json();
}

/** What a person sees at this width: nothing wider than the viewport, no card off-screen. */
async function assertFits(page, width) {
  const layout = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth,
    cards: [...document.querySelectorAll('.card, header')].map(c => Math.ceil(c.getBoundingClientRect().right)) }));
  assert.ok(layout.scroll <= width, `the page is ${layout.scroll} px wide at ${width} px`);
  layout.cards.forEach(right => assert.ok(right <= width, `a card ends at ${right} px, off a ${width} px screen`));
}

/** A webhook receiver on this machine, recording each delivery's headers and body. */
async function receiver() {
  const received = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', chunk => { body += chunk; });
    request.on('end', () => { received.push({ headers: request.headers, body }); response.writeHead(204).end(); });
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/hook`, received, close: () => server.close() };
}

mkdirSync(SHOTS, { recursive: true });
const hooks = await receiver();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'] });
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', e => console.error('page error:', e.message));
  await page.goto(`${NOTIFICATIONS}/dashboard/#token=${token('AUDITOR_ITO')}`);
  await page.waitForFunction(() => document.querySelector('[data-testid="ceiling"]').textContent !== '');
  const programme = await page.locator('[data-testid="programme"]').inputValue();

  // a link per programme, without the token in it; the picker names the programme
  assert.equal(new URL(page.url()).hash, '#programme=' + programme);
  const described = await call(FUNDING, `/api/programmes/${programme}`, 'AUDITOR_ITO');
  assert.ok((await page.locator('[data-testid="programme"] option:checked').textContent()).startsWith(described.name));

  // the figures shown are funding-service's own, with the utilization and a legend
  for (const figure of ['ceiling', 'planned', 'committed', 'disbursed', 'recovered', 'headroom']) {
    assert.equal(await page.locator(`[data-testid="${figure}"]`).textContent(), yen(described[figure]), figure);
  }
  const used = Math.floor((described.ceiling - described.headroom) * 10000 / described.ceiling);
  assert.equal(described.returnedToTreasury, 0, 'the demo re-appropriated what FY2026 paid back');
  assert.equal(described.reappropriated, 1_000_000_000);
  assert.equal(await page.locator('[data-testid="utilization"]').textContent(), (used / 100).toFixed(2) + ' % used');
  assert.equal(await page.locator('[data-testid="legend"] li').count(), 4);

  // FY2028's tranches are held, each saying why and what is pending; the reviews show FY2026 passed, FY2027 failed
  const held = await call(FUNDING, `/api/programmes/${programme}/tranches?fiscalYear=2028&state=ON_HOLD`, 'AUDITOR_ITO');
  const tranches = await page.locator('[data-testid="tranches"]').innerText();
  assert.ok(held.totalItems > 0 && tranches.includes('FY2028\tOn hold\t' + held.totalItems), tranches);
  const heldRows = await page.locator('[data-testid="held"] li').allInnerTexts();
  assert.equal(heldRows.length, held.totalItems);
  heldRows.forEach(row => assert.match(row, /Why: .+\nPending: a ministry decision .*Recommended: reduce FY2028's held tranches, together, by ¥[\d,]+/s));
  const reviews = await page.locator('[data-testid="reviews"]').innerText();
  assert.match(reviews, /FY2026\t1\tFinalized\t[\d.]+ %\tPassed/);
  assert.match(reviews, /FY2027\t1\tFinalized\t[\d.]+ %\tFailed/);
  // the consortium over time: the founding shares, Fujitsu from FY2027 (the demo's illustrative table), Rakuten announced
  const tables = await call(FUNDING, `/api/programmes/${programme}/share-tables`, 'AUDITOR_ITO');
  const fy2027 = tables.items.find(t => t.state === 'CONFIRMED' && t.effectiveFrom === '2027-04-01');
  assert.ok(fy2027, 'the demo confirmed a share table from 2027-04-01');
  const consortium = await page.locator('[data-testid="consortium"]').innerText();
  assert.match(consortium, /^Founding\tSoftBank 40\.00 %/);
  assert.ok(consortium.includes('2027-04-01\t' + fy2027.shares.map(m => `${m.name} ${(m.shareBasisPoints / 100).toFixed(2)} %`)
    .join(', ')), consortium);
  assert.equal(await page.locator('[data-testid="prospective"]').textContent(), 'Announced, not yet joined: Rakuten');
  // the budget years, as funding-service's year-end report gives them: FY2026 and FY2027 closed, FY2029 re-appropriated
  const report = await call(FUNDING, `/api/programmes/${programme}/year-end-report`, 'AUDITOR_ITO');
  const years = await page.locator('[data-testid="years"] tr').allInnerTexts();
  assert.equal(years.length, report.length);
  for (const y of report) {
    const row = years.find(r => r.startsWith(`FY${y.fiscalYear}\t`)) ?? assert.fail(`no row for FY${y.fiscalYear}`);
    assert.ok(row.startsWith([`FY${y.fiscalYear}`, y.budget, y.carriedIn, y.carriedOut, y.reappropriated, y.lapsed,
      y.disbursed].map((v, i) => i ? yen(v) : v).join('\t')), row);
    assert.equal(row.endsWith('open'), !y.closed, row);
  }
  assert.deepEqual(report.filter(y => y.closed).map(y => y.fiscalYear), [2026, 2027]);
  assert.equal(report.find(y => y.fiscalYear === 2029).reappropriated, 1_000_000_000);
  // each goal's plan and actual over the reviewed years, as milestone-service's trajectory gives them
  const goals = await call(MILESTONES, `/api/programmes/${programme}/goals`, 'AUDITOR_ITO');
  const modelSize = await call(MILESTONES, `/api/programmes/${programme}/goals/${goals.items.find(g => g.code === 'MODEL-SIZE').id}`, 'AUDITOR_ITO');
  const shownGoal = await page.locator('[data-testid="goals"] .goal[data-code="MODEL-SIZE"] tbody').innerText();
  const number = v => Number(v).toLocaleString('ja-JP');
  for (const p of modelSize.trajectory.filter(p => p.actual != null)) {
    assert.ok(shownGoal.includes(`FY${p.fiscalYear}\t${number(p.target)}\t${number(p.actual)}\t${number(p.projectedFinal)}\t${p.onTrack ? 'Yes' : 'No'}`), shownGoal);
  }
  assert.equal(await page.locator('[data-testid="goals"] svg.goal').count(), goals.totalItems);
  const warnings = page.locator('[data-testid="warnings"] li');
  assert.ok((await warnings.allInnerTexts()).some(w => w.startsWith('Pullback recommended')), 'the pullback warning');
  await page.waitForSelector('[data-testid="live"].on');
  await page.screenshot({ path: `${SHOTS}/dashboard-1440.png`, fullPage: true });

  // a programme administrator's webhook for every change of the programme's warnings
  const subscription = await call(NOTIFICATIONS, '/api/webhook-subscriptions', 'ADMIN_SATO', 'POST',
    { url: hooks.url, minSeverity: 'INFO', programmeId: programme });

  // now: a FY2029 tranche, gated by FY2028's review, which misses its critical target
  const plan = await call(MILESTONES, `/api/programmes/${programme}/fiscal-years/2028/milestones`, 'AUDITOR_ITO');
  assert.equal(plan.milestones.length, 0, 'this test needs a freshly seeded demo (FY2028 already has milestones)');
  const noetra = (await call(FUNDING, `/api/programmes/${programme}/recipients?size=200`, 'AUDITOR_ITO')).items
    .find(r => r.name === 'Noetra');
  const tranche = await call(FUNDING, `/api/programmes/${programme}/tranches`, 'NEDO_TANAKA', 'POST',
    { fiscalYear: 2029, recipientId: noetra.id, amount: 90_000_000_000, description: 'FY2029 compute' },
    { 'Idempotency-Key': randomUUID() });
  const m = await call(MILESTONES, `/api/programmes/${programme}/fiscal-years/2028/milestones`, 'NEDO_TANAKA', 'POST',
    { code: 'PARAMS', title: 'Model at 500 billion parameters', metric: 'parameters trained', unit: 'parameters',
      direction: 'AT_LEAST', target: 500_000_000_000, threshold: 300_000_000_000, weightBasisPoints: 10000, critical: true });
  const review = await call(MILESTONES, `/api/programmes/${programme}/fiscal-years/2028/reviews`, 'NEDO_TANAKA', 'POST');
  await call(MILESTONES, `/api/reviews/${review.id}/results/${m.id}`, 'NEDO_TANAKA', 'PUT', { value: 250_000_000_000,
    unit: 'parameters', asOf: '2028-05-01', evidence: [{ uri: 'https://www.nedo.go.jp/evaluation/fy2028.pdf',
      title: 'Interim evaluation', digest: 'sha256:' + 'ab'.repeat(32) }] });
  await call(MILESTONES, `/api/reviews/${review.id}/submit`, 'NEDO_TANAKA', 'POST');
  // the demo programme counts only verified results: the independent verifier checks the submitted one
  await call(MILESTONES, `/api/reviews/${review.id}/results/${m.id}/verification`, 'VERIFIER_KATO', 'PUT',
    { verdict: 'VERIFIED', reason: 'Training logs match the interim evaluation' });
  const before = await page.locator('[data-testid="warnings"] li[data-id]').count();
  await call(MILESTONES, `/api/reviews/${review.id}/finalize`, 'METI_SUZUKI', 'POST', { note: 'target missed' });
  const finalized = Date.now();
  await page.locator('[data-testid="warnings"] li.fresh', { hasText: 'Pullback recommended' }).waitFor({ timeout: 15000 });
  console.log(`dashboard: the new pullback warning appeared live ${Date.now() - finalized} ms after the review was finalized`);
  // FY2027 failed too: two failed years in a row also raise a termination review
  await page.locator('[data-testid="warnings"] li.fresh', { hasText: 'Termination review' }).waitFor({ timeout: 15000 });
  await page.waitForFunction(n => document.querySelectorAll('[data-testid="warnings"] li[data-id]').length === n, before + 2);

  // the hold: on the page within a second of funding-service holding the tranche
  let heldAt = null;
  while (heldAt === null) {
    const t = await call(FUNDING, `/api/programmes/${programme}/tranches/${tranche.id}`, 'AUDITOR_ITO');
    if (t.state === 'ON_HOLD') heldAt = Date.now(); else await sleep(20);
    assert.ok(Date.now() - finalized < 30000, 'funding-service held the FY2029 tranche');
  }
  await page.locator('[data-testid="tranches"] tr[data-state="ON_HOLD"]', { hasText: 'FY2029' }).waitFor({ timeout: 5000 });
  const shown = Date.now() - heldAt;
  console.log(`dashboard: the FY2029 hold appeared ${shown} ms after funding-service held the tranche`);
  assert.ok(shown <= 1000, `the hold took ${shown} ms to appear`);

  // the stream cut: offline, three changes meanwhile; back online, it resumes and shows all three
  await context.setOffline(true);
  await page.waitForSelector('[data-testid="live"].off', { timeout: 15000 });
  assert.ok(await page.locator('[data-testid="stale"]').isVisible(), 'it says what is shown may be out of date');
  const open = (await call(NOTIFICATIONS, `/api/warnings?programmeId=${programme}&size=100`, 'AUDITOR_ITO')).items
    .filter(w => w.state === 'OPEN' && w.kind === 'PULLBACK_RECOMMENDED');
  assert.ok(open.length >= 2, 'two open pullback warnings to act on');
  const [newest, older] = open;
  await call(NOTIFICATIONS, `/api/warnings/${newest.id}/acknowledge`, 'METI_SUZUKI', 'POST', { note: 'reviewing' });
  await call(NOTIFICATIONS, `/api/warnings/${older.id}/acknowledge`, 'METI_SUZUKI', 'POST', { note: 'seen' });
  await call(NOTIFICATIONS, `/api/warnings/${older.id}/resolve`, 'METI_SUZUKI', 'POST', { note: 'decided' });
  await context.setOffline(false);
  await page.waitForSelector('[data-testid="live"].on', { timeout: 30000 });
  await page.waitForFunction(([n, o]) => {
    const item = id => document.querySelector(`[data-testid="warnings"] li[data-id="${id}"]`);
    return item(n)?.textContent.includes('Acknowledged') && item(o) === null;
  }, [newest.id, older.id], { timeout: 10000 });
  assert.ok(!(await page.locator('[data-testid="stale"]').isVisible()), 'live again, nothing stale');
  console.log('dashboard: cut and resumed; the acknowledgement and the resolution made meanwhile are shown');

  // the webhooks: raised, acknowledged and resolved, each verified as a receiver verifies it
  const verifier = new Webhook(subscription.secret);
  const deadline = Date.now() + 30000;
  while (hooks.received.filter(h => JSON.parse(h.body).type === 'warning.resolved').length < 1) {
    assert.ok(Date.now() < deadline, `webhooks received: ${hooks.received.map(h => JSON.parse(h.body).type)}`);
    await sleep(100);
  }
  const types = hooks.received.map(h => verifier.verify(h.body, h.headers).type);
  for (const type of ['warning.raised', 'warning.acknowledged', 'warning.resolved']) {
    assert.ok(types.includes(type), `a ${type} delivery among ${types}`);
  }
  const business = JSON.parse(hooks.received[0].body).timestamp;
  console.log(`webhooks: ${types.length} deliveries verified by standardwebhooks (business time ${business}, `
    + `webhook-timestamp ${new Date(hooks.received[0].headers['webhook-timestamp'] * 1000).toISOString()})`);

  // a phone: 390 px wide, nothing off-screen
  await page.setViewportSize({ width: 390, height: 844 });
  await sleep(300);
  await assertFits(page, 390);
  await page.screenshot({ path: `${SHOTS}/dashboard-390.png`, fullPage: true });

  // the link opens that programme
  const linked = await context.newPage();
  await linked.goto(`${NOTIFICATIONS}/dashboard/#programme=${programme}&token=${token('AUDITOR_ITO')}`);
  await linked.waitForFunction(() => document.querySelector('[data-testid="ceiling"]').textContent !== '');
  assert.equal(await linked.locator('[data-testid="programme"]').inputValue(), programme);

  // a browser in Japanese: the page starts in Japanese, every text from the Japanese bundle
  const japanese = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'ja-JP' });
  const ja = await japanese.newPage();
  ja.on('pageerror', e => console.error('page error (ja):', e.message));
  await ja.goto(`${NOTIFICATIONS}/dashboard/#programme=${programme}&token=${token('AUDITOR_ITO')}`);
  await ja.waitForFunction(() => document.querySelector('[data-testid="years"] tr') !== null);
  const bundle = await (await fetch(`${NOTIFICATIONS}/dashboard/i18n/ja.json`)).json();
  assert.equal(await ja.evaluate(() => document.documentElement.lang), 'ja');
  const statics = await ja.evaluate(() => [...document.querySelectorAll('[data-i18n]')]
    .map(e => [e.dataset.i18n, e.textContent]));
  assert.ok(statics.length > 40, `${statics.length} static texts`);
  statics.forEach(([key, text]) => assert.equal(text, bundle[key], key));
  // money in 兆円・億円, the exact yen on hover; the demo's ceiling is ¥1,000,000,000,000
  assert.equal(await ja.locator('[data-testid="ceiling"]').textContent(), '1兆円');
  for (const figure of ['ceiling', 'planned', 'committed', 'disbursed', 'recovered', 'headroom']) {
    assert.equal(await ja.locator(`[data-testid="${figure}"] .yen`).getAttribute('title'), yen(described[figure]), figure);
    assert.match(await ja.locator(`[data-testid="${figure}"]`).textContent(), /^約?([\d,]+兆)?([\d,]+億)?([\d,]+万)?[\d,]*円$/, figure);
  }
  assert.match(await ja.locator('[data-testid="utilization"]').textContent(), /^[\d.]+ % 使用$/);
  // fiscal years in 令和, days as 2027年4月1日: FY2026 = 令和8年度
  const jaYears = await ja.locator('[data-testid="years"] tr').allInnerTexts();
  assert.ok(jaYears[0].startsWith('令和8年度\t'), jaYears[0]);
  for (const y of report.filter(r => r.closed)) {
    const row = jaYears.find(r => r.startsWith(`令和${y.fiscalYear - 2018}年度\t`)) ?? assert.fail(`no row for FY${y.fiscalYear}`);
    assert.match(row, /\t\d{4}年\d{1,2}月\d{1,2}日$/, row);
  }
  assert.ok((await ja.locator('[data-testid="tranches"]').innerText()).includes('令和10年度\t保留中\t'), 'FY2028 on hold');
  const jaConsortium = await ja.locator('[data-testid="consortium"]').innerText();
  assert.match(jaConsortium, /^設立時\tSoftBank 40\.00 %/);
  assert.ok(jaConsortium.includes('2027年4月1日\t'), jaConsortium);
  await ja.screenshot({ path: `${SHOTS}/dashboard-ja-1440.png`, fullPage: true });
  // the switch: English now, and still English after a reload
  await ja.locator('[data-testid="language"]').selectOption('en');
  await ja.waitForFunction(() => document.querySelector('[data-testid="ceiling"]').textContent.startsWith('¥'));
  assert.equal(await ja.locator('h1').textContent(), 'Sovereign AI programme funding');
  await ja.reload();
  await ja.waitForFunction(() => document.querySelector('[data-testid="ceiling"]').textContent !== '');
  assert.equal(await ja.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await ja.locator('[data-testid="ceiling"]').textContent(), yen(described.ceiling));
  console.log('dashboard: in Japanese for a Japanese browser (令和, 兆円・億円 with exact yen on hover); the switch sticks');
  console.log(`dashboard: figures equal funding-service's; screenshots in testing/dashboard-test/${SHOTS}/`);
} finally {
  await browser.close();
  hooks.close();
}
