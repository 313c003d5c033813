// Screenshot tour for visual review during development (not part of the test):
//   BASE_URL=… [ADMIN_USER=… ADMIN_PASS=… UNIT_USER=… UNIT_PASS=… LEAD_USER=… LEAD_PASS=…] node web/e2e/tour.mjs [page…]
// Writes PNGs of the pages to web/e2e-artifacts/tour-*.png; with arguments,
// only the admin pages named (e.g. `whatif health`).
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const BASE = process.env.BASE_URL
const ART = join(dirname(fileURLToPath(import.meta.url)), '..', 'e2e-artifacts')
mkdirSync(ART, { recursive: true })
const only = process.argv.slice(2)
const want = (n) => !only.length || only.includes(n)
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
})

// LOCALE=en-US takes the tour in English.
async function newContext() {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  if (process.env.LOCALE) await ctx.addInitScript((l) => localStorage.setItem('govperf.locale', l), process.env.LOCALE)
  return ctx
}
const suffix = process.env.LOCALE ? `-${process.env.LOCALE}` : ''

async function session(user, pass, home) {
  const page = await (await newContext()).newPage()
  page.on('pageerror', (e) => console.log('pageerror', e.message))
  page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()))
  await page.goto(BASE + '/login')
  await page.locator('input[data-testid="username"]').fill(user)
  await page.locator('input[data-testid="password"]').fill(pass)
  await page.getByTestId('login-submit').click()
  await page.waitForURL(home)
  return page
}
async function shot(page, name) {
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(700)
  await page.screenshot({ path: join(ART, `tour-${name}${suffix}.png`), fullPage: true })
  console.log('shot', name)
}

if (want('public')) {
  const page = await (await newContext()).newPage()
  await page.goto(BASE + '/')
  await shot(page, 'public')
}
const admin = await session(process.env.ADMIN_USER ?? 'admin', process.env.ADMIN_PASS ?? 'demo-admin-2026', /\/admin$/)
for (const [path, name] of [
  ['/admin', 'admin'], ['/leader', 'dashboard'], ['/results', 'results'], ['/whatif', 'whatif'],
  ['/indicator-health', 'health'], ['/fairness', 'fairness'], ['/anomalies', 'anomalies'], ['/lead', 'lead'], ['/audit', 'audit'], ['/users', 'users'],
]) {
  if (!want(name)) continue
  await admin.goto(BASE + path)
  await shot(admin, name)
}
if (want('whatif-run')) {
  await admin.goto(BASE + '/whatif')
  await admin.getByTestId('whatif-run').waitFor()
  const set = async (id, v) => {
    const i = admin.locator(`[data-testid="${id}"] input`)
    await i.fill(String(v))
    await i.press('Tab')
  }
  await set('weight-indicator', 0.3)
  await set('weight-satisfaction', 0.6)
  await shot(admin, 'whatif-edit')
  await admin.getByTestId('whatif-run').click()
  await admin.getByTestId('whatif-result').waitFor()
  await admin.locator('[data-testid="whatif-changes"] .el-table__expand-icon').first().click().catch(() => {})
  await shot(admin, 'whatif-run')
}
if (want('unit') && process.env.UNIT_USER) {
  const unit = await session(process.env.UNIT_USER, process.env.UNIT_PASS, /\/unit$/)
  await unit.locator('[data-testid="scorecard-leaves"] tbody tr').first().waitFor()
  await unit.locator('[data-testid="scorecard-leaves"] .el-table__expand-icon').first().click()
  await shot(unit, 'unit-scorecard')
}
if (want('lead') && process.env.LEAD_USER) {
  const lead = await session(process.env.LEAD_USER, process.env.LEAD_PASS, /\/lead$/)
  await lead.goto(BASE + '/anomalies')
  await shot(lead, 'lead-anomalies')
}
await browser.close()
console.log('tour done')
