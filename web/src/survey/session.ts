// One respondent's visit: credentials (invitation code or device token), the
// attempt's idempotency key, and submission with the outcomes the page shows.
// Plain TypeScript over an injected API, storage and clock so the tests drive
// it exactly as the page does.
import { CallError, type SurveyApi } from './api'
import {
  attemptKeyFor,
  buildBody,
  describeFailure,
  dropDraft,
  dropToken,
  endAttempt,
  loadToken,
  localErrors,
  markDone,
  saveToken,
  type AnswerState,
  type KeyValue,
  type PublicQuestion,
  type SubmitError,
} from './logic'
import type { Lang } from './messages'

export type SubmitResult =
  | { ok: true; responseId: number; status: string }
  | { ok: false; local: Record<string, string>; error?: undefined }
  | { ok: false; error: SubmitError; local?: undefined }

function failureOf(e: unknown) {
  if (e instanceof CallError) return e.failure
  return { status: 0, message: (e as Error)?.message }
}

export class SurveySession {
  code = ''
  token = ''
  startedAtMs: number
  /** The language of the messages a failure is told in. */
  lang: Lang = 'zh-CN'

  constructor(
    readonly surveyId: string,
    private api: SurveyApi,
    private kv: KeyValue,
    private now: () => number = () => Date.now(),
  ) {
    this.startedAtMs = now()
  }

  /** A device token for the public link: the stored one while valid, else a new one. */
  async ensureToken(): Promise<SubmitError | null> {
    this.token = loadToken(this.kv, this.surveyId, Math.floor(this.now() / 1000))
    if (this.token) return null
    try {
      const t = await this.api.token(this.surveyId)
      saveToken(this.kv, this.surveyId, { token: t.token, expires_at: t.expires_at ?? 0 })
      this.token = t.token
      return null
    } catch (e) {
      return describeFailure(failureOf(e), [], this.lang)
    }
  }

  /** The key this attempt sends (the same on every retry until the server answered for good). */
  key(): string {
    return attemptKeyFor(this.kv, this.surveyId)
  }

  async submit(questions: PublicQuestion[], state: AnswerState): Promise<SubmitResult> {
    const local = localErrors(questions, state, this.lang)
    if (Object.keys(local).length > 0) return { ok: false, local }
    const body = buildBody(
      questions,
      state,
      this.code ? { code: this.code } : { token: this.token },
      this.key(),
      this.startedAtMs,
      this.now(),
    )
    try {
      const r = await this.api.submit(this.surveyId, body)
      endAttempt(this.kv, this.surveyId)
      dropDraft(this.kv, this.surveyId)
      markDone(this.kv, this.surveyId, r.response_id)
      return { ok: true, responseId: r.response_id, status: r.status }
    } catch (e) {
      const err = describeFailure(failureOf(e), questions, this.lang)
      if (err.outcome === 'token') {
        // A forged/expired token: fetch a fresh one; the key stays (nothing was stored).
        dropToken(this.kv, this.surveyId)
        const again = await this.ensureToken()
        if (again) return { ok: false, error: again }
      } else if (!err.retryable && err.outcome !== 'answer') {
        // Answered for good (closed, used, unknown code): the next attempt is a new one.
        endAttempt(this.kv, this.surveyId)
      }
      return { ok: false, error: err }
    }
  }
}
