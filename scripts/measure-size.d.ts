export interface MeasuredBundle {
  /** Minified bytes. */
  minified: number
  /** Bytes after gzip -9 of what loads up front (entry + statically imported chunks, each gzipped). */
  gzipped: number
  /** Bytes after gzip -9 of chunks only reached through `import()`. */
  lazyGzipped: number
  /** Module path → bytes it contributed to the output (esbuild's `bytesInOutput`). */
  inputs: Record<string, number>
  /** npm packages with code in the output. */
  packages: string[]
}

export interface SizeRow {
  id: 'connectOnly' | 'reactHook' | 'returnPage' | 'rootEntry' | 'globalScript'
  label: string
  minified: number | undefined
  gzipped: number | undefined
  lazyGzipped: number | undefined
  budget: number
  /** The project's first target for this row (not enforced). */
  target: number
  packages: string[]
  status: 'ok' | 'over' | 'pending'
  note: string
}

export const packageRoot: string
export const budgets: { connectOnly: number; reactHookOverConnect: number; returnPage: number; rootEntry: number; globalScript: number }
export const targets: typeof budgets
export function gzipSize(bytes: Uint8Array): number
export function measureBundle(code: string, options?: { root?: string; external?: string[] }): Promise<MeasuredBundle>
export function packagesIn(paths: string[]): string[]
export function measureConnectOnly(root?: string): Promise<MeasuredBundle>
export function measureReturnPage(root?: string): Promise<MeasuredBundle>
export function measureRootEntry(root?: string): Promise<MeasuredBundle>
export function measureReactHook(root?: string): Promise<(MeasuredBundle & { note: string }) | null>
export function measureGlobalScript(root?: string): MeasuredBundle
export function measureSizes(root?: string): Promise<SizeRow[]>
