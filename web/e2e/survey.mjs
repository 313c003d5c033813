// 社会评价 in the browser, on the demo city's year in progress (run by
// tests/e2e/run.sh after the demo tour, on the same server). The office does
// its work through the pages, as a new office would:
//   the survey is built in the editor (two respondent groups with weights, a
//   district choice question that sets the raking variable, a satisfaction
//   scale about the chosen district, a free-text opinion, a quota, the public
//   link and a speeder threshold) and saved; population margins are imported
//   from an xlsx workbook — a bad one first, refused by sheet and cell with
//   nothing changed, then the good one; the survey is opened; invitation
//   codes are issued and downloaded as CSV (the codes read from the file);
//   the QR code image loads and the poster is a PDF;
//   a citizen answers on a phone (390×844) with the link of a code and is
//   counted (`govperf survey count`, the CLI contract on the same database);
//   the same code again is refused with a clear message;
//   two respondents submit at once (one of them on the English page) and are
//   flagged as speeders; the office rejects one and accepts the other in the
//   review queue, and the counts and the quota bar change;
//   the office closes the survey, sees the per-district results with n, the
//   interval and the small-sample warning, applies them and routes the
//   opinions; 综合结果 shows the district's satisfaction with n and interval;
//   the district answers its opinion on the opinions page; the office closes
//   it and the closure rate counts it;
//   the public portal shows the published year's opinion closure.
// Other surveys of the demo city may be listed: rows are found by this
// survey's id, never by position.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import writeXlsxFile from 'write-excel-file/node'
import { BASE, XLSX, start, step, as, anonymous, phone, api, shot, finish, page, input, pick, successMessage } from './harness.mjs'

const ADMIN = [process.env.E2E_ADMIN_USER, process.env.E2E_ADMIN_PASS]
const UNIT = [process.env.E2E_UNIT_USER, process.env.E2E_UNIT_PASS]
const GOVPERF = process.env.GOVPERF
const DB = process.env.E2E_DB
if (!GOVPERF || !DB) {
  console.error('GOVPERF and E2E_DB are required')
  process.exit(2)
}
const SURVEY = 'e2e-sat'
const OPINION = '希望区政务服务中心午间不休息，方便上班族办事'
const Q_DISTRICT = '您居住在哪个区县？'
const Q_SCALE = '您对本区政府的工作总体满意吗？'
const Q_SCALE_EN = 'How satisfied are you with your district government overall?'
const Q_TEXT = '您对本区政府工作有什么意见建议？'
const cli = (...args) => JSON.parse(execFileSync(GOVPERF, ['survey', ...args, '--db', DB], { encoding: 'utf8' }))
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

let year = 0
let title = ''
let district = null // the unit user's district {id, name_zh, category_id}
let other = null // another district of the same category
let category = null // their category {id, name_zh}
let districts = [] // the category's unit ids, in the year's order
let codes = [] // [{code, link}] from the downloaded CSV
let opinionId = 0
let closureBefore = { total: 0, closed: 0 }

/** An Element Plus number input: type the value and leave the field. */
async function setNumber(id, value) {
  const i = input(id)
  await i.fill(String(value))
  await i.press('Tab')
}
/** An Element Plus statistic's number. */
const statistic = async (id) => Number((await page.getByTestId(id).locator('.el-statistic__number').innerText()).replace(/[^\d.-]/g, ''))
const text = async (id) => (await page.getByTestId(id).innerText()).trim()
/** Clicks a tab of the survey page by its label. */
const tab = (label) => page.locator('.el-tabs__item').filter({ hasText: label }).first().click()

/** A margins workbook: a title row, the Chinese header, then `rows`. */
const marginsWorkbook = (rows) => writeXlsxFile([
  [`${year}年度常住人口（调查加权用）`, null, null, null],
  ['调查对象', '变量', '类别', '总体数'],
  ...rows,
], { sheet: '人口边际' }).toBuffer()

await start('survey')

await step('context: the unit user’s district and another district of its category', async () => {
  await as(UNIT)
  const me = await api('GET', '/api/v1/me')
  assert.ok(me.body.unit_id, 'the unit user has a unit')
  await as(ADMIN)
  const years = (await api('GET', '/api/v1/years')).body.years
  year = years.find((y) => y.status === 'monitoring' || y.status === 'year_end').year
  title = `${year}年度群众满意度调查（E2E）`
  const { units, categories } = (await api('GET', `/api/v1/units?year=${year}`)).body
  district = units.find((u) => u.id === me.body.unit_id)
  other = units.find((u) => u.id !== district.id && u.category_id === district.category_id)
  assert.ok(district && other, 'two districts of one category')
  category = categories.find((c) => c.id === district.category_id)
  districts = units.filter((u) => u.category_id === category.id).map((u) => u.id)
})

await step('the office builds the questionnaire in the editor and saves it', async () => {
  await page.goto(BASE + '/surveys')
  await page.getByTestId('survey-table').waitFor()
  await page.getByTestId('survey-new').click()
  await page.getByTestId('survey-editor').waitFor()
  await input('survey-id').fill(SURVEY)
  await input('survey-title-zh').fill(title)
  await input('survey-intro-zh').fill('请根据您的亲身感受作答，约需 1 分钟。')
  // Respondent groups: 群众 0.7 (already there as the first group), 企业 0.3.
  assert.equal(await input('group-id-0').inputValue(), 'citizens')
  await setNumber('group-weight-0', 0.7)
  await page.getByTestId('group-add').click()
  await input('group-id-1').fill('enterprises')
  await input('group-name-1').fill('企业')
  await setNumber('group-weight-1', 0.3)
  // 1. Which district — its options are the districts (ids = unit ids,
  // added as a category from the year's units); it sets the raking variable.
  await page.getByTestId('question-add-choice').click()
  await input('question-id-0').fill('district')
  await input('question-text-0').fill(Q_DISTRICT)
  await input('question-margin-0').fill('district')
  await pick('option-units-0', category.name_zh)
  assert.equal(await input('option-id-0-0').inputValue(), districts[0])
  assert.equal(await input(`option-label-0-${districts.indexOf(district.id)}`).inputValue(), district.name_zh)
  // 2. The satisfaction scale about the chosen district; saved without its
  // text first: the editor names the question and the part that is missing.
  await page.getByTestId('question-add-scale').click()
  await input('question-id-1').fill('q1')
  await pick('question-unit-from-1', Q_DISTRICT)
  await page.getByTestId('survey-save').click()
  const missing = page.getByTestId('question-error-1')
  await missing.waitFor()
  assert.equal((await missing.innerText()).trim(), '题干（中文）：必填')
  assert.equal((await api('GET', `/api/v1/surveys/${SURVEY}`)).status, 404, 'nothing was saved')
  await input('question-text-1').fill(Q_SCALE)
  await input('question-text-en-1').fill(Q_SCALE_EN)
  // 3. The opinion (意见建议), about the same district.
  await page.getByTestId('question-add-text').click()
  await input('question-id-2').fill('op')
  await input('question-text-2').fill(Q_TEXT)
  await setNumber('question-max-2', 200)
  await pick('question-unit-from-2', Q_DISTRICT)
  // Fieldwork: the public link counted as citizens, 2.5 s per answered
  // question as the speeder threshold (generous: a respondent of this test
  // that submits at once stays under it even on a busy machine), a quota of
  // 2 citizens of the district.
  await page.getByTestId('survey-public-link').click()
  await pick('survey-public-group', '群众')
  await setNumber('survey-speeder', 2500)
  await page.getByTestId('quota-add').click()
  await input('quota-variable-0').fill('district')
  await input('quota-level-0').fill(district.id)
  await setNumber('quota-target-0', 2)
  await page.getByTestId('survey-save').click()
  await successMessage('已保存')
  await page.waitForURL(new RegExp(`/surveys/${SURVEY}/edit$`))
  await shot('editor-saved')
  // What was stored is what the office typed.
  const s = (await api('GET', `/api/v1/surveys/${SURVEY}`)).body
  assert.equal(s.status, 'draft')
  assert.equal(s.year, year, 'the list opened on the year under way')
  assert.equal(s.title_zh, title)
  assert.deepEqual(s.groups.map((g) => [g.id, g.name_zh, g.weight]), [['citizens', '群众', 0.7], ['enterprises', '企业', 0.3]])
  assert.deepEqual(s.questions.map((q) => [q.id, q.kind]), [['district', 'choice'], ['q1', 'scale'], ['op', 'text']])
  assert.deepEqual(s.questions[0].options.map((o) => o.id), districts)
  assert.equal(s.questions[0].options.find((o) => o.id === other.id).label_zh, other.name_zh)
  assert.equal(s.questions[0].margin, 'district')
  assert.equal(s.questions[1].unit_from, 'district')
  assert.equal(s.questions[1].text_en, Q_SCALE_EN)
  assert.equal(s.questions[2].unit_from, 'district')
  assert.equal(s.questions[2].max_length, 200)
  assert.deepEqual(s.quotas, [{ group_id: 'citizens', variable: 'district', level: district.id, target: 2 }])
  assert.equal(s.public_link, true)
  assert.equal(s.public_group, 'citizens')
  assert.equal(s.speeder_ms_per_question, 2500)
  assert.equal(s.problem, null, JSON.stringify(s.problem))
  // The list shows it as a draft with no responses, among the year's others.
  await page.goto(BASE + '/surveys')
  const row = page.getByTestId('survey-table').locator('tr').filter({ has: page.getByTestId(`survey-row-${SURVEY}`) })
  await row.waitFor()
  assert.match(await row.innerText(), new RegExp(`${title}[\\s\\S]*${SURVEY}[\\s\\S]*草稿\\s+0\\s+0\\s+0`))
})

await step('population margins: a bad workbook is refused by sheet and cell, the good one imported', async () => {
  await page.getByTestId(`survey-row-${SURVEY}`).click()
  await page.getByTestId('survey-detail').waitFor()
  await tab('发放')
  const bad = await marginsWorkbook([
    ['citizens', 'district', district.id, '120,000'],
    ['居民', 'district', other.id, 80000], // no such group (A4)
    ['citizens', 'district', other.id, '很多'], // not a number (D5)
  ])
  await page.getByTestId('margins-file').setInputFiles({ name: '人口边际-草稿.xlsx', mimeType: XLSX, buffer: bad })
  const errors = page.getByTestId('margins-errors')
  await errors.waitFor()
  const rows = await errors.locator('tbody tr').allInnerTexts()
  assert.equal(rows.length, 2, rows.join(' | '))
  assert.match(rows[0], /^人口边际!A4\s/)
  assert.match(rows[1], /^人口边际!D5\s/)
  assert.deepEqual((await api('GET', `/api/v1/surveys/${SURVEY}`)).body.margins, {}, 'nothing changed')
  await shot('margins-refused')

  const good = await marginsWorkbook([
    ['citizens', 'district', district.id, '120,000'],
    ['citizens', 'district', other.id, 80000],
    ['enterprises', 'district', district.id, 3000],
    ['enterprises', 'district', other.id, 2000],
  ])
  await page.getByTestId('margins-file').setInputFiles({ name: '人口边际.xlsx', mimeType: XLSX, buffer: good })
  await page.getByTestId('margins-imported').waitFor()
  assert.match(await text('margins-imported'), /已导入 4 行边际数据/)
  assert.equal(await errors.count(), 0, 'the earlier errors are gone')
  const summary = await text('margins-summary')
  assert.match(summary, /群众\s*district: 2 类/)
  assert.match(summary, /企业\s*district: 2 类/)
  const m = (await api('GET', `/api/v1/surveys/${SURVEY}`)).body.margins
  assert.deepEqual(m.citizens.district, { [district.id]: 120000, [other.id]: 80000 })
  assert.deepEqual(m.enterprises.district, { [district.id]: 3000, [other.id]: 2000 })
})

await step('the office opens the survey', async () => {
  await page.getByTestId('survey-open').click()
  // Opening freezes the questionnaire: the page asks first.
  const box = page.locator('.el-message-box')
  await box.waitFor()
  assert.match(await box.innerText(), new RegExp(`开放「${title.replace(/[()（）]/g, '.')}」？开放后问卷题目不可再改`))
  await box.locator('.el-button--primary').click()
  await page.getByTestId('survey-close').waitFor()
  assert.match(await page.getByTestId('survey-detail').locator('.toolbar .el-tag').first().innerText(), /进行中/)
  assert.equal(cli('list').find((s) => s.id === SURVEY).status, 'open')
})

await step('invitation codes are issued and downloaded as CSV; the QR code loads; the poster is a PDF', async () => {
  await tab('发放')
  await setNumber('codes-count', 3)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('codes-issue').click()])
  assert.match(download.suggestedFilename(), /\.csv$/)
  const lines = readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/)
  assert.equal(lines[0], 'code,link')
  codes = lines.slice(1).map((l) => {
    const [code, link] = l.split(',')
    return { code, link }
  })
  assert.equal(codes.length, 3)
  assert.equal(new Set(codes.map((c) => c.code)).size, 3, 'distinct codes')
  // The link as docs/api.md gives it: the path on the public site.
  for (const c of codes) assert.equal(c.link, `/s/${SURVEY}?code=${c.code}`)
  await successMessage('已生成 3 个邀请码')
  assert.deepEqual(cli('count', '--survey', SURVEY), { accepted: 0, flagged: 0, rejected: 0 })

  assert.equal(await text('public-link'), `${BASE}/s/${SURVEY}`)
  await page.getByTestId('qr-show').click()
  const qr = page.getByTestId('qr-image')
  await qr.waitFor()
  await page.waitForFunction(() => document.querySelector('[data-testid="qr-image"]')?.complete)
  const size = await qr.evaluate((img) => [img.naturalWidth, img.naturalHeight])
  assert.ok(size[0] >= 100 && size[0] === size[1], `a square QR code image: ${size}`)

  const [poster, res] = await Promise.all([
    page.waitForEvent('download'),
    page.waitForResponse((r) => r.url().includes(`/surveys/${SURVEY}/poster.pdf`)),
    page.getByTestId('poster-download').click(),
  ])
  assert.equal(res.status(), 200)
  assert.equal(res.headers()['content-type'], 'application/pdf')
  assert.match(poster.suggestedFilename(), /\.pdf$/)
  assert.equal(readFileSync(await poster.path()).subarray(0, 5).toString(), '%PDF-')
  await shot('distribution')
})

await step('a citizen answers on a phone with the link of a code and the response is counted', async () => {
  const p = await phone()
  await p.goto(BASE + codes[0].link)
  await p.getByText(Q_DISTRICT).waitFor()
  const t0 = Date.now()
  assert.equal((await p.locator('h1').innerText()).trim(), title)
  assert.deepEqual(await p.locator('[data-testid^="q-q1-opt-"]').allInnerTexts(), ['很满意', '满意', '基本满意', '不满意', '很不满意', '不了解'])
  await p.locator(`[data-testid="q-district-opt-${district.id}"]`).click()
  await p.locator('[data-testid="q-q1-opt-4"]').click()
  await p.locator('[data-testid="q-op-text"]').fill(OPINION)
  assert.equal((await p.locator('[data-testid="q-op-count"]').innerText()).trim(), `${[...OPINION].length} / 200`)
  assert.match(await p.locator('[data-testid="survey-progress"]').innerText(), /已完成 100%/)
  await shot('phone-filled')
  // A person reads the questions: more than the 3 × 2.5 s speeder threshold.
  await sleep(Math.max(0, 8200 - (Date.now() - t0)))
  await p.locator('[data-testid="survey-submit"]').click()
  await p.locator('[data-testid="survey-thanks"]').waitFor()
  assert.match(await p.locator('[data-testid="survey-thanks"]').innerText(), /感谢您的参与/)
  await shot('phone-thanks')
  assert.deepEqual(cli('count', '--survey', SURVEY), { accepted: 1, flagged: 0, rejected: 0 })
})

await step('the same code again is refused with a clear message and nothing more is counted', async () => {
  const p = await phone()
  await p.goto(BASE + codes[0].link)
  await p.locator(`[data-testid="q-district-opt-${district.id}"]`).click()
  await p.locator('[data-testid="q-q1-opt-2"]').click()
  await p.locator('[data-testid="survey-submit"]').click()
  // The page ends the attempt: a final screen with the reason, no form.
  const alert = p.locator('[data-testid="survey-stop"], [data-testid="survey-alert"]').first()
  await alert.waitFor()
  assert.match(await alert.innerText(), /该邀请码已经使用过/)
  assert.equal(await p.locator('form').count(), 0)
  await shot('phone-code-used')
  assert.deepEqual(cli('count', '--survey', SURVEY), { accepted: 1, flagged: 0, rejected: 0 })
})

await step('two respondents submit at once (one on the English page) and are flagged as speeders', async () => {
  let p = await phone()
  await p.goto(BASE + codes[1].link)
  await p.locator(`[data-testid="q-district-opt-${district.id}"]`).click()
  await p.locator('[data-testid="q-q1-opt-1"]').click()
  await p.locator('[data-testid="survey-submit"]').click()
  await p.locator('[data-testid="survey-thanks"]').waitFor()
  assert.deepEqual(cli('count', '--survey', SURVEY), { accepted: 1, flagged: 1, rejected: 0 })

  p = await phone()
  await p.goto(`${BASE}${codes[2].link}&lang=en`)
  await p.getByText(Q_SCALE_EN).waitFor()
  assert.equal((await p.locator('h1').innerText()).trim(), `${year} public satisfaction survey`)
  assert.equal(await p.locator('html').getAttribute('lang'), 'en')
  assert.deepEqual(await p.locator('[data-testid^="q-q1-opt-"]').allInnerTexts(),
    ['Very satisfied', 'Satisfied', 'Fairly satisfied', 'Dissatisfied', 'Very dissatisfied', "Don't know"])
  assert.equal((await p.locator('[data-testid="survey-submit"]').innerText()).trim(), 'Submit')
  // Untranslated questions fall back to Chinese.
  await p.getByText(Q_DISTRICT).waitFor()
  await p.locator(`[data-testid="q-district-opt-${other.id}"]`).click()
  await p.locator('[data-testid="q-q1-opt-5"]').click()
  await p.locator('[data-testid="survey-submit"]').click()
  await p.locator('[data-testid="survey-thanks"]').waitFor()
  assert.match(await p.locator('[data-testid="survey-thanks"]').innerText(), /Thank you/)
  await shot('phone-en-thanks')
  assert.deepEqual(cli('count', '--survey', SURVEY), { accepted: 1, flagged: 2, rejected: 0 })
})

await step('the office rejects one speeder and accepts the other in the review queue; the counts change', async () => {
  await as(ADMIN)
  await page.goto(`${BASE}/surveys/${SURVEY}?tab=review`)
  const cards = page.locator(`.el-card[data-testid^="review-"]`)
  await cards.first().waitFor()
  assert.equal(await cards.count(), 2)
  const idOf = async (card) => Number((await card.getAttribute('data-testid')).replace('review-', ''))
  const slow = cards.filter({ hasText: '很不满意 (1)' })
  const fine = cards.filter({ hasText: '很满意 (5)' })
  const rejectId = await idOf(slow)
  const acceptId = await idOf(fine)
  for (const [card, name] of [[slow, district.name_zh], [fine, other.name_zh]]) {
    const t = await card.innerText()
    assert.match(t, /作答过快/)
    assert.match(t, /群众 · code/)
    assert.ok(t.includes(`${Q_DISTRICT}\t${name}`) || t.includes(name), t)
  }
  await shot('review-queue')
  await input(`review-note-${rejectId}`).fill('答题用时过短，判定无效')
  await page.getByTestId(`review-reject-${rejectId}`).click()
  await successMessage(`答卷 #${rejectId} 已剔除`)
  await input(`review-note-${acceptId}`).fill('电话回访确认为本人作答')
  await page.getByTestId(`review-accept-${acceptId}`).click()
  await successMessage(`答卷 #${acceptId} 已计为有效`)
  await page.getByText('没有待处理的答卷').waitFor()
  assert.equal(await cards.count(), 0)
  // The rejected one is kept, with the office's note.
  await page.locator('.el-radio-button').filter({ hasText: '已剔除' }).click()
  const kept = page.getByTestId(`review-${rejectId}`)
  await kept.waitFor()
  assert.match(await kept.innerText(), /答题用时过短，判定无效/)

  await tab('执行进度')
  await page.getByTestId('fieldwork').waitFor()
  await page.waitForFunction(() => document.querySelector('[data-testid="count-rejected"] .el-statistic__number')?.textContent?.trim() === '1')
  assert.deepEqual([await statistic('count-accepted'), await statistic('count-flagged'), await statistic('count-rejected')], [2, 0, 1])
  // The quota counts the accepted citizens of the district: the first respondent only.
  const quota = await page.getByTestId('quota-table').locator('tbody tr').first().innerText()
  assert.match(quota, new RegExp(`群众\\s+district\\s+${district.id}[\\s\\S]*1 / 2`))
  assert.deepEqual(cli('count', '--survey', SURVEY), { accepted: 2, flagged: 0, rejected: 1 })
  await shot('fieldwork')
})

await step('the office closes the survey, sees the results per district, applies them and routes the opinions', async () => {
  await page.getByTestId('survey-close').click()
  await page.locator('.el-message-box .el-button--primary').click()
  await page.getByTestId('survey-open').waitFor()
  assert.match(await page.getByTestId('survey-detail').locator('.toolbar .el-tag').first().innerText(), /已结束/)
  const before = (await api('GET', `/api/v1/years/${year}/opinions/summary`)).body.units.find((u) => u.unit_id === district.id)
  closureBefore = { total: before?.total ?? 0, closed: before?.closed ?? 0 }

  await tab('结果')
  await page.getByTestId(`result-n-${district.id}`).waitFor({ timeout: 60_000 })
  // One accepted respondent per district: 满意 (80 points) and 很满意 (100).
  assert.equal(await text(`result-n-${district.id}`), '1')
  assert.equal(await text(`result-score-${district.id}`), '80.00')
  assert.equal(await text(`result-interval-${district.id}`), '80.0–80.0')
  assert.equal(await text(`result-warning-${district.id}`), '样本不足')
  assert.equal(await text(`result-n-${other.id}`), '1')
  assert.equal(await text(`result-score-${other.id}`), '100.00')
  await shot('results')

  await page.getByTestId('results-apply').click()
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await successMessage('已应用')
  await page.getByTestId('opinions-route').click()
  await successMessage('新增意见 1 条，其中 0 条待指定单位')
  const list = (await api('GET', `/api/v1/years/${year}/opinions?unit=${district.id}`)).body.opinions
  const mine = list.find((o) => o.text === OPINION && o.survey_id === SURVEY)
  assert.ok(mine, 'the opinion is routed to the district')
  assert.equal(mine.state, 'routed')
  opinionId = mine.id
})

await step('综合结果 shows the district’s satisfaction with its n and interval', async () => {
  await page.goto(`${BASE}/results?year=${year}`)
  await page.getByTestId('results-page').waitFor()
  await page.getByTestId(`tab-${district.category_id}`).click()
  const note = page.getByTestId(`sat-note-${district.id}`)
  await note.waitFor()
  assert.equal((await note.innerText()).trim(), 'n=1 · 80.0–80.0')
  const row = page.locator('tr').filter({ has: note })
  assert.match(await row.innerText(), /80\.0/)
  await shot('results-page')
})

await step('the district answers its opinion on the opinions page', async () => {
  await as(UNIT)
  await page.goto(BASE + '/opinions')
  await page.locator(`[data-testid="opinion-${opinionId}"]`).waitFor()
  await page.locator(`[data-testid="opinion-answer-${opinionId}"]`).click()
  await page.locator('textarea[data-testid="opinion-text"], [data-testid="opinion-text"] textarea').first()
    .fill('已调整为午间轮岗不休，自下月起实行。')
  await page.locator('[data-testid="opinion-submit"]').click()
  await waitState(opinionId, 'answered')
})

await step('the office closes it and the closure rate counts it', async () => {
  await as(ADMIN)
  await page.goto(BASE + '/opinions')
  await page.locator(`[data-testid="opinion-close-${opinionId}"]`).click()
  await page.locator('textarea[data-testid="opinion-text"], [data-testid="opinion-text"] textarea').first()
    .fill('答复已核实，办结。')
  await page.locator('[data-testid="opinion-submit"]').click()
  await waitState(opinionId, 'closed')
  const row = (await api('GET', `/api/v1/years/${year}/opinions/summary`)).body.units.find((u) => u.unit_id === district.id)
  assert.ok(row)
  assert.equal(row.total, closureBefore.total + 1)
  assert.equal(row.closed, closureBefore.closed + 1)
  await shot('opinions-closed')
})

await step('the public portal shows the published year’s opinion closure as the public API gives it', async () => {
  await anonymous()
  await page.goto(BASE + '/')
  await page.getByTestId('public-title').waitFor()
  const published = Math.max(...(await api('GET', '/api/v1/public/years')).body.years)
  const sum = await api('GET', `/api/v1/public/years/${published}/opinions/summary`)
  assert.equal(sum.status, 200, JSON.stringify(sum.body))
  const section = page.getByTestId('public-opinions')
  await section.waitFor()
  assert.match(await section.innerText(), /意见建议办理情况/)
  if (sum.body.total > 0) {
    const rate = `${((sum.body.closed / sum.body.total) * 100).toFixed(1)}%`
    assert.equal(await text('public-opinions-overall'), `共 ${sum.body.total} 条，已办结 ${sum.body.closed} 条，办结率 ${rate}`)
    const rows = await page.getByTestId('public-opinions-table').locator('tbody tr').count()
    assert.equal(rows, sum.body.units.filter((u) => u.total > 0).length)
  } else {
    assert.equal(await text('public-opinions-none'), '暂无意见建议')
  }
  // The year in progress is not public: its opinions stay unpublished.
  assert.equal((await api('GET', `/api/v1/public/years/${year}/opinions/summary`)).status, 404)
  await shot('portal-opinions')
})

process.exit(await finish())

// The opinion's state as the API reports it, polled until it is `state`.
async function waitState(id, state) {
  for (let i = 0; i < 50; ++i) {
    const o = await api('GET', `/api/v1/opinions/${id}`)
    if (o.status === 200 && (o.body.state ?? o.body.opinion?.state) === state) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`opinion ${id} did not become ${state}`)
}
