/**
 * The outline of a postmortem: every title (`headings.ts`) and, for those
 * that stand for a known concept, the section it starts, as a span of the
 * document computed once. A section runs from its title to the next title
 * that ends it; its content is handed out already clipped to that span, at
 * any depth (a section whose title is folded into a list item holds the
 * rest of that item and the items after it), so that no reader works out
 * again where a section ends.
 */
import type {Html, List, Paragraph, PhrasingContent, Root, RootContent, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Node, Point, Position} from 'unist'
import {givesCauses, isOpeningField, isTimedRun, overviewBlock} from './evidence.js'
import {type BlockOrder, findTitles, type Key, lineLevel, type SectionHeading, type TitleCandidate} from './headings.js'
import {htmlText, lineBreakAt, type SourceText, valueLines} from './lines.js'
import {hasNonSpace} from './normalize.js'
import type {Profile} from './profiles.js'

/** A section of the postmortem that stands for one or more known concepts. */
export interface Section {
  /** The first id the section stands for. */
  readonly id: string
  /** Every id it stands for (`Root Cause and Resolution`: two). */
  readonly ids: readonly string[]
  readonly heading: SectionHeading
  /**
   * The section's content, clipped to it: the nodes after its title up to
   * where the next section starts, at any depth. A container the span cuts
   * (a list, a list item, a quote) is a shallow copy holding only its
   * children inside the span; a paragraph or HTML block it cuts is a copy
   * holding only its lines (for a label, only the text after the label).
   * Nodes wholly inside are the tree's own.
   */
  readonly nodes: readonly RootContent[]
  /** Where the section starts (its title), when positions are known. */
  readonly start: Point | undefined
  /** Where the title that ends it starts, when there is one and it is known. */
  readonly end: Point | undefined
  /** The title that ends the section, if any. */
  readonly next: SectionHeading | undefined
  /** No content of its own, and no part under it. */
  readonly empty: boolean
  /**
   * A field of the untitled overview (`Impact:` or `Root cause:` under
   * `Duration:`, as a label or on a line above its value): the overview
   * runs on past it, and it is part of the summary as much as its own section.
   */
  readonly field: boolean
}

/** The outline: every title in document order, and the sections of known concepts. */
export interface Outline {
  readonly headings: SectionHeading[]
  readonly sections: Section[]
  /**
   * The content of any title, known or not (`## Outage duration`), up to
   * the title that ends it, clipped as `Section.nodes` is.
   */
  contentOf(heading: SectionHeading): RootContent[]
}

const endOfDocument: Key = [Number.POSITIVE_INFINITY, 0, 0]

/** Split the document into sections. */
export function findSections(tree: Root, profile: Profile, source?: SourceText): Outline {
  const found = findTitles(tree, profile, source)
  const order = found.order
  const inProfile = profileIds(profile)
  let titles = found.titles
  const outline = new OutlineBuilder(tree, order, source, inProfile)

  // A title that only hints at a concept counts when its content bears it out.
  const candidates = titles
  titles = candidates.filter((title, at) => {
    if (title.hints.length === 0) return true
    const content = outline.ownContent(candidates, at, title.hints)
    if (title.hints.includes('root-cause') && givesCauses(content)) {
      title.heading = {...title.heading, ids: title.hints, evidence: 'hint'}
      return true
    }
    return title.heading.kind === 'heading'
  })

  // A run of timed lines is a timeline, whatever its title says.
  if (!titles.some((title) => title.heading.ids.includes('timeline'))) {
    for (const [at, title] of titles.entries()) {
      const content = outline.ownContent(titles, at, [...title.heading.ids, 'timeline'])
      if (!isTimedRun(content)) continue
      const ids = [...title.heading.ids, 'timeline']
      title.heading = {
        ...title.heading,
        ids,
        evidence: title.heading.ids.length > 0 ? title.heading.evidence : 'content'
      }
    }
  }

  // An untitled overview at the top is the summary.
  if (!titles.some((title) => title.heading.ids.includes('summary'))) {
    const first = titles.find((title) => title.heading.ids.length > 0 && !isOpeningField(title))
    const opening = outline.slice([0, 0, 0], first?.boundary ?? endOfDocument)
    // A field on a line of its own (`Impact:`) has its value in the block under it:
    // that block is the field's, not an overview (the document may have none).
    const values = new Set<Node>()
    titles.forEach((title, at) => {
      if (first && compare(title.boundary, first.boundary) >= 0) return
      if (title.heading.kind !== 'plain' || !isOpeningField(title)) return
      const value = outline.slice(title.contentStart, titles[at + 1]?.boundary ?? endOfDocument).find(hasContent)
      // Only a value in a block of its own (`Impact:` then a paragraph), not on the title's next line.
      if (value && originOf(value) !== title.heading.node) values.add(originOf(value))
    })
    const overview = overviewBlock(
      opening.filter((node) => !values.has(originOf(node))),
      found.prose
    )
    if (overview) {
      // Before the titles at its place: it starts there.
      titles = [implicitTitle(originOf(overview), tree, order), ...titles].sort((a, b) =>
        compare(a.boundary, b.boundary)
      )
    }
  }

  // The titles the untitled overview runs on past are its fields.
  const overviewAt = titles.findIndex((title) => title.heading.kind === 'implicit')
  const overviewEnd = overviewAt === -1 ? undefined : outline.endOf(titles, overviewAt, ['summary']).key
  const sections: Section[] = []
  titles.forEach((title, at) => {
    const {heading} = title
    if (heading.ids.length === 0) return
    const {key, next} = outline.endOf(titles, at, heading.ids)
    const nodes = outline.slice(title.contentStart, key)
    const part =
      next !== undefined &&
      (next.heading.depth > heading.depth ||
        (next.heading.kind === 'heading' && next.heading.level > heading.level) ||
        next.heading.ids.every((id) => heading.ids.includes(id) || !inProfile.has(id)))
    sections.push({
      id: heading.ids[0] as string,
      ids: heading.ids,
      heading,
      nodes,
      start: heading.position?.start,
      end: next?.heading.position?.start,
      next: next?.heading,
      empty: heading.kind !== 'implicit' && !part && !nodes.some(hasContent),
      field:
        overviewEnd !== undefined &&
        at > overviewAt &&
        compare(title.boundary, overviewEnd) < 0 &&
        isOpeningField(title)
    })
  })
  const final = titles
  return {
    headings: final.map((title) => title.heading),
    sections,
    contentOf(heading) {
      const at = final.findIndex((title) => title.heading === heading)
      if (at === -1) return []
      const title = final[at] as TitleCandidate
      return outline.slice(title.contentStart, outline.endOf(final, at, heading.ids).key)
    }
  }
}

function profileIds(profile: Profile): ReadonlySet<string> {
  return new Set(profile.sections.map((spec) => spec.id))
}

function implicitTitle(node: RootContent, tree: Root, order: BlockOrder): TitleCandidate {
  const seq = order.of.get(node)?.seq ?? 0
  const index = tree.children.findIndex((child) => {
    const place = order.of.get(child)
    return place !== undefined && place.seq <= seq && seq <= place.last
  })
  return {
    heading: {
      kind: 'implicit',
      text: '',
      ids: ['summary'],
      evidence: 'content',
      node,
      index: Math.max(0, index),
      line: 0,
      level: lineLevel,
      depth: 0,
      placement: 'block',
      stamp: false,
      position: node.position
    },
    hints: [],
    boundary: [seq, 0, 0],
    contentStart: [seq, 0, 0],
    list: undefined
  }
}

/** Order of two keys. */
export function compare(a: Key, b: Key): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
}

/** Whether a block's start (`[seq, 0, 0]`) is at or after `key`, without making the key. */
function startsAtOrAfter(seq: number, key: Key): boolean {
  return seq > key[0] || (seq === key[0] && key[1] <= 0 && (key[1] < 0 || key[2] <= 0))
}

class OutlineBuilder {
  constructor(
    private readonly tree: Root,
    private readonly order: BlockOrder,
    private readonly source: SourceText | undefined,
    private readonly inProfile: ReadonlySet<string>
  ) {}

  /**
   * Where the section of `titles[at]` ends, standing for `ids`: at the next
   * title outside it (less deep in lists), or at its depth one of the
   * profile's sections or a real heading as high as its own (a date heading
   * stays inside a timeline); a title inside a list item ends with its list
   * at the latest.
   */
  endOf(titles: readonly TitleCandidate[], at: number, ids: readonly string[]): {key: Key; next?: TitleCandidate} {
    const title = titles[at] as TitleCandidate
    const own = title.heading
    const listOrder = title.list ? this.order.of.get(title.list) : undefined
    const limit: Key = listOrder ? [listOrder.last + 1, 0, 0] : endOfDocument
    for (let after = at + 1; after < titles.length; after++) {
      const next = titles[after] as TitleCandidate
      if (compare(next.boundary, limit) >= 0) break
      const heading = next.heading
      // The untitled overview ends no section; its own fields (`Impact:`) do not end it.
      if (heading.kind === 'implicit' || (own.kind === 'implicit' && isOpeningField(next))) continue
      if (heading.depth < own.depth) return {key: next.boundary, next}
      if (heading.depth > own.depth) continue
      if (heading.ids.some((id) => this.inProfile.has(id))) return {key: next.boundary, next}
      if (heading.kind === 'heading' && heading.level <= own.level) {
        if (heading.stamp && ids.includes('timeline')) continue
        return {key: next.boundary, next}
      }
    }
    return {key: limit}
  }

  /**
   * The own content of `titles[at]`, as if it stood for `ids`: up to its
   * end, or to the first title inside it that is not a date heading.
   */
  ownContent(titles: readonly TitleCandidate[], at: number, ids: readonly string[]): RootContent[] {
    const title = titles[at] as TitleCandidate
    const {key} = this.endOf(titles, at, ids)
    let end = key
    for (let after = at + 1; after < titles.length; after++) {
      const next = titles[after] as TitleCandidate
      if (compare(next.boundary, end) >= 0) break
      if (next.heading.kind === 'heading' && next.heading.stamp) continue
      end = next.boundary
      break
    }
    return this.slice(title.contentStart, end)
  }

  /** The content between two keys, clipped (see `Section.nodes`). */
  slice(from: Key, to: Key): RootContent[] {
    if (compare(from, to) >= 0) return []
    return this.children(this.tree.children, from, to)
  }

  private children(nodes: readonly RootContent[], from: Key, to: Key): RootContent[] {
    const out: RootContent[] = []
    // Nodes are in document order: skip those that end before the span, stop at the first after it.
    for (let index = this.firstReaching(nodes, from); index < nodes.length; index++) {
      const node = nodes[index] as RootContent
      const place = this.order.of.get(node)
      if (!place) continue
      if (place.last < from[0]) continue
      if (startsAtOrAfter(place.seq, to)) break
      if (startsAtOrAfter(place.seq, from) && place.last < to[0]) {
        out.push(node)
        continue
      }
      out.push(...this.part(node, from, to))
    }
    return out
  }

  /** The index of the first node that does not end before `from` (a binary search: blocks are in order). */
  private firstReaching(nodes: readonly RootContent[], from: Key): number {
    let low = 0
    let high = nodes.length
    while (low < high) {
      const middle = (low + high) >>> 1
      const place = this.order.of.get(nodes[middle] as RootContent)
      // A node without a place is never skipped past.
      if (place && place.last < from[0]) low = middle + 1
      else high = middle
    }
    return low
  }

  /** The part of a node the span cuts. */
  private part(node: RootContent, from: Key, to: Key): RootContent[] {
    const seq = this.order.of.get(node)?.seq ?? 0
    switch (node.type) {
      case 'list':
        return this.listPart(node, from, to)
      case 'listItem':
      case 'blockquote':
      case 'footnoteDefinition': {
        const children = this.children(node.children as RootContent[], from, to)
        return children.length === 0 ? [] : [copy(node, children as typeof node.children)]
      }
      case 'paragraph': {
        const part = paragraphPart(node, seq, from, to, this.source)
        return part ? [part] : []
      }
      case 'html':
      case 'code': {
        const part = linesPart(node, seq, from, to)
        return part ? [part] : []
      }
      default:
        return compare([seq, 0, 0], from) >= 0 ? [node] : []
    }
  }

  /**
   * A list cut by the span. When the span starts inside an item (after a
   * `* Timeline:` title: its nested entries, or the lines under the title),
   * the item's content comes out of the list: it is the section's own.
   */
  private listPart(list: List, from: Key, to: Key): RootContent[] {
    const out: RootContent[] = []
    const items: List['children'] = []
    for (const item of list.children) {
      const place = this.order.of.get(item)
      if (!place) continue
      if (place.last < from[0]) continue
      if (startsAtOrAfter(place.seq, to)) break
      const whole = startsAtOrAfter(place.seq, from) && place.last < to[0]
      if (whole) {
        items.push(item)
        continue
      }
      const children = this.children(item.children, from, to)
      if (children.length === 0) continue
      // The span starts inside the item: the item is the title's, and what
      // follows its title (lines of its first block, or blocks nested in it)
      // is the section's own content, not an item of a list.
      const headless = items.length === 0 && !startsAtOrAfter(place.seq, from)
      if (headless) out.push(...children)
      else items.push(copy(item, children as typeof item.children))
    }
    if (items.length > 0) out.push(copy(list, items))
    return out
  }
}

/** Where copies come from, so that a copy of a block's part is known as its part. */
const partOf = new WeakMap<Node, Node>()

/** The tree's own node a copy was made from (the node itself when it is no copy). */
function originOf<T extends Node>(node: T): T {
  return (partOf.get(node) as T | undefined) ?? node
}

/** A shallow copy of a container with only `children`, spanning them. */
function copy<T extends Node & {children: unknown[]}>(node: T, children: T['children']): T {
  const result = {...node, children, position: spanOf(children as Node[])} as T
  partOf.set(result, node)
  return result
}

function spanOf(nodes: readonly Node[]): Position | undefined {
  const start = nodes[0]?.position?.start
  const end = nodes.at(-1)?.position?.end
  return start && end ? {start, end} : undefined
}

/**
 * The columns of line `line` of block `seq` inside the span `[from, to)`
 * are `[lowColumn, highColumn)`, empty when the line is outside it.
 */
function lowColumn(seq: number, line: number, from: Key): number {
  if (seq < from[0] || (seq === from[0] && line < from[1])) return Number.POSITIVE_INFINITY
  return seq === from[0] && line === from[1] ? from[2] : 0
}

function highColumn(seq: number, line: number, to: Key): number {
  if (seq > to[0] || (seq === to[0] && line > to[1])) return Number.NEGATIVE_INFINITY
  return seq === to[0] && line === to[1] ? to[2] : Number.POSITIVE_INFINITY
}

/**
 * The lines of a paragraph inside the span, as a paragraph of their own:
 * text nodes are cut at line breaks (and at a label's colon), other inline
 * nodes are kept whole.
 */
function paragraphPart(
  node: Paragraph,
  seq: number,
  from: Key,
  to: Key,
  source: SourceText | undefined
): Paragraph | undefined {
  const children: PhrasingContent[] = []
  let line = 0
  let char = 0
  const inside = (at: number, column: number) => lowColumn(seq, at, from) <= column && column < highColumn(seq, at, to)
  // Lines only go on: from the first line past the span's end, nothing is in it.
  const beyond = (at: number) => highColumn(seq, at, to) === Number.NEGATIVE_INFINITY
  pieces: for (const child of node.children) {
    if (beyond(line)) break
    if (child.type === 'break') {
      if (inside(line, char)) children.push(child)
      line++
      char = 0
      continue
    }
    if (child.type !== 'text') {
      const value = toString(child)
      if (inside(line, char)) children.push(child)
      let last = -1
      for (let at = lineBreakAt(value); at !== -1; at = lineBreakAt(value, at + 1)) {
        line++
        last = at
      }
      char = last === -1 ? char + value.length : value.length - last - 1
      continue
    }
    // The pieces of the text between its line breaks, read in place.
    const value = child.value
    const whole = lineBreakAt(value) === -1
    for (let at = 0, pieceStart = 0; pieceStart <= value.length; at++) {
      const found = lineBreakAt(value, pieceStart)
      const pieceEnd = found === -1 ? value.length : found
      const length = pieceEnd - pieceStart
      if (at > 0) {
        if (inside(line, char)) children.push(textNode('\n', undefined))
        line++
        char = 0
        if (beyond(line)) break pieces
      }
      // Keep the part of this piece inside the span.
      const start = Math.min(length, Math.max(0, lowColumn(seq, line, from) - char))
      const end = Math.max(start, Math.min(length, highColumn(seq, line, to) - char))
      if (end > start) {
        const text = whole && start === 0 && end === length ? child : undefined
        children.push(
          text ??
            textNode(
              value.slice(pieceStart + start, pieceStart + end),
              piecePosition(child, at, start, end - start, source)
            )
        )
      }
      char += length
      pieceStart = pieceEnd + 1
    }
  }
  // No text left, or only the breaks and spaces around the cut.
  while (children[0]?.type === 'text' && (children[0] as Text).value.trim() === '') children.shift()
  while (children.at(-1)?.type === 'text' && (children.at(-1) as Text).value.trim() === '') children.pop()
  if (children.length === 0) return undefined
  if (children.length === node.children.length && children.every((child, at) => child === node.children[at])) {
    return node
  }
  const first = children[0] as PhrasingContent
  if (first.type === 'text') children[0] = textNode(first.value.trimStart(), shift(first, first.value))
  const result: Paragraph = {type: 'paragraph', children, position: spanOf(children)}
  partOf.set(result, node)
  return result
}

function textNode(value: string, position: Position | undefined): Text {
  return position ? {type: 'text', value, position} : {type: 'text', value}
}

/** Position of a piece of a text node: line `at` of it, from `start`, `length` characters. */
function piecePosition(
  node: Text,
  at: number,
  start: number,
  length: number,
  source: SourceText | undefined
): Position | undefined {
  const origin = node.position?.start
  if (!origin) return undefined
  const line = origin.line + at
  const column = at === 0 ? origin.column + start : (source ? source.indentOf(line) + 1 : 1) + start
  return {start: {line, column}, end: {line, column: column + length}}
}

/** The same position with the leading spaces of `value` skipped. */
function shift(node: Text, value: string): Position | undefined {
  const position = node.position
  if (!position) return undefined
  const skipped = value.length - value.trimStart().length
  if (skipped === 0 || value.slice(0, skipped).includes('\n')) return position
  return {start: {...position.start, column: position.start.column + skipped}, end: position.end}
}

/** The lines of an HTML or code block inside the span, as a block of their own. */
function linesPart(node: Html | RootContent, seq: number, from: Key, to: Key): RootContent | undefined {
  if (!('value' in node) || typeof node.value !== 'string') return undefined
  const lines = valueLines(node.value)
  const kept: number[] = []
  lines.forEach((_, at) => {
    if (lowColumn(seq, at, from) <= 0 && 0 < highColumn(seq, at, to)) kept.push(at)
  })
  if (kept.length === 0) return undefined
  if (kept.length === lines.length) return node
  const first = kept[0] as number
  const last = kept.at(-1) as number
  const start = node.position?.start.line
  const value = lines.slice(first, last + 1).join('\n')
  const position =
    start === undefined
      ? undefined
      : {
          start: {line: start + first, column: 1},
          end: {line: start + last, column: (lines[last] as string).length + 1}
        }
  const result = {...node, value, position} as RootContent
  partOf.set(result, node)
  return result
}

/** Whether a node holds something a reader would call content. */
export function hasContent(node: RootContent): boolean {
  if (node.type === 'html') return htmlText(node.value) !== ''
  if (node.type === 'thematicBreak' || node.type === 'definition') return false
  if (node.type === 'yaml') return false
  if (node.type === 'code' || node.type === 'image' || node.type === 'table') return true
  return hasText(node)
}

/**
 * Whether `toString(value)` holds a character other than a space, told
 * without joining the text of a block: its first word is enough.
 */
function hasText(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasText)
  if (!value || typeof value !== 'object') return false
  const node = value as {value?: unknown; alt?: unknown; children?: unknown}
  if ('value' in node) return node.value !== undefined && node.value !== null && hasNonSpace(String(node.value))
  if ('alt' in node && node.alt) return hasNonSpace(String(node.alt))
  return 'children' in node && hasText(node.children)
}
