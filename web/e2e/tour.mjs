// Screenshot tour for visual review during development (not part of the test):
//   BASE_URL=… ADMIN_USER=… ADMIN_PASS=… node web/e2e/tour.mjs
// Writes PNGs of the main pages to web/e2e-artifacts/tour-*.png.
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const BASE = process.env.BASE_URL
const ART = join(dirname(fileURLToPath(import.meta.url)), '..', 'e2e-artifacts')
mkdirSync(ART, { recursive: true })
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
})
const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
page.on('pageerror', (e) => console.log('pageerror', e.message))
await page.goto(BASE + '/login')
await page.screenshot({ path: join(ART, 'tour-login.png') })
await page.locator('input[data-testid="username"]').fill(process.env.ADMIN_USER ?? 'admin')
await page.locator('input[data-testid="password"]').fill(process.env.ADMIN_PASS ?? 'demo-admin-2026')
await page.getByTestId('login-submit').click()
await page.waitForURL(/\/admin$/)
for (const [path, name] of [['/admin', 'admin'], ['/leader', 'dashboard'], ['/results', 'results'], ['/lead', 'lead'], ['/audit', 'audit'], ['/users', 'users']]) {
  await page.goto(BASE + path)
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(600)
  await page.screenshot({ path: join(ART, `tour-${name}.png`), fullPage: true })
}
await browser.close()
console.log('tour done')
