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

async function call<T>(f: Fetch, method: string, url: string, body?: unknown): Promise<{ status: number; data: T }> {
  let res: Response
  try {
    res = await f(url, {
      method,
      headers: body === undefined
        ? { Accept: 'application/json', 'Accept-Language': 'zh-CN' }
        : { Accept: 'application/json', 'Accept-Language': 'zh-CN', 'Content-Type': 'application/json' },
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

export function createSurveyApi(f: Fetch = (...a) => globalThis.fetch(...a)) {
  return {
    questionnaire: async (id: string) => (await call<PublicSurvey>(f, 'GET', base(id))).data,
    token: async (id: string) => (await call<{ token: string; expires_at: number }>(f, 'POST', `${base(id)}/token`, {})).data,
    /** 201 new, 200 the same key seen before: both carry the response id. */
    submit: async (id: string, body: SubmitBody) =>
      (await call<{ response_id: number; status: string }>(f, 'POST', `${base(id)}/responses`, body)).data,
  }
}
export type SurveyApi = ReturnType<typeof createSurveyApi>
