// Names come from the API in both languages (name_zh / name_en); show the one of
// the current language, falling back to Chinese when the English one is empty.
import type { Locale } from '@/locales'

export interface Bilingual {
  name_zh?: string
  name_en?: string
}

export function pickName(x: Bilingual | null | undefined, locale: string | Locale): string {
  if (!x) return ''
  if (locale === 'en-US' && x.name_en) return x.name_en
  return x.name_zh || x.name_en || ''
}

/** For fields with another prefix, e.g. pickField(row, 'reason', locale) → reason_zh/reason_en. */
export function pickField(x: Record<string, unknown> | null | undefined, base: string, locale: string): string {
  if (!x) return ''
  const zh = x[`${base}_zh`] as string | undefined
  const en = x[`${base}_en`] as string | undefined
  if (locale === 'en-US' && en) return en
  return zh || en || ''
}
