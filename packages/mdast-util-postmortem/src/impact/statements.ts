/**
 * Where a postmortem states its impact: the impact section(s), labelled
 * lines such as `Impact: ...`, `Duration: ...` or `Users affected: ...`
 * (in the summary, in a list, anywhere), headings such as `## Outage
 * duration`, and the summary's sentences about who or what was affected.
 */
import type {Paragraph, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Point} from 'unist'
import type {SectionHeading} from '../headings.js'
import {textLines} from '../lines.js'
import type {Postmortem} from '../model.js'
import {hasNonSpace, isSpaceAt, normalizeLabel} from '../normalize.js'
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
  /** The impact or summary section it belongs to (for a label, the impact section it titles). */
  readonly section: Section | undefined
}

const labelSet = new Set(impactLabels.map(normalizeLabel))
/** Cheap test before reading a paragraph's lines: a line starts with an impact label and a colon. */
const labelLine =
  /(?:^|[\n\r])[ \t*_>•·-]*(?:impact|duration|downtime|users? affected|affected|customers? affected|scope|outage duration|total downtime|total time|time down|total outage|outage length|length of (?:the )?outage|[a-z]+ impact)\b[^:\n]{0,40}:/i
/**
 * Whether a text may hold a labelled line: a colon, then `labelLine` (it
 * looks only at the starts of lines: quicker than any search of the label
 * words first).
 */
function mayHoldLabel(text: string): boolean {
  return text.includes(':') && labelLine.test(text)
}

/** Find the ranges of text that state the impact, in document order per kind. */
export function findStatementRanges(postmortem: Postmortem): StatementRange[] {
  const ranges: StatementRange[] = []
  // Text already read as an impact section, a label or a heading's content:
  // a summary sentence or a label inside it is not read twice. Sections hand
  // out parts of paragraphs, so text is known by its place in the source
  // (by its node and offsets when it has no place).
  const covered = new Map<RootContent, Array<[number, number]>>()
  const placed: Array<[Point, Point]> = []
  const push = (range: StatementRange) => {
    if (range.to <= range.from || !hasNonSpace(range.block.text, range.from, range.to)) return
    const position = range.block.positionOf(range.from, range.to)
    if (position) {
      if (placed.some(([start, end]) => before(position.start, end) && before(start, position.end))) return
      if (range.origin !== 'summary') placed.push([position.start, position.end])
      ranges.push(range)
      return
    }
    const spans = covered.get(range.block.node) ?? []
    if (spans.some(([from, to]) => range.from < to && from < range.to)) return
    if (range.origin !== 'summary') {
      spans.push([range.from, range.to])
      covered.set(range.block.node, spans)
    }
    ranges.push(range)
  }
  // `Users affected: One`: an impact section titled by a label is read with
  // its label, as a labelled line, so that the label says what is counted.
  const labelSections = new Map<RootContent, Map<number, Section>>()
  for (const section of postmortem.sectionsOf('impact')) {
    if (readAsLabel(section.heading)) {
      const lines = labelSections.get(section.heading.node) ?? new Map<number, Section>()
      lines.set(section.heading.line, section)
      labelSections.set(section.heading.node, lines)
      continue
    }
    for (const {block, from, to} of sectionText(postmortem, section)) {
      push({origin: 'impact', block, from, to, section})
    }
  }
  for (const range of labelledRanges(postmortem, labelSections)) push(range)
  for (const range of headingRanges(postmortem)) push(range)
  for (const section of postmortem.sectionsOf('summary')) {
    for (const {block, from, to} of sectionText(postmortem, section)) {
      for (const [start, end] of sentences(block.text, from, to)) {
        if (hasEffectCue(block.text, start, end)) {
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
  return blocksOf(postmortem, section.nodes)
}

/** Every text block of `nodes`, whole. */
function blocksOf(
  postmortem: Postmortem,
  nodes: readonly RootContent[]
): Array<{block: BlockText; from: number; to: number}> {
  const parts: Array<{block: BlockText; from: number; to: number}> = []
  for (const node of nodes) {
    for (const block of textBlocks(node, postmortem.source)) parts.push({block, from: 0, to: block.text.length})
  }
  return parts
}

/** `Duration: 3 hours`, `- **Users affected:** 1,200`: labelled lines anywhere. */
function labelledRanges(
  postmortem: Postmortem,
  sections: ReadonlyMap<RootContent, ReadonlyMap<number, Section>>
): StatementRange[] {
  const ranges: StatementRange[] = []
  const visit = (node: RootContent) => {
    if (node.type === 'paragraph') {
      const text = paragraphText(node)
      if (mayHoldLabel(text)) ranges.push(...labelsIn(postmortem, node, sections.get(node)))
      return
    }
    if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') {
      for (const child of node.children) visit(child)
    }
  }
  for (const node of postmortem.tree.children) visit(node)
  return ranges
}

/** Whether a section's title is a label that `labelledRanges` reads with its line. */
function readAsLabel(heading: SectionHeading): boolean {
  if (heading.kind !== 'label' || heading.node.type !== 'paragraph') return false
  const text = textLines(paragraphText(heading.node))[heading.line] ?? ''
  return mayHoldLabel(text)
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

function labelsIn(
  postmortem: Postmortem,
  node: Paragraph,
  sections: ReadonlyMap<number, Section> | undefined
): StatementRange[] {
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
    // A label takes the lines after it (its text wrapped, or the text of a
    // label alone on its line, `Duration:`), up to the next label.
    let last = line
    while (last + 1 < labels.length && labels[last + 1] === undefined && !looksLabelled(block, last + 1)) last++
    ranges.push({
      origin: 'label',
      block,
      from: block.lineStarts[line] ?? 0,
      to: block.lineEnd(last),
      section: sections?.get(line)
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
  const at = block.text.indexOf(':', block.lineStarts[line] ?? 0)
  return at === -1 || at >= block.lineEnd(line) ? undefined : at
}

/** `## Outage duration`, `### Users affected`: a heading the profile does not know that states impact. */
function headingRanges(postmortem: Postmortem): StatementRange[] {
  const ranges: StatementRange[] = []
  for (const heading of postmortem.headings) {
    if (heading.ids.length > 0 || heading.node.type !== 'heading' || !labelSet.has(normalizeLabel(heading.text))) {
      continue
    }
    for (const {block, from, to} of blocksOf(postmortem, postmortem.contentOf(heading))) {
      ranges.push({origin: 'heading', block, from, to, section: undefined})
    }
  }
  return ranges
}

/** What starts a line that starts a sentence: an item mark, a number, a short label (`Duration:`). */
const itemStart = /^\s*(?:[-*•·—–+]|\d+[.)]\s|[^\s:][^:\n]{0,40}:)/u

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
  // The code of the last character of the current sentence that is not a space (-1: none yet).
  let last = -1
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index)
    let end: number | undefined
    if (code === 10) {
      if (
        last === 46 ||
        last === 33 ||
        last === 63 ||
        last === 58 ||
        last === 59 ||
        itemStart.test(text.slice(index + 1, Math.min(to, index + 60)))
      )
        end = index
    } else if ((code === 46 || code === 33 || code === 63) && capitalAfterSpace(text, index + 1)) {
      end = index + 1
    }
    if (!isSpaceAt(text, index)) last = code
    if (end !== undefined) {
      push(start, end)
      start = end + (code === 10 ? 1 : 0)
      last = -1
    }
  }
  push(start, to)
  return found
}

/**
 * Whether `text` from `from` to `to` has an effect cue at the start of a
 * word (`affected`, `could not`), in any case, a space in a cue standing
 * for any run of spaces: one pass over the text, trying at each start of a
 * word the cues that begin with its first two letters (a regular expression built
 * from the list could not be checked for backtracking). A word starts
 * after anything but `a-z`, `0-9` and `_` in lower case.
 */
function hasEffectCue(text: string, from: number, to: number): boolean {
  let boundary = true
  for (let at = from; at < to; at++) {
    const code = foldedAt(text, at)
    if (boundary && code >= 97 && code <= 122 && at + 1 < to) {
      const next = foldedAt(text, at + 1)
      const cues = next >= 97 && next <= 122 ? cuesByLetters[(code - 97) * 26 + next - 97] : undefined
      if (cues) for (const cue of cues) if (cueAt(text, at, to, cue)) return true
    }
    boundary = !((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95)
  }
  return false
}

/** Effect cues by their first two letters (`a` to `z` each: every cue starts with two letters). */
const cuesByLetters: Array<string[] | undefined> = []
for (const cue of effectCues) {
  const letters = (cue.charCodeAt(0) - 97) * 26 + cue.charCodeAt(1) - 97
  const list = cuesByLetters[letters]
  if (list) list.push(cue)
  else cuesByLetters[letters] = [cue]
}

/**
 * The code of the character at `at` once in lower case, for the ASCII
 * letters (and the Kelvin sign, whose lower case is `k`); any other
 * character is its own code (none other turns into a letter, a digit or `_`).
 */
function foldedAt(text: string, at: number): number {
  const code = text.charCodeAt(at)
  if (code >= 65 && code <= 90) return code + 32
  return code === 0x212a ? 107 : code
}

/** Whether `cue` is written at `at` (before `to`), its spaces any run of spaces. */
function cueAt(text: string, at: number, to: number, cue: string): boolean {
  let position = at
  for (let index = 0; index < cue.length; index++) {
    const code = cue.charCodeAt(index)
    if (code === 32) {
      if (position >= to || !isSpaceAt(text, position)) return false
      while (position < to && isSpaceAt(text, position)) position++
      continue
    }
    if (position >= to || foldedAt(text, position) !== code) return false
    position++
  }
  return true
}

/**
 * Whether a space is at `at` and, right after it, a character that is not
 * a space or a lower-case letter (what `/^\s+[^\p{Ll}\s]/u` finds in the
 * two characters from `at`; half a surrogate pair is no letter).
 */
function capitalAfterSpace(text: string, at: number): boolean {
  if (!isSpaceAt(text, at) || at + 1 >= text.length || isSpaceAt(text, at + 1)) return false
  const code = text.charCodeAt(at + 1)
  if (code < 128) return code < 97 || code > 122
  return !lowerLetter.test(text[at + 1] as string)
}

const lowerLetter = /\p{Ll}/u

/** Whether point `a` comes before point `b`. */
function before(a: Point, b: Point): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column)
}
