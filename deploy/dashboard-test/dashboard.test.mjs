// The dashboard of the seeded demo (deploy/run-local.sh --demo), in Debian's headless Chromium:
// the figures it shows equal the services' own APIs, and a warning raised now appears live.
// Needs the demo stack running and the TOKEN_* variables it printed (see run.sh).
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const FUNDING = 'http://localhost:8081', MILESTONES = 'http://localhost:8082', NOTIFICATIONS = 'http://localhost:8083';
const token = name => process.env['TOKEN_' + name] ?? assert.fail('TOKEN_' + name + ' is not set');
const yen = n => '¥' + Number(n).toLocaleString('ja-JP');

async function call(base, path, who, method = 'GET', body) {
  const r = await fetch(base + path, { method, body: body && JSON.stringify(body),
    headers: { Authorization: 'Bearer ' + token(who), 'Content-Type': 'application/json' } });
  if (!r.ok) assert.fail(`${method} ${path} answered ${r.status}: ${await r.text()}`);
  return r.status === 204 ? null : r.json();
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', e => console.error('page error:', e.message));
  await page.goto(`${NOTIFICATIONS}/dashboard/#token=${token('AUDITOR_ITO')}`);
  await page.waitForFunction(() => document.querySelector('[data-testid="ceiling"]').textContent !== '');
  const programme = await page.locator('[data-testid="programme"]').inputValue();

  // the figures shown are funding-service's own
  const totals = await call(FUNDING, `/api/programmes/${programme}`, 'AUDITOR_ITO');
  for (const figure of ['ceiling', 'planned', 'committed', 'disbursed', 'recovered', 'headroom']) {
    assert.equal(await page.locator(`[data-testid="${figure}"]`).textContent(), yen(totals[figure]), figure);
  }
  // FY2028's tranches are held, and the reviews show FY2026 passed and FY2027 failed
  const tranches = await page.locator('[data-testid="tranches"]').innerText();
  const held = (await call(FUNDING, `/api/programmes/${programme}/tranches?fiscalYear=2028&state=ON_HOLD`, 'AUDITOR_ITO'));
  assert.ok(held.totalItems > 0 && tranches.includes('FY2028\tON_HOLD\t' + held.totalItems), tranches);
  const reviews = await page.locator('[data-testid="reviews"]').innerText();
  assert.match(reviews, /FY2026\t1\tFINALIZED\t[\d.]+ %\tPASSED/);
  assert.match(reviews, /FY2027\t1\tFINALIZED\t[\d.]+ %\tFAILED/);
  const warnings = page.locator('[data-testid="warnings"] li');
  assert.ok((await warnings.allInnerTexts()).some(w => w.startsWith('PULLBACK_RECOMMENDED')), 'the pullback warning');
  await page.waitForSelector('[data-testid="live"].on');
  const before = await warnings.count();

  // now: FY2028's review passes only conditionally, and a WATCH warning must appear without a reload
  const plan = await call(MILESTONES, `/api/programmes/${programme}/fiscal-years/2028/milestones`, 'AUDITOR_ITO');
  assert.equal(plan.milestones.length, 0, 'this test needs a freshly seeded demo (FY2028 already has milestones)');
  const m = await call(MILESTONES, `/api/programmes/${programme}/fiscal-years/2028/milestones`, 'NEDO_TANAKA', 'POST',
    { code: 'PARAMS', title: 'Model at 500 billion parameters', metric: 'parameters trained', unit: 'parameters',
      direction: 'AT_LEAST', target: 500_000_000_000, threshold: 300_000_000_000, weightBasisPoints: 10000, critical: true });
  const review = await call(MILESTONES, `/api/programmes/${programme}/fiscal-years/2028/reviews`, 'NEDO_TANAKA', 'POST');
  await call(MILESTONES, `/api/reviews/${review.id}/results/${m.id}`, 'NEDO_TANAKA', 'PUT', { value: 420_000_000_000,
    unit: 'parameters', asOf: '2028-05-01', evidence: [{ uri: 'https://www.nedo.go.jp/evaluation/fy2028.pdf',
      title: 'Interim evaluation', digest: 'sha256:' + 'ab'.repeat(32) }] });
  await call(MILESTONES, `/api/reviews/${review.id}/submit`, 'NEDO_TANAKA', 'POST');
  await call(MILESTONES, `/api/reviews/${review.id}/finalize`, 'METI_SUZUKI', 'POST', { note: 'conditional' });
  const started = Date.now();
  await page.locator('[data-testid="warnings"] li.fresh', { hasText: 'WATCH' }).waitFor({ timeout: 15000 });
  console.log(`dashboard: a new WATCH warning appeared live ${Date.now() - started} ms after the review was finalized`);
  assert.equal(await warnings.count(), before + 1);
  await page.screenshot({ path: 'target/dashboard.png', fullPage: true });
  console.log('dashboard: figures equal funding-service\'s; screenshot in deploy/dashboard-test/target/dashboard.png');
} finally {
  await browser.close();
}
