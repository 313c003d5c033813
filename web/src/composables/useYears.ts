// The years a signed-in user can pick: `GET /api/v1/years` is open to every
// signed-in role (with each year's status), newest first. Draft years (a
// scheme being prepared, no data) are left out unless asked for.
import { getYears } from '@/api/results'
import type { YearInfo } from '@/api/types'
import { workingYear } from '@/utils/stages'

export async function loadYearsForUser(withDrafts = false): Promise<YearInfo[]> {
  const { years } = await getYears(true)
  return [...years].filter((y) => withDrafts || y.status !== 'draft').sort((a, b) => b.year - a.year)
}

/** The year a unit or lead department opens on (utils/stages.ts workingYear): where values are entered, else the newest under way. */
export function currentYear(years: YearInfo[]): YearInfo | undefined {
  return workingYear(years)
}
