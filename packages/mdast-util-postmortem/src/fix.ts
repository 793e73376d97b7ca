import type {Point, Position} from 'unist'
import type {SourceText} from './lines.js'

/**
 * How to fix what a message reports: replace the file's text from `start`
 * to `end` (0-based offsets in the text as JavaScript counts it, UTF-16
 * code units; `start === end` inserts) with `text`. This is the one
 * definition that editors (through the message's `place` and `expected`)
 * and `postmortem-lint --fix` both use, as ESLint's `fix: {range, text}`
 * and markdownlint's `fixInfo` are.
 */
export interface PostmortemFix {
  readonly start: number
  readonly end: number
  readonly text: string
  /**
   * `postmortem-lint --fix` applies it: it gives what the writer meant
   * (a bold line they used as a heading becomes a heading). A fix that is
   * not safe (an empty heading inserted for a missing section) is only
   * offered by editors, for the writer to choose.
   */
  readonly safe: boolean
}

/** A fix that replaces the text at `position` with `text`. */
export function replaceFix(
  source: SourceText | undefined,
  position: Position | undefined,
  text: string,
  safe: boolean
): PostmortemFix | undefined {
  if (!source || !position) return undefined
  const start = source.offsetOf(position.start)
  const end = source.offsetOf(position.end)
  if (start === undefined || end === undefined || end < start) return undefined
  return {start, end, text, safe}
}

/**
 * A fix that inserts a block (a heading, say) on lines of its own at the line
 * of `point` (at the end of the file for its end), with a blank line before
 * and after it, in the file's line endings: inserting `## Impact` before
 * `## Timeline`, or after a last line that has no line ending, gives
 * well-formed Markdown. `block` is written with `\n` between its lines.
 */
export function insertBlockFix(
  source: SourceText | undefined,
  point: Point | undefined,
  block: string,
  safe: boolean
): PostmortemFix | undefined {
  if (!source || !point) return undefined
  const value = source.value
  let at = source.offsetOf(point)
  if (at === undefined) return undefined
  // Inside a line (a title in a list item, say): before that line.
  if (at < value.length && at > 0 && !isLineEnding(value[at - 1])) at = lineStart(value, at)
  const eol = lineEndingOf(value)
  const before = value.slice(0, at)
  const after = value.slice(at)
  // The lines before: `['Text.', '']` when a line ending ends them.
  const lines = before.split(/\r\n|\n|\r/)
  const prefix =
    before.trim() === '' || (lines.at(-1) === '' && lines.at(-2)?.trim() === '')
      ? ''
      : lines.at(-1) === ''
        ? eol
        : eol + eol
  const suffix = after === '' || /^[ \t]*(?:\r\n|\n|\r)/.test(after) ? eol : eol + eol
  return {start: at, end: at, text: prefix + block.replaceAll('\n', eol) + suffix, safe}
}

/** The line ending a text uses: its first one, `\n` when it has none. */
export function lineEndingOf(value: string): string {
  return /\r\n|\n|\r/.exec(value)?.[0] ?? '\n'
}

/** Whether a value is a fix as messages carry it (from any source: a message crossed a thread, say). */
export function isPostmortemFix(value: unknown): value is PostmortemFix {
  if (typeof value !== 'object' || value === null) return false
  const fix = value as Record<string, unknown>
  return (
    Number.isSafeInteger(fix.start) &&
    Number.isSafeInteger(fix.end) &&
    (fix.start as number) >= 0 &&
    (fix.end as number) >= (fix.start as number) &&
    typeof fix.text === 'string' &&
    typeof fix.safe === 'boolean'
  )
}

/** What applying fixes to a text gave. */
export interface AppliedFixes {
  readonly text: string
  /** The fixes applied, in text order. */
  readonly applied: readonly PostmortemFix[]
  /** The fixes left out because they overlap or touch one applied before (or fall outside the text). */
  readonly skipped: readonly PostmortemFix[]
}

/**
 * Apply fixes to a text, in text order. A fix that starts where an applied
 * one ends, or before, is left for another pass (as ESLint does): lint the
 * new text again to get it afresh. The text between fixes is kept as it is.
 */
export function applyFixes(value: string, fixes: readonly PostmortemFix[]): AppliedFixes {
  const sorted = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end)
  const applied: PostmortemFix[] = []
  const skipped: PostmortemFix[] = []
  let text = ''
  let last = -1
  for (const fix of sorted) {
    if (fix.start <= last || fix.end > value.length) {
      skipped.push(fix)
      continue
    }
    text += value.slice(Math.max(last, 0), fix.start) + fix.text
    last = fix.end
    applied.push(fix)
  }
  text += value.slice(Math.max(last, 0))
  return {text, applied, skipped}
}

/** Whether a character ends a line (`\n`, or the `\r` of `\r\n` or of an old Mac file). */
export function isLineEnding(char: string | undefined): boolean {
  return char === '\n' || char === '\r'
}

function lineStart(value: string, at: number): number {
  let start = at
  while (start > 0 && !isLineEnding(value[start - 1])) start--
  return start
}
