import { describe, expect, it, vi } from 'vitest'
import { ApiError, createClient, filenameFromDisposition } from './request'

function fakeFetch(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = []
  const fn = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} })
    const text = typeof body === 'string' ? body : JSON.stringify(body)
    return new Response(text, { status, headers: { 'Content-Type': 'application/json' } })
  })
  return { fn: fn as unknown as typeof fetch, calls }
}

describe('request client', () => {
  it('attaches the bearer token and the language, and returns the JSON body', async () => {
    const f = fakeFetch(200, { years: [2024, 2025] })
    const client = createClient({ fetch: f.fn, getToken: () => 'tok123', getLanguage: () => 'en-US' })
    const res = await client.get<{ years: number[] }>('/api/v1/public/years', { query: { year: 2025, empty: undefined } })
    expect(res.years).toEqual([2024, 2025])
    expect(f.calls[0].url).toBe('/api/v1/public/years?year=2025')
    const h = f.calls[0].init.headers as Record<string, string>
    expect(h['Authorization']).toBe('Bearer tok123')
    expect(h['Accept-Language']).toBe('en-US')
  })

  it('sends no Authorization header without a token and JSON-encodes bodies', async () => {
    const f = fakeFetch(200, { ok: true })
    const client = createClient({ fetch: f.fn, getToken: () => null })
    await client.put('/api/v1/years/2026/values', { indicator_id: '1.1.1', value: 7.2 })
    const init = f.calls[0].init
    const h = init.headers as Record<string, string>
    expect(h['Authorization']).toBeUndefined()
    expect(h['Content-Type']).toBe('application/json')
    expect(init.method).toBe('PUT')
    expect(JSON.parse(init.body as string)).toEqual({ indicator_id: '1.1.1', value: 7.2 })
  })

  it('unwraps the error envelope once into an ApiError and reports it', async () => {
    const f = fakeFetch(409, { code: 'failed_precondition', message: 'year 2024 is published', details: { year: 2024 } })
    const onError = vi.fn()
    const client = createClient({ fetch: f.fn, hooks: { onError } })
    const err = (await client.get('/api/v1/x').catch((e: unknown) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(409)
    expect(err.code).toBe('failed_precondition')
    expect(err.message).toBe('year 2024 is published')
    expect(err.details).toEqual({ year: 2024 })
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0][0]).toBe(err)
  })

  it('does not report silent calls, and signals 401 only when a token was sent', async () => {
    const f = fakeFetch(401, { code: 'unauthenticated', message: 'wrong username or password' })
    const onError = vi.fn()
    const onUnauthenticated = vi.fn()
    const anon = createClient({ fetch: f.fn, hooks: { onError, onUnauthenticated } })
    await expect(anon.post('/api/v1/auth/login', {}, { silent: true })).rejects.toMatchObject({ code: 'unauthenticated' })
    expect(onError).not.toHaveBeenCalled()
    expect(onUnauthenticated).not.toHaveBeenCalled()

    const authed = createClient({ fetch: f.fn, getToken: () => 'expired', hooks: { onError, onUnauthenticated } })
    await expect(authed.get('/api/v1/me')).rejects.toBeInstanceOf(ApiError)
    expect(onUnauthenticated).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('stays silent on a 401 answered after its session ended here (signed out meanwhile)', async () => {
    const f = fakeFetch(401, { code: 'unauthenticated', message: 'session expired' })
    const onError = vi.fn()
    const onUnauthenticated = vi.fn()
    let token: string | null = 'old'
    const fetchThenSignOut = (async (url: string | URL | Request, init?: RequestInit) => {
      token = null // the user signed out while the call was in flight
      return f.fn(url, init)
    }) as typeof fetch
    const client = createClient({ fetch: fetchThenSignOut, getToken: () => token, hooks: { onError, onUnauthenticated } })
    await expect(client.get('/api/v1/years/2026/progress')).rejects.toMatchObject({ status: 401 })
    expect(onUnauthenticated).not.toHaveBeenCalled()
    expect(onError).not.toHaveBeenCalled()
    // Another user signed in meanwhile: the same.
    token = 'old'
    const relogin = createClient({
      fetch: (async (u: string | URL | Request, i?: RequestInit) => { token = 'new'; return f.fn(u, i) }) as typeof fetch,
      getToken: () => token, hooks: { onError, onUnauthenticated },
    })
    await expect(relogin.get('/api/v1/me')).rejects.toMatchObject({ status: 401 })
    expect(onError).not.toHaveBeenCalled()
  })

  it('maps a non-envelope error body and a network failure to typed errors', async () => {
    const f = fakeFetch(502, '<html>bad gateway</html>')
    const client = createClient({ fetch: f.fn })
    await expect(client.get('/api/v1/x')).rejects.toMatchObject({ status: 502, code: 'internal' })

    const failing = (async () => {
      throw new TypeError('Failed to fetch')
    }) as unknown as typeof fetch
    const c2 = createClient({ fetch: failing })
    await expect(c2.get('/api/health')).rejects.toMatchObject({ status: 0, code: 'unavailable' })
  })

  it('runs extra request interceptors', async () => {
    const f = fakeFetch(200, {})
    const client = createClient({ fetch: f.fn })
    client.interceptors.request.push((ctx) => {
      ctx.headers['X-Trace'] = 't1'
    })
    await client.get('/api/health')
    expect((f.calls[0].init.headers as Record<string, string>)['X-Trace']).toBe('t1')
  })

  it('reads the wait of a 429 from details.retry_after, else from Retry-After', async () => {
    const f = fakeFetch(429, { code: 'too_many_requests', message: 'too many attempts, retry in 30 s', details: { retry_after: 30 } })
    const client = createClient({ fetch: f.fn })
    const err = (await client.post('/api/v1/auth/login', {}, { silent: true }).catch((e) => e)) as ApiError
    expect(err.status).toBe(429)
    expect(err.code).toBe('too_many_requests')
    expect(err.retryAfter).toBe(30)
    expect(err.isNetwork).toBe(false)

    const onlyHeader = (async () =>
      new Response('<html>busy</html>', { status: 503, headers: { 'Retry-After': '5' } })) as unknown as typeof fetch
    const e2 = (await createClient({ fetch: onlyHeader }).get('/api/v1/x').catch((e) => e)) as ApiError
    expect(e2).toMatchObject({ status: 503, code: 'unavailable', retryAfter: 5 })
  })

  it('names the field of a 400 and sends DELETE', async () => {
    const f = fakeFetch(400, { code: 'invalid_argument', message: 'points: must be > 0', details: { field: 'points' } })
    const client = createClient({ fetch: f.fn })
    const err = (await client.del('/api/v1/years/2026/adjustments/a1', { silent: true }).catch((e) => e)) as ApiError
    expect(f.calls[0].init.method).toBe('DELETE')
    expect(err.field).toBe('points')
  })

  it('uploads raw bytes with their content type and keeps the query', async () => {
    const f = fakeFetch(201, { sha256: 'ab', size: 3 })
    const client = createClient({ fetch: f.fn, getToken: () => 't' })
    const res = await client.upload<{ size: number }>('/api/v1/x/evidence', 'abc', { query: { name: '说明.pdf' }, contentType: 'text/csv' })
    expect(res.size).toBe(3)
    expect(f.calls[0].init.method).toBe('POST')
    expect(f.calls[0].init.body).toBe('abc')
    expect(f.calls[0].url).toBe('/api/v1/x/evidence?name=%E8%AF%B4%E6%98%8E.pdf')
    expect((f.calls[0].init.headers as Record<string, string>)['Content-Type']).toBe('text/csv')
  })

  it('downloads a file with the name from Content-Disposition', async () => {
    const fn = vi.fn(async () => new Response('PK..', { status: 200, headers: { 'Content-Disposition': 'attachment; filename="scheme-2025.xlsx"' } }))
    const client = createClient({ fetch: fn as unknown as typeof fetch })
    const res = await client.download('/api/v1/years/2025/scheme/export')
    expect(res.filename).toBe('scheme-2025.xlsx')
    expect(await res.blob.text()).toBe('PK..')
  })
})

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 name, then the plain one, then the fallback', () => {
    expect(filenameFromDisposition("attachment; filename*=UTF-8''%E8%AF%B4%E6%98%8E.pdf")).toBe('说明.pdf')
    expect(filenameFromDisposition('attachment; filename="units.xlsx"')).toBe('units.xlsx')
    expect(filenameFromDisposition('attachment; filename=a.csv; size=3')).toBe('a.csv')
    expect(filenameFromDisposition(null, 'x.bin')).toBe('x.bin')
    expect(filenameFromDisposition('attachment', 'x.bin')).toBe('x.bin')
  })
})
