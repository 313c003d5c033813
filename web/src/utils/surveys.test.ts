import { describe, expect, it } from 'vitest'
import {
  blankSurvey,
  editorPlace,
  editorProblems,
  newQuestion,
  normalizeSurvey,
  overallClosure,
  parseCells,
  parseRecipients,
  quotaPercent,
  readableAnswers,
  satisfactionByUnit,
  flagParts,
  withUnitOptions,
  satisfactionNote,
  scaleRows,
  formatClosure,
  durationSeconds,
} from './surveys'
import type { StoredResponse } from '@/api/surveys'

describe('survey editor helpers', () => {
  it('starts a draft with the scheme mapping and no problems once a question is written', () => {
    const s = blankSurvey(2026)
    expect(s.scale_points).toEqual({ '5': 100, '4': 80, '3': 60, '2': 40, '1': 0 })
    const q = newQuestion('scale', [])
    q.text_zh = '政务服务'
    s.questions.push(q)
    expect(editorProblems(s)).toEqual([])
  })

  it('names unique question ids and the missing parts', () => {
    expect(newQuestion('text', ['q1', 'q2']).id).toBe('q3')
    expect(newQuestion('choice', ['q1', 'q3']).id).toBe('q4')
    const s = blankSurvey(2026)
    s.title_zh = ''
    s.groups[0].weight = 0
    s.questions.push({ ...newQuestion('choice', []), text_zh: '区', options: [{ id: 'D01', label_zh: '东城', label_en: '' }] })
    s.questions.push({ ...newQuestion('scale', []), text_zh: '服务', scale_max: 7 })
    s.public_link = true
    s.public_group = 'walkin'
    expect(editorProblems(s).map((p) => p.field)).toEqual([
      'title_zh', 'groups[0].weight', 'questions[0].options', 'questions[1].id', 'scale_points', 'public_group',
    ])
  })

  it('lists scale rows for every value in use, best first', () => {
    const s = blankSurvey(2026)
    s.questions.push({ ...newQuestion('scale', []), scale_min: 0, scale_max: 5 })
    expect(scaleRows(s).map((r) => [r.value, r.points])).toEqual([[5, 100], [4, 80], [3, 60], [2, 40], [1, 0], [0, undefined]])
  })

  it('places server fields in the editor', () => {
    expect(editorPlace('questions[2].options[1].id')).toEqual({ section: 'questions', index: 2 })
    expect(editorPlace('title_zh')).toEqual({ section: 'title_zh', index: -1 })
    expect(editorPlace('margins.citizens')).toEqual({ section: 'margins', index: -1 })
    expect(editorPlace('')).toEqual({ section: '', index: -1 })
  })

  it('fills partial definitions for binding', () => {
    const s = normalizeSurvey({ id: 'x', year: 2025, questions: [{ id: 'a', kind: 'text', text_zh: 't', text_en: '', required: false }] })
    expect(s.questions[0].max_length).toBe(500)
    expect(s.quotas).toEqual([])
    expect(s.min_sample).toBe(30)
  })
})

describe('distribution helpers', () => {
  it('parses cells and recipients', () => {
    expect(parseCells('district=D01; age：18-34\nsex = F')).toEqual({ district: 'D01', age: '18-34', sex: 'F' })
    expect(parseCells('  ')).toEqual({})
    expect(() => parseCells('district')).toThrow('district')
    expect(parseRecipients('13800000001 张三\n13800000002,李四\n\n13800000003')).toEqual([
      { to: '13800000001', name: '张三' },
      { to: '13800000002', name: '李四' },
      { to: '13800000003', name: '' },
    ])
  })
  it('caps quota bars', () => {
    expect(quotaPercent(150, 300)).toBe(50)
    expect(quotaPercent(400, 300)).toBe(100)
    expect(quotaPercent(5, 0)).toBe(0)
  })
})

describe('review and results helpers', () => {
  const survey = normalizeSurvey({
    id: 's', year: 2026,
    questions: [
      { id: 'district', kind: 'choice', text_zh: '您住在哪个区', text_en: '', required: true, options: [{ id: 'D01', label_zh: '东城区', label_en: '' }] },
      { id: 'q1', kind: 'scale', text_zh: '政务服务', text_en: '', required: true },
      { id: 'q2', kind: 'scale', text_zh: '治安', text_en: '', required: false },
    ],
  })
  const r: StoredResponse = {
    id: 5, channel: 'code', group_id: 'citizens', cells: {}, answers: { q2: null, district: 'D01', q1: 4, extra: 'x' },
    started_at_ms: 1000, submitted_at_ms: 13_400, received_at: 0, status: 'flagged', reason: 'speeder', reviewed_by: '', review_note: '',
  }
  it('shows answers readably in questionnaire order', () => {
    expect(readableAnswers(survey, r).map((x) => `${x.question}: ${x.answer}`)).toEqual([
      '您住在哪个区: 东城区', '政务服务: 满意 (4)', '治安: 不了解', 'extra: x',
    ])
    expect(durationSeconds(r)).toBe(12)
    expect(durationSeconds({ started_at_ms: 0, submitted_at_ms: 5 })).toBeNull()
  })
  it('finds a unit’s satisfaction and writes n and the interval', () => {
    const sat = {
      year: 2026,
      surveys: [{ survey_id: 's', title_zh: '', title_en: '', units: [
        { unit_id: 'D01', n: 412, n_dont_know: 3, score: 88.1, se: 0.64, ci_low: 86.94, ci_high: 89.36, warning: '', groups: [] },
      ] }],
    }
    const m = satisfactionByUnit(sat)
    expect(satisfactionNote(m.get('D01'))).toBe('n=412 · 86.9–89.4')
    expect(satisfactionNote(m.get('D02'))).toBe('')
    expect(satisfactionByUnit(null).size).toBe(0)
  })
  it('takes the n and interval of the survey that supplied the unit, whichever was computed last', () => {
    const row = (n: number, computed_at: number) =>
      ({ unit_id: 'D01', n, n_dont_know: 0, score: 80, se: 1, ci_low: 78, ci_high: 82, warning: '', groups: [], computed_at })
    const sat = {
      year: 2025,
      surveys: [
        { survey_id: 'a', title_zh: '', title_en: '', units: [row(100, 2)] },
        { survey_id: 'b', title_zh: '', title_en: '', units: [row(200, 1)] },
      ],
      sources: { D01: 'b' },
    }
    expect(satisfactionByUnit(sat).get('D01')?.n).toBe(200)
    expect(satisfactionByUnit({ ...sat, sources: undefined }).get('D01')?.n).toBe(100)
  })
  it('shows hand-entered (手工录入) where the office typed the satisfaction in, not a survey’s sample', () => {
    const row = { unit_id: 'D01', n: 100, n_dont_know: 0, score: 80, se: 1, ci_low: 78, ci_high: 82, warning: '', groups: [] }
    const sat = {
      year: 2025,
      surveys: [{ survey_id: 'a', title_zh: '', title_en: '', units: [row, { ...row, unit_id: 'D02' }] }],
      sources: { D01: 'manual', D02: 'a', D03: 'manual' },
      manual: { D01: { entered_by: 'office', entered_at: 1 }, D03: { entered_by: 'office', entered_at: 2 } },
    }
    const m = satisfactionByUnit(sat)
    expect(m.get('D01')?.manual).toBe(true)
    expect(satisfactionNote(m.get('D01'), '手工录入')).toBe('手工录入')
    expect(satisfactionNote(m.get('D03'), 'hand-entered')).toBe('hand-entered')
    expect(satisfactionNote(m.get('D02'), '手工录入')).toBe('n=100 · 78.0–82.0')
    expect(m.get('D02')?.manual).toBeUndefined()
  })
  it('adds a category’s units as a choice question’s options, once', () => {
    const units = [
      { id: 'D01', category_id: 'C1', name_zh: '青川区', name_en: 'Qingchuan' },
      { id: 'B01', category_id: 'C2', name_zh: '财政局', name_en: 'Finance' },
      { id: 'D02', category_id: 'C1', name_zh: '云岭区', name_en: 'Yunling' },
    ]
    const once = withUnitOptions([{ id: 'D02', label_zh: '云岭', label_en: '' }], units, 'C1')
    expect(once).toEqual([
      { id: 'D02', label_zh: '云岭', label_en: '' },
      { id: 'D01', label_zh: '青川区', label_en: 'Qingchuan' },
    ])
    expect(withUnitOptions(once, units, 'C1')).toEqual(once)
    expect(withUnitOptions([], units, 'C9')).toEqual([])
  })
  it('splits warnings and review reasons', () => {
    expect(flagParts('small_sample,rake_not_converged')).toEqual([{ key: 'small_sample', ref: '' }, { key: 'rake_not_converged', ref: '' }])
    expect(flagParts('speeder, near_duplicate:12')).toEqual([{ key: 'speeder', ref: '' }, { key: 'near_duplicate', ref: '12' }])
    expect(flagParts('')).toEqual([])
    expect(flagParts(undefined)).toEqual([])
  })
  it('takes the unit’s row of the survey applied last', () => {
    const row = (n: number, at: number) => ({ unit_id: 'D01', n, n_dont_know: 0, score: 80, se: 1, ci_low: 78, ci_high: 82, warning: '', groups: [], computed_at: at })
    const sat = {
      year: 2026,
      surveys: [
        { survey_id: 'a', title_zh: '', title_en: '', units: [row(300, 100)] },
        { survey_id: 'b', title_zh: '', title_en: '', units: [row(2, 200)] },
        { survey_id: 'c', title_zh: '', title_en: '', units: [row(7, 150)] },
      ],
    }
    expect(satisfactionByUnit(sat).get('D01')?.n).toBe(2)
  })
  it('computes closure rates', () => {
    const rows = [
      { unit_id: 'D01', total: 4, answered: 3, closed: 3, closure_rate: 0.75 },
      { unit_id: 'D02', total: 0, answered: 0, closed: 0, closure_rate: null },
      { unit_id: 'D03', total: 6, answered: 6, closed: 5, closure_rate: 5 / 6 },
    ]
    expect(formatClosure(rows[0])).toBe('75.0%')
    expect(formatClosure(rows[1])).toBe('—')
    expect(overallClosure(rows)).toEqual({ total: 10, closed: 8, rate: 0.8 })
  })
})
