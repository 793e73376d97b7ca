/**
 * Section titles, wherever a writer put them: real headings at any depth,
 * bold lines, plain lines and labels in paragraphs, first lines of list
 * items (`* Timeline:`, `1. **Summary**`, `- **Root cause**: a full disk`),
 * lines that Markdown folded into the list item above them because no blank
 * line came between (lazy continuation lines), titles in HTML
 * (`<h2>`, `<summary>`), and the one-line code block a centred title becomes.
 */
import type {Code, Html, ListItem, Node, Paragraph, Parent, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Position} from 'unist'
import {htmlText, type ParagraphLine, type SourceText, sharedParagraphLines, valueLines} from './lines.js'
import {hintIdsOf, type MatchStrictness, noIds, sectionIdsOf} from './match.js'
import {hasNonSpace, isSpaceAt} from './normalize.js'
import type {Profile} from './profiles.js'
import {readStamp} from './timeline/stamp.js'

/**
 * How a section was introduced:
 * - `heading`: a Markdown heading (`## Timeline`), or an HTML one;
 * - `bold`: a line that is only bold or emphasised text (`**Timeline**`);
 * - `plain`: a short line of its own (`Issue Summary:`);
 * - `label`: a line that starts with the section's name and goes on after a
 *   colon (`Impact: 40% of users ...`);
 * - `implicit`: an untitled overview at the top of the document.
 */
export type SectionHeadingKind = 'heading' | 'bold' | 'plain' | 'label' | 'implicit'

/**
 * Where a title stands:
 * - `block`: a block or a line of its own;
 * - `list-item`: the first line of a list item (`* Timeline:`);
 * - `folded`: a line written under a list with no blank line between, which
 *   Markdown reads as the last item's continuation (`- last point` then
 *   `Root Cause:`): the writer's title, at the list's own level.
 */
export type SectionHeadingPlacement = 'block' | 'list-item' | 'folded'

/**
 * How the section's concepts are known:
 * - `title`: its title names them;
 * - `hint`: its title hints at one (`Detailed Analysis`) and its content
 *   bears it out (causes);
 * - `content`: its content alone shows it (a run of timed lines is a
 *   timeline, whatever its title).
 */
export type SectionEvidence = 'title' | 'hint' | 'content'

/** A place in the document that starts a section. */
export interface SectionHeading {
  readonly kind: SectionHeadingKind
  /** The title's text, without marks and trailing colon. */
  readonly text: string
  /** The section ids the section stands for, in order; empty for an unknown heading. */
  readonly ids: readonly string[]
  readonly evidence: SectionEvidence
  /** The heading, paragraph, HTML or code node that holds the title (the overview block, for `implicit`). */
  readonly node: RootContent
  /** Index, in the root's children, of the node that holds the title or contains it. */
  readonly index: number
  /** 0-based line of `node` the title is on (0 for real headings). */
  readonly line: number
  /**
   * Rank used to nest sections: heading depth (1-6), 7 for a line of its
   * own, 8 for a labelled line (it carries its own content).
   */
  readonly level: number
  /** How many list items the title stands in, as the writer indented it. */
  readonly depth: number
  readonly placement: SectionHeadingPlacement
  /** The title starts with a date or a time (`## 2024-03-05`): a date heading, in a timeline. */
  readonly stamp: boolean
  /** Where the title text is (for a label: only the label). */
  readonly position: Position | undefined
}

/**
 * A place in document order: the block's number in a pre-order walk, the
 * line in the block, the character in the line. Positions are not needed:
 * a tree without them is still ordered.
 */
export type Key = readonly [block: number, line: number, char: number]

/** A title found, with where it bounds the sections around it. */
export interface TitleCandidate {
  heading: SectionHeading
  /** Concepts the title hints at, to be borne out by content. */
  readonly hints: readonly string[]
  /** Where a section before this one ends. */
  readonly boundary: Key
  /** Where this section's own content starts. */
  readonly contentStart: Key
  /** The list a title inside a list item stops with at the latest. */
  readonly list: Node | undefined
}

/** Number and last descendant's number of every block, in a pre-order walk. */
export interface BlockOrder {
  readonly of: WeakMap<Node, {readonly seq: number; readonly last: number}>
  readonly count: number
  /** The blocks in walk order. */
  readonly blocks: readonly Node[]
}

export const lineLevel = 7
export const labelLevel = 8
const longestHeadingLine = 80
const longestLabel = 60
const longestSetextTitle = 80

interface Walk {
  readonly profile: Profile
  readonly source: SourceText | undefined
  readonly frontMatterEnd: number
  readonly found: TitleCandidate[]
  readonly prose: Set<Node>
  readonly order: WeakMap<Node, {seq: number; last: number}>
  readonly blocks: Node[]
  /** The containers around the block being read, outermost first: a stack the walk pushes to and pops. */
  readonly ancestors: Parent[]
  /** The list items among `ancestors`, outermost first. */
  readonly items: ListItem[]
}

/**
 * Find every title in the document, at any depth, in document order, and
 * number its blocks. Real headings count whether known or not (they bound
 * sections); other titles count when they name or hint at a concept. The
 * setext headings that are prose (`prose`) are no titles: they are text.
 */
export function findTitles(
  tree: Root,
  profile: Profile,
  source: SourceText | undefined
): {titles: TitleCandidate[]; order: BlockOrder; prose: ReadonlySet<Node>} {
  const walk: Walk = {
    profile,
    source,
    frontMatterEnd: frontMatterEnd(tree, source),
    found: [],
    prose: new Set(),
    order: new WeakMap(),
    blocks: [],
    ancestors: [],
    items: []
  }
  walkChildren(walk, tree, 0)
  return {
    titles: walk.found,
    order: {of: walk.order, count: walk.blocks.length, blocks: walk.blocks},
    prose: walk.prose
  }
}

const containers = new Set(['list', 'listItem', 'blockquote', 'footnoteDefinition'])

function walkChildren(walk: Walk, parent: Parent, rootIndex: number): void {
  const children = parent.children as RootContent[]
  const root = parent.type === 'root'
  for (let at = 0; at < children.length; at++) {
    const child = children[at] as RootContent
    const index = root ? at : rootIndex
    const entry = {seq: walk.blocks.length, last: walk.blocks.length}
    walk.order.set(child, entry)
    walk.blocks.push(child)
    if (!isFrontMatter(walk, child)) {
      if (containers.has(child.type)) {
        const item = child.type === 'listItem'
        walk.ancestors.push(child as Parent)
        if (item) walk.items.push(child)
        walkChildren(walk, child as Parent, index)
        if (item) walk.items.pop()
        walk.ancestors.pop()
      } else titlesOf(walk, child, parent, index)
    }
    entry.last = walk.blocks.length - 1
  }
}

function titlesOf(walk: Walk, node: RootContent, parent: Parent, index: number): void {
  switch (node.type) {
    case 'heading': {
      const raw = toString(node)
      const text = cleanHeadingText(raw)
      if (text === '') return
      if (isProseSetext(node, raw, text, walk.source)) {
        walk.prose.add(node)
        return
      }
      add(walk, node, parent, {
        kind: 'heading',
        text,
        line: 0,
        level: node.depth,
        strictness: 'heading',
        position: node.position,
        index,
        contentLine: 1,
        contentChar: 0,
        unknownAllowed: true
      })
      return
    }
    case 'paragraph':
      paragraphTitles(walk, node, parent, index)
      return
    case 'html':
      htmlTitles(walk, node, parent, index)
      return
    case 'code':
      // A title centred with spaces becomes an indented code block of one
      // line. A fenced block is code written as such (and its one line is
      // not the block's first, where its fence is).
      if (!node.lang && !node.value.includes('\n') && !isFenced(node)) htmlTitles(walk, node, parent, index)
      return
    default:
      return
  }
}

interface Draft {
  kind: SectionHeadingKind
  text: string
  line: number
  level: number
  strictness: MatchStrictness
  position: Position | undefined
  index: number
  /** Where the content starts: the line (relative to the title's line) and character. */
  contentLine: number
  contentChar: number
  /** A real heading bounds sections even when it names nothing. */
  unknownAllowed: boolean
  placement?: SectionHeadingPlacement
  depth?: number
  /** Whether the text starts with a stamp, when already known. */
  stamp?: boolean
}

/** Whether a code block of one line is fenced: its fences are lines of their own. */
function isFenced(node: Code): boolean {
  const position = node.position
  return position !== undefined && position.end.line > position.start.line
}

/** Add a title when its text names or hints at a concept (or it is a real heading); say whether it was added. */
function add(walk: Walk, node: RootContent, parent: Parent, draft: Draft): boolean {
  // A title that starts with a time or date is a timeline entry or a date
  // heading (`### 10:00 - Problem starts`), whatever words follow.
  const stamp = draft.stamp ?? startsWithStamp(draft.text)
  const ids = stamp ? noIds : sectionIdsOf(draft.text, walk.profile, draft.strictness)
  const hints = ids.length > 0 || stamp ? noIds : hintIdsOf(draft.text, walk.profile, draft.strictness)
  if (ids.length === 0 && hints.length === 0 && !draft.unknownAllowed) return false
  const seq = walk.order.get(node)?.seq ?? 0
  const firstOfItem = parent.type === 'listItem' && parent.children[0] === node && draft.line === 0
  const placement = draft.placement ?? (firstOfItem ? 'list-item' : 'block')
  const depth = draft.depth ?? walk.items.length
  // A list item's title bounds the section before it at the item's marker.
  const boundary: Key = placement === 'list-item' ? [walk.order.get(parent)?.seq ?? seq, 0, 0] : [seq, draft.line, 0]
  const contentStart: Key =
    draft.kind === 'heading' && node.type === 'heading'
      ? [seq + 1, 0, 0]
      : [seq, draft.line + draft.contentLine, draft.contentChar]
  const list = depth > 0 ? listAtDepth(walk.ancestors, depth) : undefined
  walk.found.push({
    heading: {
      kind: draft.kind,
      text: draft.text,
      ids,
      evidence: 'title',
      node,
      index: draft.index,
      line: draft.line,
      level: draft.level,
      depth,
      placement,
      stamp,
      position: draft.position
    },
    hints,
    boundary,
    contentStart,
    list
  })
  return true
}

/** The list holding the `depth`-th list item among `ancestors`. */
function listAtDepth(ancestors: readonly Parent[], depth: number): Parent | undefined {
  let seen = 0
  for (let at = 0; at < ancestors.length; at++) {
    if (ancestors[at]?.type !== 'listItem') continue
    seen++
    if (seen === depth) return ancestors[at - 1]?.type === 'list' ? ancestors[at - 1] : undefined
  }
  return undefined
}

function paragraphTitles(walk: Walk, node: Paragraph, parent: Parent, index: number): void {
  const lines = sharedParagraphLines(node, walk.source)
  for (let at = 0; at < lines.length; at++) lineTitle(walk, lines, at, node, parent, index)
}

/**
 * Set where a line's title stands among the list items it is in; say
 * whether it can be a title there.
 */
function placeIn(
  walk: Walk,
  draft: Draft,
  line: ParagraphLine,
  lineCount: number,
  node: Paragraph,
  parent: Parent
): boolean {
  const items = walk.items
  const innermost = items.at(-1)
  if (!innermost) return true
  if (isItemFirstLine(walk, line, node, parent)) {
    return draft.kind !== 'plain' || mayBePlainItemTitle(line, lineCount, parent)
  }
  draft.placement = 'block'
  if (line.index > 0 && walk.source && node.position) {
    const indent = walk.source.indentOf(node.position.start.line + line.index)
    if (indent < contentColumn(innermost) - 1) {
      draft.placement = 'folded'
      draft.depth = items.filter((item) => contentColumn(item) - 1 <= indent).length
    }
  }
  return true
}

/** Whether `line` is the first line of the innermost list item the walk is in. */
function isItemFirstLine(walk: Walk, line: ParagraphLine, node: Paragraph, parent: Parent): boolean {
  return line.index === 0 && parent === walk.items.at(-1) && parent.children[0] === node
}

/**
 * A list item's first line is a title when it is bold, a label, or ends
 * with a colon or has the item's content nested under it: `- Fix
 * monitoring` is a task, `- Timeline:` a title. Whether a plain line may be.
 */
function mayBePlainItemTitle(line: ParagraphLine, lineCount: number, item: Parent): boolean {
  return line.text.trimEnd().endsWith(':') || (item.children.length > 1 && lineCount === 1)
}

/** The column (1-based) where a list item's content starts. */
function contentColumn(item: ListItem): number {
  const first = item.children[0]?.position?.start.column
  return first ?? (item.position?.start.column ?? 1) + 2
}

/** Words a sentence cannot stop on: the line after them goes on with it. */
const runsOnWords = new Set(
  'a an the of to for in on at by with from into under over about and or but than as via per our their its this these those'.split(
    ' '
  )
)

/** Words that continue a sentence: a line they start is not a title. */
const continuing = new Set(['and', 'but', 'or', 'so', 'which', 'because', 'then', 'that', 'when', 'while', 'as'])

/**
 * Add the title line `at` of a paragraph holds, if any: a label first
 * (`Impact: 40% of users`), then the whole line (`Issue Summary:`,
 * `**Timeline**`, and `Markup: ### Root Cause` when the label names
 * nothing). A line that starts with a time or date holds none; that is
 * told only of a line that may hold a title (most lines of prose do not).
 */
function lineTitle(
  walk: Walk,
  lines: readonly ParagraphLine[],
  at: number,
  node: Paragraph,
  parent: Parent,
  index: number
): void {
  const line = lines[at] as ParagraphLine
  const raw = line.text.trim()
  if (raw === '') return
  const colon = labelColon(line.text)
  if (colon !== -1) {
    if (startsWithStamp(raw)) return
    if (!timedValue(line.text, colon)) {
      const label = labelDraft(line, colon, index)
      if (placeIn(walk, label, line, lines.length, node, parent) && add(walk, node, parent, label)) return
    }
  }
  // Most list items start with a line that can be no plain title (a task,
  // an entry): told before the line is read as one.
  if (!line.wrapped && isItemFirstLine(walk, line, node, parent) && !mayBePlainItemTitle(line, lines.length, parent)) {
    return
  }
  const whole = lineDraft(line, raw, at > 0 ? lines[at - 1] : undefined, index)
  if (!whole || (colon === -1 && startsWithStamp(raw))) return
  if (placeIn(walk, whole, line, lines.length, node, parent)) add(walk, node, parent, whole)
}

/** Where the colon of a label is (`Impact: 40% of users ...`): a short label with text after it; else -1. */
function labelColon(text: string): number {
  const colon = text.indexOf(':')
  return colon > 0 && colon <= longestLabel && hasNonSpace(text, colon + 1) ? colon : -1
}

/** `Impact: 40% of users ...` and `**Root cause:** a full disk`: the label, as a title. */
function labelDraft(line: ParagraphLine, colon: number, index: number): Draft {
  const start = line.position?.start
  const width = labelWidth(line, colon)
  return {
    kind: 'label',
    text: cleanRange(line.text, 0, colon, Number.POSITIVE_INFINITY) as string,
    line: line.index,
    level: labelLevel,
    strictness: 'label',
    position: start ? {start, end: {line: start.line, column: start.column + width}} : undefined,
    index,
    contentLine: 0,
    contentChar: colon + 1,
    unknownAllowed: false
  }
}

/**
 * `Timeline`, `Issue Summary:`, `**Root Cause and Resolution**` on a line:
 * the whole line (`raw`: trimmed), as a title, unless it reads as prose.
 */
function lineDraft(
  line: ParagraphLine,
  raw: string,
  previous: ParagraphLine | undefined,
  index: number
): Draft | undefined {
  const text = cleanRange(line.text, 0, line.text.length, longestHeadingLine)
  if (text === undefined || text.length === 0) return undefined
  if (!line.wrapped && readsAsProse(raw, text, previous)) return undefined
  return {
    kind: line.wrapped ? 'bold' : 'plain',
    text,
    line: line.index,
    level: lineLevel,
    strictness: line.wrapped ? 'heading' : 'line',
    position: line.position,
    index,
    contentLine: 1,
    contentChar: 0,
    unknownAllowed: false,
    // The line is added only once `raw` is known to start with no stamp.
    stamp: text === raw ? false : undefined
  }
}

const leadingLetters = /^\p{L}+/u

/**
 * A plain line that reads as part of a sentence, not as a title: it goes on
 * from the line before (`…and that was the`/`root cause.`), starts with a
 * word that continues a sentence, or is a sentence itself.
 */
function readsAsProse(raw: string, text: string, previous: ParagraphLine | undefined): boolean {
  const first = leadingWord(raw)
  if (continuing.has(first)) return true
  if (previous && first !== '' && first === first.toLowerCase() && first !== first.toUpperCase()) {
    if (!endsWithStop(previous.text)) return true
  }
  // `…linked to under`/`Action items.`: the line before stops on a word that needs more.
  if (previous && runsOnWords.has(lastWord(previous.text).toLowerCase())) return true
  // A sentence of more than three words (`text` has one space between words).
  if ((raw.endsWith('.') || raw.endsWith(',')) && spacesIn(text) >= 3) return true
  return false
}

/** The letters `text` starts with (`/^\p{L}+/u`), read without a regular expression when they are ASCII. */
function leadingWord(text: string): string {
  let end = 0
  for (; end < text.length; end++) {
    const code = text.charCodeAt(end) | 0x20
    if (code < 97 || code > 122) break
  }
  if (end < text.length && text.charCodeAt(end) >= 128) return leadingLetters.exec(text)?.[0] ?? ''
  return text.slice(0, end)
}

/** Whether the last character of `text` other than a space ends a sentence or a clause (`/[.!?:;)]\s*$/`). */
function endsWithStop(text: string): boolean {
  let end = text.length
  while (end > 0 && isSpaceAt(text, end - 1)) end--
  return end > 0 && '.!?:;)'.includes(text.charAt(end - 1))
}

/** The last word of `text`: what follows its last space, trailing spaces left out. */
function lastWord(text: string): string {
  let end = text.length
  while (end > 0 && isSpaceAt(text, end - 1)) end--
  let start = end
  while (start > 0 && !isSpaceAt(text, start - 1)) start--
  return text.slice(start, end)
}

function spacesIn(text: string): number {
  let count = 0
  for (let at = text.indexOf(' '); at !== -1; at = text.indexOf(' ', at + 1)) count++
  return count
}

/** Width in the source of the label and its colon, marks included. */
function labelWidth(line: ParagraphLine, colon: number): number {
  const first = line.children[0]
  // `**Impact:**` and `**Impact**:` both add two marks of two characters.
  if (first?.type === 'strong') return colon + 1 + 4
  if (first?.type === 'emphasis') return colon + 1 + 2
  return colon + 1
}

const htmlTitle = /^<(h[1-6]|summary|b|strong)\b[^>]*>(.*?)<\/\1>:?$/i

/**
 * The text of a `<summary>` element on a line (`<details><summary>Timeline</summary>`):
 * found with `indexOf`, where a regular expression backtracks on a line
 * of unclosed tags.
 */
function summaryTitle(line: string): [string, string] | undefined {
  const lower = line.toLowerCase()
  const open = lower.indexOf('<summary')
  if (open === -1 || /[\w-]/.test(lower[open + 8] ?? '')) return undefined
  const end = lower.indexOf('>', open)
  const close = end === -1 ? -1 : lower.indexOf('</summary>', end)
  return close === -1 ? undefined : [line.slice(open, close + 10), line.slice(end + 1, close)]
}

/**
 * Headings written in HTML (`<h2>Timeline:</h2>`, `<summary>Timeline</summary>`,
 * `<b>Impact</b>`) and lines of text inside an HTML block (`<br>\nRoot Cause\n<br>`).
 */
function htmlTitles(walk: Walk, node: Html | Code, parent: Parent, index: number): void {
  const start = node.position?.start.line
  const lines = valueLines(node.value)
  lines.forEach((raw, at) => {
    const value = raw.trim()
    const tag = htmlTitle.exec(value)
    const summary = tag ? undefined : summaryTitle(value)
    if (value === '' || (value.startsWith('<') && !tag && !summary)) return
    const inner = tag?.[2] ?? summary?.[1]
    const text = cleanHeadingText(inner === undefined ? value : htmlText(inner))
    if (text === '' || (inner === undefined && startsWithStamp(text))) return
    const column = raw.length - raw.trimStart().length + 1
    const position =
      start === undefined
        ? undefined
        : {start: {line: start + at, column}, end: {line: start + at, column: column + value.length}}
    const name = (tag?.[1] ?? (summary ? 'summary' : '')).toLowerCase()
    const heading = name.startsWith('h') || name === 'summary'
    add(walk, node, parent, {
      kind: heading ? 'heading' : name === '' ? 'plain' : 'bold',
      text,
      line: at,
      level: name.startsWith('h') ? Number(name.slice(1)) : lineLevel,
      strictness: heading || name !== '' ? 'heading' : 'line',
      position,
      index,
      contentLine: 1,
      contentChar: 0,
      unknownAllowed: name.startsWith('h')
    })
  })
}

/**
 * A setext heading that is prose: a paragraph with a `---` line under it
 * (meant as a rule) becomes a heading to Markdown, not to its writer. It is
 * prose when long, when it holds two sentences, or when it is a sentence of
 * more than three words ending with a full stop (a title has none).
 */
function isProseSetext(node: RootContent, raw: string, text: string, source: SourceText | undefined): boolean {
  const position = node.position
  if (!position || position.start.line === position.end.line) return false
  const last = source?.lines[position.end.line - 1]
  if (last !== undefined && !/^\s*(?:=+|-+)\s*$/.test(last)) return false
  if (text.length > longestSetextTitle || /[.!?]\s+\p{Lu}/u.test(text)) return true
  return raw.trimEnd().endsWith('.') && text.split(' ').length > 3
}

/**
 * A label whose value is a time (`**Detection:** June 4, 10:30 AM`,
 * `Resolved: 11:45 UTC`): a timeline entry that names its phase, or a
 * field giving when, not a section.
 */
function timedValue(text: string, colon: number): boolean {
  return readStamp(text.slice(colon + 1))?.time !== undefined
}

/** Whether a text starts with a time or date (`09:20 root cause found`, `2024-03-05`). */
export function startsWithStamp(text: string): boolean {
  const stamp = readStamp(text)
  return stamp !== undefined && (stamp.time !== undefined || stamp.date !== undefined || stamp.unknown)
}

/**
 * The last line of YAML front matter (`---` … `---` at the top), or 0. With
 * `remark-frontmatter` it is a `yaml` node; without it, the same lines are
 * read as a rule and a setext heading, so they are told from the source.
 */
function frontMatterEnd(tree: Root, source: SourceText | undefined): number {
  const first = tree.children[0]
  if (first && (first.type === 'yaml' || (first.type as string) === 'toml')) return first.position?.end.line ?? 0
  const lines = source?.lines
  if (lines?.[0]?.trim() !== '---') return 0
  for (let line = 1; line < Math.min(lines.length, 200); line++) {
    const text = lines[line]?.trim()
    if (text === '---' || text === '...') return line + 1
    if (text !== '' && !/^(?:[\w-]+\s*:|-\s|\s)/.test(lines[line] ?? '')) return 0
  }
  return 0
}

function isFrontMatter(walk: Walk, node: Node): boolean {
  if (node.type === 'yaml' || node.type === 'toml') return true
  const line = node.position?.start.line
  return walk.frontMatterEnd > 0 && line !== undefined && line <= walk.frontMatterEnd
}

/** Strip marks writers leave around heading text: `#`s, colons, spaces. */
export function cleanHeadingText(text: string): string {
  return cleanRange(text, 0, text.length, Number.POSITIVE_INFINITY) as string
}

const trailingMarks = new Set(['#', ':', ';', '.', '-', '–', '—', '*', '_', '='])
const leadingMarks = new Set(['#', '*', '_', '>', '•', '·', '-'])

/**
 * `cleanHeadingText(text.slice(from, to))` when it is at most `limit` long,
 * else undefined, in one pass (a line of prose is long): trailing spaces
 * and marks dropped, then leading ones, each run of spaces between made
 * one space. Loops, not `/[…]+$/`: that regex tries every start in a long
 * run of marks and is quadratic on a line of dots.
 */
function cleanRange(text: string, from: number, to: number, limit: number): string | undefined {
  let end = to
  while (end > from && (trailingMarks.has(text[end - 1] as string) || isSpaceAt(text, end - 1))) end--
  let start = from
  while (start < end && (leadingMarks.has(text[start] as string) || isSpaceAt(text, start))) start++
  // Kept: every character other than a space, and one space for each run of them.
  let length = 0
  let spaced = false
  let collapse = false
  for (let at = start; at < end; at++) {
    if (isSpaceAt(text, at)) {
      if (spaced || text.charCodeAt(at) !== 32) collapse = true
      if (spaced) continue
      spaced = true
    } else spaced = false
    if (++length > limit) return undefined
  }
  const kept = start === 0 && end === text.length ? text : text.slice(start, end)
  return collapse ? kept.replace(/\s+/g, ' ') : kept
}
