import { http } from './request'
import type { Scorecard } from './types'

/** `scorecard.any`, or `scorecard.own` for the caller's unit; otherwise 403. */
export const getScorecard = (year: number, unitId: string, silent = false) =>
  http.get<Scorecard>(`/api/v1/years/${year}/units/${encodeURIComponent(unitId)}/scorecard`, { silent })
