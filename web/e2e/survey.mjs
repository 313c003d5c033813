// 社会评价 in the browser, on the demo city's year in progress (run by
// tests/e2e/run.sh after the demo tour, on the same server):
//   the office puts a questionnaire for the unit user's district and opens it;
//   invitation codes come from the CLI contract (`govperf survey codes`);
//   a citizen answers on a phone (390×844) with a code, and the response is
//   counted (`govperf survey count`); the same code again is refused with a
//   clear message and nothing more is counted;
//   the office closes the survey and routes its opinions (意见建议); the
//   district answers its opinion on the opinions page; the office closes it;
//   the closure rate is 100 %; the survey's computed results show the
//   district's one answer with its sample size and a small-sample warning.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { BASE, start, step, as, phone, api, shot, finish, page } from './harness.mjs'

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
const cli = (...args) => JSON.parse(execFileSync(GOVPERF, ['survey', ...args, '--db', DB], { encoding: 'utf8' }))

let year = 0
let district = ''
let other = ''
let codes = []
let opinionId = 0

await start('survey')

await step('the office puts a questionnaire for the districts and opens it', async () => {
  await as(UNIT)
  const me = await api('GET', '/api/v1/me')
  district = me.body.unit_id
  assert.ok(district, 'the unit user has a unit')
  await as(ADMIN)
  const years = (await api('GET', '/api/v1/years')).body.years
  year = years.find((y) => y.status === 'monitoring' || y.status === 'year_end').year
  const units = (await api('GET', `/api/v1/units?year=${year}`)).body.units
  other = units.find((u) => u.id !== district && u.category_id === units.find((x) => x.id === district).category_id).id
  const definition = {
    id: SURVEY, year, title_zh: `${year}年度群众满意度调查`, intro_zh: '请根据您的亲身感受作答。',
    groups: [{ id: 'citizens', name_zh: '群众', weight: 1 }],
    questions: [
      { id: 'district', kind: 'choice', text_zh: '您居住在哪个区县？', required: true, margin: 'district',
        options: [{ id: district, label_zh: units.find((u) => u.id === district).name_zh }, { id: other, label_zh: units.find((u) => u.id === other).name_zh }] },
      { id: 'q1', kind: 'scale', text_zh: '您对本区政府的工作总体满意吗？', required: true, unit_from: 'district', allow_dont_know: true },
      { id: 'op', kind: 'text', text_zh: '您对本区政府工作有什么意见建议？', unit_from: 'district', max_length: 200 },
    ],
    scale_points: { 1: 0, 2: 40, 3: 60, 4: 80, 5: 100 },
    min_sample: 30,
    speeder_ms_per_question: 50,
  }
  const created = await api('POST', '/api/v1/surveys', definition)
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const opened = await api('POST', `/api/v1/surveys/${SURVEY}/status`, { status: 'open' })
  assert.equal(opened.status, 200, JSON.stringify(opened.body))
  assert.equal(cli('list').find((s) => s.id === SURVEY).status, 'open')
  // The office's list shows it open with no responses yet.
  await page.goto(BASE + '/surveys')
  await page.getByText(definition.title_zh).first().waitFor()
})

await step('invitation codes from the CLI contract', async () => {
  const out = `${process.env.TMPDIR ?? '/tmp'}/e2e-survey-codes-${process.pid}.csv`
  execFileSync(GOVPERF, ['survey', 'codes', '--db', DB, '--survey', SURVEY, '--count', '3', '--out', out])
  const { readFileSync } = await import('node:fs')
  const lines = readFileSync(out, 'utf8').trim().split('\n')
  assert.equal(lines[0], 'code')
  codes = lines.slice(1)
  assert.equal(codes.length, 3)
  assert.deepEqual(cli('count', '--survey', SURVEY), { accepted: 0, flagged: 0, rejected: 0 })
})

await step('a citizen answers on a phone with a code and the response is counted', async () => {
  const p = await phone()
  await p.goto(`${BASE}/s/${SURVEY}?code=${codes[0]}`)
  await p.getByText('您居住在哪个区县？').waitFor()
  await p.locator(`[data-testid="q-district-opt-${district}"]`).click()
  await p.locator('[data-testid="q-q1-opt-4"]').click()
  await p.locator('[data-testid="q-op-text"]').fill(OPINION)
  await shot('phone-filled')
  await p.locator('[data-testid="survey-submit"]').click()
  await p.locator('[data-testid="survey-thanks"]').waitFor()
  await shot('phone-thanks')
  assert.deepEqual(cli('count', '--survey', SURVEY), { accepted: 1, flagged: 0, rejected: 0 })
})

await step('the same code again is refused with a clear message and nothing more is counted', async () => {
  const p = await phone()
  await p.goto(`${BASE}/s/${SURVEY}?code=${codes[0]}`)
  await p.locator(`[data-testid="q-district-opt-${district}"]`).click()
  await p.locator('[data-testid="q-q1-opt-2"]').click()
  await p.locator('[data-testid="survey-submit"]').click()
  // The page ends the attempt: a final screen with the reason, no form.
  const alert = p.locator('[data-testid="survey-stop"], [data-testid="survey-alert"]').first()
  await alert.waitFor()
  assert.match(await alert.innerText(), /该邀请码已经使用过/)
  await shot('phone-code-used')
  const counted = cli('count', '--survey', SURVEY)
  assert.equal(counted.accepted + counted.flagged, 1)
})

await step('the office closes the survey and routes its opinions to the district', async () => {
  await as(ADMIN)
  const closed = await api('POST', `/api/v1/surveys/${SURVEY}/status`, { status: 'closed' })
  assert.equal(closed.status, 200, JSON.stringify(closed.body))
  const routed = await api('POST', `/api/v1/surveys/${SURVEY}/opinions/route`)
  assert.equal(routed.status, 200, JSON.stringify(routed.body))
  const list = (await api('GET', `/api/v1/years/${year}/opinions?unit=${district}`)).body.opinions
  const mine = list.find((o) => o.text === OPINION)
  assert.ok(mine, 'the opinion is routed to the district')
  assert.equal(mine.unit_id, district)
  assert.equal(mine.state, 'routed')
  opinionId = mine.id
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

await step('the office closes it and the closure rate is 100 %', async () => {
  await as(ADMIN)
  await page.goto(BASE + '/opinions')
  await page.locator(`[data-testid="opinion-close-${opinionId}"]`).click()
  await page.locator('textarea[data-testid="opinion-text"], [data-testid="opinion-text"] textarea').first()
    .fill('答复已核实，办结。')
  await page.locator('[data-testid="opinion-submit"]').click()
  await waitState(opinionId, 'closed')
  const summary = (await api('GET', `/api/v1/years/${year}/opinions/summary`)).body.units
  const row = summary.find((u) => u.unit_id === district)
  assert.ok(row, JSON.stringify(summary))
  assert.equal(row.closed, 1)
  assert.equal(row.total, 1)
  await shot('opinions-closed')
})

await step('the computed results show the answer with its sample size and a small-sample warning', async () => {
  const res = await api('GET', `/api/v1/surveys/${SURVEY}/results?replicates=200`)
  assert.equal(res.status, 200, JSON.stringify(res.body))
  const unit = res.body.units.find((u) => u.unit_id === district)
  assert.ok(unit, JSON.stringify(res.body.units))
  assert.equal(unit.n, 1)
  assert.equal(unit.score, 80)
  assert.match(JSON.stringify(unit), /small_sample/)
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
