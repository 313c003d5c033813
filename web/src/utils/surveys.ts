// 社会评价 office pages: pure helpers (editor defaults and checks, server
// field → editor place, code cells and recipients parsing, quota progress,
// readable answers, satisfaction lookups). docs/design/survey.md.
import type {
  SurveyOption,
  ClosureRow,
  QuestionKind,
  Satisfaction,
  StoredResponse,
  Survey,
  SurveyQuestion,
  UnitResult,
} from '@/api/surveys'
import { formatRange } from './interval'
import { formatScore } from './format'

/** The scheme's 5-point mapping: 很满意 100, 满意 80, 基本满意 60, 不满意 40, 很不满意 0. */
export const DEFAULT_SCALE_POINTS: Record<string, number> = { '5': 100, '4': 80, '3': 60, '2': 40, '1': 0 }

export function blankSurvey(year: number): Survey {
  return {
    id: `${year}-satisfaction`,
    year,
    status: 'draft',
    title_zh: `${year}年度群众满意度调查`,
    title_en: `${year} public satisfaction survey`,
    intro_zh: '',
    intro_en: '',
    groups: [{ id: 'citizens', name_zh: '群众', name_en: 'Citizens', weight: 1 }],
    questions: [],
    scale_points: { ...DEFAULT_SCALE_POINTS },
    margins: {},
    quotas: [],
    min_sample: 30,
    public_link: false,
    public_group: '',
    opens_at: 0,
    closes_at: 0,
    speeder_ms_per_question: 1500,
    straightline_min_answers: 8,
  }
}

/** Fills what an older or partial survey JSON leaves out, so the editor can bind every field. */
export function normalizeSurvey(s: Partial<Survey> & { id: string; year: number }): Survey {
  const b = blankSurvey(s.year)
  return {
    ...b,
    ...s,
    groups: s.groups ?? [],
    questions: (s.questions ?? []).map((q) => ({ ...newQuestion(q.kind, []), ...q })),
    scale_points: s.scale_points ?? {},
    margins: s.margins ?? {},
    quotas: s.quotas ?? [],
  } as Survey
}

/** A new question of `kind` with an id not among `taken` (q1, q2, …). */
export function newQuestion(kind: QuestionKind, taken: string[]): SurveyQuestion {
  let n = taken.length + 1
  while (taken.includes(`q${n}`)) n++
  const q: SurveyQuestion = { id: `q${n}`, kind, text_zh: '', text_en: '', required: kind !== 'text' }
  if (kind === 'scale') Object.assign(q, { scale_min: 1, scale_max: 5, allow_dont_know: true, unit_id: '', unit_from: '' })
  if (kind === 'choice') Object.assign(q, { options: [], margin: '' })
  if (kind === 'text') Object.assign(q, { max_length: 500, unit_id: '', unit_from: '' })
  return q
}

/** Scale values every scale question can take, ascending. */
export function scaleValues(s: Pick<Survey, 'questions'>): number[] {
  const set = new Set<number>()
  for (const q of s.questions) {
    if (q.kind !== 'scale') continue
    for (let v = q.scale_min ?? 1; v <= (q.scale_max ?? 5); v++) set.add(v)
  }
  return [...set].sort((a, b) => a - b)
}

/** The scale → points table with a row for every value in use (existing points kept; new ones empty = NaN). */
export function scaleRows(s: Pick<Survey, 'questions' | 'scale_points'>): { value: number; points: number | undefined }[] {
  const values = new Set(scaleValues(s))
  for (const k of Object.keys(s.scale_points)) values.add(Number(k))
  return [...values].sort((a, b) => b - a).map((value) => ({ value, points: s.scale_points[String(value)] }))
}

/** What the editor checks before sending (the server checks everything again). */
export function editorProblems(s: Survey): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = []
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(s.id)) out.push({ field: 'id', message: 'id' })
  if (!s.title_zh.trim()) out.push({ field: 'title_zh', message: 'required' })
  if (s.groups.length === 0) out.push({ field: 'groups', message: 'required' })
  s.groups.forEach((g, i) => {
    if (!/^[a-z0-9_]{1,32}$/.test(g.id)) out.push({ field: `groups[${i}].id`, message: 'id' })
    if (!(g.weight > 0)) out.push({ field: `groups[${i}].weight`, message: 'weight' })
  })
  const ids = new Set<string>()
  s.questions.forEach((q, i) => {
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(q.id) || ids.has(q.id)) out.push({ field: `questions[${i}].id`, message: 'id' })
    ids.add(q.id)
    if (!q.text_zh.trim()) out.push({ field: `questions[${i}].text_zh`, message: 'required' })
    if (q.kind === 'choice' && (q.options?.length ?? 0) < 2) out.push({ field: `questions[${i}].options`, message: 'options' })
  })
  for (const v of scaleValues(s)) {
    const p = s.scale_points[String(v)]
    if (p === undefined || !Number.isFinite(p) || p < 0 || p > 100) out.push({ field: 'scale_points', message: 'points' })
  }
  if (s.public_link && !s.groups.some((g) => g.id === s.public_group)) out.push({ field: 'public_group', message: 'public_group' })
  if (s.opens_at && s.closes_at && s.closes_at <= s.opens_at) out.push({ field: 'closes_at', message: 'window' })
  return out.filter((p, i, a) => a.findIndex((x) => x.field === p.field) === i)
}

/**
 * Where a server field lands in the editor: 'questions[2].options[1].id' →
 * { section: 'questions', index: 2 }; 'title_zh' → { section: 'title_zh', index: -1 }.
 */
export function editorPlace(field: string): { section: string; index: number } {
  const m = /^([a-z_]+)(?:\[(\d+)\])?/.exec(field ?? '')
  if (!m) return { section: '', index: -1 }
  return { section: m[1], index: m[2] === undefined ? -1 : Number(m[2]) }
}

/** "district=D01; age=18-34" (or one per line) → cells; throws the bad part. */
export function parseCells(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of text.split(/[;；,，\n]/)) {
    const p = part.trim()
    if (!p) continue
    const m = /^([A-Za-z0-9_]+)\s*[=:：]\s*(\S.*)$/.exec(p)
    if (!m) throw new Error(p)
    out[m[1]] = m[2].trim()
  }
  return out
}

/** Pasted recipients, one a line: "13800000000 张三", "13800000000,张三" or just the number. */
export function parseRecipients(text: string): { to: string; name: string }[] {
  const out: { to: string; name: string }[] = []
  for (const line of text.split(/\r?\n/)) {
    const l = line.trim()
    if (!l) continue
    const m = /^(\S+?)(?:[\s,，\t]+(.*))?$/.exec(l)!
    out.push({ to: m[1], name: (m[2] ?? '').trim() })
  }
  return out
}

/** Quota progress in percent, capped at 100 for the bar (0 without a target). */
export function quotaPercent(accepted: number, target: number): number {
  if (!(target > 0)) return 0
  return Math.min(100, Math.round((accepted / target) * 100))
}

/** A stored response's answers in questionnaire order, readable (zh labels). */
export function readableAnswers(s: Pick<Survey, 'questions'> | null, r: StoredResponse, scaleLabels: Record<string, string> = {}): { id: string; question: string; answer: string }[] {
  const labels: Record<string, string> = { '5': '很满意', '4': '满意', '3': '基本满意', '2': '不满意', '1': '很不满意', ...scaleLabels }
  const qs = s?.questions ?? []
  const seen = new Set<string>()
  const rows: { id: string; question: string; answer: string }[] = []
  const show = (q: SurveyQuestion | undefined, id: string, v: number | string | null) => {
    let answer: string
    if (v === null || v === 'dk') answer = '不了解'
    else if (q?.kind === 'scale' && typeof v === 'number') answer = `${labels[String(v)] ?? v} (${v})`
    else if (q?.kind === 'choice') answer = q.options?.find((o) => o.id === v)?.label_zh ?? String(v)
    else answer = String(v)
    rows.push({ id, question: q?.text_zh || id, answer })
  }
  for (const q of qs) {
    if (q.id in r.answers) {
      show(q, q.id, r.answers[q.id])
      seen.add(q.id)
    }
  }
  for (const [id, v] of Object.entries(r.answers)) if (!seen.has(id)) show(undefined, id, v)
  return rows
}

/** Seconds a respondent took (paradata), or null. */
export function durationSeconds(r: Pick<StoredResponse, 'started_at_ms' | 'submitted_at_ms'>): number | null {
  if (!r.started_at_ms || !r.submitted_at_ms || r.submitted_at_ms < r.started_at_ms) return null
  return Math.round((r.submitted_at_ms - r.started_at_ms) / 1000)
}

/** unit id → its applied satisfaction (the first survey that rates the unit);
 * a unit whose satisfaction the office entered by hand gets a row with
 * `manual: true` and no sample (手工录入). */
export function satisfactionByUnit(s: Satisfaction | null | undefined): Map<string, UnitResult> {
  // With two applied surveys rating the same unit, show the n and interval
  // of the survey that supplied the unit's satisfaction (`sources`); without
  // that map (an older server), the one applied last.
  const out = new Map<string, UnitResult>()
  for (const sv of s?.surveys ?? []) {
    for (const u of sv.units ?? []) {
      const source = s?.sources?.[u.unit_id]
      if (source !== undefined) {
        if (source === sv.survey_id) out.set(u.unit_id, u)
        continue
      }
      const seen = out.get(u.unit_id)
      if (!seen || (u.computed_at ?? 0) > (seen.computed_at ?? 0)) out.set(u.unit_id, u)
    }
  }
  for (const [unit, source] of Object.entries(s?.sources ?? {})) {
    if (source !== 'manual') continue
    out.set(unit, { unit_id: unit, manual: true, n: 0, n_dont_know: 0, score: null, se: null, ci_low: null, ci_high: null, warning: '', groups: [] })
  }
  return out
}

/** "n=412 · 86.9–89.4" under a satisfaction score; `handEntered` (手工录入)
 * for a score the office entered by hand; '' without a row. */
export function satisfactionNote(u: UnitResult | undefined, handEntered = ''): string {
  if (!u) return ''
  if (u.manual) return handEntered
  const r = formatRange(u.ci_low, u.ci_high)
  return r === '—' ? `n=${u.n}` : `n=${u.n} · ${r}`
}

/** A result row's interval and SE for a table. */
export function resultCells(r: Pick<UnitResult, 'score' | 'se' | 'ci_low' | 'ci_high'>): { score: string; interval: string; se: string } {
  return { score: formatScore(r.score), interval: formatRange(r.ci_low, r.ci_high), se: formatScore(r.se) }
}

/** Closure rate as "85.0%", or "—". */
export function formatClosure(r: Pick<ClosureRow, 'closure_rate'>): string {
  return r.closure_rate === null || r.closure_rate === undefined || !Number.isFinite(r.closure_rate) ? '—' : `${(r.closure_rate * 100).toFixed(1)}%`
}

/** Overall closure over the rows (dismissed opinions are not in `total`). */
export function overallClosure(rows: ClosureRow[]): { total: number; closed: number; rate: number | null } {
  const total = rows.reduce((a, r) => a + r.total, 0)
  const closed = rows.reduce((a, r) => a + r.closed, 0)
  return { total, closed, rate: total > 0 ? closed / total : null }
}

/** unix seconds ↔ the value of an <el-date-picker type="datetime" value-format="x"> (ms). */
export const secondsToMs = (s: number): number | null => (s ? s * 1000 : null)
export const msToSeconds = (ms: number | string | null | undefined): number => (ms ? Math.floor(Number(ms) / 1000) : 0)

/**
 * A comma-separated list of warnings or review reasons as the server writes
 * them ("small_sample,rake_not_converged", "speeder,near_duplicate:12") →
 * its parts, each with what follows a colon (the earlier response's id).
 */
export function flagParts(list: string | undefined | null): { key: string; ref: string }[] {
  return (list ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => {
      const i = x.indexOf(':')
      return i < 0 ? { key: x, ref: '' } : { key: x.slice(0, i), ref: x.slice(i + 1) }
    })
}

/**
 * A choice question's options with the units of a category added (id = the
 * unit id, labels = its names), in the units' order; options already there
 * (by id) are kept as they are.
 */
export function withUnitOptions(
  options: SurveyOption[],
  units: { id: string; category_id: string; name_zh: string; name_en: string }[],
  categoryId: string,
): SurveyOption[] {
  const have = new Set(options.map((o) => o.id))
  const added = units
    .filter((u) => u.category_id === categoryId && !have.has(u.id))
    .map((u) => ({ id: u.id, label_zh: u.name_zh, label_en: u.name_en }))
  return [...options, ...added]
}
