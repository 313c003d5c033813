// Browser end-to-end test: the office's first year (year.mjs) carried to its end,
// through the UI. tests/e2e/run-year.sh serves the database year.mjs left behind
// twice more, on two business dates, and runs this script once per phase
// (E2E_PHASE):
//
//   assess  (2027-01-11, a Monday): the office moves 2026 to year-end; unit D02
//           files its self-evaluation; the lead department B01 confirms D02's
//           values and grades its qualitative leaf B — refused without a reason,
//           then saved with one — and scores the other units; the office scores
//           B01's own leaves (利益回避); D02 claims a commendation bonus and the
//           office approves it; the office sets the leadership rating form, the
//           leader rates (an out-of-scale rating refused on the row), the office
//           closes the rating; 公示 with a 5-working-day window; D02 appeals its
//           grade; the lead answers; the office sees that upholding it would take
//           first place from D01 (knock-on) and upholds it; the committee's
//           approval is refused while the window is open.
//   publish (2027-01-25, the window closed): the committee's approval, publication
//           with its certificate; `govperf verify-result` and `govperf audit verify`
//           pass on the database; the public portal shows 2026 and the certificate
//           hash, and the JSON download hashes to it; D02 reads its feedback report,
//           downloads the PDF (its text: 西城区, its total, its grade in Chinese) and
//           files a rectification plan; a value of the published year is refused.
//
// Expected scores (区县: 1.1.1 60 points, completion ratio against D01 100, D02 80
// (adjusted), D03 100; 1.2.1 30 points, target 100; 1.2.2 10 points, qualitative
// A 100 % / B 85 % / C 70 %), indicator scores:
//   D01: 98 → 58.8; 100 → 30;   A → 10  = 98.8
//   D02: 80 → 60;   95 → 28.5;  B → 8.5 = 97.0 → after the appeal (A) 98.5
//   D03: 70 → 42;   80 → 24;    C → 7   = 73.0
// Totals: the composite weights indicator 0.7, leadership 0.1 (satisfaction 0.2
// has no score this year, so the present weights are rescaled: 0.875 / 0.125),
// the leadership rating is 0.6 × 工作实绩 + 0.4 × 作风建设, plus the bonus:
//   D01: 0.875 × 98.8 + 0.125 × 90 = 97.70
//   D02: 0.875 × 97.0 + 0.125 × 90 + 1 = 97.125 → after the appeal 98.4375
//   D03: 0.875 × 73.0 + 0.125 × 76 = 73.375
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import assert from 'node:assert/strict'
import {
  BASE, page, start, as, anonymous, step, input, shot, successMessage, api, moveYear, openMenu, finish,
} from './harness.mjs'

const PHASE = process.env.E2E_PHASE ?? 'assess'
const GOVPERF = process.env.GOVPERF ?? ''
const DB = process.env.E2E_DB ?? ''
const ADMIN = [process.env.E2E_YEAR_ADMIN_USER ?? 'admin', process.env.E2E_YEAR_ADMIN_PASS ?? 'Year-admin-2026!']
const LEAD = ['lead_b01', 'Lead-b01-2026!']
const UNIT = ['unit_d02', 'Unit-d02-2026!']
const LEADER = ['leader_li', 'Leader-li-2026!']
const YEAR = 2026
const Y = `/api/v1/years/${YEAR}`

// D02's self-evaluation (the unit claims A on 1.2.2) and the other units' values.
const SELF = { '1.1.1': 80, '1.2.1': 95, '1.2.2': 1 }
const OTHERS = {
  D01: { '1.1.1': 98, '1.2.1': 100, '1.2.2': 1 },
  D03: { '1.1.1': 70, '1.2.1': 80, '1.2.2': 3 },
}
const GRADE_ZH = { excellent: '优秀', good: '良好', qualified: '合格', basic: '基本合格', unqualified: '不合格' }

/** The 区县 rows of the year's results: {unit_id → row}. */
async function districtResults() {
  const r = await api('GET', `${Y}/results`)
  assert.equal(r.status, 200, JSON.stringify(r.body))
  return Object.fromEntries(r.body.categories.flatMap((c) => c.units).filter((u) => u.unit_id.startsWith('D')).map((u) => [u.unit_id, u]))
}

function near(actual, expected, what) {
  assert.ok(Math.abs(actual - expected) < 0.005, `${what}: ${actual}, expected ${expected}`)
}

await start(`yearend-${PHASE}`)

if (PHASE === 'assess') {
  await step('年度管理: the office moves 2026 to year-end (年终考核)', async () => {
    await as(ADMIN)
    await openMenu('年度管理', 'admin-home')
    await moveYear(YEAR, 'year_end')
  })

  await step('年终自评: D02 files its year-end values with a self-assessment; another unit’s row is refused', async () => {
    await as(UNIT)
    await openMenu('年终自评', 'self-evaluation-page')
    for (const [leaf, value] of Object.entries(SELF)) {
      await page.getByTestId(`self-edit-${leaf}`).click()
      await page.getByTestId('self-dialog').waitFor()
      await input('self-value').fill(String(value))
      await input('self-text').fill(`${leaf}：全年工作按计划完成，台账齐全。`)
      await page.getByTestId('self-save').click()
      await page.getByTestId('self-dialog').waitFor({ state: 'hidden' })
      await page.locator(`[data-testid="self-state-${leaf}"]`).filter({ hasText: '待评分' }).waitFor()
    }
    const list = await api('GET', `${Y}/year-end/self-evaluations?unit=D02`)
    const claimed = Object.fromEntries(list.body.rows.map((r) => [r.indicator_id, [r.state, r.self_evaluation?.value]]))
    assert.deepEqual(claimed, { '1.1.1': ['submitted', 80], '1.2.1': ['submitted', 95], '1.2.2': ['submitted', 1] })
    const other = await api('PUT', `${Y}/year-end/self-evaluations/1.1.1/D01`, { value: 200, text: '替东城区填报' })
    assert.equal(other.status, 403, `a self-evaluation for another unit: ${JSON.stringify(other.body)}`)
    await shot('self')
  })

  await step('年终评分: the lead grades D02’s qualitative leaf B — refused without a reason, saved with one', async () => {
    await as(LEAD)
    await openMenu('年终评分', 'scoring-page')
    await page.getByTestId('score-1.2.2-D02').click()
    const dialog = page.getByTestId('score-dialog')
    await dialog.waitFor()
    await dialog.locator('.el-radio').filter({ hasText: 'B（较好）' }).click()
    await page.getByTestId('score-save').click()
    const err = dialog.locator('.el-form-item__error').first()
    await err.waitFor()
    assert.match(await err.innerText(), /理由|reason/i, 'a grade needs a reason, shown on the field')
    assert.equal((await api('GET', `${Y}/year-end/self-evaluations?unit=D02&indicator=1.2.2`)).body.rows[0].state, 'submitted', 'nothing saved')
    await input('score-reason').fill('为民服务事项办结率较高，但群众投诉整改不够及时，评为B。')
    await page.getByTestId('score-save').click()
    await dialog.waitFor({ state: 'hidden' })
    const row = (await api('GET', `${Y}/year-end/self-evaluations?unit=D02&indicator=1.2.2`)).body.rows[0]
    assert.equal(row.state, 'scored')
    assert.equal(row.self_evaluation.scored_value, 2)
    assert.equal(row.self_evaluation.value, 1, 'the unit’s claim stays visible')
    near(row.self_evaluation.earned, 8.5, 'B earns 85 % of 10 points')
    assert.match(row.self_evaluation.reason, /评为B/)
  })

  await step('年终评分: the lead confirms D02’s values (a reason below full points) and scores D01 and D03', async () => {
    // 1.1.1: 80 of the adjusted target 80 — full points, no reason needed.
    await page.getByTestId('score-1.1.1-D02').click()
    await page.getByTestId('score-dialog').waitFor()
    await page.getByTestId('score-save').click()
    await page.getByTestId('score-dialog').waitFor({ state: 'hidden' })
    // 1.2.1: 95 of 100 is below full points: the reason is asked for.
    await page.getByTestId('score-1.2.1-D02').click()
    await page.getByTestId('score-dialog').waitFor()
    await page.getByTestId('score-save').click()
    await page.getByTestId('score-dialog').locator('.el-form-item__error').first().waitFor()
    await input('score-reason').fill('经核实，全年民生实事完成95%，1项因上级政策调整未完成。')
    await page.getByTestId('score-save').click()
    await page.getByTestId('score-dialog').waitFor({ state: 'hidden' })
    // D01 and D03 filed nothing: the lead department scores from its own records.
    for (const [unit, values] of Object.entries(OTHERS)) {
      for (const [leaf, v] of Object.entries(values)) {
        const body = leaf === '1.2.2' ? { grade: v, reason: '依据年度工作台账评定' } : { value: v, reason: '依据统计部门年报数据' }
        const r = await api('POST', `${Y}/year-end/self-evaluations/${leaf}/${unit}/score`, body)
        assert.equal(r.status, 200, `${leaf}/${unit}: ${JSON.stringify(r.body)}`)
      }
    }
    const own = await api('POST', `${Y}/year-end/self-evaluations/1.2.1/B01/score`, { value: 100, reason: '自评' })
    assert.equal(own.status, 403, `the lead department scores its own unit (利益回避): ${JSON.stringify(own.body)}`)
    const d02 = (await api('GET', `${Y}/year-end/self-evaluations?unit=D02`)).body.rows
    assert.deepEqual(d02.map((r) => [r.indicator_id, r.state, r.self_evaluation.scored_value]),
      [['1.1.1', 'scored', 80], ['1.2.1', 'scored', 95], ['1.2.2', 'scored', 2]])
  })

  await step('年终评分: the office scores the lead department’s own unit B01 (利益回避)', async () => {
    await as(ADMIN)
    await openMenu('年终评分', 'scoring-page')
    for (const [leaf, body] of [['1.2.1', { value: 100, reason: '' }], ['1.2.2', { grade: 2, reason: '由绩效办评定：较好' }]]) {
      const r = await api('POST', `${Y}/year-end/self-evaluations/${leaf}/B01/score`, body)
      assert.equal(r.status, 200, `${leaf}/B01: ${JSON.stringify(r.body)}`)
    }
  })

  await step('加减分申报: D02 claims a commendation bonus; the office approves it', async () => {
    await as(UNIT)
    await openMenu('加减分申报', 'claims-page')
    await page.getByTestId('claim-new').click()
    const dialog = page.getByTestId('claim-dialog')
    await dialog.waitFor()
    await dialog.locator('.el-radio').filter({ hasText: '表彰' }).click()
    const points = dialog.locator('.el-input-number input')
    await points.fill('1')
    await points.press('Tab')
    await input('claim-reason').fill('获评省级文明城区，市委市政府通报表彰。')
    await page.getByTestId('claim-save').click()
    await dialog.waitFor({ state: 'hidden' })
    const claims = (await api('GET', `${Y}/year-end/claims`)).body.claims
    assert.equal(claims.length, 1)
    const c = claims[0]
    assert.deepEqual([c.unit_id, c.kind, c.category, c.points, c.state], ['D02', 'bonus', 'commendation', 1, 'pending'])
    // A unit raises no deduction against another unit.
    const ded = await api('POST', `${Y}/year-end/claims`, { unit_id: 'D01', kind: 'deduction', points: 2, reason: 'x' })
    assert.equal(ded.status, 403, JSON.stringify(ded.body))

    await as(ADMIN)
    await openMenu('加减分申报', 'claims-page')
    await page.getByTestId(`claim-decide-${c.id}`).click()
    await page.locator('.el-dialog:visible .el-radio').filter({ hasText: '批准' }).first().click()
    await page.locator('.el-dialog:visible textarea').last().fill('表彰文件已核实')
    await page.getByTestId('claim-decide-save').click()
    await page.locator(`[data-testid="claim-state-${c.id}"]`).filter({ hasText: '已批准' }).waitFor()
    const decided = (await api('GET', `${Y}/year-end/claims`)).body.claims[0]
    assert.equal(decided.state, 'approved')
    assert.ok(decided.adjustment_id, 'an approved claim becomes an adjustment of the year')
  })

  await step('领导评价: the office sets the form and assigns 李市长; the leader rates (out of scale refused); the office closes', async () => {
    await openMenu('领导评价设置', 'rating-setup-page')
    const leaders = page.getByTestId('setup-leaders')
    await leaders.locator('xpath=following-sibling::button[1]').click()
    const row = leaders.locator('tbody tr').first()
    await row.locator('input').nth(0).fill(LEADER[0])
    await row.locator('.el-select').click()
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '主要领导' }).click()
    await row.locator('input').last().fill('D01, D02, D03, B01')
    await page.getByTestId('setup-save').click()
    await successMessage('')
    const setup = (await api('GET', `${Y}/year-end/rating/setup`)).body
    assert.ok(setup.leaders, JSON.stringify(setup))
    assert.deepEqual(setup.leaders.map((l) => [l.username, l.level, l.unit_ids]), [[LEADER[0], 'principal', ['D01', 'D02', 'D03', 'B01']]])

    await as(LEADER)
    await openMenu('领导评价', 'leader-rating-page')
    const ratings = { D01: [90, 90], D02: [90, 90], D03: [80, 70], B01: [85, 85] }
    await input('rate-D03-work').fill('120') // the scale is 0–100
    await input('rate-D03-style').fill('70')
    await page.getByTestId('rate-save-D03').click()
    await page.getByTestId('rate-error-D03').waitFor()
    for (const [unit, [work, style]] of Object.entries(ratings)) {
      await input(`rate-${unit}-work`).fill(String(work))
      await input(`rate-${unit}-style`).fill(String(style))
      await page.getByTestId(`rate-save-${unit}`).click()
      await successMessage('')
    }
    const mine = (await api('GET', `${Y}/year-end/rating/ratings`)).body
    assert.equal(mine.ratings.length, 4, JSON.stringify(mine))

    await as(ADMIN)
    await openMenu('领导评价设置', 'rating-setup-page')
    await page.getByTestId('rating-close').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await page.locator('[data-testid="rating-close"][disabled], [data-testid="rating-close"].is-disabled').waitFor()
    const scores = (await api("GET", `${Y}/inputs`)).body
    const leadership = Object.fromEntries(scores.units.map((u) => [u.unit_id, u.leadership]))
    near(leadership.D01, 90, 'D01 leadership')
    near(leadership.D03, 0.6 * 80 + 0.4 * 70, 'D03 leadership: Σ weight × rating')
  })

  await step('before 公示: D01 ranks first in 区县, D02 second', async () => {
    const r = await districtResults()
    assert.equal(r.D01.rank, 1, JSON.stringify(r.D01))
    assert.equal(r.D02.rank, 2, JSON.stringify(r.D02))
    assert.equal(r.D03.rank, 3, JSON.stringify(r.D03))
    near(r.D01.indicator_score, 98.8, 'D01 indicator score')
    near(r.D02.indicator_score, 97.0, 'D02 indicator score')
    near(r.D02.bonus, 1, 'D02 bonus')
    near(r.D01.total, 97.7, 'D01 total')
    near(r.D02.total, 97.125, 'D02 total')
    near(r.D03.total, 73.375, 'D03 total')
  })

  await step('公示: the office moves 2026 to preliminary with a 5-working-day appeal window', async () => {
    await openMenu('年度管理', 'admin-home')
    await moveYear(YEAR, 'preliminary', async () => {
      await page.getByTestId('window-form').waitFor()
      const days = input('window-days')
      await days.fill('5')
      await days.press('Tab')
    })
    const pub = (await api('GET', `${Y}/publication`)).body
    assert.equal(pub.status, 'preliminary')
    assert.equal(pub.window.start_date, '2027-01-11')
    assert.equal(pub.window.end_date, '2027-01-18', '5 working days from Monday 2027-01-11')
    assert.equal(pub.window_open, true)
  })

  await step('申诉: D02 appeals its 1.2.2 grade within the window; another unit’s score is refused', async () => {
    await as(UNIT)
    await openMenu('结果公示与申诉', 'appeals-page')
    await page.locator('[data-testid="window-phase"][data-phase="open"]').waitFor()
    await page.getByTestId('own-result').waitFor()
    await page.getByTestId('appeal-1.2.2').click()
    await page.getByTestId('appeal-dialog').waitFor()
    await input('appeal-value').fill('1')
    await input('appeal-reason').fill('全年群众投诉已全部办结，整改台账齐全，申请评为A。')
    await page.getByTestId('appeal-submit').click()
    await page.getByTestId('appeal-dialog').waitFor({ state: 'hidden' })
    const appeals = (await api('GET', `${Y}/appeals`)).body.appeals
    assert.equal(appeals.length, 1)
    assert.deepEqual([appeals[0].unit_id, appeals[0].indicator_id, appeals[0].claimed_value, appeals[0].state], ['D02', '1.2.2', 1, 'filed'])
    await page.locator(`[data-testid="appeal-state-${appeals[0].id}"][data-state="filed"]`).waitFor()
    const other = await api('POST', `${Y}/appeals`, { unit_id: 'D01', kind: 'indicator', indicator_id: '1.2.2', claimed_value: 4, reason: 'x' })
    assert.equal(other.status, 403, `an appeal on another unit’s score: ${JSON.stringify(other.body)}`)
  })

  await step('申诉: the lead department answers', async () => {
    await as(LEAD)
    await openMenu('结果公示与申诉', 'appeals-page')
    const id = (await api('GET', `${Y}/appeals`)).body.appeals[0].id
    await page.getByTestId(`answer-${id}`).click()
    await input('answer-text').fill('经复核，投诉整改台账属实，同意按A评定。')
    await page.getByTestId('answer-submit').click()
    await page.locator(`[data-testid="appeal-state-${id}"][data-state="answered"]`).waitFor()
  })

  await step('申诉: the office sees that upholding takes first place from D01, and upholds it', async () => {
    await as(ADMIN)
    await openMenu('结果公示与申诉', 'appeals-page')
    const id = (await api('GET', `${Y}/appeals`)).body.appeals[0].id
    await page.getByTestId(`decide-${id}`).click()
    await page.getByTestId('decide-dialog').waitFor()
    const unitLine = await page.getByTestId('knock-unit').innerText()
    assert.match(unitLine, /D02[\s\S]*97\.1\d[\s\S]*98\.44[\s\S]*2[\s\S]*1/, `the appellant: ${unitLine}`)
    const knock = page.locator('[data-testid="knock-table"] tbody tr')
    await knock.first().waitFor()
    const rows = await knock.allInnerTexts()
    assert.ok(rows.some((t) => /D01|东城区/.test(t)), `D01 is among the units whose rank changes: ${rows.join(' | ')}`)
    await shot('knock-on')
    const k = (await api('GET', `${Y}/appeals/${id}/knock-on`)).body
    const d01 = k.changes.find((c) => c.unit_id === 'D01')
    assert.ok(d01, JSON.stringify(k))
    assert.deepEqual([k.unit.rank_before, k.unit.rank_after], [2, 1])
    await input('decide-reason').fill('牵头部门复核属实，申诉成立。')
    await page.getByTestId('decide-uphold').click()
    await page.locator(`[data-testid="appeal-state-${id}"][data-state="upheld"]`).waitFor()
    const r = await districtResults()
    assert.equal(r.D02.rank, 1, 'D02 first after the appeal')
    assert.equal(r.D01.rank, 2, 'D01 second: the knock-on seen before deciding')
    near(r.D02.indicator_score, 98.5, 'D02 indicator score with A')
    near(r.D02.total, 98.4375, 'D02 total with A')
    const again = await api('POST', `${Y}/appeals/${id}/decide`, { uphold: false, reason: 'x' })
    assert.equal(again.status, 409, `a second decision: ${JSON.stringify(again.body)}`)
  })

  await step('评估委员会审定 is refused while the window is open', async () => {
    const r = await api('POST', `${Y}/publication/approval`, { meeting_date: '2027-01-11', meeting_ref: '绩效委〔2027〕1号' })
    assert.equal(r.status, 409, JSON.stringify(r.body))
    assert.equal(r.body.details?.field, 'meeting_date')
    const pub = await api('POST', `${Y}/transition`, { to: 'published' })
    assert.equal(pub.status, 409, `publishing during 公示: ${JSON.stringify(pub.body)}`)
  })
} else {
  let certificate = null
  await step('评估委员会审定: the office records the committee’s approval after the window', async () => {
    await as(ADMIN)
    await openMenu('年度管理', 'admin-home')
    await page.getByTestId(`approval-${YEAR}`).click()
    await page.getByTestId('approval-dialog').waitFor()
    const date = page.locator('.el-dialog:visible .el-date-editor input')
    await date.fill('2027-01-22')
    await date.press('Enter')
    await input('approval-ref').fill('绩效委〔2027〕1号')
    await input('approval-note').fill('审定2026年度综合绩效评估结果')
    await page.getByTestId('approval-confirm').click()
    await page.getByTestId('approval-dialog').waitFor({ state: 'hidden' })
    const pub = (await api('GET', `${Y}/publication`)).body
    assert.equal(pub.window_open, false)
    assert.equal(pub.approval.meeting_ref, '绩效委〔2027〕1号')
    assert.equal(pub.approval.meeting_date, '2027-01-22')
  })

  await step('发布: publication stores the snapshot and its certificate', async () => {
    await moveYear(YEAR, 'published')
    await openMenu('结果公示与申诉', 'appeals-page')
    const hash = (await page.getByTestId('certificate-hash').innerText()).trim()
    certificate = (await api('GET', `${Y}/publication`)).body.certificate
    assert.match(hash, /^[0-9a-f]{64}$/)
    assert.equal(hash, certificate.certificate_sha256)
    const r = await districtResults()
    assert.deepEqual([r.D02.rank, r.D01.rank, r.D03.rank], [1, 2, 3], 'the published ranks are those after the appeal')
    await shot('published')
  })

  await step('govperf verify-result and audit verify pass on the published year', async () => {
    assert.ok(GOVPERF && DB, 'GOVPERF and E2E_DB are set')
    const out = execFileSync(GOVPERF, ['verify-result', '--db', DB, '--year', String(YEAR)], { encoding: 'utf8' })
    assert.match(out, /2026/, out)
    const audit = execFileSync(GOVPERF, ['audit', 'verify', '--db', DB, '--anchor', certificate.audit_head_hash], { encoding: 'utf8' })
    assert.match(audit, /\d+/, audit)
  })

  await step('公开: the public portal shows 2026 with its certificate hash; the JSON download hashes to it', async () => {
    await anonymous()
    await page.goto(BASE + '/')
    await page.getByTestId('public-title').waitFor()
    await page.locator('.gp-card-title, h2, h3').filter({ hasText: '2026年度' }).first().waitFor()
    const ranking = await page.locator('.el-table__body tbody tr').allInnerTexts()
    assert.match(ranking[0], /1[\s\S]*西城区[\s\S]*98\.44/, `the published ranking: ${ranking.join(' | ')}`)
    assert.match(ranking[1], /2[\s\S]*东城区[\s\S]*97\.70/)
    assert.equal((await page.getByTestId('public-certificate-hash').innerText()).trim(), certificate.certificate_sha256)
    const bytes = await page.evaluate(async (y) => {
      const res = await fetch(`/api/v1/public/download?year=${y}&format=json`)
      return Array.from(new Uint8Array(await res.arrayBuffer()))
    }, YEAR)
    const sha = createHash('sha256').update(Buffer.from(bytes)).digest('hex')
    assert.equal(sha, certificate.results_sha256, 'the open data is the certified snapshot')
    await shot('public')
  })

  let total = ''
  let grade = ''
  await step('绩效反馈: D02 reads its report and downloads the PDF (its name, total and grade in Chinese)', async () => {
    await as(UNIT)
    await openMenu('绩效反馈', 'feedback-page')
    await page.getByTestId('feedback-page').filter({ hasText: '西城区' }).waitFor()
    // The upheld appeal is in the report, with its outcome.
    await page.getByTestId('feedback-page').locator('li').filter({ hasText: '1.2.2' }).filter({ hasText: '申诉成立' }).first().waitFor()
    const appealLine = await page.getByTestId('feedback-page').locator('li').filter({ hasText: '1.2.2' }).first().innerText()
    assert.match(appealLine, /1\.2\.2[\s\S]*投诉/, `the appeal in the report: ${appealLine}`)
    total = (await page.getByTestId('feedback-total').innerText()).trim()
    grade = (await page.getByTestId('feedback-grade').innerText()).trim()
    const r = (await api('GET', `${Y}/units/D02/scorecard`)).body.result
    assert.match(total, new RegExp(r.total.toFixed(2).replace('.', '\\.')), `the page shows the total ${r.total}: ${total}`)
    assert.equal(grade, GRADE_ZH[r.grade], `the page shows the grade in Chinese: ${grade}`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('feedback-pdf').click()])
    const pdf = await download.path()
    assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-')
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    assert.match(text, /西城区/, 'the unit’s Chinese name')
    assert.match(text, new RegExp(r.total.toFixed(2).replace('.', '\\.')), 'its total')
    assert.match(text, new RegExp(GRADE_ZH[r.grade]), 'its grade in Chinese')
    assert.match(text, /申诉成立/, 'the upheld appeal and its outcome')
    // Another unit's report is not the unit's to read.
    assert.equal((await api('GET', `${Y}/feedback/D01`)).status, 403)
  })

  await step('整改: D02 files a rectification plan for a lost point', async () => {
    await openMenu('整改', 'rectification-page')
    await page.getByTestId('rectification-plan').click()
    const dialog = page.locator('.el-dialog:visible')
    await dialog.locator('tbody tr').first().waitFor()
    const first = dialog.locator('tbody tr').first()
    const lost = await first.innerText()
    await first.locator('textarea').fill('建立民生实事项目月调度机制，未完成项目列入次年首批。')
    await first.locator('input').first().fill('张科长')
    const deadline = first.locator('.el-date-editor input')
    await deadline.fill('2027-06-30')
    await deadline.press('Enter')
    await page.getByTestId('rectification-submit').click()
    const items = page.locator('[data-testid="rectification-items"] tbody tr.el-table__row')
    await items.first().waitFor()
    const stored = (await api("GET", `${Y}/rectification`)).body.items
    assert.equal(stored.length, 1, JSON.stringify(stored))
    assert.deepEqual([stored[0].owner, stored[0].deadline, stored[0].state], ['张科长', '2027-06-30', 'open'])
    assert.match(stored[0].measure, /月调度机制/)
    assert.ok(lost.includes(stored[0].problem) || stored[0].problem.length > 0, `tied to the lost point: ${lost}`)
    await shot('rectification')
  })

  await step('a value of the published year is refused; the office sees the closure rate', async () => {
    await as(ADMIN)
    const r = await api('PUT', `${Y}/values`, { indicator_id: '1.1.1', unit_id: 'D01', period: String(YEAR), value: 100 })
    assert.equal(r.status, 409, `a value written to a published year: ${JSON.stringify(r.body)}`)
    const bonus = await api('POST', `${Y}/adjustments`, { unit_id: 'D01', kind: 'bonus', points: 1, reason_zh: '补录' })
    assert.equal(bonus.status, 409, `an adjustment of a published year: ${JSON.stringify(bonus.body)}`)
    near((await districtResults()).D01.total, 97.7, 'D01 total unchanged')
    await openMenu('整改', 'rectification-page')
    await page.getByTestId('rectification-rates').filter({ hasText: 'D02' }).waitFor()
  })
}

process.exit(await finish())
