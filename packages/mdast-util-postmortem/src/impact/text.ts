import type {Nodes, PhrasingContent, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Point, Position} from 'unist'
import {type SourceText, textStartOf} from '../lines.js'

/** A run of the block's text that sits at a known place in the source. */
interface Segment {
  /** Offset of the run in the block's text. */
  readonly at: number
  readonly length: number
  /** Where its first character is in the source. */
  readonly line: number
  readonly column: number
}

/**
 * The readable text of a block (paragraph, heading, table row, HTML or code
 * block), its lines numbered as `paragraphLines` numbers them, with a map
 * from each character back to its place in the source. Inline code, images
 * and inline HTML are left out (they hold names and paths, not prose).
 */
export class BlockText {
  readonly text: string
  /** Offset in `text` where each line starts. */
  readonly lineStarts: readonly number[]
  readonly node: RootContent
  private readonly segments: readonly Segment[]

  constructor(node: RootContent, text: string, lineStarts: number[], segments: Segment[]) {
    this.node = node
    this.text = text
    this.lineStarts = lineStarts
    this.segments = segments
  }

  /** Where character `at` of the text is in the source, when known. */
  pointAt(at: number): Point | undefined {
    let found: Segment | undefined
    // Segments are in text order: the last that starts at or before `at`.
    let low = 0
    let high = this.segments.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const segment = this.segments[middle] as Segment
      if (segment.at <= at) {
        found = segment
        low = middle + 1
      } else high = middle - 1
    }
    if (!found) return undefined
    const delta = Math.min(at - found.at, Math.max(found.length, 0))
    return {line: found.line, column: found.column + delta}
  }

  /** The source range of text `from`..`to` (end exclusive), when known. */
  positionOf(from: number, to: number): Position | undefined {
    const start = this.pointAt(from)
    const last = this.pointAt(Math.max(from, to - 1))
    if (!start || !last) return undefined
    return {start, end: {line: last.line, column: last.column + 1}}
  }

  /** Offset in `text` of the end of line `index` (before its line break). */
  lineEnd(index: number): number {
    const next = this.lineStarts[index + 1]
    return next === undefined ? this.text.length : next - 1
  }
}

/** Builds a block's text piece by piece. */
class Builder {
  text = ''
  readonly lineStarts: number[] = [0]
  readonly segments: Segment[] = []
  constructor(private readonly source: SourceText | undefined) {}

  newline(): void {
    this.text += '\n'
    this.lineStarts.push(this.text.length)
  }

  /** Add text with no place of its own (a stand-in for left-out content). */
  blank(value: string, stand = ' '): void {
    // Keep the line count of the left-out content, as `paragraphLines` does.
    const breaks = lineBreaks(value)
    this.text += stand
    for (let index = 0; index < breaks; index++) this.newline()
  }

  /**
   * Add text whose first line starts at `start` in the source; later lines
   * are found on the following source lines.
   */
  add(value: string, given: Point | undefined): void {
    const start = given && textStartOf(value, given, this.source)
    if (lineBreaks(value) === 0) {
      // One line (most text nodes): no split.
      if (value === '') return
      const place = start ? this.locate(value, start, 0) : undefined
      if (place) this.segments.push({at: this.text.length, length: value.length, ...place})
      this.text += value
      return
    }
    const parts = value.split(/\r?\n|\r/)
    parts.forEach((part, index) => {
      if (index > 0) this.newline()
      if (part === '') return
      const place = start ? this.locate(part, start, index) : undefined
      if (place) this.segments.push({at: this.text.length, length: part.length, ...place})
      this.text += part
    })
  }

  /** Find where line `index` of a value starting at `start` sits. */
  private locate(part: string, start: Point, index: number): {line: number; column: number} {
    const line = start.line + index
    const text = this.source?.lines[line - 1]
    if (index === 0) {
      if (text === undefined || text.startsWith(part, start.column - 1)) return {line, column: start.column}
      const found = text.indexOf(part, start.column - 1)
      return {line, column: found === -1 ? start.column : found + 1}
    }
    if (text === undefined) return {line, column: 1}
    const found = text.indexOf(part)
    if (found !== -1) return {line, column: found + 1}
    const trimmed = part.trimStart()
    const again = trimmed === '' ? -1 : text.indexOf(trimmed.slice(0, 12))
    if (again !== -1) return {line, column: again + 1 - (part.length - trimmed.length)}
    return {line, column: text.length - text.trimStart().length + 1}
  }

  build(node: RootContent): BlockText {
    return new BlockText(node, this.text, this.lineStarts, this.segments)
  }
}

/** How many line breaks (`\r\n`, `\n` or `\r`) a value holds. */
function lineBreaks(value: string): number {
  let count = 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code === 10) count++
    else if (code === 13) {
      count++
      if (value.charCodeAt(index + 1) === 10) index++
    }
  }
  return count
}

/** Inline nodes whose text is read. */
function addPhrasing(builder: Builder, nodes: readonly PhrasingContent[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        builder.add(node.value, node.position?.start)
        break
      case 'break':
        builder.newline()
        break
      case 'strong':
      case 'emphasis':
      case 'delete':
      case 'link':
      case 'linkReference':
        addPhrasing(builder, node.children)
        break
      default:
        // Inline code, inline HTML, images, footnote references.
        builder.blank(toString(node))
    }
  }
}

/** Tags and character references, replaced by spaces of the same width. */
const tag = /<[^<>]*>|&[#a-zA-Z0-9]{1,32};/g

/**
 * The text blocks of a node, in document order: a paragraph or heading is
 * one block; lists, list items and block quotes give the blocks inside
 * them; each table row is a block (cells joined by `|`); an HTML block is
 * read without its tags; a code block without a language is read as text
 * (writers indent prose by mistake), one with a language is left out.
 */
export function textBlocks(node: RootContent, source: SourceText | undefined): BlockText[] {
  const blocks: BlockText[] = []
  collect(node, source, blocks)
  return blocks
}

function collect(node: Nodes, source: SourceText | undefined, blocks: BlockText[]): void {
  switch (node.type) {
    case 'paragraph':
    case 'heading': {
      const builder = new Builder(source)
      addPhrasing(builder, node.children)
      blocks.push(builder.build(node))
      return
    }
    case 'html':
    case 'code': {
      if (node.type === 'code' && node.lang) return
      const builder = new Builder(source)
      const value = node.type === 'html' ? node.value.replace(tag, (match) => ' '.repeat(match.length)) : node.value
      builder.add(value, node.type === 'code' ? codeStart(node.position?.start, source) : node.position?.start)
      blocks.push(builder.build(node))
      return
    }
    case 'tableRow': {
      const builder = new Builder(source)
      node.children.forEach((cell, index) => {
        if (index > 0) builder.blank('', ' | ')
        addPhrasing(builder, cell.children)
      })
      blocks.push(builder.build(node))
      return
    }
    case 'root':
    case 'list':
    case 'listItem':
    case 'blockquote':
    case 'table':
      for (const child of node.children) collect(child, source, blocks)
      return
    default:
      return
  }
}

/** Where the value of a code block starts: after its fence, if it has one. */
function codeStart(start: Point | undefined, source: SourceText | undefined): Point | undefined {
  if (!start) return undefined
  const line = source?.lines[start.line - 1]?.trimStart()
  if (line?.startsWith('```') || line?.startsWith('~~~')) return {line: start.line + 1, column: 1}
  return start
}
