// Saves a JSON value as a file download (the scheme export: the API needs the
// Authorization header, so the file is fetched by the client, not by a link).
export function downloadJson(value: unknown, filename: string): void {
  const blob = new Blob([JSON.stringify(value, null, 2) + '\n'], { type: 'application/json;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Reads a picked file as text. */
export function readFileText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text()
  return new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => resolve(String(r.result ?? ''))
    r.onerror = () => reject(r.error)
    r.readAsText(file, 'utf-8')
  })
}

/** Parses a scheme file's text: the JSON value and its year, or an error text. */
export function parseSchemeText(text: string): { scheme: unknown; year: number | null; error: string } {
  let scheme: unknown
  try {
    scheme = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    return { scheme: null, year: null, error: (e as Error).message }
  }
  const y = (scheme as { year?: unknown } | null)?.year
  return { scheme, year: typeof y === 'number' && Number.isInteger(y) ? y : null, error: '' }
}

/** Saves a downloaded Blob under a file name (exports, templates, evidence). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
