import type {Code, Html, Paragraph, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Position} from 'unist'
import {htmlText, type ParagraphLine, paragraphLines, type SourceText} from './lines.js'
import {matchSectionIds} from './match.js'
import {isSpaceAt} from './normalize.js'
import type {Profile} from './profiles.js'

/**
 * How a section was introduced:
 * - `heading`: a Markdown heading (`## Timeline`);
 * - `bold`: a line that is only bold or emphasised text (`**Timeline**`);
 * - `plain`: a short line of its own (`Issue Summary:`);
 * - `label`: a line that starts with the section's name and goes on, after a
 *   colon (`Impact: 40% of users ...`) or on the next lines of the paragraph;
 * - `implicit`: an untitled overview paragraph at the top of the document.
 */
export type SectionHeadingKind = 'heading' | 'bold' | 'plain' | 'label' | 'implicit'

/** A place in the document that starts a section. */
export interface SectionHeading {
  readonly kind: SectionHeadingKind
  /** The heading's text, without marks and trailing colon. */
  readonly text: string
  /** The section ids the text names, in order; empty for an unknown heading. */
  readonly ids: readonly string[]
  /** The heading, paragraph or HTML node that holds it. */
  readonly node: RootContent
  /** Index of `node` in the root's children. */
  readonly index: number
  /** 0-based line of `node` the heading is on (0 for real headings). */
  readonly line: number
  /**
   * Rank used to nest sections: heading depth (1-6), 7 for a line of its own,
   * 8 for a labelled line (it carries its own content).
   */
  readonly level: number
  /** Text of the section follows the heading inside the same node. */
  readonly rest: boolean
  /** Where the heading text is (for a label: only the label). */
  readonly position: Position | undefined
}

const lineLevel = 7
const labelLevel = 8
const longestHeadingLine = 80
const longestLabel = 60

/**
 * Find every place that starts a section: real headings (known or not), and
 * the pseudo-headings writers use instead, when they name a known section.
 */
export function findSectionHeadings(tree: Root, profile: Profile, source?: SourceText): SectionHeading[] {
  const found: SectionHeading[] = []
  tree.children.forEach((node, index) => {
    if (node.type === 'heading') {
      const text = cleanHeadingText(toString(node))
      const ids = matchSectionIds(text, profile, 'heading')
      found.push({
        kind: 'heading',
        text,
        ids,
        node,
        index,
        line: 0,
        level: node.depth,
        rest: false,
        position: node.position
      })
    } else if (node.type === 'paragraph') {
      found.push(...paragraphHeadings(node, index, profile, source))
    } else if (node.type === 'html') {
      found.push(...htmlHeadings(node, index, profile))
    } else if (node.type === 'code' && !node.lang && !node.value.includes('\n')) {
      // A title centred with spaces becomes an indented code block of one line.
      found.push(...htmlHeadings(node, index, profile))
    }
  })
  return found
}

function paragraphHeadings(node: Paragraph, index: number, profile: Profile, source?: SourceText): SectionHeading[] {
  const lines = paragraphLines(node, source)
  const found: Array<Omit<SectionHeading, 'rest'> & {after: boolean}> = []
  for (const line of lines) {
    const heading = lineHeading(line, node, index, profile)
    if (heading) found.push(heading)
  }
  // A heading line has content of its own when lines follow it before the
  // next line that starts a section of the profile.
  const inProfile = (id: string) => profile.sections.some((spec) => spec.id === id)
  return found.map(({after, ...heading}, at) => {
    const next = found.slice(at + 1).find((item) => item.ids.some(inProfile))
    const following = lines.some((line) => line.index > heading.line && (!next || line.index < next.line))
    return {...heading, rest: after || following}
  })
}

function lineHeading(
  line: ParagraphLine,
  node: Paragraph,
  index: number,
  profile: Profile
): (Omit<SectionHeading, 'rest'> & {after: boolean}) | undefined {
  // `Impact: 40% of users ...` and `**Root cause:** a full disk`.
  const colon = line.text.indexOf(':')
  if (colon > 0 && colon <= longestLabel && line.text.slice(colon + 1).trim() !== '') {
    const text = cleanHeadingText(line.text.slice(0, colon))
    const ids = matchSectionIds(text, profile, 'label')
    if (ids.length > 0) {
      const start = line.position?.start
      const position = start
        ? {start, end: {line: start.line, column: start.column + labelWidth(line, colon)}}
        : undefined
      return {kind: 'label', text, ids, node, index, line: line.index, level: labelLevel, position, after: true}
    }
  }
  // `Timeline`, `Issue Summary:`, `**Root Cause and Resolution**` on a line.
  const whole = cleanHeadingText(line.text)
  if (whole.length === 0 || whole.length > longestHeadingLine) return undefined
  const ids = matchSectionIds(whole, profile, line.wrapped ? 'heading' : 'line')
  if (ids.length === 0) return undefined
  const kind = line.wrapped ? 'bold' : 'plain'
  return {
    kind,
    text: whole,
    ids,
    node,
    index,
    line: line.index,
    level: lineLevel,
    position: line.position,
    after: false
  }
}

/** Width in the source of the label and its colon, marks included. */
function labelWidth(line: ParagraphLine, colon: number): number {
  const first = line.children[0]
  // `**Impact:**` and `**Impact**:` both add two marks of two characters.
  if (first?.type === 'strong') return colon + 1 + 4
  if (first?.type === 'emphasis') return colon + 1 + 2
  return colon + 1
}

/**
 * Headings written in HTML (`<h2>Timeline:</h2>`) and lines of text inside an
 * HTML block (`<br>\nRoot Cause\n<br>`).
 */
function htmlHeadings(node: Html | Code, index: number, profile: Profile): SectionHeading[] {
  const found: SectionHeading[] = []
  const start = node.position?.start.line
  const lines = node.value.split(/\r?\n/)
  lines.forEach((raw, at) => {
    const value = raw.trim()
    const tag = /^<h([1-6])\b[^>]*>(.*?)<\/h\1>$/i.exec(value)
    if (value === '' || (value.startsWith('<') && !tag)) return
    const text = cleanHeadingText(tag ? htmlText(tag[2] as string) : value)
    const ids = matchSectionIds(text, profile, tag ? 'heading' : 'line')
    if (ids.length === 0 && !tag) return
    const column = raw.length - raw.trimStart().length + 1
    const position =
      start === undefined
        ? undefined
        : {start: {line: start + at, column}, end: {line: start + at, column: column + value.length}}
    const kind = tag ? 'heading' : 'plain'
    const level = tag ? Number(tag[1]) : lineLevel
    found.push({kind, text, ids, node, index, line: at, level, rest: false, position})
  })
  // Text lines after a heading, before the next one, are its content.
  return found.map((heading, at) => {
    const next = found[at + 1]?.line ?? lines.length
    const rest = lines.slice(heading.line + 1, next).some((line) => htmlText(line) !== '')
    return rest ? {...heading, rest} : heading
  })
}

/** Strip marks writers leave around heading text: `#`s, colons, spaces. */
export function cleanHeadingText(text: string): string {
  return trimTrailingMarks(text.replace(/\s+/g, ' '))
    .replace(/^[\s#*_>•·-]+/u, '')
    .trim()
}

const trailingMarks = new Set(['#', ':', ';', '.', '-', '–', '—', '*', '_', '='])

/**
 * Drop trailing spaces and marks. A loop, not `/[…]+$/`: that regex tries
 * every start in a long run of marks and is quadratic on a line of dots.
 */
function trimTrailingMarks(text: string): string {
  let end = text.length
  while (end > 0) {
    if (!trailingMarks.has(text[end - 1] as string) && !isSpaceAt(text, end - 1)) break
    end--
  }
  return text.slice(0, end)
}
