// The one HTTP client of the front end (vue-vben-admin habit): request
// interceptors add `Authorization: Bearer <token>` and `Accept-Language`; the
// response side unwraps the server's error envelope {code, message, details}
// exactly once into an ApiError, reports it (ElMessage, wired in main.ts) unless
// the call asked to stay silent, and signals an expired session.
import type { ErrorEnvelope } from './types'
import { LOCALE_KEY } from '@/locales'

export class ApiError extends Error {
  readonly code: string
  readonly status: number
  readonly details: Record<string, unknown>
  /** Seconds to wait before retrying (429/503: `details.retry_after` or the `Retry-After` header); 0 when not given. */
  readonly retryAfter: number

  constructor(status: number, envelope: ErrorEnvelope, retryAfterHeader?: string | null) {
    super(envelope.message)
    this.name = 'ApiError'
    this.status = status
    this.code = envelope.code
    this.details = envelope.details ?? {}
    this.retryAfter = parseRetryAfter(this.details.retry_after, retryAfterHeader)
  }

  /** The request never got an answer (network down, server not running). */
  get isNetwork(): boolean {
    return this.status === 0
  }

  /** The field the server names (`details.field`), or ''. */
  get field(): string {
    const f = this.details.field
    return typeof f === 'string' ? f : ''
  }
}

function parseRetryAfter(detail: unknown, header?: string | null): number {
  if (typeof detail === 'number' && Number.isFinite(detail) && detail > 0) return Math.ceil(detail)
  if (header && /^\d+$/.test(header.trim())) return Number(header.trim())
  return 0
}

export type Query = Record<string, string | number | boolean | undefined | null>

export interface RequestOptions {
  query?: Query
  body?: unknown
  /** Do not report the error through onError (the caller shows it itself). */
  silent?: boolean
  signal?: AbortSignal
  /** A raw request body (a file: evidence, workbook, CSV), sent as is instead of JSON. */
  raw?: Blob | ArrayBuffer | string
  /** Content-Type of `raw` (default application/octet-stream). */
  contentType?: string
  /** 'blob': answer a FileResponse (a download) instead of parsed JSON. */
  responseType?: 'json' | 'blob'
}

/** A downloaded file: its bytes and the name the server gave it (Content-Disposition). */
export interface FileResponse {
  blob: Blob
  filename: string
}

/** The file name of a Content-Disposition header: `filename*=UTF-8''…` first, then `filename="…"`. */
export function filenameFromDisposition(header: string | null | undefined, fallback = 'download'): string {
  if (!header) return fallback
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''))
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(header)
  const name = plain ? (plain[1] ?? plain[2] ?? '').trim() : ''
  return name || fallback
}

export interface RequestContext {
  method: string
  url: string
  headers: Record<string, string>
}

export type RequestInterceptor = (ctx: RequestContext) => void

export interface ClientHooks {
  /** Called once per failed request unless `silent`. */
  onError?: (error: ApiError) => void
  /** Called on 401 when the request carried a token (the session expired). */
  onUnauthenticated?: (error: ApiError) => void
}

export interface ClientOptions {
  baseUrl?: string
  fetch?: typeof fetch
  getToken?: () => string | null | undefined
  getLanguage?: () => string
  hooks?: ClientHooks
}

export interface Client {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>
  get<T>(path: string, options?: RequestOptions): Promise<T>
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>
  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>
  del<T>(path: string, options?: RequestOptions): Promise<T>
  /** Sends a file as the request body (POST unless `method` says otherwise). */
  upload<T>(path: string, file: Blob | ArrayBuffer | string, options?: RequestOptions & { method?: string }): Promise<T>
  /** GETs a file (Authorization header included) → bytes and file name. */
  download(path: string, options?: RequestOptions): Promise<FileResponse>
  interceptors: { request: RequestInterceptor[] }
  hooks: ClientHooks
}

function buildUrl(baseUrl: string, path: string, query?: Query): string {
  let url = baseUrl + path
  if (query) {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries(query)) {
      if (v !== undefined && v !== null && v !== '') params.append(k, String(v))
    }
    const qs = params.toString()
    if (qs) url += (url.includes('?') ? '&' : '?') + qs
  }
  return url
}

function isEnvelope(x: unknown): x is ErrorEnvelope {
  return typeof x === 'object' && x !== null && typeof (x as ErrorEnvelope).code === 'string' &&
    typeof (x as ErrorEnvelope).message === 'string'
}

const STATUS_CODES: Record<number, string> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'failed_precondition',
  413: 'payload_too_large',
  429: 'too_many_requests',
  503: 'unavailable',
}

export function createClient(options: ClientOptions = {}): Client {
  const baseUrl = options.baseUrl ?? ''
  const interceptors: { request: RequestInterceptor[] } = { request: [] }
  const hooks: ClientHooks = { ...(options.hooks ?? {}) }

  // Built-in request interceptors: auth and language.
  interceptors.request.push((ctx) => {
    const token = options.getToken?.()
    if (token) ctx.headers['Authorization'] = `Bearer ${token}`
  })
  interceptors.request.push((ctx) => {
    const lang = options.getLanguage?.()
    if (lang) ctx.headers['Accept-Language'] = lang
  })

  async function request<T>(method: string, path: string, ro: RequestOptions = {}): Promise<T> {
    const ctx: RequestContext = {
      method,
      url: buildUrl(baseUrl, path, ro.query),
      headers: { Accept: 'application/json' },
    }
    for (const ic of interceptors.request) ic(ctx)
    let body: BodyInit | undefined
    if (ro.raw !== undefined) {
      ctx.headers['Content-Type'] = ro.contentType ?? 'application/octet-stream'
      body = ro.raw
    } else if (ro.body !== undefined) {
      ctx.headers['Content-Type'] = 'application/json'
      body = JSON.stringify(ro.body)
    }
    const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis)

    let error: ApiError
    try {
      const res = await doFetch(ctx.url, { method, headers: ctx.headers, body, signal: ro.signal })
      if (res.ok && ro.responseType === 'blob') {
        const blob = await res.blob()
        const fallback = decodeURIComponent(ctx.url.split('?')[0].split('/').pop() || 'download')
        return { blob, filename: filenameFromDisposition(res.headers?.get('Content-Disposition'), fallback) } as T
      }
      const text = await res.text()
      let json: unknown = undefined
      if (text) {
        try {
          json = JSON.parse(text)
        } catch {
          json = undefined
        }
      }
      if (res.ok) {
        if (text && json === undefined) {
          error = new ApiError(res.status, { code: 'internal', message: 'invalid JSON in response' })
        } else {
          return json as T
        }
      } else if (isEnvelope(json)) {
        error = new ApiError(res.status, json, res.headers?.get('Retry-After'))
      } else {
        error = new ApiError(res.status, {
          code: STATUS_CODES[res.status] ?? 'internal',
          message: `HTTP ${res.status}`,
        }, res.headers?.get('Retry-After'))
      }
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e
      error = new ApiError(0, { code: 'unavailable', message: (e as Error)?.message || 'network error' })
    }

    if (error.status === 401 && ctx.headers['Authorization']) {
      // A call answered after its session ended here (signed out, or another
      // user signed in meanwhile) is stale: nothing to tell the user.
      const current = options.getToken?.()
      if (ctx.headers['Authorization'] !== (current ? `Bearer ${current}` : undefined)) throw error
      hooks.onUnauthenticated?.(error)
    }
    if (!ro.silent) hooks.onError?.(error)
    throw error
  }

  return {
    request,
    get: (path, o) => request('GET', path, o),
    post: (path, b, o) => request('POST', path, { ...o, body: b }),
    put: (path, b, o) => request('PUT', path, { ...o, body: b }),
    del: (path, o) => request('DELETE', path, o),
    upload: (path, file, o) => request(o?.method ?? 'POST', path, { ...o, raw: file }),
    download: (path, o) => request<FileResponse>('GET', path, { ...o, responseType: 'blob' }),
    interceptors,
    hooks,
  }
}

const TOKEN_KEY = 'govperf.token'

export const tokenStorage = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (t: string) => localStorage.setItem(TOKEN_KEY, t),
  clear: () => localStorage.removeItem(TOKEN_KEY),
}

/** The application's client: token and language come from localStorage. */
export const http: Client = createClient({
  getToken: () => tokenStorage.get(),
  getLanguage: () => localStorage.getItem(LOCALE_KEY) ?? 'zh-CN',
})
