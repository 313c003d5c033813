// The phone questionnaire's logic (社会评价 H5), kept apart from the page so
// it can be tested without a browser: answer state → request body, server
// error → message and question, the idempotency key that survives retries,
// the device token kept per survey. No Vue, no i18n library: the bundle must
// stay small (docs/design/survey.md "Distribution"); words come from the
// small table in messages.ts, zh-CN unless a `lang` is given.
import { msg, SCALE_LABELS, type Lang } from './messages'

/** One question as GET /api/v1/s/{id} returns it. */
export interface PublicOption {
  id: string
  label_zh: string
  label_en: string
}
export interface PublicQuestion {
  id: string
  kind: 'scale' | 'choice' | 'text'
  text_zh: string
  text_en: string
  scale_min?: number
  scale_max?: number
  allow_dont_know?: boolean
  options?: PublicOption[]
  required?: boolean
  max_length?: number
}
export interface PublicSurvey {
  survey_id: string
  title_zh: string
  title_en: string
  intro_zh: string
  intro_en?: string
  status: string
  public_link: boolean
  questions: PublicQuestion[]
  scale_labels_zh?: Record<string, string>
}

/** An answer as the page holds it: a scale value, 'dk', an option id or a text; absent = unanswered. */
export type AnswerValue = number | 'dk' | string
export type AnswerState = Record<string, AnswerValue | undefined>

export interface SubmitBody {
  code?: string
  token?: string
  idempotency_key: string
  answers: Record<string, number | string | null>
  paradata: { started_at_ms: number; submitted_at_ms: number }
}

/** The 5-point labels, 5 = 很满意; the server's labels win when it sends them. */
export const DEFAULT_SCALE_LABELS: Record<string, string> = SCALE_LABELS['zh-CN']
export const DONT_KNOW_LABEL = msg('zh-CN', 'dontKnow')

/**
 * The choices of a scale question, best first (the order people read 很满意 …
 * 很不满意 in). `labels` are the server's (Chinese) ones; in English the
 * page's own English labels are used.
 */
export function scaleChoices(q: PublicQuestion, labels: Record<string, string> = {}, lang: Lang = 'zh-CN'): { value: AnswerValue; label: string }[] {
  const min = q.scale_min ?? 1
  const max = q.scale_max ?? 5
  const own = SCALE_LABELS[lang]
  const shown = lang === 'zh-CN' ? labels : {}
  const out: { value: AnswerValue; label: string }[] = []
  for (let v = max; v >= min; v--) {
    out.push({ value: v, label: shown[String(v)] ?? own[String(v)] ?? String(v) })
  }
  if (q.allow_dont_know) out.push({ value: 'dk', label: msg(lang, 'dontKnow') })
  return out
}

/** Text length in characters as the server counts them (Unicode code points). */
export function charCount(s: string): number {
  return [...s].length
}

function answered(v: AnswerValue | undefined): boolean {
  return v !== undefined && !(typeof v === 'string' && v.trim() === '')
}

/**
 * What is wrong with the answers before sending, per question id (the same
 * checks the server makes, so most mistakes never need a round trip).
 */
export function localErrors(qs: PublicQuestion[], state: AnswerState, lang: Lang = 'zh-CN'): Record<string, string> {
  const errs: Record<string, string> = {}
  for (const q of qs) {
    const v = state[q.id]
    if (!answered(v)) {
      if (q.required) errs[q.id] = msg(lang, 'required')
      continue
    }
    if (q.kind === 'text' && typeof v === 'string' && q.max_length && charCount(v) > q.max_length) {
      errs[q.id] = msg(lang, 'tooLong', { n: q.max_length })
    }
  }
  return errs
}

/** Share of the required questions answered, 0..1 (all questions when none is required). */
export function progress(qs: PublicQuestion[], state: AnswerState): number {
  const counted = qs.some((q) => q.required) ? qs.filter((q) => q.required) : qs
  if (counted.length === 0) return 1
  return counted.filter((q) => answered(state[q.id])).length / counted.length
}

/** The request body of POST /api/v1/s/{id}/responses; unanswered questions are left out. */
export function buildBody(
  qs: PublicQuestion[],
  state: AnswerState,
  cred: { code?: string; token?: string },
  key: string,
  startedAtMs: number,
  submittedAtMs: number,
): SubmitBody {
  const answers: Record<string, number | string | null> = {}
  for (const q of qs) {
    const v = state[q.id]
    if (!answered(v)) continue
    if (q.kind === 'scale') answers[q.id] = v === 'dk' ? 'dk' : Number(v)
    else if (q.kind === 'text') answers[q.id] = String(v).trim()
    else answers[q.id] = String(v)
  }
  const body: SubmitBody = {
    idempotency_key: key,
    answers,
    paradata: { started_at_ms: startedAtMs, submitted_at_ms: submittedAtMs },
  }
  if (cred.code) body.code = cred.code.trim()
  else if (cred.token) body.token = cred.token
  return body
}

/** A random idempotency key (the server accepts [A-Za-z0-9_-]). */
export function newKey(rand: () => number = Math.random): string {
  const c = globalThis.crypto
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  let s = ''
  for (let i = 0; i < 32; i++) s += Math.floor(rand() * 16).toString(16)
  return s
}

/** Where a failed submission leaves the respondent. */
export type Outcome =
  | 'closed' // 调查已结束
  | 'code_used' // 邀请码已使用
  | 'unknown_code' // 邀请码无效
  | 'token' // 设备凭证失效：取新凭证再交
  | 'answer' // 某题答案有误
  | 'rate_limited' // 请求过于频繁
  | 'offline' // 网络不通，可重试
  | 'not_found' // 问卷不存在
  | 'other'

export interface SubmitError {
  outcome: Outcome
  message: string
  /** The question the server named (`details.field` = answers.<id>), or ''. */
  questionId: string
  /** Whether sending the same body again can succeed (the key is kept). */
  retryable: boolean
  retryAfter: number
  /** The failure it describes: the page words it again when the language changes. */
  failure: HttpFailure
}

export interface HttpFailure {
  status: number // 0: no answer (offline)
  code?: string
  message?: string
  details?: Record<string, unknown>
  retryAfter?: number
}

/** The question id a server field names: `answers.q3` → `q3`; anything else → ''. */
export function questionOfField(field: unknown, qs: PublicQuestion[]): string {
  if (typeof field !== 'string') return ''
  const m = /^answers\.([A-Za-z0-9_-]+)/.exec(field)
  if (!m) return ''
  return qs.some((q) => q.id === m[1]) ? m[1] : ''
}

/**
 * A failed call → what to tell the respondent (zh-CN) and whether to retry.
 * The envelope's `code` is the generic one (failed_precondition …); the
 * survey-specific reason (`code_used`, `survey_closed`, …) is looked for in
 * `code`, `details.reason` and `details.error`, and the field named by
 * `details.field` (`code`, `token`, `answers.<id>`) decides the rest.
 */
export function describeFailure(f: HttpFailure, qs: PublicQuestion[], lang: Lang = 'zh-CN'): SubmitError {
  const m = (k: Parameters<typeof msg>[1], p?: Record<string, string | number>) => msg(lang, k, p)
  const d = f.details ?? {}
  const field = typeof d.field === 'string' ? d.field : ''
  const tags = new Set([f.code, d.reason, d.error].filter((x): x is string => typeof x === 'string'))
  const base = { questionId: '', retryable: false, retryAfter: f.retryAfter ?? 0, failure: f }
  if (f.status === 0) {
    return { ...base, outcome: 'offline', retryable: true, message: m('offline') }
  }
  if (f.status === 429 || tags.has('rate_limited') || tags.has('too_many_requests') || tags.has('resource_exhausted')) {
    const wait = base.retryAfter > 0 ? m('waitSeconds', { n: base.retryAfter }) : m('waitLater')
    return { ...base, outcome: 'rate_limited', retryable: true, message: m('rateLimited', { wait }) }
  }
  if (f.status >= 500) {
    return { ...base, outcome: 'offline', retryable: true, message: m('serverBusy') }
  }
  if (tags.has('survey_closed') || (f.status === 409 && (field === 'status' || field === 'closes_at' || field === 'opens_at'))) {
    return { ...base, outcome: 'closed', message: m('closed') }
  }
  if (tags.has('code_used') || (f.status === 409 && field === 'code')) {
    return { ...base, outcome: 'code_used', message: m('codeUsed') }
  }
  if (tags.has('token_used') || (f.status === 409 && field === 'token')) {
    return { ...base, outcome: 'code_used', message: m('deviceUsed') }
  }
  const q = questionOfField(field, qs)
  if (q) {
    return { ...base, outcome: 'answer', questionId: q, message: f.message || m('badAnswer') }
  }
  if (field === 'code' || tags.has('unknown_code')) {
    return { ...base, outcome: 'unknown_code', message: m('unknownCode') }
  }
  if (field === 'token' || tags.has('token_invalid') || tags.has('token_expired')) {
    return { ...base, outcome: 'token', retryable: true, message: m('tokenRenewed') }
  }
  if (f.status === 404) {
    return { ...base, outcome: 'not_found', message: m('notFound') }
  }
  if (f.status === 409) {
    return { ...base, outcome: 'closed', message: m('notAccepting') }
  }
  return { ...base, outcome: 'other', message: f.message || m('failed') }
}

/** A minimal localStorage (tests pass a map). */
export interface KeyValue {
  getItem(k: string): string | null
  setItem(k: string, v: string): void
  removeItem(k: string): void
}

const tokenKey = (surveyId: string) => `govperf.survey.${surveyId}.token`
const attemptKey = (surveyId: string) => `govperf.survey.${surveyId}.attempt`
const doneKey = (surveyId: string) => `govperf.survey.${surveyId}.done`

export interface StoredToken {
  token: string
  expires_at: number // unix seconds; 0 = unknown
}

/** The device token for the public link, if still valid at `nowS`. */
export function loadToken(kv: KeyValue, surveyId: string, nowS: number): string {
  const raw = kv.getItem(tokenKey(surveyId))
  if (!raw) return ''
  try {
    const t = JSON.parse(raw) as StoredToken
    if (!t.token) return ''
    if (t.expires_at && t.expires_at <= nowS + 60) return ''
    return t.token
  } catch {
    return ''
  }
}
export function saveToken(kv: KeyValue, surveyId: string, t: StoredToken): void {
  kv.setItem(tokenKey(surveyId), JSON.stringify(t))
}
export function dropToken(kv: KeyValue, surveyId: string): void {
  kv.removeItem(tokenKey(surveyId))
}

/**
 * One attempt = one idempotency key, created on the first press of 提交 and
 * reused for every retry of that attempt (also after a reload), so a
 * submission whose answer was lost is not stored twice. It is forgotten once
 * the server answered for good (success, or a final refusal).
 */
export function attemptKeyFor(kv: KeyValue, surveyId: string, make: () => string = newKey): string {
  const k = kv.getItem(attemptKey(surveyId))
  if (k) return k
  const fresh = make()
  kv.setItem(attemptKey(surveyId), fresh)
  return fresh
}
export function endAttempt(kv: KeyValue, surveyId: string): void {
  kv.removeItem(attemptKey(surveyId))
}

/** Marks the survey as answered on this device (the thank-you screen on a reload). */
export function markDone(kv: KeyValue, surveyId: string, responseId: number): void {
  kv.setItem(doneKey(surveyId), String(responseId))
}
export function isDone(kv: KeyValue, surveyId: string): boolean {
  return !!kv.getItem(doneKey(surveyId))
}

/** The survey id of a page path /s/{id}[/]; '' when the path is not one. */
export function surveyIdOfPath(path: string): string {
  const m = /^\/s\/([A-Za-z0-9_-]{1,40})\/?$/.exec(path)
  return m ? m[1] : ''
}

const draftKey = (surveyId: string) => `govperf.survey.${surveyId}.draft`

/**
 * The answers so far, kept on the device so that a phone that drops the tab
 * (switching apps, a call) or a reload does not lose them; only ids of the
 * questionnaire's questions and values of the right kind are restored.
 */
export function saveDraft(kv: KeyValue, surveyId: string, state: AnswerState): void {
  try {
    kv.setItem(draftKey(surveyId), JSON.stringify(state))
  } catch {
    // storage full or disabled: the draft is a convenience only
  }
}
export function loadDraft(kv: KeyValue, surveyId: string, qs: PublicQuestion[]): AnswerState {
  const out: AnswerState = {}
  let raw: Record<string, unknown>
  try {
    raw = JSON.parse(kv.getItem(draftKey(surveyId)) ?? '{}') as Record<string, unknown>
  } catch {
    return out
  }
  for (const q of qs) {
    const v = raw?.[q.id]
    if (q.kind === 'scale' && (v === 'dk' || (typeof v === 'number' && v >= (q.scale_min ?? 1) && v <= (q.scale_max ?? 5)))) out[q.id] = v
    else if (q.kind === 'choice' && typeof v === 'string' && q.options?.some((o) => o.id === v)) out[q.id] = v
    else if (q.kind === 'text' && typeof v === 'string') out[q.id] = v
  }
  return out
}
export function dropDraft(kv: KeyValue, surveyId: string): void {
  kv.removeItem(draftKey(surveyId))
}
