// Indicator and unit names of a year for pages whose API rows carry only ids
// (reports, progress): read once from GET /years/{y}/setting/scheme (silent;
// the ids are shown when the scheme cannot be read, e.g. in a draft year).
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { getSettingScheme } from '@/api/setting'
import { pickName, type Bilingual } from '@/utils/names'

export function useSchemeNames() {
  const { locale } = useI18n()
  const indicators = ref<Record<string, Bilingual>>({})
  const units = ref<Record<string, Bilingual>>({})
  let loadedYear = 0

  async function loadNames(year: number): Promise<void> {
    if (year === loadedYear) return
    loadedYear = year
    try {
      const s = await getSettingScheme(year, true)
      indicators.value = Object.fromEntries(s.nodes.map((n) => [n.id, { name_zh: n.name_zh, name_en: n.name_en ?? '' }]))
      units.value = Object.fromEntries(s.units.map((u) => [u.id, u]))
    } catch {
      indicators.value = {}
      units.value = {}
    }
  }

  const indicatorName = (id: string) => pickName(indicators.value[id], locale.value) || ''
  const unitName = (id: string) => pickName(units.value[id], locale.value) || id

  return { loadNames, indicatorName, unitName }
}
