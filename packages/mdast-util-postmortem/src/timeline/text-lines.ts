/**
 * Lines of text of any node a timeline is written in (paragraph lines, list
 * items, table cells, headings, HTML and indented text), each able to give
 * the exact place in the source of a part of its text.
 */
import type {Code, Html, Paragraph, PhrasingContent, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Node, Position} from 'unist'
import {htmlText, type ParagraphLine, type SourceText, sharedParagraphLines, valueLines} from '../lines.js'

/** One line of plain text (marks removed) and where it lies. */
export interface TextLine {
  readonly text: string
  /** The node the line belongs to. */
  readonly node: Node
  /** 0-based line of the node (for a paragraph: its soft-broken line). */
  readonly index: number
  /** Where the line's text starts and ends in the source, when known. */
  readonly position: Position | undefined
  /** The source line, when the document's text is known. */
  readonly raw: string | undefined
}

/**
 * Lines already read, by node and by reader: the timeline, its context and
 * the document's year read the same nodes. Each entry holds the source it
 * was read with, so that a node read with another source is read afresh.
 */
const paragraphs = new WeakMap<Node, {readonly source: SourceText | undefined; readonly lines: readonly TextLine[]}>()
const htmlBlocks = new WeakMap<Node, {readonly source: SourceText | undefined; readonly lines: readonly TextLine[]}>()
const nodeLines = new WeakMap<Node, {readonly source: SourceText | undefined; readonly line: TextLine}>()

/** The lines of a paragraph. */
export function linesOfParagraph(node: Paragraph, source: SourceText | undefined): readonly TextLine[] {
  const known = paragraphs.get(node)
  if (known && known.source === source) return known.lines
  const lines = sharedParagraphLines(node, source).map((line) => ({
    text: renderedText(line),
    node,
    index: line.index,
    position: line.position,
    raw: rawLine(source, line.position)
  }))
  paragraphs.set(node, {source, lines})
  return lines
}

/**
 * A line's text as it reads rendered: inline HTML tags removed
 * (`<span>10:30 AM:</span> paged` is `10:30 AM: paged`), a `<br>` read as
 * the end of a clause, so that a time after it can start an entry.
 */
function renderedText(line: ParagraphLine): string {
  // Most lines hold no inline HTML: their text is what renders.
  if (!holdsHtml(line.children)) return line.text
  let text = line.text
  for (const child of inlineHtml(line.children)) {
    const at = text.indexOf(child.value)
    if (at === -1) continue
    const by = /^<br\s*\/?>$/i.test(child.value) ? '; ' : ''
    text = text.slice(0, at) + by + text.slice(at + child.value.length)
  }
  return text
}

/** Whether phrasing content holds inline HTML at any depth, told without collecting it. */
function holdsHtml(nodes: readonly PhrasingContent[]): boolean {
  for (const node of nodes) {
    if (node.type === 'html' || ('children' in node && holdsHtml(node.children))) return true
  }
  return false
}

/** The inline HTML of phrasing content, at any depth (`**<span>10:30</span>**`). */
function inlineHtml(nodes: readonly PhrasingContent[]): Html[] {
  const found: Html[] = []
  for (const node of nodes) {
    if (node.type === 'html') found.push(node)
    else if ('children' in node) found.push(...inlineHtml(node.children))
  }
  return found
}

/** A heading, a table cell or another node read as one line. */
export function nodeLine(node: RootContent | Node, source: SourceText | undefined): TextLine {
  const known = nodeLines.get(node)
  if (known && known.source === source) return known.line
  const position = (node as Node).position
  const line = {
    text: toString(node as RootContent).replace(/\s+/g, ' '),
    node,
    index: 0,
    position,
    raw: rawLine(source, position)
  }
  nodeLines.set(node, {source, line})
  return line
}

/** The lines of an HTML block (`<li><strong>10:30 AM:</strong> ...</li>`), tags removed. */
export function linesOfHtml(node: Html | Code, source: SourceText | undefined): readonly TextLine[] {
  const known = htmlBlocks.get(node)
  if (known && known.source === source) return known.lines
  const lines = readHtmlLines(node, source)
  htmlBlocks.set(node, {source, lines})
  return lines
}

function readHtmlLines(node: Html | Code, source: SourceText | undefined): TextLine[] {
  const start = node.position?.start
  // A fenced block's text starts on the line after its fence.
  const first = start && node.type === 'code' && isFence(source?.lines[start.line - 1]) ? start.line + 1 : start?.line
  return valueLines(node.value).map((value, index) => {
    const line = first === undefined ? undefined : first + index
    const raw = line === undefined ? undefined : (source?.lines[line - 1] ?? value)
    const column = raw === undefined ? 1 : raw.length - raw.trimStart().length + 1
    const position =
      line === undefined ? undefined : {start: {line, column}, end: {line, column: (raw ?? value).trimEnd().length + 1}}
    return {text: node.type === 'html' ? htmlText(value) : value, node, index, position, raw}
  })
}

function isFence(line: string | undefined): boolean {
  return line !== undefined && /^\s{0,3}(?:```|~~~)/.test(line)
}

function rawLine(source: SourceText | undefined, position: Position | undefined): string | undefined {
  return position ? source?.lines[position.start.line - 1] : undefined
}

/**
 * The place in the source of `text.slice(start, end)` of a line: found in
 * the source line (marks and entities only add characters before it), else
 * the whole line.
 */
export function locate(line: TextLine, start: number, end: number): Position | undefined {
  const position = line.position
  if (!position) return undefined
  const part = line.text.slice(start, end)
  if (line.raw !== undefined && part !== '') {
    const from = position.start.column - 1
    let at = line.raw.indexOf(part, from + start)
    if (at === -1) at = line.raw.indexOf(part, from)
    if (at !== -1) {
      const lineNumber = position.start.line
      return {start: {line: lineNumber, column: at + 1}, end: {line: lineNumber, column: at + 1 + part.length}}
    }
  }
  return {start: position.start, end: position.start.line === position.end.line ? position.end : position.start}
}
