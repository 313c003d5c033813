// Fails the build when the phone questionnaire (dist/survey.html and every
// script and stylesheet it loads: entry, preloaded chunks, CSS) grows past its
// budget, gzipped. The page is opened from an SMS on slow mobile networks;
// pulling in Element Plus or the admin app's router/i18n by accident would
// multiply it. Usage: node scripts/check-survey-budget.mjs [dist] [budgetKiB]
import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const dist = process.argv[2] ?? 'dist'
const budgetKiB = Number(process.argv[3] ?? 60)
const htmlPath = join(dist, 'survey.html')
if (!existsSync(htmlPath)) {
  console.error(`survey budget: ${htmlPath} missing (run vite build first)`)
  process.exit(1)
}
const html = readFileSync(htmlPath, 'utf8')
const files = new Set()
for (const m of html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)) files.add(m[1])
if (![...files].some((f) => f.endsWith('.js'))) {
  console.error('survey budget: survey.html loads no script from assets/')
  process.exit(1)
}
let total = gzipSync(html).length
const rows = []
for (const f of files) {
  const gz = gzipSync(readFileSync(join(dist, f))).length
  total += gz
  rows.push(`  ${f}: ${(gz / 1024).toFixed(1)} KiB gz`)
}
const kib = total / 1024
console.log(`survey page: ${kib.toFixed(1)} KiB gzipped (budget ${budgetKiB} KiB)\n${rows.join('\n')}`)
if (/element-plus|vue-router|vue-i18n/i.test([...files].join(' '))) {
  console.error('survey budget: the questionnaire loads an admin-app chunk')
  process.exit(1)
}
if (kib > budgetKiB) {
  console.error(`survey budget exceeded: ${kib.toFixed(1)} KiB > ${budgetKiB} KiB`)
  process.exit(1)
}
