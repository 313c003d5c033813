// Shared harness of the browser scenarios that act as several users (year.mjs,
// yearend.mjs): Debian's Chromium through playwright-core, one browser context
// per user kept signed in, a step runner that stops at the first failure,
// locators for Element Plus inputs and dropdowns, API calls made with the
// page's session, and the final report.
//
// `page` is exported as a live binding: after `as(user)` every importer's
// `page` is that user's page.
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import assert from 'node:assert/strict'

export const BASE = (process.env.BASE_URL ?? '').replace(/\/$/, '')
if (!BASE) {
  console.error('BASE_URL is required')
  process.exit(2)
}
const here = dirname(fileURLToPath(import.meta.url))
export const ART = process.env.E2E_ARTIFACTS ?? join(here, '..', 'e2e-artifacts')
mkdirSync(ART, { recursive: true })
export const T = 20_000
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

let scenario = 'scenario'
let browser = null
const results = []
const pageErrors = []
const sessions = new Map()
let failed = false

/** The page of the user acting now. */
export let page = null

/** Launches Chromium; `name` prefixes screenshots and the final report. */
export async function start(name) {
  scenario = name
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  })
}

// One browser context per user, signed in once and kept: switching roles is a
// page reload, not another login (each login is a deliberately slow password hash).
async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true })
  // An error toast nobody asked for (a page failing on a new installation) is a bug too.
  await context.addInitScript(() => {
    new MutationObserver((muts) => {
      for (const m of muts) {
        for (const n of m.addedNodes) {
          if (n.nodeType === 1 && n.classList.contains('el-message--error')) console.error(`error toast: ${n.textContent}`)
        }
      }
    }).observe(document, { childList: true, subtree: true })
  })
  const p = await context.newPage()
  p.setDefaultTimeout(T)
  p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`))
  p.on('console', (m) => {
    // Refused requests (the expected 400/403/409 here) are logged by Chromium as
    // "Failed to load resource"; anything else at error level is a bug.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(`${p.url()}: console: ${m.text()}`)
  })
  return p
}

/**
 * A respondent's phone (390×844, touch, zh-CN) with a fresh context: no
 * session, no storage; errors collected like the users' pages. Becomes `page`.
 */
export async function phone() {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN',
  })
  const p = await context.newPage()
  p.setDefaultTimeout(T)
  p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`))
  p.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(`${p.url()}: console: ${m.text()}`)
  })
  page = p
  return p
}

/** Acts as `user` from now on: signs in on first use, else reloads that user's page. */
export async function as([user, pass]) {
  const known = sessions.get(user)
  if (known) {
    page = known
    await page.bringToFront()
    await page.reload()
    await page.getByTestId('current-user').waitFor()
    return
  }
  page = await newPage()
  sessions.set(user, page)
  await login(user, pass)
}

/** Acts as an anonymous visitor (the public portal) from now on. */
export async function anonymous() {
  page = sessions.get('') ?? await newPage()
  sessions.set('', page)
  await page.bringToFront()
}

/** Runs one step; after a failure the remaining steps are reported as skipped. */
export async function step(name, fn) {
  const t0 = Date.now()
  if (failed) {
    results.push({ name, ok: false, skipped: true })
    console.log(`skip ${name}`)
    return
  }
  try {
    await fn()
    results.push({ name, ok: true })
    console.log(`ok   ${name} (${Date.now() - t0} ms)`)
  } catch (e) {
    // Each step builds on the previous ones: stop at the first failure.
    failed = true
    results.push({ name, ok: false, error: e })
    console.log(`FAIL ${name}: ${e?.stack ?? e}`)
    await page?.screenshot({ path: join(ART, `${scenario}-failure.png`), fullPage: true }).catch(() => {})
  }
}

export const input = (id) => page.locator(`input[data-testid="${id}"], textarea[data-testid="${id}"], [data-testid="${id}"] input, [data-testid="${id}"] textarea`).first()
export const menu = () => page.getByTestId('side-menu')
export const dropdownItem = (text) => page.locator('.el-select-dropdown__item:visible, .el-select-dropdown__option-item:visible').filter({ hasText: text }).first()
export const shot = (name) => page.screenshot({ path: join(ART, `${scenario}-${name}.png`), fullPage: true })

export async function pick(selectId, text) {
  await page.getByTestId(selectId).click()
  await dropdownItem(text).click()
}

export async function login(user, pass) {
  await page.goto(BASE + '/login')
  await input('username').fill(user)
  await input('password').fill(pass)
  await page.getByTestId('login-submit').click()
  await page.getByTestId('current-user').waitFor()
}

export async function logout() {
  await page.getByTestId('current-user').click()
  await page.getByTestId('menu-logout').click()
  await page.waitForURL(/\/login/)
}

export async function successMessage(text) {
  await page.locator('.el-message--success').filter({ hasText: text }).last().waitFor()
}

/** An API call made in the page with the session's token: {status, body}. */
export async function api(method, path, body) {
  return page.evaluate(async ([m, p, b]) => {
    const token = localStorage.getItem('govperf.token')
    const headers = token ? { Authorization: `Bearer ${token}` } : {}
    if (b !== undefined) headers['Content-Type'] = 'application/json'
    const res = await fetch(p, { method: m, headers, body: b === undefined ? undefined : JSON.stringify(b) })
    let json = null
    try { json = await res.json() } catch { /* not JSON */ }
    return { status: res.status, body: json }
  }, [method, path, body])
}

/** Moves `year` to stage `to` on the years page (the office); `before` fills the dialog. */
export async function moveYear(year, to, before) {
  const btn = page.getByTestId(`move-${year}-${to}`)
  await btn.waitFor()
  assert.ok(await btn.isEnabled(), `move to ${to} is allowed for the office`)
  await btn.click()
  if (before) await before()
  await page.getByTestId('move-confirm').click()
  await page.locator(`[data-testid="stage-${year}"][data-stage="${to}"]`).waitFor()
}

/** Picks a workbook in the open import dialog; resolves when the dry run answered. */
export async function importFile(name, buffer) {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: XLSX, buffer })
  await page.getByTestId('import-summary').or(page.getByTestId('import-error')).first().waitFor()
}

export async function openMenu(label, testid) {
  await menu().getByText(label, { exact: true }).click()
  await page.getByTestId(testid).waitFor()
}

/** Closes the browser, prints the report; returns the exit code. */
export async function finish() {
  await browser.close()
  if (pageErrors.length) {
    console.log('FAIL browser errors:\n  ' + pageErrors.join('\n  '))
    results.push({ name: 'no browser errors', ok: false })
  } else {
    results.push({ name: 'no browser errors', ok: true })
  }
  const passed = results.filter((r) => r.ok).length
  console.log(`screenshots: ${ART}`)
  console.log(`${scenario}: ${passed} passed, ${results.length - passed} failed`)
  return passed === results.length ? 0 : 1
}
