import { useI18n } from 'vue-i18n'
import { pickField, pickName, type Bilingual } from '@/utils/names'

/** name(x) → x.name_zh or x.name_en for the current language (reactive). */
export function useNames() {
  const { locale } = useI18n()
  return {
    name: (x: Bilingual | null | undefined) => pickName(x, locale.value),
    field: (x: object | null | undefined, base: string) =>
      pickField(x as Record<string, unknown> | null | undefined, base, locale.value),
  }
}
