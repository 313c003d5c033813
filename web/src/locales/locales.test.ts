import { describe, expect, it } from 'vitest'
import zhCN from './zh-CN'
import enUS from './en-US'

function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

function leaf(obj: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj)
}

describe('locales', () => {
  const zh = keys(zhCN)
  const en = keys(enUS)

  it('zh-CN and en-US have exactly the same keys', () => {
    expect(zh.filter((k) => !en.includes(k)), 'missing in en-US').toEqual([])
    expect(en.filter((k) => !zh.includes(k)), 'missing in zh-CN').toEqual([])
  })

  it('no message is empty, and placeholders match', () => {
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(',')
    for (const k of zh) {
      const a = leaf(zhCN, k) as string
      const b = leaf(enUS, k) as string
      expect(a, k).not.toBe('')
      expect(b, k).not.toBe('')
      expect(ph(b), k).toBe(ph(a))
    }
  })

  it('every $t key used in the source exists', async () => {
    const files = import.meta.glob('../**/*.{vue,ts}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>
    const used = new Set<string>()
    for (const [path, src] of Object.entries(files)) {
      if (path.includes('.test.')) continue
      for (const m of src.matchAll(/\$?\bt\(\s*'([a-zA-Z]+\.[a-zA-Z0-9_.]+)'/g)) used.add(m[1])
    }
    expect(used.size).toBeGreaterThan(50)
    const missing = [...used].filter((k) => !zh.includes(k))
    expect(missing).toEqual([])
  })
})
