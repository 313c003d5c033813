import { useI18n } from 'vue-i18n'
import { pickField, pickName, type Bilingual } from '@/utils/names'

/** name(x) → x.name_zh or x.name_en for the current language (reactive). */
export function useNames() {
  const { locale } = useI18n()
  /** Texts whose base field is English and `<base>_zh` Chinese (rule, grade_notes, notes). */
  function zhOr<T>(x: object | null | undefined, base: string): T | undefined {
    if (!x) return undefined
    const r = x as Record<string, unknown>
    const zh = r[`${base}_zh`] as T | undefined
    const en = r[base] as T | undefined
    const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length)
    if (locale.value === 'zh-CN' && !empty(zh)) return zh
    return empty(en) ? zh : en
  }
  return {
    text: (x: object | null | undefined, base: string): string => zhOr<string>(x, base) ?? '',
    list: (x: object | null | undefined, base: string): string[] => zhOr<string[]>(x, base) ?? [],
    name: (x: Bilingual | null | undefined) => pickName(x, locale.value),
    field: (x: object | null | undefined, base: string) =>
      pickField(x as Record<string, unknown> | null | undefined, base, locale.value),
  }
}
