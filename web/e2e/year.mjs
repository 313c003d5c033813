// Browser end-to-end test: a performance office's first year, from `govperf init`,
// through the UI only. tests/e2e/run-year.sh creates an empty database with
// `govperf init`, serves it with `--today 2026-04-14` (a fixed business date) and
// runs this script with BASE_URL, E2E_YEAR_ADMIN_USER/_PASS, GOVPERF and E2E_DB.
//
// The office imports its units workbook and scheme workbook (Excel files written
// here as an office lays them out: a title row, Chinese headers; a broken first
// upload is refused cell by cell and changes nothing), creates its users, opens
// 2026 and moves it to setting. Setting: a leaf edited in the tree editor (an
// invalid value shown on the field), an expert's comment, target negotiation (the
// lead department proposes, a unit counter-proposes, the lead accepts the counter,
// the office decides the rest) and publication (version 1, frozen). Monitoring: the
// unit submits a monthly value with a narrative and a PDF; the lead department
// downloads the evidence, returns it; the unit reads the reason in its inbox and on
// the report, resubmits; the lead verifies. The lead department's own unit's report
// is verified by the office (利益回避). The lead imports the other units' values; the
// daily reminder run (`govperf remind`, as cron would) gives a yellow card (黄牌) with
// the header badge. An adjustment (调整程序) approved → version 2 with its diff. The
// leader's dashboard shows time-progress colours. Wrong roles are denied throughout.
//
// Dates (business date 2026-04-14, a Tuesday; elapsed share of the year ≈ 0.285):
// 1.1.1 is monthly: March is due 2026-04-10 (10 days after the period, a Friday), so
// a March report submitted today is late; January and February are red cards.
// 1.2.1 is quarterly: Q1 due 2026-04-10, 2 working days late today → a yellow card.
import { readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import assert from 'node:assert/strict'
import writeXlsxFile from 'write-excel-file/node'
import {
  BASE, XLSX, page, start, as, step, input, menu, shot, pick, logout, successMessage, api,
  moveYear as moveYearOf, importFile as importInto, openMenu, finish,
} from './harness.mjs'

const GOVPERF = process.env.GOVPERF ?? ''
const DB = process.env.E2E_DB ?? ''
const TODAY = process.env.E2E_TODAY ?? '2026-04-14'
const ADMIN = [process.env.E2E_YEAR_ADMIN_USER ?? 'admin', process.env.E2E_YEAR_ADMIN_PASS ?? 'Year-admin-2026!']
const LEAD = ['lead_b01', 'Lead-b01-2026!']
const UNIT = ['unit_d02', 'Unit-d02-2026!']
const EXPERT = ['expert_wang', 'Expert-wang-2026!']
const LEADER = ['leader_li', 'Leader-li-2026!']
const YEAR = 2026

// --- the office's workbooks ------------------------------------------------------------
const UNIT_ROWS = [
  // 序号, 单位编码, 单位名称, 单位类别, 单位类型, 上级单位
  [1, 'D01', '东城区', '区县', '区县', null],
  [2, 'D02', '西城区', '区县', '区县', null],
  [3, 'D03', '南湖区', '区县', '区县', null],
  [4, 'B01', '市发展改革委', '市直部门', '市直单位', null],
]
function unitsWorkbook(broken) {
  const rows = UNIT_ROWS.map((r) => [...r])
  if (broken) rows[2][5] = '外星局' // 上级单位 not in the registry nor the sheet: F5
  return writeXlsxFile([
    ['2026年度考核对象名录', null, null, null, null, null],
    ['序号', '单位编码', '单位名称', '单位类别', '单位类型', '上级单位'],
    ...rows,
  ], { sheet: '单位名录' }).toBuffer()
}

// One row per leaf; the level-1 name is left blank below its first row (carried down).
const SCHEME_HEADER = ['一级指标', '二级指标', '三级指标', '指标编码', '分值（分）', '计量单位', '计分方法', '牵头考核单位', '适用对象', '累计值']
const SCHEME_ROWS = [
  ['经济发展', '投资建设', '固定资产投资完成额', '1.1.1', 60, '亿元', '完成率法', '市发展改革委', '区县', '是'],
  [null, '民生保障', '民生实事项目完成率', '1.2.1', 30, '%', '完成率法', '市发展改革委', '全部', '否'],
  // Graded A–D by the lead department at year end (a reason required for each grade).
  [null, '民生保障', '为民服务工作成效', '1.2.2', 10, null, '定性评价法', '市发展改革委', '全部', '否'],
]
// Targets of 1.2.1 come with the scheme; those of 1.1.1 are negotiated in the setting stage.
const TARGET_ROWS = ['D01', 'D02', 'D03', 'B01'].map((u) => ['1.2.1', u, 100]).concat(process.env.E2E_ALL_TARGETS ? ['D01', 'D02', 'D03'].map((u) => ['1.1.1', u, 100]) : [])
function schemeWorkbook(broken) {
  const rows = SCHEME_ROWS.map((r) => [...r])
  if (broken) rows[1][4] = '四十分' // 分值 not a number: E4
  return writeXlsxFile([
    { sheet: '指标体系', data: [['2026年度市域政府综合绩效考核指标体系', ...Array(SCHEME_HEADER.length - 1).fill(null)], SCHEME_HEADER, ...rows] },
    { sheet: '目标值', data: [['指标编码', '单位编码', '目标值'], ...TARGET_ROWS] },
  ]).toBuffer()
}

// Negotiated targets of 1.1.1 (亿元): the lead proposes, D02 counters with 90.
const PROPOSED = { D01: 100, D02: 100, D03: 100 }
const COUNTER = 90
// Year-to-date values for March 2026; elapsed on 2026-04-14 ≈ 0.285, green ≥ 1.0, yellow ≥ 0.8:
//   D02 30 / 90 = 0.333 → 1.17 green; D03 25 / 100 → 0.88 yellow; D01 10 / 100 → 0.35 red.
const MARCH = { D01: 10, D02: 30, D03: 25 }
const ADJUSTED = 80 // D02's target after the approved adjustment

// A small real PDF (the server judges the type by content).
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
  '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

const moveYear = (to) => moveYearOf(YEAR, to)
const importFile = (what, name, buffer) => importInto(name, buffer)

await start('year')

// ---------------------------------------------------------------------------------------
await step('admin logs in to an empty installation', async () => {
  await as(ADMIN)
  await page.waitForURL(/\/admin$/)
  await page.getByTestId('admin-home').waitFor()
  assert.equal(await page.locator('[data-testid="years-table"] tbody tr').count(), 0, 'no years yet')
})

await step('单位名录 workbook: a broken file is refused by cell and changes nothing; the fixed one is imported', async () => {
  await openMenu('机构管理', 'org-page')
  await page.locator('#tab-units').click()
  await page.getByTestId('wb-import-units').click()
  await page.getByTestId('import-dialog-units').waitFor()
  await importFile('units', '单位名录.xlsx', await unitsWorkbook(true))
  const err = page.getByTestId('import-error-单位名录!F5')
  await err.waitFor()
  const errRow = await page.locator('[data-testid="import-errors"] tbody tr').filter({ hasText: '单位名录!F5' }).innerText()
  assert.match(errRow, /外星局/, `the error names the value: ${errRow}`)
  assert.equal(await page.getByTestId('import-confirm').count(), 0, 'no confirm for a refused file')
  await shot('units-refused')
  // Nothing changed: the registry is still empty.
  const org = await api('GET', '/api/v1/org')
  assert.equal(org.status, 200)
  assert.equal(org.body.units.length, 0, 'no unit after a refused file')

  await importFile('units', '单位名录.xlsx', await unitsWorkbook(false))
  const counts = page.locator('[data-testid="import-counts"] tbody tr')
  assert.match(await counts.filter({ hasText: '单位' }).last().innerText(), /4/, 'dry run: 4 units to add')
  assert.equal(await page.getByTestId('import-summary').getAttribute('data-total'), '6', 'dry run: 2 categories + 4 units')
  assert.equal((await api('GET', '/api/v1/org')).body.units.length, 0, 'a dry run changes nothing')
  await page.getByTestId('import-confirm').click()
  await successMessage('6')
  await page.keyboard.press('Escape')
  const rows = page.locator('[data-testid="units-table"] tbody tr')
  await rows.nth(3).waitFor()
  assert.equal(await rows.count(), 4)
  assert.match(await rows.filter({ hasText: 'B01' }).innerText(), /市发展改革委[\s\S]*市直部门/)
})

await step('用户管理: lead department B01, unit D02, an expert and a leader', async () => {
  await openMenu('用户管理', 'users-page')
  const users = [
    { u: LEAD, display: '市发展改革委', role: 'lead', unit: 'B01' },
    { u: UNIT, display: '西城区政府办', role: 'unit', unit: 'D02' },
    { u: EXPERT, display: '王专家', role: 'expert' },
    { u: LEADER, display: '李市长', role: 'leader' },
  ]
  for (const x of users) {
    await page.getByTestId('new-user').click()
    await input('user-username').fill(x.u[0])
    await input('user-display-name').fill(x.display)
    await page.getByTestId('user-role').click()
    await page.locator(`[data-testid="role-${x.role}"]:visible`).click()
    if (x.unit) {
      const unitSelect = page.getByTestId('user-unit')
      for (let i = 0; i < 3 && !(await unitSelect.innerText()).includes(x.unit); i++) {
        await unitSelect.click()
        await page.locator(`[data-testid="user-unit-${x.unit}"]:visible`).click()
      }
      assert.match(await unitSelect.innerText(), new RegExp(x.unit))
    }
    await input('user-password').fill(x.u[1])
    await page.getByTestId('user-save').click()
    await successMessage(`已创建用户 ${x.u[0]}`)
    await page.locator('[data-testid="users-table"] tbody tr').filter({ hasText: x.u[0] }).waitFor()
  }
})

await step('年度管理: open 2026, import the scheme workbook (broken first), move to setting', async () => {
  await openMenu('年度管理', 'admin-home')
  await page.getByTestId('open-year').click()
  const y = input('open-year-input')
  await y.fill(String(YEAR))
  await y.press('Tab')
  await page.getByTestId('open-year-empty').click()
  await page.getByTestId('open-year-submit').click()
  await successMessage(`${YEAR}年度已开启`)
  await page.locator(`[data-testid="stage-${YEAR}"][data-stage="draft"]`).waitFor()

  await page.getByTestId(`wb-import-scheme-${YEAR}`).click()
  await page.getByTestId('import-dialog-scheme').waitFor()
  await importFile('scheme', '指标体系.xlsx', await schemeWorkbook(true))
  await page.getByTestId('import-error-指标体系!E4').waitFor()
  assert.match(await page.locator('[data-testid="import-errors"] tbody tr').filter({ hasText: '指标体系!E4' }).innerText(), /四十分/)
  const before = await api('GET', `/api/v1/years/${YEAR}/setting/scheme`)
  assert.equal(before.body.nodes.length, 0, 'a refused scheme file changes nothing')

  await importFile('scheme', '指标体系.xlsx', await schemeWorkbook(false))
  const counts = await page.getByTestId('import-counts').innerText()
  assert.match(counts, /指标[\s\S]*6/, `dry run: 6 indicator nodes: ${counts}`)
  assert.match(counts, process.env.E2E_ALL_TARGETS ? /目标值[\s\S]*7/ : /目标值[\s\S]*4/, `dry run: 4 targets: ${counts}`)
  await page.getByTestId('import-confirm').click()
  await page.locator('[data-testid="import-summary"]').filter({ hasText: '已导入' }).or(page.locator('.el-message--success')).first().waitFor()
  await page.keyboard.press('Escape')
  await page.getByTestId(`has-scheme-${YEAR}`).filter({ hasText: '已导入' }).waitFor()
  await moveYear('setting')
  assert.match(await page.getByTestId(`stage-${YEAR}`).innerText(), /指标设置/)
  await shot('years-setting')
})

await step('指标设置: the office edits leaf 1.1.1 (an invalid value on its field), monthly reporting', async () => {
  await openMenu('指标设置', 'setting-page')
  await page.getByTestId('node-1.1.1').click()
  await page.getByTestId('node-detail').filter({ hasText: '固定资产投资完成额' }).waitFor()
  await page.getByTestId('node-edit').click()
  await page.getByTestId('node-dialog').waitFor()
  // More points than the parent holds: refused by the server, shown on the field.
  const pts = input('node-points')
  await pts.fill('500')
  await pts.press('Tab')
  await page.getByTestId('node-submit').click()
  const fieldErr = page.locator('[data-testid="node-dialog"] .el-form-item__error').first()
  await fieldErr.waitFor()
  const errText = await fieldErr.innerText()
  assert.ok(errText.length > 3, `the refusal is on the field: ${errText}`)
  await pts.fill('60')
  await pts.press('Tab')
  await pick('node-frequency', '月')
  await input('param-cap').fill('1.2')
  await page.getByTestId('node-submit').click()
  await page.getByTestId('node-dialog').waitFor({ state: 'hidden' })
  // Saved and reloaded from the server: the new parameter and frequency are shown.
  await page.getByTestId('node-detail').filter({ hasText: 'cap=1.2' }).waitFor()
  const saved = (await api('GET', `/api/v1/years/${YEAR}/setting/scheme`)).body.nodes.find((n) => n.id === '1.1.1')
  assert.equal(saved.frequency, 'monthly')
  assert.equal(saved.params.cap, 1.2)
  assert.equal(saved.points, 60)
})

await step('专家: the expert comments on 1.1.1', async () => {
  await as(EXPERT)
  await openMenu('指标设置', 'setting-page')
  await page.getByTestId('node-1.1.1').click()
  await input('comment-text').fill('建议将固定资产投资目标与上年实际完成额挂钩。')
  await page.getByTestId('comment-send').click()
  await page.getByTestId('comments').filter({ hasText: '挂钩' }).waitFor()
  assert.equal(await page.getByTestId('node-edit').count(), 0, 'an expert cannot edit nodes')
})

await step('权责清单: the office imports D02’s duty list (a title row, header variants) and links 1.1.1; the uncovered item shows', async () => {
  await as(ADMIN)
  await openMenu('权责清单', 'duties-page')
  await pick('duties-unit', 'D02')
  await page.getByTestId('duties-summary').filter({ hasText: '共 0 项' }).waitFor()
  const buffer = await writeXlsxFile([
    ['西城区权责清单（2026年版）', null, null, null],
    ['职权编码', '职权名称', '职权类别', '设定依据'],
    ['XK-001', '政府投资项目审批', '行政许可', '《政府投资条例》'],
    ['JC-002', '安全生产监督检查', '行政检查', '《安全生产法》'],
  ], { sheet: '权责清单' }).toBuffer()
  await page.getByTestId('duties-file').setInputFiles({ name: '西城区权责清单.xlsx', mimeType: XLSX, buffer })
  await successMessage('2 项权责事项')
  await page.getByTestId('duties-summary').filter({ hasText: '2 项尚无指标覆盖' }).waitFor()
  await page.getByTestId('duties-link').click()
  await pick('duties-link-indicator', '1.1.1')
  await pick('duties-link-items', 'XK-001')
  await page.keyboard.press('Escape')
  await page.getByTestId('duties-link-save').click()
  await page.getByTestId('duties-summary').filter({ hasText: '1 项尚无指标覆盖' }).waitFor()
  await page.getByTestId('uncovered-JC-002').waitFor()
  assert.equal(await page.getByTestId('uncovered-XK-001').count(), 0, 'XK-001 is covered by 1.1.1')
  const stored = (await api('GET', `/api/v1/years/${YEAR}/setting/duties/D02`)).body
  assert.deepEqual(stored.links, [{ item_id: 'XK-001', indicator_id: '1.1.1' }])
  assert.equal(stored.items[1].basis, '《安全生产法》')
})

await step('目标值协商: the lead department proposes 1.1.1 targets for D01–D03', async () => {
  await as(LEAD)
  await openMenu('目标值协商', 'targets-page')
  await page.getByTestId('awaiting-me').click() // all rows, not only those awaiting me
  for (const [u, v] of Object.entries(PROPOSED)) {
    await page.getByTestId(`target-propose-1.1.1-${u}`).click()
    await input('target-value').fill(String(v))
    await input('target-reason').fill('按全市年度投资计划分解')
    await page.getByTestId('target-confirm').click()
    await page.locator(`[data-testid="target-1.1.1-${u}"][data-state="proposed"]`).waitFor()
  }
  // The lead cannot publish: no button, and the API refuses.
  await openMenu('指标设置', 'setting-page')
  assert.equal(await page.getByTestId('publish').count(), 0, 'no publish button for the lead')
  assert.equal((await api('POST', `/api/v1/years/${YEAR}/setting/publish`, { note: 'x' })).status, 403, 'publish as lead')
})

await step('目标值协商: unit D02 counter-proposes with a reason', async () => {
  await as(UNIT)
  await openMenu('目标值协商', 'targets-page')
  await page.getByTestId('target-counter-1.1.1-D02').click()
  await input('target-value').fill(String(COUNTER))
  await input('target-reason').fill('重大项目延期开工，建议下调')
  await page.getByTestId('target-confirm').click()
  await page.getByTestId('target-dialog').waitFor({ state: 'hidden' })
  await page.getByTestId('awaiting-me').click() // answered: no longer awaiting the unit
  await page.locator('[data-testid="target-1.1.1-D02"][data-state="countered"]').waitFor()
})

await step('目标值协商: the lead accepts the counter-proposal', async () => {
  await as(LEAD)
  await openMenu('目标值协商', 'targets-page')
  await page.getByTestId('target-accept_counter-1.1.1-D02').click()
  await page.getByTestId('target-confirm').click()
  await page.getByTestId('awaiting-me').click()
  await page.locator('[data-testid="target-1.1.1-D02"][data-state="agreed"]').waitFor()
})

await step('the office decides the open targets and publishes → version 1, frozen', async () => {
  await as(ADMIN)
  await openMenu('目标值协商', 'targets-page')
  await page.getByTestId('awaiting-me').click() // proposed rows await the units, not the office
  for (const u of ['D01', 'D03']) {
    await page.getByTestId(`target-decide-1.1.1-${u}`).click()
    await input('target-reason').fill('采纳牵头部门建议')
    await page.getByTestId('target-confirm').click()
    await page.locator(`[data-testid="target-1.1.1-${u}"][data-state="decided"]`).waitFor()
  }
  await openMenu('指标设置', 'setting-page')
  await page.getByTestId('publish').click()
  await input('publish-note').fill('2026年度指标体系正式发布')
  await page.getByTestId('publish-confirm').click()
  await page.getByTestId('setting-version').filter({ hasText: '1' }).waitFor()
  assert.match(await page.getByTestId('setting-version').innerText(), /版本\s*1|v\s*1|1/)
  assert.equal(await page.getByTestId('node-edit').count(), 0, 'frozen: no edit control')
  assert.equal(await page.getByTestId('add-top').count(), 0, 'frozen: no add control')
  const refused = await api('PUT', `/api/v1/years/${YEAR}/setting/nodes/1.1.1`, { points: 50 })
  assert.equal(refused.status, 409, `a node edit after publication: ${JSON.stringify(refused.body)}`)
  const targets = await api('GET', `/api/v1/years/${YEAR}/setting/targets?indicator_id=1.1.1`)
  const agreed = Object.fromEntries(targets.body.targets.map((r) => [r.unit_id, r.target]))
  assert.deepEqual(agreed, { D01: 100, D02: COUNTER, D03: 100 })
  await shot('published')
})

await step('monitoring: the office moves the year on', async () => {
  await openMenu('年度管理', 'admin-home')
  await moveYear('monitoring')
  assert.match(await page.getByTestId(`stage-${YEAR}`).innerText(), /日常监测/)
})

await step('denials: the unit has no verification queue nor tree editing (page and API)', async () => {
  await as(UNIT)
  const m = await menu().innerText()
  assert.ok(!m.includes('监测审核') && !m.includes('审核'), `unit menu without the queue: ${m}`)
  await page.goto(BASE + '/verify')
  await page.getByTestId('forbidden').waitFor()
  assert.equal((await api('POST', `/api/v1/years/${YEAR}/reports/1.1.1/D02/${YEAR}-03/verify`, {})).status, 403, 'verify as unit')
  await page.goto(BASE + '/setting')
  await page.getByTestId('setting-page').waitFor()
  await page.getByTestId('node-1.1.1').click()
  assert.equal(await page.getByTestId('node-edit').count(), 0, 'no edit control for a unit')
  assert.equal((await api('PUT', `/api/v1/years/${YEAR}/setting/nodes/1.1.1`, { points: 50 })).status, 403, 'node edit as unit')
})

await step('日常监测: the unit submits March with a narrative and a PDF (late: due 04-10)', async () => {
  await openMenu('监测填报', 'reports-page')
  const slot = page.locator(`[data-testid="slot-1.1.1-${YEAR}-03"]`)
  await slot.waitFor()
  assert.match(await page.getByTestId('reports-page').innerText(), new RegExp(`今日 ${TODAY}`), 'the business date is shown')
  assert.equal(await slot.getAttribute('data-state'), 'due')
  // Monthly, as set on the leaf in the tree editor: 12 periods, January long overdue.
  assert.equal(await page.locator('[data-testid^="slot-1.1.1-"]').count(), 12, '1.1.1 reports monthly')
  assert.equal(await page.getByTestId(`slot-1.1.1-${YEAR}-01`).getAttribute('data-highlight'), 'overdue')
  assert.equal(await page.locator('[data-testid^="slot-1.2.1-"]').count(), 4, '1.2.1 quarterly (the default)')
  await page.getByTestId(`submit-1.1.1-${YEAR}-03`).click()
  await input('report-value').fill(String(MARCH.D02))
  await input('report-narrative').fill('一季度完成固定资产投资30亿元，重点项目按计划推进。')
  await page.getByTestId('report-file').setInputFiles({ name: '一季度投资统计.pdf', mimeType: 'application/pdf', buffer: PDF })
  await page.getByTestId('report-submit').click()
  await page.getByTestId('report-dialog').waitFor({ state: 'hidden' })
  await page.locator(`[data-testid="slot-1.1.1-${YEAR}-03"][data-state="submitted"]`).waitFor()
  const row = await page.locator('[data-testid="reports-table"] tbody tr').filter({ has: slot }).innerText()
  assert.match(row, /迟报/, `a submission after the due date is late (迟报): ${row}`)
  const r = await api('GET', `/api/v1/years/${YEAR}/reports/1.1.1/D02/${YEAR}-03`)
  assert.equal(r.body.late, true)
  assert.equal(r.body.due_date, `${YEAR}-04-10`)
  assert.equal(r.body.evidence.length, 1)
  assert.equal(r.body.evidence[0].content_type, 'application/pdf')
  await shot('unit-submitted')
})

await step('审核: the lead sees it, downloads the evidence, returns it with a reason', async () => {
  await as(LEAD)
  await openMenu('监测审核', 'verify-page')
  const q = page.getByTestId(`queue-1.1.1-D02-${YEAR}-03`)
  await q.waitFor()
  const row = page.locator('[data-testid="verify-table"] tbody tr').filter({ has: q })
  await row.locator('.el-table__expand-icon').click()
  const evidence = page.locator('[data-testid="evidence-list"] button').filter({ hasText: '一季度投资统计.pdf' })
  const [response, download] = await Promise.all([
    page.waitForResponse((res) => res.url().includes('/evidence/')),
    page.waitForEvent('download'),
    evidence.click(),
  ])
  assert.equal(response.status(), 200)
  assert.equal(response.headers()['content-type'], 'application/pdf')
  const bytes = readFileSync(await download.path())
  assert.ok(bytes.equals(PDF), 'the evidence downloaded is the file submitted')
  await page.getByTestId(`return-1.1.1-D02-${YEAR}-03`).click()
  await input('return-reason-input').fill('请补充重点项目清单')
  await page.getByTestId('return-confirm').click()
  await page.getByTestId('return-dialog').waitFor({ state: 'hidden' })
  await q.waitFor({ state: 'detached' })
})

await step('the unit reads the return reason in its inbox and on the report, resubmits', async () => {
  await as(UNIT)
  await page.getByTestId('inbox-button').click()
  await page.getByTestId('inbox-page').waitFor()
  const msg = page.locator('[data-testid="inbox-table"] tbody tr').filter({ hasText: '请补充重点项目清单' })
  await msg.waitFor()
  await openMenu('监测填报', 'reports-page')
  await page.locator(`[data-testid="slot-1.1.1-${YEAR}-03"][data-state="returned"]`).waitFor()
  await page.getByTestId(`submit-1.1.1-${YEAR}-03`).click()
  assert.match(await page.getByTestId('return-reason').innerText(), /请补充重点项目清单/)
  await input('report-narrative').fill('一季度完成固定资产投资30亿元；重点项目清单见附件。')
  await page.getByTestId('report-submit').click()
  await page.getByTestId('report-dialog').waitFor({ state: 'hidden' })
  await page.locator(`[data-testid="slot-1.1.1-${YEAR}-03"][data-state="submitted"]`).waitFor()
})

await step('the lead verifies; its own unit B01 reports 1.2.1 and cannot verify it (利益回避)', async () => {
  await as(LEAD)
  await openMenu('监测审核', 'verify-page')
  await page.getByTestId(`verify-1.1.1-D02-${YEAR}-03`).click()
  await successMessage('')
  const r = await api('GET', `/api/v1/years/${YEAR}/reports/1.1.1/D02/${YEAR}-03`)
  assert.equal(r.body.state, 'verified')
  assert.equal(r.body.submissions, 2)

  // B01 is assessed on 1.2.1, which it leads: it reports Q1 itself…
  await openMenu('监测填报', 'reports-page')
  await page.getByTestId(`submit-1.2.1-${YEAR}-03`).click()
  await input('report-value').fill('35')
  await input('report-narrative').fill('一季度民生实事项目完成35%')
  await page.getByTestId('report-submit').click()
  await page.getByTestId('report-dialog').waitFor({ state: 'hidden' })
  // …and its own report is not in its queue, and the API refuses it.
  await openMenu('监测审核', 'verify-page')
  await page.locator('[data-testid="verify-table"]').waitFor()
  assert.equal(await page.getByTestId(`queue-1.2.1-B01-${YEAR}-03`).count(), 0, 'own report not in the lead queue')
  assert.equal((await api('POST', `/api/v1/years/${YEAR}/reports/1.2.1/B01/${YEAR}-03/verify`, {})).status, 403, 'verify own as lead')
})

await step('the lead imports March values of D01 and D03 (values workbook)', async () => {
  await openMenu('牵头指标', 'lead-page')
  await page.getByTestId('wb-import-values').click()
  await page.getByTestId('import-dialog-values').waitFor()
  const wb = await writeXlsxFile([
    ['2026年3月固定资产投资完成情况（累计）', null, null, null],
    ['指标编码', '单位名称', '期间', '完成值'],
    ['1.1.1', '东城区', '2026年3月', MARCH.D01],
    ['1.1.1', '南湖区', '2026年3月', MARCH.D03],
  ], { sheet: '监测数据' }).toBuffer()
  await importFile('values', '3月投资.xlsx', wb)
  assert.equal(await page.getByTestId('import-summary').getAttribute('data-total'), '2')
  await page.getByTestId('import-confirm').click()
  await successMessage('2')
  await page.keyboard.press('Escape')
})

await step('the office verifies B01’s own report', async () => {
  await as(ADMIN)
  await openMenu('监测审核', 'verify-page')
  await page.getByTestId(`verify-1.2.1-B01-${YEAR}-03`).click()
  await page.getByTestId(`queue-1.2.1-B01-${YEAR}-03`).waitFor({ state: 'detached' })
  const r = await api('GET', `/api/v1/years/${YEAR}/reports/1.2.1/B01/${YEAR}-03`)
  assert.equal(r.body.state, 'verified')
  assert.equal(r.body.decided_by, ADMIN[0])
})

await step('escalation: the daily reminder run gives D02 a yellow card (黄牌) with the header badge', async () => {
  assert.ok(GOVPERF && DB, 'GOVPERF and E2E_DB are set')
  const out = execFileSync(GOVPERF, ['remind', '--db', DB, '--date', TODAY], { encoding: 'utf8' })
  const lines = out.trim().split('\n').map((l) => JSON.parse(l))
  const yellow = lines.find((l) => l.unit_id === 'D02' && l.indicator_id === '1.2.1' && l.level === 'yellow')
  assert.ok(yellow, `a yellow card for D02 1.2.1: ${out}`)
  assert.equal(yellow.due_date, `${YEAR}-04-10`)
  // January's 1.1.1 report (due 02-10) is far more than 5 working days late: a red card.
  const red = lines.find((l) => l.unit_id === 'D02' && l.indicator_id === '1.1.1' && l.period === `${YEAR}-01`)
  assert.equal(red?.level, 'red', `a red card for D02 1.1.1 January: ${out}`)

  await as(UNIT)
  const badge = page.getByTestId('inbox-badge')
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="inbox-badge"]')?.getAttribute('data-unread') ?? 0) > 0)
  const unread = Number(await badge.getAttribute('data-unread'))
  assert.equal((await badge.locator('.el-badge__content').innerText()).trim(), String(unread))
  await page.getByTestId('inbox-button').click()
  await page.getByTestId('inbox-page').waitFor()
  const card = page.locator('[data-testid="inbox-table"] tbody tr').filter({ hasText: '黄牌' }).filter({ hasText: '1.2.1' })
  await card.waitFor()
  const inbox = await api('GET', '/api/v1/inbox')
  assert.equal(inbox.body.unread, unread, 'the badge is the unread count')
  assert.ok(inbox.body.messages.some((m) => m.kind === 'escalation.yellow'))

  // On the reports page the Q1 report of 1.2.1 is overdue.
  await openMenu('监测填报', 'reports-page')
  const slot = page.locator(`[data-testid="slot-1.2.1-${YEAR}-03"]`)
  await slot.waitFor()
  assert.equal(await slot.getAttribute('data-state'), 'due')
  assert.equal(await slot.getAttribute('data-highlight'), 'overdue')
  await shot('unit-overdue')
})

await step('调整程序: the unit requests a target change with a reason', async () => {
  await openMenu('调整申请', 'changes-page')
  await page.getByTestId('change-new').click()
  await page.getByTestId('change-dialog').waitFor()
  await pick('change-indicator', '1.1.1')
  await input('change-value').fill(String(ADJUSTED))
  await input('change-reason').fill('受专项债额度调减影响，申请调整年度目标')
  await page.getByTestId('change-submit').click()
  await page.getByTestId('change-dialog').waitFor({ state: 'hidden' })
  await page.locator('[data-testid^="change-"][data-state="pending"]').first().waitFor()
})

await step('the office approves → version 2; the diff shows the target 90 → 80', async () => {
  await as(ADMIN)
  await openMenu('调整申请', 'changes-page')
  const approve = page.locator('[data-testid^="change-approve-"]').first()
  await approve.click()
  await input('decide-reason').fill('同意调整')
  await page.getByTestId('decide-confirm').click()
  await page.locator('[data-testid^="change-"][data-state="approved"]').first().waitFor()
  await openMenu('指标设置', 'setting-page')
  await page.getByTestId('setting-version').filter({ hasText: '2' }).waitFor()
  await page.locator('#tab-versions').click()
  const versions = page.locator('[data-testid="versions-table"] tbody tr')
  await page.getByTestId('diff-2').waitFor()
  assert.equal(await versions.count(), 2, 'versions 1 and 2')
  assert.match(await versions.nth(1).innerText(), /^\s*2\s[\s\S]*同意调整/)
  await page.getByTestId('diff-2').click()
  const diffRow = page.locator('[data-testid="diff-table"] tbody tr').filter({ hasText: '1.1.1/D02' })
  await diffRow.waitFor()
  const text = await diffRow.innerText()
  assert.match(text, /90[\s\S]*80/, `diff row: ${text}`)
  await shot('versions')
})

await step('领导: the dashboard shows time-progress colours per unit', async () => {
  await as(LEADER)
  await page.waitForURL(/\/leader/)
  const summary = page.getByTestId('progress-summary')
  await summary.waitFor()
  // D02: 30 / 80 (adjusted) = 0.375 → 1.31 green; D03: 0.25 → 0.88 yellow; D01: 0.10 → 0.35 red.
  assert.equal(await page.getByTestId('progress-unit-D01').getAttribute('data-status'), 'red')
  assert.equal(await page.getByTestId('progress-unit-D03').getAttribute('data-status'), 'yellow')
  assert.equal(await page.getByTestId('progress-unit-D02').getAttribute('data-status'), 'green')
  await shot('dashboard')
  await logout()
})

process.exit(await finish())
