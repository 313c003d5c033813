// Browser end-to-end test: a real govperf server (started by tests/e2e/run.sh,
// URL in BASE_URL) driven through Debian's Chromium with playwright-core.
// Lives under web/ so that node resolves playwright-core from web/node_modules.
//
// Env: BASE_URL (required), E2E_ADMIN_USER/PASS, E2E_UNIT_USER/PASS,
// E2E_LEAD_USER/PASS (run.sh fills them from `serve --print-logins`),
// E2E_ARTIFACTS (screenshots; default web/e2e-artifacts), CHROMIUM (default /usr/bin/chromium).
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import assert from 'node:assert/strict'

const BASE = (process.env.BASE_URL ?? '').replace(/\/$/, '')
if (!BASE) {
  console.error('BASE_URL is required')
  process.exit(2)
}
const here = dirname(fileURLToPath(import.meta.url))
const ART = process.env.E2E_ARTIFACTS ?? join(here, '..', 'e2e-artifacts')
mkdirSync(ART, { recursive: true })
const LOGINS = {
  admin: [process.env.E2E_ADMIN_USER ?? 'admin', process.env.E2E_ADMIN_PASS ?? 'demo-admin-2026'],
  unit: [process.env.E2E_UNIT_USER ?? '', process.env.E2E_UNIT_PASS ?? ''],
  lead: [process.env.E2E_LEAD_USER ?? '', process.env.E2E_LEAD_PASS ?? ''],
  leader: [process.env.E2E_LEADER_USER ?? 'leader', process.env.E2E_LEADER_PASS ?? 'demo-leader-2026'],
}
const T = 20_000
const HAN = /[\u4e00-\u9fa5]/

async function api(path, { method = 'GET', token, body } = {}) {
  const res = await fetch(BASE + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await res.json().catch(() => null)
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`)
  return json
}

// playwright-core gives every launch a fresh temporary profile (user-data dir).
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  ],
})

const results = []
const pageErrors = []

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  const page = await context.newPage()
  page.setDefaultTimeout(T)
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`))
  page.on('console', (m) => {
    // Failed fetches (expected 401/403 in these tests) are logged by Chromium as
    // "Failed to load resource"; anything else at error level is a bug.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      pageErrors.push(`${page.url()}: console: ${m.text()}`)
    }
  })
  return { context, page }
}

async function step(name, fn) {
  const t0 = Date.now()
  try {
    await fn()
    results.push({ name, ok: true, ms: Date.now() - t0 })
    console.log(`ok   ${name} (${Date.now() - t0} ms)`)
  } catch (e) {
    results.push({ name, ok: false, ms: Date.now() - t0, error: e })
    console.log(`FAIL ${name}: ${e?.stack ?? e}`)
  }
}

// Element Plus puts extra attributes of <el-input> on the inner <input>.
const input = (page, id) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first()

async function login(page, user, pass) {
  await page.goto(BASE + '/login')
  await input(page, 'username').fill(user)
  await input(page, 'password').fill(pass)
  await page.getByTestId('login-submit').click()
}

// ---------------------------------------------------------------------------
await step('public page: category tabs, Chinese ranking rows, chart canvas', async () => {
  const { context, page } = await newPage()
  await page.goto(BASE + '/')
  await page.getByTestId('public-title').waitFor()
  const tabs = page.locator('[data-testid="category-tabs"] .el-tabs__item')
  await tabs.first().waitFor()
  assert.ok((await tabs.count()) >= 2, 'at least two category tabs')
  const rows = page.locator('.el-tab-pane:visible [data-testid="ranking-table"] tbody tr')
  await rows.first().waitFor()
  assert.ok((await rows.count()) >= 2, 'ranking rows')
  const first = await rows.first().innerText()
  assert.match(first, HAN, 'unit names in Chinese')
  assert.match(first, /\d+\.\d{2}/, 'scores with 2 decimals')
  assert.ok(await page.locator('.el-tab-pane:visible .grade-tag').count() >= 2, 'grade tags')
  const canvas = page.locator('.el-tab-pane:visible [data-testid="chart"] canvas')
  await canvas.first().waitFor()
  const box = await canvas.first().boundingBox()
  assert.ok(box && box.width > 100 && box.height > 100, 'chart canvas has a size')
  await page.waitForTimeout(200)
  await page.screenshot({ path: join(ART, 'public-zh.png'), fullPage: true })

  // A second tab renders its own rows.
  await tabs.nth(1).click()
  await page.locator('.el-tab-pane:visible [data-testid="ranking-table"] tbody tr').first().waitFor()

  // en-US switch changes the labels (and is remembered).
  const headerZh = await page.locator('.el-tab-pane:visible [data-testid="ranking-table"] thead').innerText()
  assert.match(headerZh, /综合得分/)
  await page.getByTestId('lang-en').first().click()
  await page.getByTestId('public-title').filter({ hasText: 'Government Performance' }).waitFor()
  const headerEn = await page.locator('.el-tab-pane:visible [data-testid="ranking-table"] thead').innerText()
  assert.match(headerEn, /Total/)
  assert.doesNotMatch(headerEn, HAN)
  await page.getByRole('button', { name: 'Log in' }).waitFor()
  await page.reload()
  await page.getByTestId('public-title').filter({ hasText: 'Government Performance' }).waitFor()
  await page.screenshot({ path: join(ART, 'public-en.png'), fullPage: true })
  await context.close()
})

await step('wrong password shows the server error message', async () => {
  const { context, page } = await newPage()
  await login(page, LOGINS.admin[0], 'definitely-wrong')
  const err = page.getByTestId('login-error')
  await err.waitFor()
  const text = (await err.innerText()).trim()
  assert.ok(text.length > 2, 'an error message is shown')
  assert.match(page.url(), /\/login/)
  await context.close()
})

await step('protected route without login redirects to /login', async () => {
  const { context, page } = await newPage()
  await page.goto(BASE + '/audit')
  await page.waitForURL(/\/login\?redirect=/)
  await context.close()
})

await step('admin: home with years, audit verified, results → scorecard', async () => {
  const { context, page } = await newPage()
  await login(page, ...LOGINS.admin)
  await page.waitForURL(/\/admin$/)
  await page.getByTestId('admin-home').waitFor()
  await page.locator('[data-testid="years-table"] tbody tr').nth(2).waitFor()
  assert.match(await page.getByTestId('current-role').innerText(), /绩效办/)
  const menu = await page.getByTestId('side-menu').innerText()
  for (const item of ['年度管理', '考评结果', '审计日志', '用户管理']) assert.ok(menu.includes(item), `menu has ${item}`)
  await page.getByTestId('side-menu').getByText('审计日志').click()
  await page.getByTestId('audit-verify').waitFor()
  assert.match(await page.getByTestId('audit-verify').innerText(), /校验通过/)
  await page.getByTestId('side-menu').getByText('考评结果').click()
  const link = page.locator('.el-tab-pane:visible [data-testid="ranking-table"] .unit-link').first()
  await link.waitFor()
  const unitName = (await link.innerText()).trim()
  await link.click()
  await page.waitForURL(/\/scorecard\/\d+\//)
  await page.getByTestId('scorecard-unit').filter({ hasText: unitName }).waitFor()
  await context.close()
})

await step('leader: dashboard with grade charts per category', async () => {
  const { context, page } = await newPage()
  await login(page, ...LOGINS.leader)
  await page.waitForURL(/\/leader$/)
  const cards = page.locator('[data-testid^="dash-"]')
  await cards.first().waitFor()
  assert.ok((await cards.count()) >= 2, 'a card per category')
  await cards.first().locator('canvas').first().waitFor()
  const menu = await page.getByTestId('side-menu').innerText()
  assert.ok(menu.includes('考评结果') && !menu.includes('审计日志'), 'leader menu')
  await context.close()
})

let unitUser = null
await step('unit: own scorecard; another unit → access denied', async () => {
  assert.ok(LOGINS.unit[0], 'E2E_UNIT_USER is set')
  unitUser = (await api('/api/v1/auth/login', { method: 'POST', body: { username: LOGINS.unit[0], password: LOGINS.unit[1] } })).user
  const { context, page } = await newPage()
  await login(page, ...LOGINS.unit)
  await page.waitForURL(/\/unit$/)
  await page.getByTestId('scorecard-unit').filter({ hasText: unitUser.unit_name_zh }).waitFor()
  await page.locator('[data-testid="scorecard-leaves"] tbody tr').nth(2).waitFor()
  assert.match(await page.getByTestId('scorecard-total').innerText(), /^\d+\.\d{2}$/)
  assert.ok(await page.locator('[data-testid="scorecard-leaves"] tr.gp-lost-row').count() >= 1, 'lost points highlighted')
  await page.locator('[data-testid="scorecard-page"] [data-testid="chart"] canvas').first().waitFor()
  const menu = await page.getByTestId('side-menu').innerText()
  assert.ok(!menu.includes('审计日志'), 'no audit menu for a unit')
  await page.waitForTimeout(200)
  await page.screenshot({ path: join(ART, 'unit-scorecard.png'), fullPage: true })

  const pub = await api('/api/v1/public/results')
  const other = pub.categories.flatMap((c) => c.units).find((u) => u.unit_id !== unitUser.unit_id)
  // Through the router guard…
  await page.goto(`${BASE}/scorecard/${pub.year}/${other.unit_id}`)
  await page.getByTestId('forbidden').waitFor()
  assert.match(await page.getByTestId('forbidden').innerText(), /403|无权/)
  // …and a role's route it lacks.
  await page.goto(`${BASE}/audit`)
  await page.getByTestId('forbidden').waitFor()
  await context.close()
})

await step('lead: edits a value of the year in progress and sees it saved', async () => {
  assert.ok(LOGINS.lead[0], 'E2E_LEAD_USER is set')
  const { context, page } = await newPage()
  await login(page, ...LOGINS.lead)
  await page.waitForURL(/\/lead$/)
  const values = page.getByTestId('lead-values')
  await values.locator('tbody tr').first().waitFor()
  const btn = values.locator('[data-testid^="edit-btn-"]:not([disabled])').first()
  await btn.waitFor()
  const unitId = (await btn.getAttribute('data-testid')).replace('edit-btn-', '')
  const indicatorTitle = (await page.getByTestId('lead-selected').innerText()).trim()
  await btn.click()
  const newValue = '123.45'
  await input(page, 'edit-value').fill(newValue)
  await page.getByTestId('edit-save').click()
  await page.locator('.el-message--success').filter({ hasText: '已保存' }).waitFor()
  await page.getByTestId(`actual-${unitId}`).filter({ hasText: newValue }).waitFor()
  await page.screenshot({ path: join(ART, 'lead-saved.png'), fullPage: false })
  // Persisted: a reload shows the value from the server.
  await page.reload()
  await page.getByTestId('lead-selected').filter({ hasText: indicatorTitle.split(' ')[0] }).waitFor()
  await page.getByTestId(`actual-${unitId}`).filter({ hasText: newValue }).waitFor()

  // An invalid value is refused with a message next to the field.
  await page.getByTestId(`edit-btn-${unitId}`).click()
  await input(page, 'edit-value').fill('1e999')
  await page.getByTestId('edit-save').click()
  await page.getByTestId('edit-error').waitFor()
  await context.close()
})

await browser.close()

if (pageErrors.length) {
  console.log('FAIL browser errors:\n  ' + pageErrors.join('\n  '))
  results.push({ name: 'no browser errors', ok: false })
} else {
  results.push({ name: 'no browser errors', ok: true })
}
const passed = results.filter((r) => r.ok).length
const failed = results.length - passed
console.log(`screenshots: ${ART}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
