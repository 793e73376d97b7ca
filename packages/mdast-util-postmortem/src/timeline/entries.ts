/**
 * Read the lines of a timeline section: which are entries (list items,
 * table rows, paragraph lines, headings, HTML lines), which are date or day
 * markers, and which are other text (an intro line, an entry's next line).
 */
import type {Blockquote, Code, List, ListItem, Paragraph, RootContent, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Node} from 'unist'
import type {SourceText} from '../lines.js'
import type {Postmortem} from '../model.js'
import type {Section} from '../sections.js'
import type {ClockTime} from './clock.js'
import {type CalendarDate, readDate} from './dates.js'
import {readLabelledStamp, readStamp, type Stamp} from './stamp.js'
import {linesOfHtml, linesOfParagraph, nodeLine, type TextLine} from './text-lines.js'
import {readZone, type Zone} from './zones.js'

/** What an entry is written as. */
export type TimelineEntryKind = 'list-item' | 'table-row' | 'paragraph' | 'heading' | 'html' | 'code'

/** A line of the timeline, classified. */
export type TimelineLine =
  | {
      readonly type: 'entry'
      readonly kind: TimelineEntryKind
      readonly node: Node
      readonly line: TextLine
      /** Undefined for an entry without a time or date (a list item or row). */
      readonly stamp: Stamp | undefined
      text: string
      /** A date from a separate `Date` column of a table. */
      readonly columnDate: {readonly date: CalendarDate; readonly line: TextLine} | undefined
      /** A zone from a separate `Zone` column of a table. */
      readonly columnZone: {readonly zone: Zone; readonly line: TextLine} | undefined
    }
  | {readonly type: 'marker'; readonly node: Node; readonly line: TextLine; readonly stamp: Stamp}
  | {
      readonly type: 'text'
      readonly line: TextLine
      /** The line goes on the entry before it. */
      readonly continues: boolean
    }

type EntryLine = Extract<TimelineLine, {type: 'entry'}>

/** The lines of a section between its title and the next section. */
export function readTimelineLines(section: Section, postmortem: Postmortem): TimelineLine[] {
  const reader = new Reader(postmortem.source)
  // The section's nodes are clipped to it already: no line of its title or of the next one.
  for (const node of section.nodes) reader.node(node)
  // A timeline written as a log in a fenced code block, with nothing else to read.
  if (!reader.started()) reader.codeBlocks()
  return reader.settleLabels()
}

class Reader {
  readonly lines: TimelineLine[] = []
  private current: EntryLine | undefined
  /** Fenced code blocks: logs, read only when nothing else holds an entry. */
  private readonly fenced: Code[] = []
  /** Entries whose time follows a label (`**Detected:** 10:05`). */
  private readonly labelled = new Set<EntryLine>()

  constructor(private readonly source: SourceText | undefined) {}

  node(node: RootContent): void {
    this.current = undefined
    switch (node.type) {
      case 'paragraph':
        this.textLines(linesOfParagraph(node, this.source), 'paragraph')
        break
      case 'html':
        this.textLines(linesOfHtml(node, this.source), 'html')
        break
      case 'code':
        // Text indented by a writer becomes code to Markdown, not to them.
        if (this.indented(node)) this.textLines(linesOfHtml(node, this.source), 'paragraph')
        else this.fenced.push(node)
        break
      case 'heading': {
        const line = nodeLine(node, this.source)
        if (!this.classify(line, node, 'heading', false)) this.lines.push({type: 'text', line, continues: false})
        this.current = undefined
        break
      }
      case 'list':
        this.list(node, true)
        break
      case 'table':
        this.table(node)
        break
      case 'blockquote':
        // A note before the entries (`> All times are in UTC.`) introduces them;
        // quotes among the entries are chat logs, not entries.
        if (!this.started()) this.quotedNote(node)
        break
      default:
        // Quotes (chat logs), breaks, images and definitions are not entries.
        break
    }
  }

  /** Whether an entry or a date marker has been read. */
  started(): boolean {
    return this.lines.some((line) => line.type !== 'text')
  }

  /**
   * Times after labels are entries when the timeline is written so
   * (`**Detection:** 10:30`, `**Mitigation:** 11:10`); beside entries that
   * lead with their time, labelled times are a recap of key moments
   * (`**Detected:** 10:05`, `**Resolved:** 11:30` above the entries), whose
   * order is not the entries' order: their lines are read without a time.
   */
  settleLabels(): TimelineLine[] {
    if (this.labelled.size === 0) return this.lines
    const plain = this.lines.some((line) => line.type === 'entry' && line.stamp?.time && !this.labelled.has(line))
    if (!plain) return this.lines
    return this.lines.map((line): TimelineLine => {
      if (line.type !== 'entry' || !this.labelled.has(line)) return line
      if (line.kind === 'list-item' || line.kind === 'table-row')
        return {...line, stamp: undefined, text: line.line.text.trim()}
      return {type: 'text', line: line.line, continues: false}
    })
  }

  /** The lines of a quote's paragraphs, as text (never entries). */
  private quotedNote(quote: Blockquote): void {
    for (const child of quote.children) {
      if (child.type !== 'paragraph') continue
      for (const line of linesOfParagraph(child, this.source)) {
        if (line.text.trim() !== '') this.lines.push({type: 'text', line, continues: false})
      }
    }
  }

  /** Read the fenced code blocks' lines as entries: the timeline is a log. */
  codeBlocks(): void {
    for (const node of this.fenced) {
      this.current = undefined
      this.textLines(linesOfHtml(node, this.source), 'code')
    }
  }

  private textLines(lines: readonly TextLine[], kind: TimelineEntryKind): void {
    for (const line of lines) {
      if (line.text.trim() === '') continue
      if (this.classify(line, line.node, kind, false)) continue
      this.text(line)
    }
  }

  /** A line of text: the next line of the current entry, or text of its own. */
  private text(line: TextLine): void {
    if (this.current) this.current.text = `${this.current.text} ${line.text.trim()}`.trim()
    this.lines.push({type: 'text', line, continues: this.current !== undefined})
  }

  /** Push an entry or a marker when a stamp leads the line; say whether it did. */
  private classify(line: TextLine, node: Node, kind: TimelineEntryKind, item: boolean): boolean {
    const own = readStamp(line.text)
    const stamp = own ?? readLabelledStamp(line.text)
    const labelled = own === undefined && stamp?.time !== undefined
    if (!stamp) {
      if (!item) return false
      this.entry(node, line, kind, undefined, line.text.trim())
      return true
    }
    const rest = line.text.slice(stamp.rest).trim()
    if (!stamp.time && !stamp.unknown && !/\p{L}/u.test(rest)) {
      this.lines.push({type: 'marker', node, line, stamp})
      this.current = undefined
      return true
    }
    if (!stamp.time) {
      this.entry(node, line, kind, stamp, rest)
      return true
    }
    // `10:00 deploy; 10:05 alerts fire; 10:12 rolled back`: an entry each.
    // Each entry's line holds only its own words (the others blanked or cut), so that
    // places are found in the source and a later entry's time is no mention of this one.
    const later = laterStamps(line.text, stamp)
    if (later.length === 0) {
      this.entry(node, line, kind, stamp, rest, labelled)
      return true
    }
    const parts = [{boundary: 0, stamp}, ...later]
    parts.forEach((part, index) => {
      const end = parts[index + 1]?.boundary ?? line.text.length
      const text = ' '.repeat(part.boundary) + line.text.slice(part.boundary, end)
      this.entry(node, {...line, text}, kind, part.stamp, entryWords(text.slice(part.stamp.rest)), labelled)
    })
    return true
  }

  private entry(
    node: Node,
    line: TextLine,
    kind: TimelineEntryKind,
    stamp: Stamp | undefined,
    text: string,
    labelled = false
  ): void {
    const entry: EntryLine = {
      type: 'entry',
      kind,
      node,
      line,
      stamp,
      text,
      columnDate: undefined,
      columnZone: undefined
    }
    this.lines.push(entry)
    if (labelled) this.labelled.add(entry)
    this.current = entry
  }

  private list(list: List, top: boolean): void {
    for (const item of list.children) this.item(item, top)
  }

  private item(item: ListItem, top: boolean): void {
    this.current = undefined
    let first = true
    for (const child of item.children) {
      if (child.type === 'list') {
        this.list(child, false)
        this.current = undefined
      } else if (child.type === 'paragraph' || child.type === 'heading' || child.type === 'html') {
        const lines =
          child.type === 'paragraph'
            ? linesOfParagraph(child as Paragraph, this.source)
            : [nodeLine(child, this.source)]
        for (const line of lines) {
          if (line.text.trim() === '') continue
          // The item's first line is an entry even without a time, at the top level.
          if (this.classify(line, item, 'list-item', first && top)) {
            first = false
            continue
          }
          first = false
          this.text(line)
        }
      }
    }
  }

  private table(table: Table): void {
    const [head, ...body] = table.children
    if (!head) return
    const headers = head.children.map((cell) => toString(cell))
    const zoneColumn = headers.findIndex((text) => zoneHeader.test(text))
    const dateColumn = headers.findIndex((text) => /\b(?:date|day)\b/i.test(text))
    let timeColumn = headers.findIndex((text, index) => index !== zoneColumn && /\b(?:time|when)/i.test(text))
    if (timeColumn === -1) timeColumn = dateColumn
    if (timeColumn === -1) timeColumn = stampedColumn(table)
    if (timeColumn === -1) return
    const header = head.children[timeColumn]
    // `Time (UTC)`: the header says the zone, as an intro line would.
    if (header) this.lines.push({type: 'text', line: nodeLine(header, this.source), continues: false})
    const own = new Set([timeColumn, dateColumn, zoneColumn])
    for (const row of body) {
      const cells = row.children.map((cell) => toString(cell).trim())
      if (cells.every((cell) => cell === '')) continue
      const cell = row.children[timeColumn]
      if (!cell) continue
      const line = nodeLine(cell, this.source)
      const stamp = readStamp(line.text)
      const text = cells.filter((_, index) => !own.has(index)).join(' | ')
      let columnDate: EntryLine['columnDate']
      const dateCell = dateColumn === timeColumn ? undefined : row.children[dateColumn]
      if (dateCell && !stamp?.date) {
        const dateLine = nodeLine(dateCell, this.source)
        const date = readStamp(dateLine.text)?.date ?? readDate(dateLine.text.trim(), 0)
        if (date) columnDate = {date, line: dateLine}
      }
      // A `Zone` column: its cell names the zone of the row's time.
      let columnZone: EntryLine['columnZone']
      const zoneCell = zoneColumn === -1 ? undefined : row.children[zoneColumn]
      if (zoneCell && !stamp?.zone) {
        const zoneLine = nodeLine(zoneCell, this.source)
        const start = zoneLine.text.length - zoneLine.text.trimStart().length
        const zone = readZone(zoneLine.text, start)
        if (zone) columnZone = {zone, line: zoneLine}
      }
      this.lines.push({type: 'entry', kind: 'table-row', node: row, line, stamp, text, columnDate, columnZone})
    }
    this.current = undefined
  }

  /** Code indented by four spaces or a tab, not fenced. */
  private indented(node: Code): boolean {
    const start = node.position?.start
    if (!start || !this.source || node.lang) return false
    const first = this.source.lines[start.line - 1] ?? ''
    return !/^\s*(?:```|~~~)/.test(first)
  }
}

/** A header that names the zone of the times (`Zone`, `TZ`, `Time zone`, `Timezone`). */
const zoneHeader = /^\W*(?:time ?zone|zone|tz)\W*$/i

/** The column most of whose cells start with a time, when no header names one. */
function stampedColumn(table: Table): number {
  const body = table.children.slice(1)
  const width = Math.max(0, ...table.children.map((row) => row.children.length))
  for (let column = 0; column < width; column++) {
    const stamped = body.filter((row) => {
      const cell = row.children[column]
      return cell !== undefined && readStamp(toString(cell))?.time !== undefined
    }).length
    if (stamped > 0 && stamped * 2 >= body.length) return column
  }
  return -1
}

/**
 * The stamps that start another entry on the same line: a time written
 * as the line's first one is, after the end of a sentence or clause (`.`,
 * `;`, `!`, `?`, `|`, a `<br>`), with words of its own after it. A time
 * inside a sentence (`rolled back at 10:24`) starts none.
 */
function laterStamps(text: string, first: Stamp): Array<{boundary: number; stamp: Stamp}> {
  const found: Array<{boundary: number; stamp: Stamp}> = []
  const from = first.rest
  const shape = first.time ? clockShape(first.time) : undefined
  entryBoundary.lastIndex = from
  for (let match = entryBoundary.exec(text); match; match = entryBoundary.exec(text)) {
    const boundary = match.index + match[0].length
    const stamp = readStamp(text, boundary)
    // Written as the line's own stamp is (`14:02` then `14:05`, `2:15 PM` then `2:40 PM`).
    if (stamp?.time && clockShape(stamp.time) === shape && /\p{L}/u.test(text.slice(stamp.rest))) {
      const previous = found.at(-1)?.stamp.rest ?? from
      // Words of the entry before, then the next stamp.
      if (/\p{L}/u.test(text.slice(previous, match.index))) found.push({boundary, stamp})
    }
  }
  return found
}

/** How a clock is written: with a colon or not, with AM/PM or not, an offset or a time of day. */
function clockShape(time: ClockTime): string {
  return `${time.relative === true} ${time.text.includes(':')} ${time.meridiem !== undefined}`
}

/** A sentence or clause ends, and a time (or `at`, `~`, a mark, then a time) may follow. */
const entryBoundary = /(?:[.;!?]|\s\|)\s+(?=(?:[*_([~]|at |around )*\d)/g

/** An entry's words cut before the next entry on its line, without the punctuation that ended them. */
function entryWords(text: string): string {
  const words = text.trimEnd()
  return (/[;|]$/.test(words) ? words.slice(0, -1) : words).trim()
}
