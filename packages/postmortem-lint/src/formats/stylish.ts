/**
 * The stylish report: the one the remark CLI prints (`vfile-reporter`), byte
 * for byte, with and without colors.
 *
 * `vfile-reporter` measures the width of every cell with `string-width`,
 * which segments the text and tests every character against a large emoji
 * expression: on a report of ten thousand messages that takes seconds, more
 * than linting. This module lays out the same rows, and measures a cell by
 * its length when it is printable ASCII once its colors are taken out (as
 * nearly every cell is), and with `string-width` otherwise. The test
 * `test/integration/stylish.test.ts` holds it to `vfile-reporter` itself.
 */
import stringWidth from 'string-width'
import {stringifyPosition} from 'unist-util-stringify-position'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {compareFile, compareMessage} from 'vfile-sort'
import {statistics} from 'vfile-statistics'

export interface StylishOptions {
  /** ANSI colors (the CLI turns them on for a terminal only). */
  readonly color?: boolean | undefined
  /** Leave out files without messages. */
  readonly quiet?: boolean | undefined
}

/** The report remark prints: a block per file, then a count. */
export function formatStylish(files: readonly VFile[], options: StylishOptions = {}): string {
  const text = serializeRows(createRows(styleOf(options.color ?? false), files, options.quiet ?? false))
  return text === '' || text.endsWith('\n') ? text : `${text}\n`
}

/** A row of cells (place, label, reason, ruleId, source), or a line of its own. */
type Row = string | string[]

interface Style {
  readonly bold: string
  readonly normalIntensity: string
  readonly underline: string
  readonly noUnderline: string
  readonly red: string
  readonly cyan: string
  readonly green: string
  readonly yellow: string
  readonly defaultColor: string
}

function styleOf(color: boolean): Style {
  const code = (value: string) => (color ? `\u001B[${value}m` : '')
  return {
    bold: code('1'),
    normalIntensity: code('22'),
    underline: code('4'),
    noUnderline: code('24'),
    red: code('31'),
    cyan: code('36'),
    green: code('32'),
    yellow: code('33'),
    defaultColor: code('39')
  }
}

const eol = /\r?\n|\r/

function createRows(style: Style, files: readonly VFile[], quiet: boolean): Row[] {
  const all: VFileMessage[] = []
  const rows: Row[] = []
  let lastWasMessage = false
  for (const file of [...files].sort(compareFile)) {
    const messages = [...file.messages].sort(compareMessage)
    const messageRows: Row[] = []
    for (const message of messages) {
      all.push(message)
      messageRows.push(...createMessageLines(style, message))
    }
    if (!quiet || messageRows.length > 0) {
      const line = createFileLine(style, file)
      if (lastWasMessage && line) rows.push('')
      if (line) rows.push(line)
      rows.push(...messageRows)
      lastWasMessage = messageRows.length > 0
    }
  }
  const stats = statistics(all)
  if (stats.fatal || stats.warn) rows.push('', createByline(style, stats))
  return rows
}

function createFileLine(style: Style, file: VFile): string {
  const stats = statistics(file.messages)
  const fromPath = file.history[0]
  const toPath = file.path
  const name = fromPath || '<stdin>'
  const left =
    style.underline +
    (stats.fatal ? style.red : stats.total ? style.yellow : style.green) +
    name +
    style.defaultColor +
    style.noUnderline +
    (file.stored && name !== toPath ? ` > ${toPath}` : '')
  const right = file.stored ? `${style.yellow}written${style.defaultColor}` : stats.total ? '' : 'no issues found'
  return left && right ? `${left}: ${right}` : left + right
}

function createMessageLines(style: Style, message: VFileMessage): Row[] {
  const label = labelOf(message.fatal)
  let reason = message.stack || message.message
  const match = eol.exec(reason)
  let rest: Row[] = []
  if (match) {
    rest = reason.slice(match.index + 1).split(eol)
    reason = reason.slice(0, match.index)
  }
  const row = [
    // `position`: where messages of older `vfile-message` versions keep it.
    stringifyPosition(message.place || (message as {position?: VFileMessage['place']}).position),
    (label === 'error' ? style.red : style.yellow) + label + style.defaultColor,
    formatReason(style, reason),
    message.ruleId || '',
    message.source || ''
  ]
  if (message.cause) rest.push(...createCauseLines(style, message.cause))
  return [row, ...rest]
}

function createCauseLines(style: Style, cause: unknown): Row[] {
  const lines: Row[] = [`  ${style.bold}[cause]${style.normalIntensity}:`]
  let foundReasonableCause = false
  if (cause !== null && typeof cause === 'object') {
    const stackValue =
      ('stack' in cause ? String(cause.stack) : undefined) || ('message' in cause ? String(cause.message) : undefined)
    if (typeof stackValue === 'string') {
      foundReasonableCause = true
      let causeLines: Row[]
      if ('file' in cause && 'fatal' in cause) {
        // A message: a row of its own.
        causeLines = createMessageLines(style, cause as VFileMessage)
      } else {
        causeLines = stackValue.split(eol)
        if ('cause' in cause && cause.cause) causeLines.push(...createCauseLines(style, cause.cause))
      }
      const head = causeLines[0]
      if (typeof head === 'string') causeLines[0] = `    ${head}`
      else if (head) head[0] = `    ${head[0]}`
      lines.push(...causeLines)
    }
  }
  if (!foundReasonableCause) lines.push(`    ${String(cause)}`)
  return lines
}

function createByline(style: Style, stats: ReturnType<typeof statistics>): string {
  let result = ''
  if (stats.fatal) {
    result = `${style.red}✖${style.defaultColor} ${stats.fatal} ${labelOf(true)}${stats.fatal === 1 ? '' : 's'}`
  }
  if (stats.warn) {
    result = `${result ? `${result}, ` : ''}${style.yellow}⚠${style.defaultColor} ${stats.warn} ${labelOf(false)}${stats.warn === 1 ? '' : 's'}`
  }
  if (stats.total !== stats.fatal && stats.total !== stats.warn) {
    result = `${stats.total} messages (${result})`
  }
  return result
}

function labelOf(fatal: boolean | null | undefined): string {
  return fatal ? 'error' : fatal === false ? 'warning' : 'info'
}

/** The reason in bold, its code (between backticks of the same length) in cyan. */
function formatReason(style: Style, reason: string): string {
  const splits: Array<{index: number; size: number}> = []
  let index = reason.indexOf('`')
  while (index !== -1) {
    const split = {index, size: 1}
    splits.push(split)
    while (reason.codePointAt(index + 1) === 96) {
      split.size++
      index++
    }
    index = reason.indexOf('`', index + 1)
  }
  const result: string[] = []
  let textStart = 0
  for (let open = 0; open < splits.length; open++) {
    const opening = splits[open] as {index: number; size: number}
    let closeIndex = open + 1
    while (closeIndex < splits.length && (splits[closeIndex] as {size: number}).size !== opening.size) closeIndex++
    const close = splits[closeIndex]
    if (close) {
      const codeEnd = close.index + close.size
      result.push(
        reason.slice(textStart, opening.index) + style.cyan + reason.slice(opening.index, codeEnd) + style.defaultColor
      )
      textStart = codeEnd
      open = closeIndex
    }
  }
  result.push(reason.slice(textStart))
  return style.bold + result.join('') + style.normalIntensity
}

/** Lay the rows out in columns, each as wide as its widest cell and a space. */
function serializeRows(rows: readonly Row[]): string {
  const sizes: number[] = []
  const widths = rows.map((row) => {
    if (typeof row === 'string') return []
    return row.map((cell, cellIndex) => {
      const size = widthOf(cell)
      if (size > (sizes[cellIndex] ?? 0)) sizes[cellIndex] = size
      return size
    })
  })
  return rows
    .map((row, rowIndex) => {
      if (typeof row === 'string') return row.trimEnd()
      let line = ''
      row.forEach((cell, cellIndex) => {
        const max = (sizes[cellIndex] ?? 0) + 1
        line += cell + ' '.repeat(max - (widths[rowIndex]?.[cellIndex] ?? 0))
      })
      return line.trimEnd()
    })
    .join('\n')
}

/** The color codes this module writes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: a color code starts with ESC.
const colorCode = /\u001B\[\d+m/g

/** Printable ASCII only. */
const printable = /^[\u0020-\u007E]*$/

/**
 * How many columns a cell takes on a terminal: its length when, without
 * its colors, it is printable ASCII; what `string-width` says otherwise.
 */
function widthOf(cell: string): number {
  const plain = cell.includes('\u001B') ? cell.replace(colorCode, '') : cell
  return printable.test(plain) ? plain.length : stringWidth(cell)
}
