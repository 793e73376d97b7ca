/**
 * What the rest of the document says about the timeline's date and zone:
 * the Timeline heading (`Timeline (UTC)`), an intro line (`All times in
 * PST, on February 5th 2019`), a table header (`Time (EAT)`), the summary
 * and the lines before the first section (`From 2:00 PM to 4:30 PM PST on
 * January 24, 2024`, `Duration: ...`, a dated title).
 */
import type {FootnoteReference, Parent, RootContent} from 'mdast'
import type {Node, Position} from 'unist'
import type {SectionHeading} from '../headings.js'
import type {SourceText} from '../lines.js'
import type {Postmortem} from '../model.js'
import type {Section} from '../sections.js'
import {type ClockTime, findClockTimes, minutesOf} from './clock.js'
import {type CalendarDate, daysBetween, findDates, withYear} from './dates.js'
import {linesOfHtml, linesOfParagraph, locate, nodeLine, type TextLine} from './text-lines.js'
import {findZones, readZone, restatesZone, type Zone} from './zones.js'

/** Where a fact about the timeline was stated. */
export type FactSource = 'entry' | 'marker' | 'heading' | 'intro' | 'summary'

/** A date stated in the document, and where. */
export interface DateFact {
  readonly date: CalendarDate
  readonly source: FactSource
  readonly position: Position | undefined
}

/** A timezone stated in the document, and where. */
export interface ZoneFact {
  readonly zone: Zone
  readonly source: FactSource
  readonly position: Position | undefined
}

/** The incident's window as the summary states it (`from 22:00 to 01:30`). */
export interface IncidentWindow {
  /** Minutes from its start to its end. */
  readonly minutes: number
  /** It ends on a later day than it starts. */
  readonly crossesMidnight: boolean
}

/** The date and zone that apply to entries that do not state their own. */
export interface TimelineContext {
  readonly date: DateFact | undefined
  readonly zone: ZoneFact | undefined
  /** Every zone the heading, intro lines and summary state, in that order. */
  readonly zones: readonly ZoneFact[]
  readonly window: IncidentWindow | undefined
  /** The incident's year, else the first year a date anywhere in the document states. */
  readonly year: number | undefined
}

const longestIntroWords = 12
const labelled = /^\W{0,4}(?:duration|date|start|end|when|time|incident (?:time|date|start|end)|outage)\b/i

/**
 * Lines of text of any node, for reading facts from them; with `keep`, only
 * those of the nodes (at any depth) it keeps.
 */
export function textLinesOf(
  node: RootContent,
  source: SourceText | undefined,
  keep?: (node: Node) => boolean
): readonly TextLine[] {
  if (keep && !keep(node)) return []
  switch (node.type) {
    case 'paragraph':
      return linesOfParagraph(node, source)
    case 'html':
      return linesOfHtml(node, source)
    case 'heading':
      return [nodeLine(node, source)]
    case 'list':
      return node.children.flatMap((item) =>
        keep && !keep(item) ? [] : item.children.flatMap((child) => textLinesOf(child, source, keep))
      )
    case 'table':
      return node.children.flatMap((row) =>
        keep && !keep(row) ? [] : row.children.flatMap((cell) => (keep && !keep(cell) ? [] : [nodeLine(cell, source)]))
      )
    case 'blockquote':
      return node.children.flatMap((child) => textLinesOf(child, source, keep))
    default:
      return []
  }
}

/**
 * The lines that may state the incident's date and zone: the summary, the
 * document's opening and titles, and labelled lines (`Duration: ...`)
 * before the timeline. In a file that holds two postmortems, only those of
 * the timeline's own postmortem (after the timeline before it).
 */
export function summaryLines(postmortem: Postmortem, timeline: Section): TextLine[] {
  const {tree, source} = postmortem
  const {timelines, timelineIndex} = documentIndex(postmortem)
  const place = timelineIndex.get(timeline) ?? -1
  const previous = timelines[place - 1]
  const next = timelines[place + 1]
  const from = previous ? previous.heading.index : -1
  const to = next ? next.heading.index : tree.children.length
  const firstSection = postmortem.sections[0]?.heading.index ?? tree.children.length
  // The summaries of this postmortem, else the nearest one before, else those after.
  const all = postmortem.sectionsOf('summary')
  const preceding = all.filter((section) => section.heading.index <= timeline.heading.index)
  const own = preceding.filter((section) => section.heading.index > from)
  const nearest = preceding.slice(-1)
  const after = all.filter((section) => section.heading.index > timeline.heading.index && section.heading.index < to)
  const chosen = own.length > 0 ? own : nearest.length > 0 ? nearest : after
  // The summary's content, clipped to it already.
  const lines: TextLine[] = []
  const summaryRoots = new Set<number>()
  for (const section of chosen) {
    summaryRoots.add(section.heading.index)
    // `Issue Summary: 2 hours (9:00 AM - 11:00 AM, UTC)`: the title says it too.
    const title = headingTextLine(section.heading, source)
    if (title) lines.push(title)
    for (const node of section.nodes) {
      for (const line of textLinesOf(node, source)) {
        if (line.node !== title?.node || line.index !== title.index) lines.push(line)
      }
    }
  }
  // The document's opening and titles, and labelled lines, before the
  // timeline and after the timeline before it; not the whole document for
  // each timeline.
  for (let index = Math.max(from + 1, 0); index <= timeline.heading.index && index < tree.children.length; index++) {
    if (summaryRoots.has(index)) continue
    const node = tree.children[index] as RootContent
    const ahead = index < timeline.heading.index || timeline.heading.line > 0
    if (!ahead) continue
    const title = node.type === 'heading' && node.depth === 1
    for (const line of textLinesOf(node, source)) {
      if (index < firstSection || title || labelled.test(line.text)) {
        if (node !== timeline.heading.node || line.index < timeline.heading.line) lines.push(line)
      }
    }
  }
  // A labelled line of the summary is both in the summary and before the timeline: once.
  const seen = new Map<Node, Set<number>>()
  const unique = lines.filter((line) => {
    const indexes = seen.get(line.node) ?? new Set<number>()
    seen.set(line.node, indexes)
    if (indexes.has(line.index)) return false
    indexes.add(line.index)
    return true
  })
  return unique.sort((a, b) => (a.position?.start.line ?? 0) - (b.position?.start.line ?? 0))
}

interface DocumentIndex {
  readonly timelines: readonly Section[]
  readonly timelineIndex: ReadonlyMap<Section, number>
}

const documentIndexes = new WeakMap<Postmortem, DocumentIndex>()

/** The timeline sections by place, once per postmortem. */
function documentIndex(postmortem: Postmortem): DocumentIndex {
  let index = documentIndexes.get(postmortem)
  if (!index) {
    const timelines = postmortem.sectionsOf('timeline')
    const timelineIndex = new Map<Section, number>()
    timelines.forEach((section, at) => {
      if (!timelineIndex.has(section)) timelineIndex.set(section, at)
    })
    index = {timelines, timelineIndex}
    documentIndexes.set(postmortem, index)
  }
  return index
}

/** Read the context of a timeline from its heading, intro lines and the summary. */
export function readContext(
  headingLine: TextLine | undefined,
  introLines: readonly TextLine[],
  summary: readonly TextLine[],
  documentYear?: () => number | undefined
): TimelineContext {
  const zones: ZoneFact[] = []
  const dates: DateFact[] = []
  if (headingLine) {
    for (const zone of zoneStatements(headingLine.text, true)) zones.push(fact(zone, 'heading', headingLine))
    for (const date of findDates(headingLine.text)) dates.push(dateFact(date, 'heading', headingLine))
  }
  for (const line of introLines) {
    const short = line.text.split(/\s+/).length <= longestIntroWords
    for (const zone of zoneStatements(line.text, short)) zones.push(fact(zone, 'intro', line))
    for (const date of findDates(line.text)) dates.push(dateFact(date, 'intro', line))
  }
  const stamps: Array<{time: ClockTime; date: CalendarDate | undefined}> = []
  for (const line of summary) {
    const lineDates = findDates(line.text)
    for (const date of lineDates) dates.push(dateFact(date, 'summary', line))
    const times = findClockTimes(line.text)
    for (const time of times) {
      // A time's date: the last one before it on the line, else the first after.
      const date =
        lineDates.filter((item) => item.end <= time.start).at(-1) ?? lineDates.find((item) => item.start >= time.end)
      stamps.push({time, date})
    }
    for (const zone of statementsWith(line.text, false, times)) zones.push(fact(zone, 'summary', line))
  }
  const date = incidentDate(dates, documentYear)
  return {
    date,
    zone: zones[0],
    zones,
    window: incidentWindow(stamps, date?.date),
    year: date?.date.year ?? documentYear?.()
  }
}

const documentYears = new WeakMap<Postmortem, {year: number | undefined}>()

/** The year of the first date with a year anywhere in the document, once per postmortem. */
export function documentYear(postmortem: Postmortem): number | undefined {
  let found = documentYears.get(postmortem)
  if (!found) {
    let year: number | undefined
    const source = postmortem.source
    // A year is two digits at least: a node with fewer in its source has none.
    const keep = source
      ? (node: Node) => twoDigitsIn(source.value, node.position?.start.offset, node.position?.end.offset)
      : undefined
    for (const node of postmortem.tree.children) {
      for (const line of textLinesOf(node, source, keep)) {
        if (!writtenYear.test(line.text)) continue
        year = findDates(line.text).find((date) => date.year !== undefined)?.year
        if (year !== undefined) break
      }
      if (year !== undefined) break
    }
    found = {year}
    documentYears.set(postmortem, found)
  }
  return found.year
}

/**
 * What every date with a year has in its line: four digits, or two after
 * the separator of a numeric date (`3/5/24`) or before a comma (`Mar 5, '24,`).
 */
const writtenYear = /\d{4}|[-/.]\d{2}|\d{2},/
const digitPattern = /\d/

/**
 * Whether the source between two offsets has two digits (each digit of the
 * text, a character reference's too, is a digit of the source); true when
 * the offsets are not known.
 */
function twoDigitsIn(value: string, start: number | undefined, end: number | undefined): boolean {
  if (start === undefined || end === undefined) return true
  const part = value.slice(start, end)
  const first = part.search(digitPattern)
  return first !== -1 && digitPattern.test(part.slice(first + 1))
}

/**
 * The zones a line states, in order: the one reader of zone statements for
 * headings, intro lines, footnotes and the summary. A zone right after a
 * time (`14:00 PST`, `7:30 pm (CST)`, `11:00 AM, UTC)`), in brackets
 * (`(all times UTC)`), after `All times`, `Times are in`, `Timezone:`; with
 * `anywhere` (a heading, a short line), any zone name.
 */
export function zoneStatements(text: string, anywhere: boolean): Zone[] {
  return statementsWith(text, anywhere, findClockTimes(text))
}

/** The zones a line states (see `zoneStatements`), its clock times read already. */
function statementsWith(text: string, anywhere: boolean, times: readonly ClockTime[]): Zone[] {
  // `All times in UTC (10:00 UTC = 03:00 PDT)`: beside a zone stated as
  // such (after `All times`, or in brackets), the other zones of the line,
  // after its times, are examples of it.
  const led = findZones(text, false)
  const found: Zone[] = led.length > 0 ? led.filter((zone) => !afterTime(text, times, zone)) : timedZones(text, times)
  if (led.length === 0 || found.length === 0) {
    for (const zone of anywhere ? findZones(text, true) : led) {
      if (!found.some((item) => item.start === zone.start)) found.push(zone)
    }
  }
  found.sort((a, b) => a.start - b.start)
  // `PT (UTC-7)`, `CEST (UTC+2)`: the offset in brackets restates the zone before it.
  return found.filter((zone, index) => {
    const before = found[index - 1]
    return !(before && joins.has(text.slice(before.end, zone.start).trim()) && restatesZone(before, zone))
  })
}

/** A zone written right after a time of the line (`03:00 PDT`). */
function afterTime(text: string, times: readonly ClockTime[], zone: Zone): boolean {
  return times.some((time) => time.end <= zone.start && /^\s?[([]?\s?$/.test(text.slice(time.end, zone.start)))
}

/** What may stand between a zone and its offset: `PT (UTC-7)`, `PDT, UTC-7`, `PDT / UTC-7`. */
const joins = new Set(['', '(', '[', ',', '/', '='])

function timedZones(text: string, times: readonly ClockTime[]): Zone[] {
  const found: Zone[] = []
  for (const time of times) {
    const zone = readZone(text, time.end, {afterTime: true})
    if (zone) found.push(zone)
  }
  return found
}

/**
 * The first date stated, with a year from a later one (or the document's,
 * read only then) when it has none.
 */
function incidentDate(
  dates: readonly DateFact[],
  documentYear: (() => number | undefined) | undefined
): DateFact | undefined {
  const first = dates[0]
  if (!first || first.date.year !== undefined) return first
  const year = dates.find((item) => item.date.year !== undefined)?.date.year ?? documentYear?.()
  return {...first, date: withYear(first.date, year)}
}

/** The window from the first two times of the summary, when they are there. */
function incidentWindow(
  stamps: ReadonlyArray<{time: ClockTime; date: CalendarDate | undefined}>,
  fallback: CalendarDate | undefined
): IncidentWindow | undefined {
  const [start, end] = stamps
  if (!start || !end) return undefined
  let days = 0
  const startDate = start.date ?? fallback
  const endDate = end.date ?? startDate
  if (startDate && endDate && startDate !== endDate) days = daysBetween(startDate, withYear(endDate, startDate.year))
  let minutes = days * 1440 + minutesOf(end.time) - minutesOf(start.time)
  if (minutes < 0 && days === 0) minutes += 1440
  if (minutes <= 0) return undefined
  return {minutes, crossesMidnight: days > 0 || minutesOf(end.time) < minutesOf(start.time)}
}

function fact(zone: Zone, source: FactSource, line: TextLine): ZoneFact {
  return {zone, source, position: locate(line, zone.start, zone.end)}
}

function dateFact(date: CalendarDate, source: FactSource, line: TextLine): DateFact {
  return {date, source, position: locate(line, date.start, date.end)}
}

/**
 * The lines of the footnotes a heading points to (`## Timeline[^tz]` with
 * `[^tz]: All times are in UTC.`): they say what the heading would. Read
 * as footnotes when the parser knows them, else as the text `[^tz]`.
 */
export function footnoteLines(heading: SectionHeading, postmortem: Postmortem): TextLine[] {
  const ids = new Set<string>()
  const visit = (node: Node): void => {
    if (node.type === 'footnoteReference') ids.add((node as FootnoteReference).identifier.toLowerCase())
    for (const child of (node as Partial<Parent>).children ?? []) visit(child)
  }
  visit(heading.node)
  for (const match of headingTextLine(heading, postmortem.source)?.text.matchAll(footnoteMark) ?? []) {
    ids.add((match[1] ?? '').toLowerCase())
  }
  if (ids.size === 0) return []
  const lines: TextLine[] = []
  for (const node of postmortem.tree.children) {
    if (node.type === 'footnoteDefinition') {
      if (ids.has(node.identifier.toLowerCase())) {
        lines.push(...node.children.flatMap((child) => textLinesOf(child, postmortem.source)))
      }
    } else if (node.type === 'paragraph') {
      const [first] = textLinesOf(node, postmortem.source)
      const id = first ? footnoteDefinition.exec(first.text)?.[1] : undefined
      if (first && id !== undefined && ids.has(id.toLowerCase())) lines.push(first)
    }
  }
  return lines
}

const footnoteMark = /\[\^([^[\]\s^]{1,40})\]/g
const footnoteDefinition = /^\[\^([^[\]\s^]{1,40})\]:/

/** The heading of a section as a line of text. */
export function headingTextLine(heading: SectionHeading, source: SourceText | undefined): TextLine | undefined {
  if (heading.node.type === 'heading') return nodeLine(heading.node, source)
  const lines = heading.node.type === 'code' ? linesOfHtml(heading.node, source) : textLinesOf(heading.node, source)
  return lines.find((line) => line.index === heading.line)
}
