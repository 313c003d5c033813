import { http } from './request'
import type { Health, Results, UnitsResponse, YearInfo } from './types'

export const getHealth = () => http.get<Health>('/api/health')

/** Published years, ascending (public). */
export const getPublicYears = () => http.get<{ years: number[] }>('/api/v1/public/years')

/** Results of a published year (public); year omitted: the last published one (404 before any). */
export const getPublicResults = (year?: number, intervals = false, silent = false) =>
  http.get<Results>('/api/v1/public/results', { query: { year, intervals: intervals ? 1 : undefined }, silent })

/** Every year with its status (every signed-in role). */
export const getYears = (silent = false) =>
  http.get<{ years: YearInfo[] }>('/api/v1/years', { silent })

/** Results of any year, in progress too (`results.all`). */
export const getYearResults = (year: number, intervals = false) =>
  http.get<Results>(`/api/v1/years/${year}/results`, { query: { intervals: intervals ? 1 : undefined } })

export const getUnits = (year?: number) => http.get<UnitsResponse>('/api/v1/units', { query: { year } })
