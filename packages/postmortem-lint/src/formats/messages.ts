import * as path from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** A place in a file: 1-based line and column, end exclusive as in unist. */
export interface Region {
  readonly line: number
  readonly column: number
  readonly endLine?: number | undefined
  readonly endColumn?: number | undefined
}

/** A message's place, or nothing when it has none. */
export function regionOf(message: Pick<VFileMessage, 'place'>): Region | undefined {
  const place = message.place
  if (!place) return undefined
  if ('start' in place) {
    if (!place.start.line) return undefined
    return {
      line: place.start.line,
      column: place.start.column,
      endLine: place.end.line || undefined,
      endColumn: place.end.column || undefined
    }
  }
  return place.line ? {line: place.line, column: place.column} : undefined
}

/** `'error'` for fatal messages, `'warning'` for warnings, `'info'` otherwise. */
export function severityOf(message: VFileMessage): 'error' | 'warning' | 'info' {
  if (message.fatal === true) return 'error'
  if (message.fatal === false) return 'warning'
  return 'info'
}

/** A file's path relative to `cwd`, with forward slashes. */
export function relativePath(file: VFile, cwd: string): string {
  const absolute = path.resolve(file.cwd, file.path ?? '')
  return path.relative(cwd, absolute).split(path.sep).join('/')
}

/** A file's messages in reading order. */
export function sortedMessages(file: VFile): VFileMessage[] {
  return [...file.messages].sort(
    (a, b) =>
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      String(a.ruleId ?? '').localeCompare(String(b.ruleId ?? ''))
  )
}
