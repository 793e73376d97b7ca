import type {Paragraph, PhrasingContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Point, Position} from 'unist'
import {location} from 'vfile-location'
import {hasNonSpace, isSpaceAt} from './normalize.js'

/** The source text of a document, split in lines once. */
export class SourceText {
  readonly lines: readonly string[]
  private located: ReturnType<typeof location> | undefined
  constructor(readonly value: string) {
    this.lines = value.split(/\r?\n|\r/)
  }
  /** The offset of a point, when it is in the text. */
  offsetOf(point: {line: number; column: number}): number | undefined {
    this.located ??= location(this.value)
    return this.located.toOffset(point)
  }
  /** The point of an offset in the text (the end of the text, past it). */
  pointOf(offset: number): Point {
    this.located ??= location(this.value)
    const point = this.located.toPoint(Math.min(Math.max(offset, 0), this.value.length))
    return point ?? {line: 1, column: 1, offset: 0}
  }
  /**
   * Where the writer's text starts on 1-based line `line`: the 0-based
   * column after its indentation and any `>` quote marks (a tab counts to
   * the next stop of 4), as list item columns count.
   */
  indentOf(line: number): number {
    const text = this.lines[line - 1] ?? ''
    let width = 0
    for (let at = 0; at < text.length; at++) {
      const char = text[at]
      if (char === ' ') width++
      else if (char === '\t') width += 4 - (width % 4)
      else if (char === '>') width++
      else break
    }
    return width
  }
  /** Where the text of 1-based line `line` starts and ends (spaces trimmed). */
  linePosition(line: number): Position | undefined {
    const text = this.lines[line - 1]
    if (text === undefined) return undefined
    // As `trimStart` and `trimEnd` measure, without making the trimmed texts.
    let start = 0
    while (start < text.length && isSpaceAt(text, start)) start++
    let end = text.length
    while (end > 0 && isSpaceAt(text, end - 1)) end--
    return {start: {line, column: start + 1}, end: {line, column: end + 1}}
  }
}

/** Each file's text as split last, with the value it was read from. */
const fileSources = new WeakMap<object, {readonly raw: string | Uint8Array; readonly source: SourceText}>()

/**
 * The text of a file (a `VFile`, or anything with a `value`: a string, or
 * a `Buffer` read as UTF-8), split once per file and text: the model reads
 * it, and the rules place their fixes in it. The bytes a CLI reads are
 * decoded again only when the file holds another value.
 */
export function sourceOfFile(file: {value?: unknown}): SourceText | undefined {
  const raw = file.value
  if (typeof raw !== 'string' && !(raw instanceof Uint8Array)) return undefined
  const known = fileSources.get(file)
  if (known?.raw === raw) return known.source
  const value = String(raw)
  const source = known?.source.value === value ? known.source : new SourceText(value)
  fileSources.set(file, {raw, source})
  return source
}

/** One line of a paragraph: a soft break or hard break ends it. */
export interface ParagraphLine {
  /** The line's text, marks removed. */
  readonly text: string
  /** 0-based index of the line in its paragraph. */
  readonly index: number
  /** The line is one strong or emphasis node (a colon may follow). */
  readonly wrapped: boolean
  /** The inline nodes that make the line (a text node may be shared). */
  readonly children: readonly PhrasingContent[]
  /** The line's place in the source, when known. */
  readonly position: Position | undefined
}

interface Building {
  text: string
  marks: number
  others: number
  children: PhrasingContent[]
}

/**
 * Lines already split, by paragraph node. Sections, timeline, tasks and
 * impact each read the same paragraphs; the entry holds the source it was
 * split with, so a node read with another source is split afresh. Nodes are
 * per document, so nothing is shared between documents.
 */
/**
 * A line break in the value of a text node: `\n`, or a `\r` alone (files
 * with the line endings of old Macs, which Markdown reads as line endings
 * too). A `\r\n` breaks at its `\n`, its `\r` left in the line before as
 * ever.
 */
const lineBreak = /\r(?!\n)|\n/g

/** The offset of the next line break (see `lineBreak`) in `value` from `from`, or -1. */
export function lineBreakAt(value: string, from = 0): number {
  lineBreak.lastIndex = from
  return lineBreak.exec(value)?.index ?? -1
}

/** The lines of the value of a text node, between its line breaks (see `lineBreak`). */
export function textLines(value: string): string[] {
  return value.split(lineBreak)
}

/** The lines of an HTML or code block's value: between `\r\n`, `\n` or `\r`, none left in a line. */
export function valueLines(value: string): string[] {
  return value.split(/\r\n|\r|\n/)
}

const splitLines = new WeakMap<Paragraph, {source: SourceText | undefined; lines: readonly ParagraphLine[]}>()

/** Split a paragraph into its lines. */
export function paragraphLines(node: Paragraph, source?: SourceText): ParagraphLine[] {
  // A copy: callers may change the array they get (never its lines, which are read-only).
  return [...sharedParagraphLines(node, source)]
}

/** `paragraphLines`, as the array every caller in the model shares: not to be changed. */
export function sharedParagraphLines(node: Paragraph, source?: SourceText): readonly ParagraphLine[] {
  const known = splitLines.get(node)
  if (known && known.source === source) return known.lines
  const lines = splitParagraph(node, source)
  splitLines.set(node, {source, lines})
  return lines
}

function splitParagraph(node: Paragraph, source: SourceText | undefined): ParagraphLine[] {
  const lines: ParagraphLine[] = []
  const startLine = firstLineOf(node, source)
  let current: Building = fresh()
  const push = () => {
    const index = lines.length
    const position = linePosition(node, index, startLine, source)
    lines.push({
      text: current.text,
      index,
      wrapped: current.marks === 1 && current.others === 0,
      children: current.children,
      position
    })
    current = fresh()
  }
  // Most inline nodes hold no line break: their text joins the line as it is.
  const addText = (part: string, child: PhrasingContent) => {
    current.text += part
    const trimmed = part.trim()
    if (trimmed !== '' && trimmed !== ':') current.others++
    if (part !== '') current.children.push(child)
  }
  for (const child of node.children) {
    if (child.type === 'break') {
      push()
      continue
    }
    if (child.type === 'text') {
      const value = child === node.children[0] ? firstValue(child.value) : child.value
      if (lineBreakAt(value) === -1) {
        addText(value, child)
        continue
      }
      const parts = textLines(value)
      for (let at = 0; at < parts.length; at++) {
        if (at > 0) push()
        addText(parts[at] as string, child)
      }
      continue
    }
    const value = toString(child)
    if (lineBreakAt(value) === -1) {
      current.text += value
      current.children.push(child)
    } else {
      const parts = textLines(value)
      for (let at = 0; at < parts.length; at++) {
        if (at > 0) push()
        current.text += parts[at]
        current.children.push(child)
      }
      // A node split over lines is other text on its last line, a mark too.
      current.others++
      continue
    }
    if (child.type === 'strong' || child.type === 'emphasis') current.marks++
    else current.others++
  }
  push()
  return lines.length === 1 ? lines : lines.filter((line) => line.text.trim() !== '' || line.index === 0)
}

/**
 * The source line a paragraph's text starts on: its first child's, where
 * that says. A task box alone on its line (`- [x]` then `**Impact**` or
 * `Timeline:` on the next line) leaves the paragraph starting at the box,
 * or its text starting past the box's line (see `textStartOf`).
 */
function firstLineOf(node: Paragraph, source: SourceText | undefined): number | undefined {
  const start = node.position?.start
  if (!start || !source || node.position?.end.line === start.line) return start?.line
  // A first text that is only the line break after a task box says nothing: the next child does.
  const [head, next] = node.children
  const first = head?.type === 'text' && firstValue(head.value) === '' && next ? next : head
  const own = first?.position?.start
  if (!first || !own) return start.line
  return first.type === 'text' ? textStartOf(firstValue(first.value), own, source).line : own.line
}

/**
 * The value of a paragraph's first text, less a line break it starts with.
 * A paragraph's text starts with a line break only after a task box alone
 * on its line in a file with `\r\n` line endings (`- [ ] ` then the text
 * on the next line): the parser drops the character after the box, the
 * `\r`, and leaves the `\n`, where with `\n` line endings it drops the
 * whole line ending. Either way the text starts on the next line.
 */
function firstValue(value: string): string {
  return value.slice(leadingBreak(value))
}

/** The length of the line break (`\n`, `\r\n` or `\r`) `value` starts with: 0 for none. */
function leadingBreak(value: string): number {
  const first = value.charCodeAt(0)
  if (first === 10) return 1
  if (first === 13) return value.charCodeAt(1) === 10 ? 2 : 1
  return 0
}

/**
 * Where the text of a value that the parser says starts at `start` really
 * starts. A task box alone on its line (`- [ ] ` or `- [x]`, then the text
 * on the next line) leaves the start of the item's first text past the end
 * of the box's line: the parser drops the line break after the box and
 * moves the column on, not the line. The text then starts on the next
 * line, after its spaces (the caller finds the text on that line). Any
 * other start is kept.
 */
export function textStartOf(value: string, start: Point, source: SourceText | undefined): Point {
  // A value that starts with its own line break starts there.
  if (!source || value === '' || leadingBreak(value) > 0) return start
  const line = source.lines[start.line - 1]
  const next = source.linePosition(start.line + 1)
  if (line === undefined || next === undefined || hasNonSpace(line, start.column - 1)) return start
  return next.start
}

function fresh(): Building {
  return {text: '', marks: 0, others: 0, children: []}
}

function linePosition(
  node: Paragraph,
  index: number,
  startLine: number | undefined,
  source: SourceText | undefined
): Position | undefined {
  if (startLine === undefined) return undefined
  const line = startLine + index
  const fromSource = source?.linePosition(line)
  if (index === 0) {
    const own = node.position?.start as Point
    // The paragraph's start, or the text's first column when it starts on the next line.
    const start = own.line === line ? own : (fromSource?.start ?? {line, column: 1})
    const end = fromSource && fromSource.end.line === line ? fromSource.end : node.position?.end
    return end ? {start, end} : undefined
  }
  return fromSource ?? {start: {line, column: 1}, end: {line, column: 1}}
}

/** HTML without its tags (`<b>Fix</b>` is `Fix`). */
export function stripTags(value: string): string {
  return replaceBetween(value, '<', '>', '')
}

/** The text of an HTML block, without comments and tags. */
export function htmlText(value: string): string {
  return replaceBetween(replaceBetween(value, '<!--', '-->'), '<', '>')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ')
    .trim()
}

/**
 * Replace each `open`…`close` span (the first `close` after `open`) with a
 * space, as `/<!--[\s\S]*?-->/g` would, in linear time: that regex, like
 * `/<[^>]*>/g`, scans to the end from every `open` when `close` never comes.
 */
function replaceBetween(value: string, open: string, close: string, by = ' '): string {
  let result = ''
  let at = 0
  while (at < value.length) {
    const start = value.indexOf(open, at)
    if (start === -1) break
    const end = value.indexOf(close, start + open.length)
    // No `close` after this `open`: none after a later one either.
    if (end === -1) break
    result += value.slice(at, start) + by
    at = end + close.length
  }
  return result + value.slice(at)
}
