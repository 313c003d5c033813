// Analysis endpoints (docs/api.md § Analysis): intervals, what-if,
// indicator health, anomaly flags, fairness, scheme files.
import { http } from './request'
import type {
  Anomalies,
  FairnessReport,
  HealthReport,
  SchemeFile,
  SchemeImportResult,
  Uncertainty,
  WhatIfChange,
  WhatIfResponse,
} from './types'

export const getUncertainty = (year: number, replicates?: number, level?: number) =>
  http.get<Uncertainty>(`/api/v1/years/${year}/analysis/uncertainty`, { query: { replicates, level } })

/** Re-runs a year with changes (nothing stored); the caller shows a 400's message itself. */
export const postWhatIf = (year: number, changes: WhatIfChange[]) =>
  http.post<WhatIfResponse>(`/api/v1/years/${year}/whatif`, { changes }, { silent: true })

export const getHealth = (year: number) => http.get<HealthReport>(`/api/v1/years/${year}/analysis/health`)

/** `results.all`, or `lead.read` (a lead user sees only the indicators it leads). */
export const getAnomalies = (year: number) => http.get<Anomalies>(`/api/v1/years/${year}/analysis/anomalies`)

/** 公平性视角: per category DEA efficiency of each unit's inputs against its total (`results.all`). */
export const getFairness = (year: number) =>
  http.get<FairnessReport>(`/api/v1/years/${year}/analysis/fairness`)

/** The year's scheme as a scheme file (`results.all`). */
export const getScheme = (year: number, silent = false) =>
  http.get<SchemeFile>(`/api/v1/years/${year}/scheme`, { silent })

/** Replaces a draft year's scheme (`scheme.write`); the caller shows the server's message. */
export const putScheme = (year: number, scheme: unknown) =>
  http.put<SchemeImportResult>(`/api/v1/years/${year}/scheme`, scheme, { silent: true })
