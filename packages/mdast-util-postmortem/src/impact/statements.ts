/**
 * Where a postmortem states its impact: the impact section(s), labelled
 * lines such as `Impact: ...`, `Duration: ...` or `Users affected: ...`
 * (in the summary, in a list, anywhere), headings such as `## Outage
 * duration`, and the summary's sentences about who or what was affected.
 */
import type {Paragraph, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {SectionHeading} from '../headings.js'
import type {Postmortem} from '../model.js'
import {isSpaceAt, normalizeLabel} from '../normalize.js'
import type {Section} from '../sections.js'
import {type BlockText, textBlocks} from './text.js'
import {effectCues, impactLabels} from './vocabulary.js'

/** Where an impact statement was found. */
export type ImpactOrigin = 'impact' | 'label' | 'heading' | 'summary'

/** A piece of text that states the impact: a range of one block's text. */
export interface StatementRange {
  readonly origin: ImpactOrigin
  readonly block: BlockText
  /** Offset in the block's text where the statement starts. */
  readonly from: number
  /** Offset in the block's text where it ends (exclusive). */
  readonly to: number
  /** The impact or summary section it belongs to. */
  readonly section: Section | undefined
}

const labelSet = new Set(impactLabels.map(normalizeLabel))
/** Cheap test before reading a paragraph's lines: a line starts with an impact label and a colon. */
const labelLine =
  /(?:^|\n)[ \t*_>•·-]*(?:impact|duration|downtime|users? affected|affected|customers? affected|scope|outage duration|total downtime|[a-z]+ impact)\b[^:\n]{0,40}:/i
/** Quicker still: one of the label words is there at all. */
const labelWord = /impact|duration|downtime|affected|scope/i

/** Find the ranges of text that state the impact, in document order per kind. */
export function findStatementRanges(postmortem: Postmortem): StatementRange[] {
  const ranges: StatementRange[] = []
  // Text already read as an impact section, a label or a heading's content:
  // a summary sentence or a label inside it is not read twice.
  const covered = new Map<RootContent, Array<[number, number]>>()
  const push = (range: StatementRange) => {
    if (range.to <= range.from || range.block.text.slice(range.from, range.to).trim() === '') return
    const spans = covered.get(range.block.node) ?? []
    if (spans.some(([from, to]) => range.from < to && from < range.to)) return
    if (range.origin !== 'summary') {
      spans.push([range.from, range.to])
      covered.set(range.block.node, spans)
    }
    ranges.push(range)
  }
  for (const section of postmortem.sectionsOf('impact')) {
    for (const {block, from, to} of sectionText(postmortem, section)) {
      push({origin: 'impact', block, from, to, section})
    }
  }
  for (const range of labelledRanges(postmortem)) push(range)
  for (const range of headingRanges(postmortem)) push(range)
  for (const section of postmortem.sectionsOf('summary')) {
    for (const {block, from, to} of sectionText(postmortem, section)) {
      for (const [start, end] of sentences(block.text, from, to)) {
        if (hasEffectCue(block.text.slice(start, end))) {
          push({origin: 'summary', block, from: start, to: end, section})
        }
      }
    }
  }
  return ranges
}

/**
 * The text of a section: its blocks, the first cut after the heading when
 * the heading sits inside it (`Impact: 40% of users`), the last cut before
 * the next section when that starts inside it.
 */
export function sectionText(
  postmortem: Postmortem,
  section: Section
): Array<{block: BlockText; from: number; to: number}> {
  const {heading} = section
  const at = postmortem.headings.indexOf(heading)
  // An untitled overview found in the same paragraph does not end a labelled section.
  const next = postmortem.headings
    .slice(at + 1)
    .find(
      (item) =>
        (item.ids.length > 0 || item.level <= heading.level) &&
        !(item.kind === 'implicit' && item.node === heading.node)
    )
  const parts: Array<{block: BlockText; from: number; to: number}> = []
  const nodes = heading.node.type === 'heading' ? section.nodes : [heading.node, ...section.nodes]
  for (const node of new Set(nodes)) {
    if (node.type === 'heading' && node === heading.node) continue
    for (const block of textBlocks(node, postmortem.source)) {
      let from = 0
      let to = block.text.length
      if (node === heading.node) from = afterHeading(block, heading)
      if (next && node === next.node && next.line > 0) to = Math.max(from, (block.lineStarts[next.line] ?? 0) - 1)
      parts.push({block, from, to})
    }
  }
  return parts
}

/** Where a section's own text starts in the block that holds its heading. */
function afterHeading(block: BlockText, heading: SectionHeading): number {
  if (heading.kind === 'implicit') return 0
  const lineStart = block.lineStarts[heading.line] ?? 0
  if (heading.kind === 'label') {
    const colon = block.text.indexOf(':', lineStart)
    return colon === -1 ? lineStart : colon + 1
  }
  return block.lineStarts[heading.line + 1] ?? block.text.length
}

/** `Duration: 3 hours`, `- **Users affected:** 1,200`: labelled lines anywhere. */
function labelledRanges(postmortem: Postmortem): StatementRange[] {
  const ranges: StatementRange[] = []
  const visit = (node: RootContent) => {
    if (node.type === 'paragraph') {
      const text = paragraphText(node)
      if (labelWord.test(text) && labelLine.test(text)) ranges.push(...labelsIn(postmortem, node))
      return
    }
    if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') {
      for (const child of node.children) visit(child)
    }
  }
  for (const node of postmortem.tree.children) visit(node)
  return ranges
}

/** The text of a paragraph's text nodes, quickly, for the label test. */
function paragraphText(node: Paragraph): string {
  let text = ''
  for (const child of node.children) {
    if (child.type === 'text') text += child.value
    else if (child.type === 'break') text += '\n'
    else if (child.type === 'strong' || child.type === 'emphasis') text += toString(child)
  }
  return text
}

function labelsIn(postmortem: Postmortem, node: Paragraph): StatementRange[] {
  const ranges: StatementRange[] = []
  const [block] = textBlocks(node, postmortem.source)
  if (!block) return ranges
  const labels = block.lineStarts.map((start, line) => {
    const colon = colonIn(block, line)
    if (colon === undefined || colon - start > 60) return undefined
    return labelSet.has(normalizeLabel(block.text.slice(start, colon))) ? colon + 1 : undefined
  })
  // The statement keeps its label: `Users affected: One` counts users.
  labels.forEach((from, line) => {
    if (from === undefined) return
    // A label alone on its line (`Duration:`) takes the lines after it, up to the next label.
    let last = line
    if (block.text.slice(from, block.lineEnd(line)).trim() === '') {
      while (last + 1 < labels.length && labels[last + 1] === undefined && !looksLabelled(block, last + 1)) last++
    }
    ranges.push({
      origin: 'label',
      block,
      from: block.lineStarts[line] ?? 0,
      to: block.lineEnd(last),
      section: undefined
    })
  })
  return ranges
}

/** A line that starts with a short label and a colon (`Start Time: ...`). */
function looksLabelled(block: BlockText, line: number): boolean {
  const colon = colonIn(block, line)
  return colon !== undefined && colon - (block.lineStarts[line] ?? 0) <= 40
}

/** Offset of the first colon of line `line`, searched in that line only. */
function colonIn(block: BlockText, line: number): number | undefined {
  const start = block.lineStarts[line] ?? 0
  const at = block.text.slice(start, block.lineEnd(line)).indexOf(':')
  return at === -1 ? undefined : start + at
}

/** `## Outage duration`, `### Users affected`: a heading the profile does not know that states impact. */
function headingRanges(postmortem: Postmortem): StatementRange[] {
  const ranges: StatementRange[] = []
  const {headings, tree} = postmortem
  headings.forEach((heading, at) => {
    if (heading.ids.length > 0 || heading.node.type !== 'heading' || !labelSet.has(normalizeLabel(heading.text))) {
      return
    }
    const next = headings.slice(at + 1).find((item) => item.ids.length > 0 || item.level <= heading.level)
    const end = next ? next.index : tree.children.length
    for (const node of tree.children.slice(heading.index + 1, end)) {
      for (const block of textBlocks(node, postmortem.source)) {
        ranges.push({origin: 'heading', block, from: 0, to: block.text.length, section: undefined})
      }
    }
  })
  return ranges
}

/**
 * Split `text` from `from` to `to` into sentences: at `.`, `!` or `?`
 * before a space and a capital, and at line breaks that end a sentence or
 * start an item (`- `, `• `, `Duration:`). Lines wrapped inside a sentence
 * stay together.
 */
export function sentences(text: string, from: number, to: number): Array<[number, number]> {
  const found: Array<[number, number]> = []
  const push = (first: number, end: number) => {
    let at = first
    while (at < end && isSpaceAt(text, at)) at++
    if (at < end) found.push([at, end])
  }
  let start = from
  // The last character of the current sentence that is not a space.
  let last = ''
  for (let index = from; index < to; index++) {
    const char = text[index] as string
    let end: number | undefined
    if (char === '\n') {
      const nextLine = text.slice(index + 1, Math.min(to, index + 60))
      if ((last !== '' && '.!?:;'.includes(last)) || /^\s*(?:[-*•·—–+]|\d+[.)]\s|[^\s:][^:\n]{0,40}:)/u.test(nextLine))
        end = index
    } else if (
      (char === '.' || char === '!' || char === '?') &&
      /^\s+[^\p{Ll}\s]/u.test(text.slice(index + 1, index + 3))
    ) {
      end = index + 1
    }
    if (!isSpaceAt(text, index)) last = char
    if (end !== undefined) {
      push(start, end)
      start = end + (char === '\n' ? 1 : 0)
      last = ''
    }
  }
  push(start, to)
  return found
}

/**
 * Whether a text has an effect cue at the start of a word (`affected`,
 * `could not`): a scan for each cue, where a regular expression built from
 * the list could not be checked for backtracking.
 */
function hasEffectCue(text: string): boolean {
  const lower = ` ${text.toLowerCase().replace(/\s+/g, ' ')}`
  return effectCues.some((cue) => {
    for (let at = lower.indexOf(cue); at !== -1; at = lower.indexOf(cue, at + 1)) {
      if (!/[a-z0-9_]/.test(lower[at - 1] ?? ' ')) return true
    }
    return false
  })
}
