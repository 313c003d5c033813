// The years a signed-in user can pick. `/api/v1/years` needs `results.all`;
// for other roles the list is the published years plus the year after the last
// published one (the year in progress), which pages probe and drop on 404.
import { getPublicYears, getYears } from '@/api/results'
import type { YearInfo } from '@/api/types'

export async function loadYearsForUser(): Promise<YearInfo[]> {
  try {
    const { years } = await getYears(true)
    return [...years].sort((a, b) => b.year - a.year)
  } catch {
    const { years } = await getPublicYears()
    const out: YearInfo[] = years.map((y) => ({ year: y, status: 'published', published_at: '' }))
    const next = (years.length ? Math.max(...years) : new Date().getFullYear() - 1) + 1
    out.push({ year: next, status: 'in_progress', published_at: '' })
    return out.sort((a, b) => b.year - a.year)
  }
}
