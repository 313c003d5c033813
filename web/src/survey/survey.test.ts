import { describe, expect, it } from 'vitest'
import { createSurveyApi } from './api'
import {
  attemptKeyFor,
  buildBody,
  loadDraft,
  saveDraft,
  charCount,
  describeFailure,
  localErrors,
  progress,
  scaleChoices,
  surveyIdOfPath,
  type KeyValue,
  type PublicQuestion,
  type PublicSurvey,
} from './logic'
import { SurveySession } from './session'
import { msg, pick, pickLang, storedLang, storeLang } from './messages'

const Q: PublicQuestion[] = [
  { id: 'district', kind: 'choice', text_zh: '您居住在哪个区？', text_en: '', required: true, options: [
    { id: 'D01', label_zh: '东城区', label_en: '' },
    { id: 'D02', label_zh: '西城区', label_en: '' },
  ] },
  { id: 'q1', kind: 'scale', text_zh: '政务服务', text_en: '', scale_min: 1, scale_max: 5, allow_dont_know: true, required: true },
  { id: 'q2', kind: 'scale', text_zh: '营商环境', text_en: '', scale_min: 1, scale_max: 5, required: false },
  { id: 'op', kind: 'text', text_zh: '意见建议', text_en: '', max_length: 10 },
]

function memory(): KeyValue & { map: Map<string, string> } {
  const map = new Map<string, string>()
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  }
}

describe('questionnaire logic', () => {
  it('offers the 5-point scale best first and 不了解 only when allowed', () => {
    expect(scaleChoices(Q[1]).map((c) => c.label)).toEqual(['很满意', '满意', '基本满意', '不满意', '很不满意', '不了解'])
    expect(scaleChoices(Q[1]).map((c) => c.value)).toEqual([5, 4, 3, 2, 1, 'dk'])
    expect(scaleChoices(Q[2]).map((c) => c.value)).toEqual([5, 4, 3, 2, 1])
    expect(scaleChoices(Q[2], { '5': '非常满意' })[0].label).toBe('非常满意')
  })

  it('turns the answer state into the request body', () => {
    const body = buildBody(Q, { district: 'D02', q1: 'dk', q2: 4, op: '  多设窗口 ' }, { code: ' AB12-CD34 ' }, 'key-1', 1000, 61000)
    expect(body).toEqual({
      code: 'AB12-CD34',
      idempotency_key: 'key-1',
      answers: { district: 'D02', q1: 'dk', q2: 4, op: '多设窗口' },
      paradata: { started_at_ms: 1000, submitted_at_ms: 61000 },
    })
    const anon = buildBody(Q, { district: 'D01', q1: 5, op: '   ' }, { token: 'tok' }, 'k', 1, 2)
    expect(anon.token).toBe('tok')
    expect(anon.code).toBeUndefined()
    expect(anon.answers).toEqual({ district: 'D01', q1: 5 })
  })

  it('checks required answers and text length before sending; counts code points', () => {
    expect(localErrors(Q, {})).toEqual({ district: '此题为必答题', q1: '此题为必答题' })
    expect(localErrors(Q, { district: 'D01', q1: 3, op: '一二三四五六七八九十十' })).toEqual({ op: '最多 10 字' })
    expect(charCount('𠀀满意')).toBe(3)
    expect(progress(Q, {})).toBe(0)
    expect(progress(Q, { district: 'D01' })).toBe(0.5)
    expect(progress(Q, { district: 'D01', q1: 'dk' })).toBe(1)
  })

  it('maps server errors to messages and to the named question', () => {
    const answer = describeFailure({ status: 400, code: 'invalid_argument', message: 'answers.q2: 6 is not on the scale 1..5', details: { field: 'answers.q2' } }, Q)
    expect(answer).toMatchObject({ outcome: 'answer', questionId: 'q2', retryable: false })
    expect(answer.message).toContain('answers.q2')
    expect(describeFailure({ status: 409, code: 'failed_precondition', details: { reason: 'code_used' } }, Q)).toMatchObject({ outcome: 'code_used', retryable: false })
    expect(describeFailure({ status: 409, code: 'failed_precondition', details: { field: 'code' } }, Q).outcome).toBe('code_used')
    expect(describeFailure({ status: 409, code: 'survey_closed' }, Q).message).toContain('已结束')
    expect(describeFailure({ status: 404, code: 'not_found', details: { field: 'code' } }, Q)).toMatchObject({ outcome: 'unknown_code', retryable: false })
    expect(describeFailure({ status: 400, code: 'invalid_argument', details: { field: 'token' } }, Q)).toMatchObject({ outcome: 'token', retryable: true })
    const limited = describeFailure({ status: 429, code: 'resource_exhausted', retryAfter: 30 }, Q)
    expect(limited).toMatchObject({ outcome: 'rate_limited', retryable: true, retryAfter: 30 })
    expect(limited.message).toContain('30 秒')
    expect(describeFailure({ status: 0 }, Q)).toMatchObject({ outcome: 'offline', retryable: true })
    expect(describeFailure({ status: 503 }, Q).retryable).toBe(true)
    // A field naming no question of this survey is not mapped onto one.
    expect(describeFailure({ status: 400, details: { field: 'answers.nope' }, message: 'x' }, Q)).toMatchObject({ outcome: 'other', questionId: '' })
  })

  it('reads the survey id from the page path', () => {
    expect(surveyIdOfPath('/s/2026-satisfaction')).toBe('2026-satisfaction')
    expect(surveyIdOfPath('/s/abc/')).toBe('abc')
    expect(surveyIdOfPath('/s/')).toBe('')
    expect(surveyIdOfPath('/s/a/b')).toBe('')
  })

  it('restores a draft, keeping only answers that fit the questionnaire', () => {
    const kv = memory()
    saveDraft(kv, 's1', { district: 'D09', q1: 'dk', q2: 9, op: '慢' })
    expect(loadDraft(kv, 's1', Q)).toEqual({ q1: 'dk', op: '慢' })
    kv.setItem('govperf.survey.s1.draft', '{broken')
    expect(loadDraft(kv, 's1', Q)).toEqual({})
  })

  it('keeps one idempotency key per attempt', () => {
    const kv = memory()
    let n = 0
    const make = () => `k${++n}`
    expect(attemptKeyFor(kv, 's1', make)).toBe('k1')
    expect(attemptKeyFor(kv, 's1', make)).toBe('k1')
    expect(attemptKeyFor(kv, 's2', make)).toBe('k2')
  })
})

// A fake server behind the real fetch-based client: records request bodies.
function fakeServer(replies: Array<{ status: number; body: unknown; headers?: Record<string, string> } | 'offline'>) {
  const calls: { url: string; method: string; body: unknown }[] = []
  const f = (async (url: string, init?: RequestInit) => {
    calls.push({ url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined })
    const r = replies.shift()
    if (!r || r === 'offline') throw new TypeError('Failed to fetch')
    return new Response(JSON.stringify(r.body), { status: r.status, headers: r.headers })
  }) as unknown as typeof fetch
  return { api: createSurveyApi(f), calls }
}

describe('submission', () => {
  const answers = { district: 'D01', q1: 4 }

  it('a retried network failure sends the same idempotency key, then forgets it', async () => {
    const kv = memory()
    const { api, calls } = fakeServer(['offline', { status: 201, body: { response_id: 42, status: 'accepted' } }])
    let clock = 1_000
    const s = new SurveySession('s1', api, kv, () => clock)
    s.code = 'ABCD-1234'
    clock = 90_000
    const first = await s.submit(Q, answers)
    expect(first.ok).toBe(false)
    expect(first.ok === false && first.error?.outcome).toBe('offline')
    const second = await s.submit(Q, answers)
    expect(second).toEqual({ ok: true, responseId: 42, status: 'accepted' })
    expect(calls).toHaveLength(2)
    const [a, b] = calls.map((c) => c.body as { idempotency_key: string; code: string; paradata: { started_at_ms: number } })
    expect(a.idempotency_key).toBe(b.idempotency_key)
    expect(a.idempotency_key.length).toBeGreaterThan(8)
    expect(a.code).toBe('ABCD-1234')
    expect(a.paradata.started_at_ms).toBe(1_000)
    expect(calls[0].url).toBe('/api/v1/s/s1/responses')
    // Done: the attempt's key is gone and the device remembers the response.
    expect([...kv.map.keys()].some((k) => k.endsWith('.attempt'))).toBe(false)
    expect(kv.map.get('govperf.survey.s1.done')).toBe('42')
    expect(kv.map.has('govperf.survey.s1.draft')).toBe(false)
  })

  it('the key survives a reload (a new session on the same device)', async () => {
    const kv = memory()
    const one = fakeServer([{ status: 503, body: { code: 'unavailable', message: 'busy' } }])
    const s1 = new SurveySession('s1', one.api, kv)
    s1.code = 'C1C1C1'
    await s1.submit(Q, answers)
    const two = fakeServer([{ status: 200, body: { response_id: 7, status: 'accepted' } }])
    const s2 = new SurveySession('s1', two.api, kv)
    s2.code = 'C1C1C1'
    expect(await s2.submit(Q, answers)).toMatchObject({ ok: true, responseId: 7 })
    expect((two.calls[0].body as { idempotency_key: string }).idempotency_key).toBe(
      (one.calls[0].body as { idempotency_key: string }).idempotency_key,
    )
  })

  it('does not call the server while required answers are missing', async () => {
    const { api, calls } = fakeServer([])
    const s = new SurveySession('s1', api, memory())
    const r = await s.submit(Q, { q1: 3 })
    expect(r).toEqual({ ok: false, local: { district: '此题为必答题' } })
    expect(calls).toHaveLength(0)
  })

  it('a used code ends the attempt; a bad answer keeps it and names the question', async () => {
    const kv = memory()
    const { api, calls } = fakeServer([
      { status: 400, body: { code: 'invalid_argument', message: 'answers.q1: not an option', details: { field: 'answers.q1' } } },
      { status: 409, body: { code: 'failed_precondition', message: 'code used', details: { reason: 'code_used', field: 'code' } } },
    ])
    const s = new SurveySession('s1', api, kv)
    s.code = 'USED-0001'
    const bad = await s.submit(Q, answers)
    expect(bad.ok === false && bad.error).toMatchObject({ outcome: 'answer', questionId: 'q1' })
    const used = await s.submit(Q, answers)
    expect(used.ok === false && used.error?.outcome).toBe('code_used')
    expect((calls[0].body as { idempotency_key: string }).idempotency_key).toBe((calls[1].body as { idempotency_key: string }).idempotency_key)
    expect([...kv.map.keys()].some((k) => k.endsWith('.attempt'))).toBe(false)
  })

  it('public link: fetches a device token once and keeps it in storage', async () => {
    const kv = memory()
    const now = 1_700_000_000_000
    const { api, calls } = fakeServer([
      { status: 200, body: { token: 'T1', expires_at: now / 1000 + 86400 } },
      { status: 201, body: { response_id: 9, status: 'flagged' } },
    ])
    const s = new SurveySession('hall', api, kv, () => now)
    expect(await s.ensureToken()).toBeNull()
    expect(await s.submit(Q, answers)).toMatchObject({ ok: true, status: 'flagged' })
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/v1/s/hall/token', 'POST /api/v1/s/hall/responses'])
    expect((calls[1].body as { token: string }).token).toBe('T1')
    // A second visit reuses the stored token without asking.
    const again = new SurveySession('hall', fakeServer([]).api, kv, () => now)
    expect(await again.ensureToken()).toBeNull()
    expect(again.token).toBe('T1')
  })

  it('a refused token is replaced and the key kept for the retry', async () => {
    const kv = memory()
    const { api, calls } = fakeServer([
      { status: 400, body: { code: 'invalid_argument', message: 'token: expired', details: { field: 'token' } } },
      { status: 200, body: { token: 'T2', expires_at: 0 } },
      { status: 201, body: { response_id: 3, status: 'accepted' } },
    ])
    const s = new SurveySession('hall', api, kv)
    s.token = 'OLD'
    const r1 = await s.submit(Q, answers)
    expect(r1.ok === false && r1.error?.outcome).toBe('token')
    expect(s.token).toBe('T2')
    expect(await s.submit(Q, answers)).toMatchObject({ ok: true, responseId: 3 })
    expect((calls[2].body as { token: string }).token).toBe('T2')
    expect((calls[0].body as { idempotency_key: string }).idempotency_key).toBe((calls[2].body as { idempotency_key: string }).idempotency_key)
  })

  it('the client reads Retry-After on 429', async () => {
    const { api } = fakeServer([{ status: 429, body: { code: 'resource_exhausted', message: 'slow down' }, headers: { 'Retry-After': '12' } }])
    const s = new SurveySession('s1', api, memory())
    s.code = 'ABCDEF'
    const r = await s.submit(Q, answers)
    expect(r.ok === false && r.error).toMatchObject({ outcome: 'rate_limited', retryAfter: 12, retryable: true })
  })

  it('GET questionnaire returns the survey', async () => {
    const survey: PublicSurvey = { survey_id: 's1', title_zh: '满意度', title_en: '', intro_zh: '', status: 'open', public_link: false, questions: Q }
    const { api } = fakeServer([{ status: 200, body: survey }])
    expect((await api.questionnaire('s1')).questions).toHaveLength(4)
  })
})

describe('questionnaire languages', () => {
  it('picks ?lang= first, then the respondent’s switch, then the browser language', () => {
    expect(pickLang('?code=AB12&lang=en', 'zh-CN', ['zh-CN'])).toBe('en-US')
    expect(pickLang('?lang=zh', null, ['en-US'])).toBe('zh-CN')
    expect(pickLang('', 'en-US', ['zh-CN'])).toBe('en-US')
    expect(pickLang('', null, ['en-GB', 'zh-CN'])).toBe('en-US')
    expect(pickLang('', null, ['zh-TW', 'en-US'])).toBe('zh-CN')
    expect(pickLang('', 'fr', [])).toBe('zh-CN')
  })

  it('words messages in either language with their numbers', () => {
    expect(msg('zh-CN', 'tooLong', { n: 10 })).toBe('最多 10 字')
    expect(msg('en-US', 'tooLong', { n: 10 })).toBe('At most 10 characters')
    expect(msg('en-US', 'progress', { pct: 40 })).toBe('40% done')
    expect(localErrors(Q, {}, 'en-US')).toEqual({ district: 'Please answer this question', q1: 'Please answer this question' })
    expect(describeFailure({ status: 409, details: { reason: 'code_used' } }, Q, 'en-US').message).toMatch(/already been used/)
    expect(describeFailure({ status: 429, retryAfter: 30 }, Q, 'en-US').message).toBe('Too many submissions: please try again in 30 seconds.')
    expect(describeFailure({ status: 0 }, Q, 'en-US').outcome).toBe('offline')
  })

  it('labels the scale in English with the page’s own labels, not the server’s Chinese ones', () => {
    expect(scaleChoices(Q[1], { '5': '非常满意' }, 'en-US').map((c) => c.label)).toEqual(
      ['Very satisfied', 'Satisfied', 'Fairly satisfied', 'Dissatisfied', 'Very dissatisfied', "Don't know"])
    expect(scaleChoices(Q[1], { '5': '非常满意' }, 'zh-CN')[0].label).toBe('非常满意')
  })

  it('shows the English text of the survey where there is one, else the Chinese', () => {
    expect(pick('en-US', '政务服务', 'Public services')).toBe('Public services')
    expect(pick('en-US', '政务服务', '')).toBe('政务服务')
    expect(pick('zh-CN', '政务服务', 'Public services')).toBe('政务服务')
  })

  it('keeps the switch on the device', () => {
    const kv = memory()
    storeLang(kv, 'en-US')
    expect(storedLang(kv)).toBe('en-US')
  })
})
