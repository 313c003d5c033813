// The questionnaire's three public calls (docs/design/survey.md "HTTP",
// public part) over plain fetch: no admin client, no interceptors — the page
// has no login. Every failure becomes an HttpFailure (status 0 = no answer).
import type { HttpFailure, PublicSurvey, SubmitBody } from './logic'

export type Fetch = typeof fetch

export class CallError extends Error {
  constructor(readonly failure: HttpFailure) {
    super(failure.message || `HTTP ${failure.status}`)
  }
}

async function call<T>(f: Fetch, lang: string, method: string, url: string, body?: unknown): Promise<{ status: number; data: T }> {
  let res: Response
  try {
    res = await f(url, {
      method,
      // The server words its messages (an answer's error) in the page's language.
      headers: body === undefined
        ? { Accept: 'application/json', 'Accept-Language': lang }
        : { Accept: 'application/json', 'Accept-Language': lang, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (e) {
    throw new CallError({ status: 0, code: 'unavailable', message: (e as Error)?.message || 'network error' })
  }
  let json: unknown = undefined
  try {
    const text = await res.text()
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  if (res.ok) return { status: res.status, data: json as T }
  const env = (json ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> }
  const header = res.headers?.get('Retry-After')
  const detail = env.details?.retry_after
  const retryAfter = typeof detail === 'number' && detail > 0 ? Math.ceil(detail) : header && /^\d+$/.test(header) ? Number(header) : 0
  throw new CallError({ status: res.status, code: env.code, message: env.message, details: env.details ?? {}, retryAfter })
}

const base = (id: string) => `/api/v1/s/${encodeURIComponent(id)}`

export function createSurveyApi(f: Fetch = (...a) => globalThis.fetch(...a), lang: () => string = () => 'zh-CN') {
  return {
    questionnaire: async (id: string) => (await call<PublicSurvey>(f, lang(), 'GET', base(id))).data,
    token: async (id: string) => (await call<{ token: string; expires_at: number }>(f, lang(), 'POST', `${base(id)}/token`, {})).data,
    /** 201 new, 200 the same key seen before: both carry the response id. */
    submit: async (id: string, body: SubmitBody) =>
      (await call<{ response_id: number; status: string }>(f, lang(), 'POST', `${base(id)}/responses`, body)).data,
  }
}
export type SurveyApi = ReturnType<typeof createSurveyApi>
