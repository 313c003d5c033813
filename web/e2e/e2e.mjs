// Browser end-to-end test: a real govperf server (started by tests/e2e/run.sh,
// URL in BASE_URL) driven through Debian's Chromium with playwright-core.
// Lives under web/ so that node resolves playwright-core from web/node_modules.
//
// Env: BASE_URL (required), E2E_ADMIN_USER/PASS, E2E_UNIT_USER/PASS,
// E2E_LEAD_USER/PASS (run.sh fills them from `serve --print-logins`),
// E2E_ARTIFACTS (screenshots; default web/e2e-artifacts), CHROMIUM (default /usr/bin/chromium).
import { chromium } from 'playwright-core'
import { mkdirSync, readFileSync } from 'node:fs'
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

await step('public page: totals with intervals, a ≈ flag or the "no flagged units" state, legend', async () => {
  const { context, page } = await newPage()
  await page.goto(BASE + '/')
  const pane = page.locator('.el-tab-pane:visible')
  await pane.locator('[data-testid="interval-text"]').first().waitFor()
  const ivText = (await pane.locator('[data-testid="interval-text"]').first().innerText()).trim()
  assert.match(ivText, /^\d+\.\d–\d+\.\d$/, 'interval text like 86.9–89.4')
  await page.getByTestId('interval-legend').waitFor()
  // Every category tab states its noise flags: ≈ markers with a summary, or "no flagged units".
  const tabs = page.locator('[data-testid="category-tabs"] .el-tabs__item')
  let flagged = 0
  for (let i = 0; i < (await tabs.count()); i++) {
    await tabs.nth(i).click()
    await pane.locator('[data-testid="ranking-table"] tbody tr').first().waitFor()
    const marks = await pane.locator('[data-testid="noise-flag"]').count()
    if (marks) {
      assert.ok(await pane.getByTestId('flag-summary').isVisible(), 'summary of flagged units')
      if (!flagged) {
        await pane.locator('[data-testid="noise-flag"]').first().hover()
        const tip = page.locator('.el-popper:visible').last()
        await tip.waitFor()
        assert.ok((await tip.innerText()).trim().length > 4, 'the flag has a reason tooltip')
        await page.screenshot({ path: join(ART, 'public-intervals.png'), fullPage: true })
      }
      flagged += marks
    } else {
      await pane.getByTestId('no-flagged').waitFor()
    }
  }
  console.log(`     ${flagged} flagged unit(s) on the public page`)
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

await step('admin: the published year’s satisfaction comes from its survey, with n and interval', async () => {
  const { context, page } = await newPage()
  await login(page, ...LOGINS.admin)
  await page.waitForURL(/\/admin$/)
  const year = (await api('/api/v1/public/results')).year
  const sat = await api(`/api/v1/public/years/${year}/satisfaction`)
  assert.ok(sat.surveys.length >= 1, `the demo applied a survey to ${year}`)
  await page.goto(`${BASE}/results?year=${year}`)
  await page.getByTestId('results-page').waitFor()
  const note = page.locator('.el-tab-pane:visible [data-testid^="sat-note-"]').first()
  await note.waitFor()
  const text = (await note.innerText()).trim()
  const m = text.match(/^n=(\d+) · (\d+\.\d)–(\d+\.\d)$/)
  assert.ok(m, `satisfaction note "${text}"`)
  const unit = (await note.getAttribute('data-testid')).slice('sat-note-'.length)
  const row = sat.surveys
    .filter((s) => sat.sources?.[unit] === undefined || s.survey_id === sat.sources[unit])
    .flatMap((s) => s.units)
    .find((u) => u.unit_id === unit)
  assert.ok(row, `the survey rated ${unit}`)
  assert.equal(Number(m[1]), row.n)
  assert.ok(row.n >= 30, `a survey sample (n=${row.n})`)
  assert.ok(Number(m[2]) < Number(m[3]), 'an interval, not a point')
  assert.equal(m[2], row.ci_low.toFixed(1))
  await context.close()
})

// Fills an <el-input-number> (by data-testid) and commits it with Tab.
async function setNumber(page, id, value) {
  const i = input(page, id)
  await i.fill(String(value))
  await i.press('Tab')
}

await step('admin: what-if with changed category weights lists changed units', async () => {
  const { context, page } = await newPage()
  await login(page, ...LOGINS.admin)
  await page.waitForURL(/\/admin$/)
  await page.getByTestId('side-menu').getByText('情景模拟').click()
  await page.getByTestId('whatif-page').waitFor()
  // The category with the most units (the likeliest to reorder).
  const pub = await api('/api/v1/public/results')
  const biggest = [...pub.categories].sort((a, b) => b.units.length - a.units.length)[0]
  await page.getByTestId('whatif-category').click()
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: biggest.name_zh }).first().click()
  // Weights that do not sum to 1 are refused before any request.
  await setNumber(page, 'weight-indicator', 0.5)
  await setNumber(page, 'weight-satisfaction', 0.8)
  await page.getByTestId('whatif-problems').waitFor()
  assert.ok(await page.getByTestId('whatif-run').isDisabled(), 'run disabled while the weights do not sum to 1')
  await setNumber(page, 'weight-indicator', 0.1)
  await setNumber(page, 'weight-leadership', 0.1)
  await page.getByTestId('weight-sum').filter({ hasText: '1.00' }).waitFor()
  assert.equal(await page.getByTestId('whatif-problems').count(), 0)
  await page.getByTestId('whatif-run').click()
  await page.getByTestId('whatif-summary').waitFor()
  const ranks = page.locator('[data-testid="whatif-changes"] [data-testid="rank-change"]')
  await ranks.first().waitFor()
  assert.match((await ranks.first().innerText()).trim(), /^\d+ → \d+$/, 'rank before → after')
  assert.ok(await page.locator('[data-testid="whatif-changes"] .grade-tag').count() >= 2, 'grade before and after')
  await page.waitForTimeout(200)
  await page.screenshot({ path: join(ART, 'whatif.png'), fullPage: true })
  await context.close()
})

await step('admin: indicator health rows and the type balance chart', async () => {
  const { context, page } = await newPage()
  await login(page, ...LOGINS.admin)
  await page.waitForURL(/\/admin$/)
  await page.getByTestId('side-menu').getByText('指标体检').click()
  const rows = page.locator('[data-testid="health-table"] tbody tr')
  await rows.nth(9).waitFor()
  assert.match(await rows.first().innerText(), /\d+\.\d%/, 'saturation / mean share as percentages')
  await page.locator('[data-testid="health-balance"] canvas').first().waitFor()
  await page.waitForTimeout(200)
  await page.screenshot({ path: join(ART, 'health.png'), fullPage: true })
  await context.close()
})

await step('admin: fairness table with efficiency values and the scatter chart', async () => {
  const { context, page } = await newPage()
  await login(page, ...LOGINS.admin)
  await page.waitForURL(/\/admin$/)
  await page.getByTestId('side-menu').getByText('公平性视角').click()
  await page.waitForURL(/\/fairness$/)
  await page.getByTestId('fairness-intro').filter({ hasText: '效率=1' }).waitFor()
  const rows = page.locator('[data-testid="fairness-table"]:visible tbody tr')
  await rows.first().waitFor()
  assert.ok((await rows.count()) >= 2, 'a row per unit of the category')
  const effs = await page.locator('[data-testid="fairness-table"]:visible [data-testid="efficiency"]').allInnerTexts()
  assert.ok(effs.some((s) => /\d+\.\d%/.test(s)), `an efficiency as a percentage: ${effs.join(' / ')}`)
  const canvas = page.locator('[data-testid="fairness-chart"] canvas').first()
  await canvas.waitFor()
  const box = await canvas.boundingBox()
  assert.ok(box && box.width > 200 && box.height > 200, 'sized scatter canvas')
  await page.waitForTimeout(200)
  await page.screenshot({ path: join(ART, 'fairness.png'), fullPage: true })
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
  const session = await api('/api/v1/auth/login', { method: 'POST', body: { username: LOGINS.unit[0], password: LOGINS.unit[1] } })
  unitUser = session.user
  const { years } = await api('/api/v1/years', { token: session.token })
  const { context, page } = await newPage()
  await login(page, ...LOGINS.unit)
  await page.waitForURL(/\/unit$/)
  await page.getByTestId('scorecard-unit').filter({ hasText: unitUser.unit_name_zh }).waitFor()
  await page.locator('[data-testid="scorecard-leaves"] tbody tr').nth(2).waitFor()
  assert.match(await page.getByTestId('scorecard-total').innerText(), /^\d+\.\d{2}$/)
  assert.ok(await page.locator('[data-testid="scorecard-leaves"] tr.gp-lost-row').count() >= 1, 'lost points highlighted')
  await page.locator('[data-testid="scorecard-page"] [data-testid="chart"] canvas').first().waitFor()
  // Opens on the year under way (values entered in monitoring / year-end, else any
  // stage before published): provisional (预估) badges on the total and on rows.
  const newestFirst = [...years].sort((a, b) => b.year - a.year)
  const underWay = newestFirst.find((y) => y.status === 'monitoring' || y.status === 'year_end') ??
    newestFirst.find((y) => y.status !== 'draft' && y.status !== 'published')
  if (underWay) assert.match(await page.getByTestId('year-select').innerText(), new RegExp(String(underWay.year)))
  assert.ok(await page.getByTestId('provisional-tag').count() >= 2, 'provisional badges')
  // The trace of a leaf: rule text, period, entered by.
  await page.locator('[data-testid="scorecard-leaves"] .el-table__expand-icon').first().click()
  const trace = page.locator('[data-testid^="trace-"]').first()
  await trace.waitFor()
  assert.ok((await trace.getByTestId('trace-rule').innerText()).trim().length > 5, 'rule text')
  assert.match(await trace.getByTestId('trace-period').innerText(), /^\d{4}(-\d{2})?$/)
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

await step('lead: anomalies page (rows or the empty state)', async () => {
  const { context, page } = await newPage()
  await login(page, ...LOGINS.lead)
  await page.waitForURL(/\/lead$/)
  await page.getByTestId('side-menu').getByText('数据异常').click()
  await page.getByTestId('anomalies-page').waitFor()
  await page.locator('[data-testid="anomalies-table"] tbody tr, [data-testid="anomalies-empty"]').first().waitFor()
  const menu = await page.getByTestId('side-menu').innerText()
  assert.ok(!menu.includes('情景模拟') && !menu.includes('指标体检'), 'no what-if / health for a lead user')
  await page.screenshot({ path: join(ART, 'lead-anomalies.png'), fullPage: true })
  await context.close()
})

await step('admin: anomalies filter by kind', async () => {
  const { context, page } = await newPage()
  await login(page, ...LOGINS.admin)
  await page.waitForURL(/\/admin$/)
  await page.goto(BASE + '/anomalies')
  await page.locator('[data-testid="anomalies-table"] tbody tr, [data-testid="anomalies-empty"]').first().waitFor()
  const kinds = page.locator('[data-testid^="kind-"]')
  if (await kinds.count()) {
    const kind = (await kinds.first().getAttribute('data-testid')).replace('kind-', '')
    await kinds.first().click()
    const tags = page.locator('[data-testid="anomalies-table"] tbody [data-kind]')
    await tags.first().waitFor()
    for (const k of await tags.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))) assert.equal(k, kind)
  }
  await page.screenshot({ path: join(ART, 'anomalies.png'), fullPage: true })
  await context.close()
})

// Last: it adds a draft year to the database.
await step('admin: export a scheme file, import it as a new draft year, refused import shows the message', async () => {
  const { context, page } = await newPage()
  await login(page, ...LOGINS.admin)
  await page.waitForURL(/\/admin$/)
  const { years } = await api('/api/v1/public/years')
  const last = years[years.length - 1]
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${last}`).click()])
  assert.equal(download.suggestedFilename(), `scheme-${last}.json`)
  const scheme = JSON.parse(readFileSync(await download.path(), 'utf8'))
  assert.equal(scheme.year, last)
  assert.ok(scheme.indicators.length > 10, 'the scheme has indicators')

  // A new year from the file (the server creates it as draft)…
  const next = Math.max(...years) + 5
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('import-new').click()
  await (await chooser).setFiles({ name: `scheme-${next}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...scheme, year: next })) })
  await page.getByTestId('import-ok').waitFor()
  await page.getByTestId(`import-${next}`).waitFor()
  // …then a file for another year into that draft year: the server's message is shown.
  const chooser2 = page.waitForEvent('filechooser')
  await page.getByTestId(`import-${next}`).click()
  await (await chooser2).setFiles({ name: 'wrong-year.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scheme)) })
  const err = page.getByTestId('import-error')
  await err.waitFor()
  assert.match(await err.innerText(), new RegExp(String(next)))
  await page.screenshot({ path: join(ART, 'admin-scheme.png'), fullPage: true })
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
