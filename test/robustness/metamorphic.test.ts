import {readFileSync} from 'node:fs'
import * as path from 'node:path'
import type {List, ListItem, Root} from 'mdast'
import {
  getPostmortem,
  getTasks,
  matchSectionIds,
  normalizeLabel,
  type Postmortem,
  resolveProfile,
  type Section,
  type SectionHeading
} from 'mdast-util-postmortem'
import {toString} from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {unified} from 'unified'
import type {Point} from 'unist'
import {visit} from 'unist-util-visit'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
// @ts-expect-error: plain JavaScript module shared with `pnpm corpus`.
import * as corpus from '../../scripts/corpus-evaluation.js'
import {lintText, ruleIds} from './support.js'

// Metamorphic tests over the real postmortems: a change that keeps a
// document's meaning keeps every rule's verdict, and a change with a known
// effect gives exactly the expected new message. A case is made only where
// the change applies cleanly (and only for rules the preset has), so every
// test here runs; each group must find enough documents to mean something.

const requiredSections = 'postmortem-required-sections'
const timelineOrder = 'postmortem-timeline-order'
const timelineTimezone = 'postmortem-timeline-timezone'

interface Document {
  readonly name: string
  readonly profile: string
  readonly value: string
}

const documents: Document[] = corpus.corpusAvailable()
  ? (() => {
      const labels = corpus.readLabels()
      return (corpus.corpusFiles() as string[]).map((name) => ({
        name,
        profile: corpus.profileFor(name, labels) as string,
        value: readFileSync(path.join(corpus.corpusDir, name), 'utf8')
      }))
    })()
  : []

if (documents.length === 0) {
  console.warn(`Metamorphic tests skipped: no corpus at ${corpus.corpusDir} (CI has it beside the checkout).`)
}

const parser = unified().use(remarkParse).use(remarkPresetLintPostmortem).freeze()

function parse(value: string): Root {
  return parser.parse(value) as Root
}

function modelOf(document: Document, value = document.value): {tree: Root; postmortem: Postmortem} {
  const tree = parse(value)
  return {tree, postmortem: getPostmortem(tree, resolveProfile(document.profile), value)}
}

function lint(document: Document, value = document.value): VFileMessage[] {
  return lintText(value, {preset: {profile: document.profile}})
}

const isMissing = (message: VFileMessage) => message.reason.startsWith('Unexpected missing section')
const isPseudoHeading = (message: VFileMessage) => / written as (?:a bold line|a line of text)/.test(message.reason)

function missingIds(messages: readonly VFileMessage[]): string[] {
  return messages
    .filter((message) => message.ruleId === requiredSections && isMissing(message))
    .map((message) => String((message as VFileMessage & {section?: string}).section))
    .sort()
}

/** Each rule's verdict: does it warn, and for missing sections, which. */
function verdicts(messages: readonly VFileMessage[], ignorePseudoHeadings = false): Record<string, string> {
  const result: Record<string, string> = {}
  for (const ruleId of ruleIds) {
    const own = messages.filter(
      (message) =>
        message.ruleId === ruleId && !(ignorePseudoHeadings && ruleId === requiredSections && isPseudoHeading(message))
    )
    result[ruleId] = own.length > 0 ? 'warns' : 'silent'
    if (ruleId === requiredSections) result[ruleId] += `, missing: ${missingIds(own).join(' ') || 'none'}`
  }
  return result
}

/** Offsets where each line starts, to turn line:column into an offset. */
function offsetOf(value: string, point: Point): number {
  if (point.offset !== undefined) return point.offset
  let offset = 0
  for (let line = 1; line < point.line; line++) {
    const next = value.indexOf('\n', offset)
    if (next === -1) return value.length
    offset = next + 1
  }
  return offset + point.column - 1
}

/** Apply replacements given as [start, end, text], from last to first. */
function splice(value: string, edits: Array<readonly [number, number, string]>): string {
  let result = value
  for (const [start, end, text] of [...edits].sort((a, b) => b[0] - a[0])) {
    result = result.slice(0, start) + text + result.slice(end)
  }
  return result
}

// Meaning-preserving changes: each returns the changed text, or undefined
// where it does not apply cleanly to a document.

/** Marks of inline Markdown or HTML in a heading's text: a change that rewrites the text leaves such a heading alone. */
const inlineMarks = /[*_`[\]<>\\]/

/**
 * The known section headings of a document, when the structure stays after
 * they are written as pseudo-headings: from the first known one on, every
 * heading is a known one, of one level, a plain `#` heading whose text has
 * no marks (a bold line ends at any heading and nests nothing).
 */
function convertibleHeadings(document: Document, marks = /[*_`[\]<>\\:]/): SectionHeading[] | undefined {
  const {postmortem} = modelOf(document)
  const real = postmortem.headings.filter((heading) => heading.kind === 'heading')
  const first = real.findIndex((heading) => heading.ids.length > 0)
  if (first === -1) return undefined
  const converted = real.slice(first)
  const depth = converted[0]?.level
  for (const heading of converted) {
    if (heading.ids.length === 0 || heading.level !== depth || heading.node.type !== 'heading') return undefined
    const raw = toString(heading.node).trim()
    if (raw.length === 0 || raw.length > 70 || marks.test(raw)) return undefined
    const start = heading.node.position?.start.offset
    if (start === undefined || document.value[start] !== '#') return undefined
  }
  return converted
}

function spanOf(heading: SectionHeading): {start: number; end: number} {
  const position = heading.node.position as {start: {offset: number}; end: {offset: number}}
  return {start: position.start.offset, end: position.end.offset}
}

/** Known section headings as `Title:` lines of their own. */
function headingsAsLines(document: Document): string | undefined {
  const converted = convertibleHeadings(document)
  if (!converted) return undefined
  return splice(
    document.value,
    converted.map((heading) => {
      const {start, end} = spanOf(heading)
      return [start, end, `\n${toString(heading.node).trim()}:\n`] as const
    })
  )
}

/**
 * Known section headings as `* Title:` bullets, with the section's content
 * nested under them (indented by two spaces), as an outline is written.
 */
function headingsAsBullets(document: Document): string | undefined {
  const converted = convertibleHeadings(document)
  if (!converted) return undefined
  const value = document.value
  // Content with tabs or lazy lines would change meaning once indented.
  if (value.includes('\t') || value.includes('\r')) return undefined
  const edits: Array<readonly [number, number, string]> = []
  converted.forEach((heading, at) => {
    const {end} = spanOf(heading)
    // From the start of the heading's line: an indented heading's bullet
    // would not hold content indented by two spaces.
    const start = value.lastIndexOf('\n', spanOf(heading).start - 1) + 1
    const next = converted[at + 1]
    const stop = next ? value.lastIndexOf('\n', spanOf(next).start - 1) + 1 : value.length
    const body = value
      .slice(end, stop)
      .split('\n')
      .map((line, index) => (index === 0 || line.trim() === '' ? line : `  ${line}`))
      .join('\n')
    edits.push([start, stop, `* ${toString(heading.node).trim()}:${body}`])
  })
  return splice(value, edits)
}

/**
 * Known section headings as bold lines with no blank line between them and
 * a list above: Markdown folds the title into the list's last item.
 */
function boldRightUnderLists(document: Document): string | undefined {
  const converted = convertibleHeadings(document)
  if (!converted) return undefined
  const value = document.value
  let folded = 0
  const edits = converted.map((heading) => {
    const {start, end} = spanOf(heading)
    // The blank lines before the heading, when a list item's line ends there.
    let before = start
    while (before > 0 && (value[before - 1] === '\n' || value[before - 1] === ' ')) before--
    const lineStart = value.lastIndexOf('\n', before - 1) + 1
    const previous = value.slice(lineStart, before)
    const underItem = /^\s{0,3}(?:[-*+]|\d+[.)])\s+\S/.test(previous) && !/^\s{0,3}(?:[-*+]\s*){3,}$/.test(previous)
    if (underItem) folded++
    return [underItem ? before : start, end, `\n**${toString(heading.node).trim()}**\n`] as const
  })
  return folded === 0 ? undefined : splice(value, edits)
}

/** Each known heading renamed to another name of the same section. */
function headingsRenamed(document: Document): string | undefined {
  const {postmortem} = modelOf(document)
  const profile = resolveProfile(document.profile)
  const edits: Array<readonly [number, number, string]> = []
  for (const heading of postmortem.headings) {
    if (heading.kind !== 'heading' || heading.node.type !== 'heading' || heading.ids.length !== 1) continue
    const spec = profile.sections.find((section) => section.id === heading.ids[0])
    const text = toString(heading.node).trim()
    if (!spec || inlineMarks.test(text)) continue
    const own = normalizeLabel(text)
    // Another English name of the section that names only it.
    const other = spec.aliases.find(
      (alias) =>
        /^[a-z][a-z -]+$/.test(alias) &&
        normalizeLabel(alias) !== own &&
        matchSectionIds(alias, profile, 'heading').join() === spec.id
    )
    const offset = heading.node.position?.start.offset
    if (!other || offset === undefined || document.value[offset] !== '#') continue
    const {start, end} = spanOf(heading)
    const hashes = /^#+/.exec(document.value.slice(start, end))?.[0] ?? '#'
    // A note in parentheses stays: `Timeline (all times UTC)` states the zone.
    const note = /\(.*\)\s*$/.exec(text)?.[0] ?? ''
    edits.push([start, end, `${hashes} ${other[0]?.toUpperCase()}${other.slice(1)}${note ? ` ${note}` : ''}`])
  }
  return edits.length === 0 ? undefined : splice(document.value, edits)
}

/** Known section headings as bold lines, when nothing nests under them. */
function headingsAsBold(document: Document): string | undefined {
  // A colon in the text stays: `**Timeline: 5 March**` is still a bold title.
  const converted = convertibleHeadings(document, inlineMarks)
  if (!converted) return undefined
  return splice(
    document.value,
    converted.map((heading) => {
      const {start, end} = spanOf(heading)
      return [start, end, `\n**${toString(heading.node).trim()}**\n`] as const
    })
  )
}

/** `-` list markers as `*`. */
function dashesAsStars(document: Document): string | undefined {
  const tree = parse(document.value)
  const edits: Array<readonly [number, number, string]> = []
  let adjacent = false
  visit(tree, (node, index, parent) => {
    // Two lists side by side differ only by their marker: one marker would
    // merge them.
    if (node.type === 'list' && parent && index !== undefined && parent.children[index + 1]?.type === 'list') {
      adjacent = true
    }
    if (node.type !== 'listItem') return
    const offset = node.position?.start.offset
    if (offset === undefined || document.value[offset] !== '-') return
    if (!/^-(?:[ \t]|\r?\n|$)/.test(document.value.slice(offset, offset + 3))) return
    // `- * * *` would turn into a thematic break.
    if (/^-[ \t]+[*-]/.test(document.value.slice(offset, offset + 4))) adjacent = true
    edits.push([offset, offset + 1, '*'])
  })
  return adjacent || edits.length === 0 ? undefined : splice(document.value, edits)
}

/** Every heading one level deeper. */
function headingsDeeper(document: Document): string | undefined {
  const tree = parse(document.value)
  const {postmortem} = modelOf(document)
  if (postmortem.headings.some((heading) => heading.kind === 'heading' && heading.node.type !== 'heading')) {
    return undefined
  }
  const edits: Array<readonly [number, number, string]> = []
  let clean = true
  visit(tree, 'heading', (node) => {
    const offset = node.position?.start.offset
    if (node.depth === 6 || offset === undefined || document.value[offset] !== '#') clean = false
    else edits.push([offset, offset, '#'])
  })
  return clean && edits.length > 0 ? splice(document.value, edits) : undefined
}

function crlf(document: Document): string | undefined {
  return document.value.includes('\n') ? document.value.replace(/\r?\n/g, '\r\n') : undefined
}

/** The line endings of old Macs: `\r` alone, which Markdown reads as line endings too. */
function cr(document: Document): string | undefined {
  return document.value.includes('\n') ? document.value.replace(/\r?\n/g, '\r') : undefined
}

/**
 * The known headings written as ATX headings (`## Impact`), each with its
 * text and the span of its line, for changes that rewrite the text alone.
 */
function knownAtxHeadings(document: Document): Array<{start: number; end: number; hashes: string; text: string}> {
  const {postmortem} = modelOf(document)
  const found: Array<{start: number; end: number; hashes: string; text: string}> = []
  for (const heading of postmortem.headings) {
    if (heading.kind !== 'heading' || heading.node.type !== 'heading' || heading.ids.length === 0) continue
    const {start, end} = spanOf(heading)
    const written = document.value.slice(start, end)
    const hashes = /^#{1,6}(?=[ \t])/.exec(written)?.[0]
    // Plain text only, and no closing `#`s already.
    if (!hashes || written.includes('\n') || /#\s*$/.test(written)) continue
    const text = written.slice(hashes.length).trim()
    if (text === '' || inlineMarks.test(text)) continue
    found.push({start, end, hashes, text})
  }
  return found
}

function rewriteKnownHeadings(
  document: Document,
  write: (heading: {hashes: string; text: string}, index: number) => string | undefined
): string | undefined {
  const headings = knownAtxHeadings(document)
  const edits: Array<readonly [number, number, string]> = []
  headings.forEach((heading, index) => {
    const text = write(heading, index)
    if (text !== undefined) edits.push([heading.start, heading.end, text])
  })
  return edits.length === 0 ? undefined : splice(document.value, edits)
}

/** `## Impact:`: a colon after each known heading. */
function headingsWithColons(document: Document): string | undefined {
  return rewriteKnownHeadings(document, ({hashes, text}) => (text.endsWith(':') ? undefined : `${hashes} ${text}:`))
}

/** `## 2. Impact`: the known headings numbered in their order. */
function headingsNumbered(document: Document): string | undefined {
  return rewriteKnownHeadings(document, ({hashes, text}, index) =>
    /^\d/.test(text) ? undefined : `${hashes} ${index + 1}. ${text}`
  )
}

/** `## ROOT CAUSE`: the known headings in capitals. */
function headingsInCapitals(document: Document): string | undefined {
  return rewriteKnownHeadings(document, ({hashes, text}) =>
    /^[A-Za-z][A-Za-z ]*$/.test(text) && text !== text.toUpperCase() ? `${hashes} ${text.toUpperCase()}` : undefined
  )
}

/** `## Impact ##`: closing hashes on the known headings. */
function headingsClosed(document: Document): string | undefined {
  return rewriteKnownHeadings(document, ({hashes, text}) => `${hashes} ${text} ${hashes}`)
}

/** `## 📉 Impact`: an emoji before each known heading's text. */
function headingsWithEmoji(document: Document): string | undefined {
  return rewriteKnownHeadings(document, ({hashes, text}) => `${hashes} \u{1F4CB} ${text}`)
}

/** An HTML comment on the line before each known heading (`<!-- section -->`). */
function commentsBeforeHeadings(document: Document): string | undefined {
  return rewriteKnownHeadings(document, ({hashes, text}) => `<!-- section -->\n${hashes} ${text}`)
}

/** Known headings of level 1 and 2 as setext headings (`Impact` over `------`), a blank line before them. */
function headingsAsSetext(document: Document): string | undefined {
  return rewriteKnownHeadings(document, ({hashes, text}) =>
    hashes.length > 2 ? undefined : `\n${text}\n${(hashes === '#' ? '=' : '-').repeat(Math.max(3, text.length))}`
  )
}

/** YAML front matter before the document, saying nothing of its sections or times. */
function frontMatterAdded(document: Document): string | undefined {
  if (document.value.startsWith('---') || document.value.startsWith('+++')) return undefined
  return `---\ntitle: Incident review\nstatus: final\n---\n\n${document.value}`
}

const preserving: Array<Change & {readonly pseudo?: boolean}> = [
  {name: 'known headings written as bold lines', change: headingsAsBold, pseudo: true},
  {name: '`-` list markers written as `*`', change: dashesAsStars},
  {name: 'every heading one level deeper', change: headingsDeeper},
  {name: 'CRLF line endings', change: crlf},
  {name: 'CR line endings', change: cr},
  {name: 'known headings written as `Title:` lines', change: headingsAsLines, pseudo: true},
  {
    name: 'known headings written as `* Title:` bullets with the content nested',
    change: headingsAsBullets,
    pseudo: true
  },
  {name: 'bold titles right under a list, with no blank line', change: boldRightUnderLists, pseudo: true},
  {name: 'known headings renamed to another name of the section', change: headingsRenamed},
  {name: 'known headings with a colon (`## Impact:`)', change: headingsWithColons},
  {name: 'known headings numbered (`## 2. Impact`)', change: headingsNumbered},
  {name: 'known headings in capitals (`## ROOT CAUSE`)', change: headingsInCapitals},
  {name: 'known headings with closing hashes (`## Impact ##`)', change: headingsClosed},
  {name: 'known headings after an emoji (`## 📋 Impact`)', change: headingsWithEmoji},
  {name: 'an HTML comment before each known heading', change: commentsBeforeHeadings},
  {name: 'known headings of level 1 and 2 as setext headings', change: headingsAsSetext},
  {name: 'YAML front matter added', change: frontMatterAdded}
]

interface Change {
  readonly name: string
  readonly change: (document: Document) => string | undefined
}

/**
 * A group of tests per change: one per document it applies to (at least
 * ten of the corpus), each checking the changed text against the original.
 */
function describeChanges<C extends Change>(
  changes: readonly C[],
  check: (change: C, document: Document, changed: string) => void
): void {
  for (const item of changes) {
    const cases = documents.flatMap((document) => {
      const changed = item.change(document)
      return changed === undefined ? [] : [{document, changed}]
    })
    describe(item.name, () => {
      it('applies to enough of the corpus to mean something', () => {
        expect(cases.length).toBeGreaterThanOrEqual(10)
      })
      for (const {document, changed} of cases) it(document.name, () => check(item, document, changed))
    })
  }
}

describe.runIf(documents.length > 0)('meaning-preserving changes keep every verdict', () => {
  describeChanges(preserving, ({pseudo}, document, changed) => {
    // Bold lines get their own "write a heading" message; that is the
    // one change of verdict this change is meant to cause.
    expect(verdicts(lint(document, changed), pseudo)).toEqual(verdicts(lint(document), pseudo))
  })
})

// Changes with a known effect.

interface Deletion {
  readonly document: Document
  readonly id: string
  readonly changed: string
}

/** Delete a required section (heading and content), one at a time. */
function sectionDeletions(document: Document): Deletion[] {
  const {postmortem} = modelOf(document)
  const profile = resolveProfile(document.profile)
  const required = profile.sections.filter((spec) => spec.required).map((spec) => spec.id)
  const present = required.filter((id) => postmortem.sectionsOf(id).length > 0)
  // With three sections or more the file still reads as a postmortem after
  // one goes. The summary is left alone: an opening paragraph can stand in
  // for it once its heading is gone.
  if (!postmortem.looksLikePostmortem || present.length < 3) return []
  const deletions: Deletion[] = []
  for (const id of present) {
    if (id === 'summary') continue
    const [section, ...others] = postmortem.sectionsOf(id) as Section[]
    if (!section || others.length > 0 || section.ids.length !== 1 || section.heading.node.type !== 'heading') continue
    const at = postmortem.headings.indexOf(section.heading)
    const next = postmortem.headings
      .slice(at + 1)
      .find((heading) => heading.ids.length > 0 || heading.level <= section.heading.level)
    if (next && (next.ids.length === 0 || next.kind !== 'heading')) continue
    const start = section.heading.node.position?.start
    if (!start) continue
    const end = next?.position?.start
    const changed = splice(document.value, [
      [offsetOf(document.value, start), end ? offsetOf(document.value, end) : document.value.length, '']
    ])
    deletions.push({document, id, changed})
  }
  return deletions
}

const hasRule = (ruleId: string) => ruleIds.includes(ruleId)

describe.runIf(documents.length > 0 && hasRule(requiredSections))('a deleted section is reported missing', () => {
  const cases = documents.flatMap(sectionDeletions)
  it('applies to enough of the corpus to mean something', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20)
  })
  for (const {document, id, changed} of cases) {
    it(`${document.name} without \`${id}\``, () => {
      const before = missingIds(lint(document))
      const after = lint(document, changed)
      expect(missingIds(after)).toEqual([...before, id].sort())
      expect(
        after.filter((message) => isMissing(message) && (message as {section?: string}).section === id)
      ).toHaveLength(1)
    })
  }
})

// Timeline entries: list items of a timeline section that start with a
// clock time and name no date.
interface TimedItem {
  readonly item: ListItem
  /** Index of the item in its list. */
  readonly index: number
  readonly line: number
  readonly start: number
  readonly end: number
  readonly minutes: number
  readonly half: string
  /** Offset in the document just after the time (and its AM/PM). */
  readonly afterTime: number
  /** How many items the list holds, timed or not. */
  readonly listSize: number
}

const clock = /^(\W{0,3})(\d{1,2}):(\d{2})(\s?[AaPp]\.?[Mm]\.?)?/
const dateLike =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{4}\b|\b\d{1,2}\/\d{1,2}\b|\bday\s+\d|\b(?:yesterday|tomorrow|next day|midnight)\b/i

function timedLists(document: Document, value = document.value): TimedItem[][] {
  const {postmortem} = modelOf(document, value)
  const lists: TimedItem[][] = []
  for (const section of postmortem.sectionsOf('timeline')) {
    for (const node of section.nodes) {
      if (node.type !== 'list') continue
      const items: TimedItem[] = []
      for (const [index, item] of (node as List).children.entries()) {
        const position = item.position
        if (!position || position.start.offset === undefined || position.end.offset === undefined) continue
        if (position.start.line !== position.end.line) continue
        const source = value.slice(position.start.offset, position.end.offset)
        const marker = /^(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/.exec(source)
        if (!marker) continue
        const rest = source.slice(marker[0].length)
        const time = clock.exec(rest)
        if (!time || dateLike.test(rest)) continue
        const hour = Number(time[2])
        const minute = Number(time[3])
        const half = (time[4] ?? '').replace(/[\s.]/g, '').toLowerCase()
        if (hour > (half ? 12 : 23) || minute > 59) continue
        const hours = half === 'pm' && hour < 12 ? hour + 12 : half === 'am' && hour === 12 ? 0 : hour
        items.push({
          item,
          index,
          line: position.start.line,
          start: position.start.offset,
          end: position.end.offset,
          minutes: hours * 60 + minute,
          half,
          afterTime: position.start.offset + marker[0].length + time[0].length,
          listSize: (node as List).children.length
        })
      }
      lists.push(items)
    }
  }
  return lists
}

function ruleMessages(document: Document, ruleId: string, value = document.value): VFileMessage[] {
  return lint(document, value).filter((message) => message.ruleId === ruleId)
}

describe.runIf(documents.length > 0 && hasRule(timelineOrder))('two timeline entries swapped', () => {
  const cases = documents.flatMap((document) => {
    if (ruleMessages(document, timelineOrder).length > 0) return []
    for (const items of timedLists(document)) {
      // Only a list that stays within one day: where the times already
      // wrap past midnight, a step back may be read as the next day.
      if (items.some((item, index) => index > 0 && item.minutes < (items[index - 1] as TimedItem).minutes)) continue
      for (let index = 0; index + 1 < items.length; index++) {
        const first = items[index] as TimedItem
        const second = items[index + 1] as TimedItem
        // Consecutive in the list, forward by up to three hours, written alike.
        if (second.index === first.index + 1 && first.half === second.half) {
          const gap = second.minutes - first.minutes
          if (gap <= 0 || gap > 180) continue
          const changed = splice(document.value, [
            [first.start, first.end, document.value.slice(second.start, second.end)],
            [second.start, second.end, document.value.slice(first.start, first.end)]
          ])
          return [{document, changed, line: second.line}]
        }
      }
    }
    return []
  })
  it('applies to enough of the corpus to mean something', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5)
  })
  for (const {document, changed, line} of cases) {
    it(document.name, () => {
      const after = ruleMessages(document, timelineOrder, changed)
      expect(after.map((message) => message.line)).toEqual([line])
    })
  }
})

describe.runIf(documents.length > 0 && hasRule(timelineTimezone))("one entry's zone changed", () => {
  const cases = documents.flatMap((document) => {
    if (ruleMessages(document, timelineTimezone).length > 0) return []
    const entry = timedLists(document).flat()[1]
    if (!entry) return []
    const zone = /\b(?:UTC|GMT)\b/.test(document.value) ? 'JST' : 'UTC'
    const following = /^[ \t]*\(?([A-Z]{2,5}|[+-]\d{2}:?\d{2})\b\)?/.exec(
      document.value.slice(entry.afterTime, entry.end)
    )
    const changed = following
      ? splice(document.value, [[entry.afterTime, entry.afterTime + following[0].length, ` ${zone}`]])
      : splice(document.value, [[entry.afterTime, entry.afterTime, ` ${zone}`]])
    return [{document, changed, line: entry.line, zone}]
  })
  it('applies to enough of the corpus to mean something', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5)
  })
  for (const {document, changed, line, zone} of cases) {
    it(`${document.name}: entry on line ${line} in ${zone}`, () => {
      const after = ruleMessages(document, timelineTimezone, changed)
      expect(after.map((message) => message.line)).toEqual([line])
    })
  }
})

// Timeline entries rewritten in other forms that writers use: the timeline
// rules give the same messages (their texts; places move with the text).

const timelineRules = [timelineOrder, timelineTimezone]

function timelineReasons(document: Document, value = document.value): string[] {
  return lint(document, value)
    .filter((message) => timelineRules.includes(String(message.ruleId)))
    .map((message) => `${message.ruleId}: ${message.reason}`)
    .sort()
}

/** Lists of at least two timed one-line items, where some timeline rule has something to read. */
function rewritableLists(document: Document): TimedItem[][] {
  return timedLists(document).filter((items) => items.length >= 2)
}

/** `- 10:00 deploy` as `- **Update:** 10:00 deploy`. */
function entriesWithLabels(document: Document): string | undefined {
  const items = rewritableLists(document).flat()
  if (items.length === 0) return undefined
  return splice(
    document.value,
    items.map((item) => {
      const at = item.afterTime - (clock.exec(document.value.slice(item.start).replace(/^\S+\s+/, ''))?.[0].length ?? 0)
      return [at, at, '**Update:** '] as const
    })
  )
}

/** `- 10:00 deploy` as `- <span>10:00</span> deploy`. */
function timesInSpans(document: Document): string | undefined {
  // A time in code (`` `10:00` ``) stays code: no HTML there.
  const times = writtenTimes(document, rewritableLists(document).flat())
  if (!times || times.length === 0) return undefined
  return splice(
    document.value,
    times.flatMap(({at, time}) => [
      [at, at, '<span>'] as const,
      [at + time.length, at + time.length, '</span>'] as const
    ])
  )
}

/** Two entries in a row on one line: `- 10:00 deploy; 10:05 alert`. */
function entriesJoined(document: Document): string | undefined {
  const edits: Array<readonly [number, number, string]> = []
  for (const items of rewritableLists(document)) {
    for (let index = 0; index + 1 < items.length; index += 2) {
      const first = items[index] as TimedItem
      const second = items[index + 1] as TimedItem
      if (second.index !== first.index + 1 || second.line !== first.line + 1) continue
      const between = document.value.slice(first.end, second.start)
      const marker = /^(?:[-*+]|\d+[.)])[ \t]+/.exec(document.value.slice(second.start))
      if (!/^\r?\n[ \t]*$/.test(between) || !marker) continue
      edits.push([first.end, second.start + marker[0].length, '; '])
    }
  }
  return edits.length > 0 ? splice(document.value, edits) : undefined
}

/** Where each item's time is written (after its marker and any leading marks), and the time itself. */
function writtenTimes(
  document: Document,
  items: readonly TimedItem[]
): Array<{item: TimedItem; at: number; time: string}> | undefined {
  const found: Array<{item: TimedItem; at: number; time: string}> = []
  for (const item of items) {
    const written = clock.exec(document.value.slice(item.start).replace(/^\S+\s+/, ''))
    if (!written || written[1]?.includes('`')) return undefined
    const time = written[0].slice((written[1] ?? '').length)
    found.push({item, at: item.afterTime - time.length, time})
  }
  return found
}

/** `- 10:00 deploy` as `- **10:00** deploy`. */
function timesInBold(document: Document): string | undefined {
  const times = writtenTimes(document, rewritableLists(document).flat())
  if (
    !times ||
    times.length === 0 ||
    times.some(({item}) => document.value.slice(item.start, item.end).includes('*'))
  ) {
    return undefined
  }
  return splice(
    document.value,
    times.flatMap(({at, time}) => [[at, at, '**'] as const, [at + time.length, at + time.length, '**'] as const])
  )
}

/** `- 14:05 deploy` as `- 2:05 PM deploy`: 24-hour times on a 12-hour clock. */
function timesOnTwelveHourClock(document: Document): string | undefined {
  const items = rewritableLists(document)
    .flat()
    .filter((item) => item.half === '')
  const times = writtenTimes(document, items)
  if (!times || times.length < 2) return undefined
  return splice(
    document.value,
    times.map(({item, at, time}) => {
      const hours = Math.floor(item.minutes / 60)
      const minutes = String(item.minutes % 60).padStart(2, '0')
      return [
        at,
        at + time.length,
        `${hours % 12 === 0 ? 12 : hours % 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`
      ] as const
    })
  )
}

/** A list of timed entries as ordered items (`1. 10:00 deploy`). */
function entriesNumbered(document: Document): string | undefined {
  const edits: Array<readonly [number, number, string]> = []
  for (const items of rewritableLists(document)) {
    // Only a list of timed items alone: a `-` item left among `1.` items would start a list of its own.
    if (items.length !== items[0]?.listSize) continue
    items.forEach((item, index) => {
      const marker = /^[-*+](?=[ \t])/.exec(document.value.slice(item.start))
      if (marker) edits.push([item.start, item.start + marker[0].length, `${index + 1}.`])
    })
  }
  return edits.length > 0 ? splice(document.value, edits) : undefined
}

const timelineForms: Change[] = [
  {name: 'a label before each time (`**Update:** 10:00`)', change: entriesWithLabels},
  {name: 'each time in inline HTML (`<span>10:00</span>`)', change: timesInSpans},
  {name: 'two entries in a row on one line (`10:00 a; 10:05 b`)', change: entriesJoined},
  {name: 'each time in bold (`**10:00**`)', change: timesInBold},
  {name: 'times on a 12-hour clock (`2:05 PM`)', change: timesOnTwelveHourClock},
  {name: 'timed entries as ordered items (`1. 10:00`)', change: entriesNumbered}
]

describe.runIf(documents.length > 0 && hasRule(timelineOrder))(
  'timeline entries in other forms keep the timeline messages',
  () => {
    describeChanges(timelineForms, (_, document, changed) => {
      expect(timelineReasons(document, changed)).toEqual(timelineReasons(document))
    })
  }
)

// Follow-up tasks rewritten in other forms that writers use: the task rule
// gives the same messages (their texts; places move with the text).

const actionableTasks = 'postmortem-actionable-tasks'

function taskReasons(document: Document, value = document.value): string[] {
  return lint(document, value)
    .filter((message) => message.ruleId === actionableTasks)
    .map((message) => message.reason)
    .sort()
}

interface TaskItem {
  /** Offset of the item's marker. */
  readonly start: number
  /** The marker and the spaces after it. */
  readonly marker: string
  readonly list: List
  readonly index: number
}

/** The list items, with no task box, that the task rule reads as tasks. */
function taskItems(document: Document): TaskItem[] {
  const {tree, postmortem} = modelOf(document)
  const byOffset = new Map<number, TaskItem>()
  visit(tree, 'list', (list: List) => {
    list.children.forEach((item, index) => {
      const offset = item.position?.start.offset
      if (offset === undefined || typeof item.checked === 'boolean') return
      const marker = /^(?:[-*+]|\d+[.)])[ \t]+/.exec(document.value.slice(offset))?.[0]
      if (marker && !marker.includes('\t')) byOffset.set(offset, {start: offset, marker, list, index})
    })
  })
  const items = new Set<TaskItem>()
  for (const task of getTasks(postmortem).tasks) {
    const offset = task.kind === 'list-item' ? task.node.position?.start.offset : undefined
    const item = offset === undefined ? undefined : byOffset.get(offset)
    if (item) items.add(item)
  }
  return [...items]
}

/** A text written after each task item's marker (`box(marker)`: what the marker is followed by). */
function afterTaskMarkers(document: Document, box: (marker: string) => string): string | undefined {
  const items = taskItems(document)
  if (items.length === 0) return undefined
  return splice(
    document.value,
    items.map(({start, marker}) => [start + marker.length, start + marker.length, box(marker)] as const)
  )
}

/** `- Add an alert` as `- [ ] Add an alert`. */
function tasksWithBoxes(document: Document): string | undefined {
  return afterTaskMarkers(document, () => '[ ] ')
}

/** `- [ ] Add an alert` as `- [ ]` then `Add an alert` on the next line, under the box. */
function tasksUnderBoxes(document: Document): string | undefined {
  return afterTaskMarkers(document, (marker) => `[ ]\n${' '.repeat(marker.length)}`)
}

/** A list that holds tasks alone, as ordered items (`1. Add an alert`). */
function tasksNumbered(document: Document): string | undefined {
  const items = taskItems(document).filter(({marker}) => /^[-*+]/.test(marker))
  // Whole lists only: a `-` item left among `1.` items would start a list of its own.
  const whole = items.filter(
    (item) => items.filter((other) => other.list === item.list).length === item.list.children.length
  )
  if (whole.length === 0) return undefined
  return splice(
    document.value,
    whole.map((item) => [item.start, item.start + 1, `${item.index + 1}.`] as const)
  )
}

const taskForms: Change[] = [
  {name: 'a task box before each task (`- [ ] Add …`)', change: tasksWithBoxes},
  {name: 'each task on the line under its box (`- [ ]` then `Add …`)', change: tasksUnderBoxes},
  {name: 'lists of tasks as ordered items (`1. Add …`)', change: tasksNumbered}
]

describe.runIf(documents.length > 0 && hasRule(actionableTasks))('tasks in other forms keep the task messages', () => {
  describeChanges(taskForms, (_, document, changed) => {
    expect(taskReasons(document, changed)).toEqual(taskReasons(document))
  })
})
