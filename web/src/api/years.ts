// Years and their stages (docs/api.md § Year stages): open a year (`years.write`),
// move it to another stage. The list itself is getYears in results.ts.
import { http } from './request'
import type { CreateYearResponse, YearStatus } from './types'

/** Opens a new year: empty (the registry's active categories and units), or a copy of `copyFrom`. */
export const createYear = (year: number, copyFrom?: number) =>
  http.post<CreateYearResponse>('/api/v1/years', copyFrom ? { year, copy_from: copyFrom } : { year }, { silent: true })

/**
 * `window`: the 公示 window of a move to preliminary (working days or an end
 * date), and `accept_missing_values` to go to 公示 although some year-end
 * values are missing (they score as missing; the server refuses otherwise).
 */
export const transitionYear = (
  year: number,
  to: YearStatus,
  window?: { window_working_days?: number; window_end_date?: string; accept_missing_values?: boolean },
) =>
  http.post<{ year: number; status: YearStatus }>(`/api/v1/years/${year}/transition`, { to, ...(window ?? {}) }, { silent: true })
