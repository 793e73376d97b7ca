import type {Html, List, ListItem, Paragraph, PhrasingContent, RootContent, Table, TableRow} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Node, Point, Position} from 'unist'
import {type ParagraphLine, type SourceText, sharedParagraphLines, stripTags} from '../lines.js'
import type {Postmortem} from '../model.js'
import {lookupTable, oneLine} from '../normalize.js'
import type {Section} from '../sections.js'
import {findInSource, offsetOf, pointAt} from './source.js'
import {tagFirstWords} from './tagger.js'

/**
 * How a task was written:
 * - `list-item`: a Markdown list item (`- Add the index`);
 * - `task-list-item`: a GFM task-list item (`- [ ] Add the index`);
 * - `table-row`: a row of a table in the follow-up section;
 * - `html-list-item`: an `<li>` of an HTML list;
 * - `line`: a line the writer meant as a list item but Markdown reads as
 *   text (`-Add the index`, `• Add the index`, `1.Add the index`).
 */
export type TaskKind = 'list-item' | 'task-list-item' | 'table-row' | 'html-list-item' | 'line'

/** A piece of a task's text and where it is written. */
export interface TaskText {
  readonly text: string
  readonly position: Position | undefined
}

/** The table columns that can give a task its owner, due date or ticket. */
export type TaskColumn = 'owner' | 'due' | 'ticket'

/** A follow-up task. */
export interface Task {
  readonly kind: TaskKind
  /** The task's text on one line, marks, marker and checkbox removed. */
  readonly text: string
  /**
   * A title the writer put before the task (`**Monitoring:** Add an alert`,
   * `Load testing: Run ...`), when there is one.
   */
  readonly label: TaskText | undefined
  /** The task's text after its label (all of it when there is none). */
  readonly body: TaskText
  /** Where the task's text is written. */
  readonly position: Position | undefined
  /** `true` or `false` for a GFM task-list item, `undefined` otherwise. */
  readonly checked: boolean | undefined
  /** Everything written for the task, nested lines included (owners, dates, links live here). */
  readonly details: string
  /** Whether the task holds a link. */
  readonly linked: boolean
  /** Cells of a table row that hold the owner, due date or ticket. */
  readonly columns: Readonly<Partial<Record<TaskColumn, string>>>
  /** The follow-up section the task is in. */
  readonly section: Section
  readonly node: Node
}

/** A line written as a list item that Markdown does not read as one. */
export interface MalformedListLine {
  /** The line's text. */
  readonly text: string
  /** The marker the writer typed (`-`, `•`, `1.`, `1,`). */
  readonly marker: string
  /** What to do: `add a space after \`-\``. */
  readonly fix: string
  /** The line as a list item, for an editor's quick fix of the whole line. */
  readonly expected: string
  readonly position: Position | undefined
  readonly section: Section
}

/** The follow-ups of a postmortem. */
export interface FollowUps {
  /** Every part of the follow-up section (action items, improvements, tasks, ...). */
  readonly sections: readonly Section[]
  readonly tasks: readonly Task[]
  readonly malformed: readonly MalformedListLine[]
}

/** The section id of follow-ups. */
export const followUpId = 'action-items'

/** Find the follow-up tasks of a postmortem (see `getFollowUps` for the cached form). */
export function findFollowUps(postmortem: Postmortem): FollowUps {
  const sections = postmortem.sectionsOf(followUpId)
  const finder = new Finder(postmortem)
  for (const section of sections) finder.section(section)
  return {sections, tasks: finder.tasks, malformed: finder.malformed}
}

const columnPatterns: ReadonlyArray<[TaskColumn | 'task' | 'other', RegExp]> = [
  ['owner', /\b(?:owner|owners|assignee|assigned|who|responsible|dri)\b/i],
  ['due', /\b(?:due|deadline|eta|date|when|target)\b/i],
  ['ticket', /\b(?:ticket|issue|link|jira|bug|tracking|pr|reference|ref)\b/i],
  ['task', /\b(?:action|actions|task|tasks|item|items|what|description|follow-up|todo|fix|measure|step)\b/i],
  ['other', /\b(?:status|priority|state|done|type|category|#|no|id)\b/i]
]

class Finder {
  readonly tasks: Task[] = []
  readonly malformed: MalformedListLine[] = []
  private readonly seen = new Set<Node>()
  private readonly pushed = new Map<Node, Set<string>>()
  private readonly source: SourceText | undefined

  constructor(postmortem: Postmortem) {
    this.source = postmortem.source
  }

  section(section: Section): void {
    for (const node of section.nodes) this.block(node, section)
  }

  private block(node: RootContent, section: Section): void {
    if (node.type === 'paragraph') this.paragraph(node, section)
    else if (this.seen.has(node)) return
    else if (node.type === 'list') this.list(node, section)
    else if (node.type === 'table') this.table(node, section)
    else if (node.type === 'html') this.html(node, section)
    else if (node.type === 'blockquote') for (const child of node.children) this.block(child, section)
    this.seen.add(node)
  }

  /** Lines of a paragraph that belong to the section and look like list items. */
  private paragraph(node: Paragraph, section: Section): void {
    for (const line of this.sectionLines(node, section)) this.line(line, section, node)
  }

  /** The lines of a paragraph of the section (clipped to it already). */
  private sectionLines(node: Paragraph, _section: Section): readonly ParagraphLine[] {
    return sharedParagraphLines(node, this.source)
  }

  private line(line: ParagraphLine, section: Section, node: Node, inList = false): void {
    const found = malformedMarker(stripTags(line.text), line.index > 0 || inList)
    if (!found) return
    const position = line.position
    const expected = this.expectedLine(position, found, line.text)
    this.malformed.push({
      text: line.text.trim(),
      marker: found.marker,
      fix: found.fix,
      expected,
      position,
      section
    })
    const content = oneLine(stripTags(found.content))
    const start = this.source && position ? findInSource(this.source, position, firstWord(content)) : undefined
    const bodyPosition = start && position ? {start: start.start, end: position.end} : position
    this.push({
      kind: 'line',
      ...splitLabel(content, undefined, bodyPosition, this.source),
      position: bodyPosition,
      checked: undefined,
      details: content,
      linked: line.children.some((child) => child.type === 'link' || child.type === 'linkReference'),
      columns: {},
      section,
      node
    })
  }

  /** The source line with its marker replaced, marks and all, or the plain text. */
  private expectedLine(position: Position | undefined, found: MarkerMatch, text: string): string {
    if (this.source && position) {
      const from = offsetOf(this.source, position.start)
      const to = offsetOf(this.source, position.end)
      if (from !== undefined && to !== undefined) {
        const raw = this.source.value.slice(from, to)
        const fixed = raw.replace(rawMarker, '')
        if (fixed !== raw) return `${found.replacement} ${fixed}`
      }
    }
    // The line as parsed, inline HTML kept, as from the source.
    const fixed = text.trim().replace(rawMarker, '')
    return `${found.replacement} ${fixed === text.trim() ? found.content : fixed.trim()}`
  }

  private list(node: List, section: Section): void {
    for (const item of node.children) this.listItem(item, section)
  }

  private titleLine(line: ParagraphLine, section: Section, item: ListItem): void {
    const text = lineText(line)
    this.push({
      kind: typeof item.checked === 'boolean' ? 'task-list-item' : 'list-item',
      ...splitLabel(text, undefined, line.position, this.source),
      position: line.position,
      checked: typeof item.checked === 'boolean' ? item.checked : undefined,
      details: text,
      linked: line.children.some((child) => child.type === 'link' || child.type === 'linkReference'),
      columns: {},
      section,
      node: item
    })
  }

  private listItem(item: ListItem, section: Section): void {
    const nested = item.children.filter((child): child is List => child.type === 'list')
    const first = item.children[0]
    const paragraph = first?.type === 'paragraph' ? first : undefined
    const lines = paragraph ? sharedParagraphLines(paragraph, this.source) : []
    const marked = lines.filter((line) => line.index > 0 && malformedMarker(stripTags(line.text), true))
    // An item with sub-items (a list, or dash lines) is a group: its text is a title.
    if (nested.length > 0 || marked.length > 0) {
      const title = lines[0]
      // `- Add the index` followed by `-Patch the server`: the first line is a task too.
      if (nested.length === 0 && title && !title.text.trim().endsWith(':')) this.titleLine(title, section, item)
      for (const line of marked) this.line(line, section, item, true)
      for (const list of nested) {
        this.seen.add(list)
        this.list(list, section)
      }
      return
    }
    if (!paragraph) return
    const text = rendered(paragraph)
    if (text.trim() === '') return
    const checked = typeof item.checked === 'boolean' ? item.checked : undefined
    // A paragraph of one line is one task, whatever `taskLines` tells of it.
    const groups = lines.length > 1 ? taskLines(lines) : []
    if (groups.length > 1 || (groups.length === 1 && groups[0]?.[0] !== lines[0])) {
      for (const group of groups) this.lineGroup(group, section, item, checked)
      return
    }
    // From where its first line starts: after an empty task box (`- [ ] `
    // alone), the text starts on the next line.
    const position = inlinePosition(paragraph, lines[0]?.position?.start)
    this.push({
      kind: checked === undefined ? 'list-item' : 'task-list-item',
      ...splitLabel(oneLine(text), paragraph.children, position, this.source),
      position,
      checked,
      // An item of one paragraph renders as its paragraph.
      details: item.children.length === 1 ? text : rendered(item),
      linked: hasLink(item),
      columns: {},
      section,
      node: item
    })
  }

  /** One task of a list item that holds several, one a line (details lines after it). */
  private lineGroup(
    group: readonly ParagraphLine[],
    section: Section,
    item: ListItem,
    checked: boolean | undefined
  ): void {
    const [first] = group
    const last = group.at(-1)
    if (!first || !last) return
    const text = lineText(first)
    const start = this.source && first.position ? findInSource(this.source, first.position, firstWord(text)) : undefined
    const end = last.position?.end
    const position = start && end ? {start: start.start, end} : first.position
    this.push({
      kind: checked === undefined ? 'list-item' : 'task-list-item',
      ...splitLabel(
        text,
        first.children,
        position && {start: position.start, end: first.position?.end ?? position.end},
        this.source
      ),
      position,
      checked,
      details: group.map(lineText).join(' '),
      linked: group.some((line) =>
        line.children.some((child) => child.type === 'link' || child.type === 'linkReference')
      ),
      columns: {},
      section,
      node: item
    })
  }

  private table(node: Table, section: Section): void {
    const [head, ...rows] = node.children
    if (!head) return
    const roles = head.children.map((cell) => columnRole(rendered(cell)))
    let taskColumn = roles.indexOf('task')
    if (taskColumn === -1) taskColumn = roles.indexOf('unknown')
    if (taskColumn === -1) taskColumn = 0
    for (const row of rows) this.tableRow(row, roles, taskColumn, section)
  }

  private tableRow(row: TableRow, roles: readonly string[], taskColumn: number, section: Section): void {
    const cell = row.children[taskColumn]
    if (!cell || rendered(cell).trim() === '') return
    const columns: Partial<Record<TaskColumn, string>> = {}
    row.children.forEach((other, at) => {
      const role = roles[at]
      const text = rendered(other).trim()
      if ((role === 'owner' || role === 'due' || role === 'ticket') && text !== '') columns[role] = text
    })
    const position = inlinePosition(cell)
    this.push({
      kind: 'table-row',
      ...splitLabel(oneLine(rendered(cell)), cell.children, position, this.source),
      position,
      checked: undefined,
      details: row.children.map((other) => rendered(other)).join(' '),
      linked: hasLink(row),
      columns,
      section,
      node: row
    })
  }

  /** `<li>` items of an HTML list. */
  private html(node: Html, section: Section): void {
    const start = node.position?.start
    const base = this.source && start ? offsetOf(this.source, start) : undefined
    for (const from of listItemStarts(node.value)) {
      const rest = node.value.slice(from)
      const close = rest.search(/<\/li>|<li\b|<\/[ou]l>/i)
      const raw = close === -1 ? rest : rest.slice(0, close)
      const text = oneLine(decodeEntities(stripTags(raw)))
      if (text === '') continue
      const leading = raw.length - raw.trimStart().length
      const position =
        this.source && base !== undefined
          ? {
              start: pointAt(this.source, base + from + leading),
              end: pointAt(this.source, base + from + raw.trimEnd().length)
            }
          : undefined
      this.push({
        kind: 'html-list-item',
        ...splitLabel(text, undefined, position, this.source),
        position,
        checked: undefined,
        details: text,
        linked: /<a\s|https?:\/\//i.test(raw),
        columns: {},
        section,
        node
      })
    }
  }

  private push(task: Task): void {
    // A list read from two parts of the section (a part titled inside it) gives its tasks once.
    const known = this.pushed.get(task.node) ?? new Set<string>()
    const key = `${task.position?.start.offset ?? ''}:${task.text}`
    if (known.has(key)) return
    known.add(key)
    this.pushed.set(task.node, known)
    this.tasks.push(task)
  }
}

function columnRole(header: string): TaskColumn | 'task' | 'other' | 'unknown' {
  for (const [role, pattern] of columnPatterns) if (pattern.test(header)) return role
  return 'unknown'
}

interface MarkerMatch {
  readonly marker: string
  readonly content: string
  readonly replacement: string
  readonly fix: string
}

const bulletCharacters = '•·▪◦‣∙●○■□➢➤►▶→⁃–—'
// A marker at the start of a line, after spaces and `&nbsp;`s as written in the source.
const rawMarker = new RegExp(
  `^(?:\\s|&nbsp;|&emsp;|&ensp;)*(?:[-+*]|[${bulletCharacters}]|\\d{1,3}[.),]?)(?:\\s|&nbsp;|&emsp;|&ensp;)*`,
  'u'
)

/**
 * The list marker a line starts with that Markdown does not read as one:
 * `-Patch` (no space), `• Patch`, `— Patch`, `1.Patch`, `1, Patch`, and a
 * numbered line inside a paragraph (`2. Patch` with no blank line before).
 */
export function malformedMarker(text: string, insideParagraph: boolean): MarkerMatch | undefined {
  const line = text.replace(/^[\s\u00a0\u2002\u2003]+/u, '')
  const tight = /^([-+*])(?=[\p{L}"'`([])/u.exec(line)
  if (tight) {
    const marker = tight[1] as string
    return {marker, content: line.slice(1).trim(), replacement: '-', fix: `add a space after \`${marker}\``}
  }
  const bullet = new RegExp(`^([${bulletCharacters}])[\\s\\u00a0]*(?=\\S)`, 'u').exec(line)
  if (bullet) {
    const marker = bullet[1] as string
    return {
      marker,
      content: line.slice(bullet[0].length).trim(),
      replacement: '-',
      fix: `write \`-\` and a space instead of \`${marker}\``
    }
  }
  const number = /^(\d{1,3})([.),]?)([\s\u00a0]*)(?=\p{L})/u.exec(line)
  if (number) {
    const [whole, digits, mark, space] = number as unknown as [string, string, string, string]
    const content = line.slice(whole.length).trim()
    if (mark === '' && space === '') return undefined
    if (mark === ',')
      return {marker: whole.trim(), content, replacement: `${digits}.`, fix: `write \`${digits}.\` and a space`}
    if (space === '' && mark !== '') {
      return {marker: digits + mark, content, replacement: digits + mark, fix: `add a space after \`${digits + mark}\``}
    }
    if (insideParagraph && mark !== '' && /^[\p{Lu}]/u.test(content)) {
      return {
        marker: digits + mark,
        content,
        replacement: digits + mark,
        fix: 'add a blank line before the list'
      }
    }
  }
  return undefined
}

/**
 * Split a task into its label and body: `**Monitoring:** Add an alert` and
 * `Load testing: Run a load test` have a title before the task itself.
 */
function splitLabel(
  text: string,
  children: readonly PhrasingContent[] | undefined,
  position: Position | undefined,
  source: SourceText | undefined
): {text: string; label: TaskText | undefined; body: TaskText} {
  const whole = {text, label: undefined, body: {text, position}}
  const first = children?.[0]
  let label: string | undefined
  let labelPosition: Position | undefined
  if (first && (first.type === 'strong' || first.type === 'emphasis')) {
    const marked = rendered(first).trim()
    const after = children?.[1]
    const afterText = after?.type === 'text' ? after.value : ''
    if (marked.endsWith(':') || /^\s*[:\u2013\u2014-]/u.test(afterText)) {
      label = marked.replace(/:$/, '').trim()
      labelPosition = first.position
    }
  }
  if (label === undefined) {
    const colon = /^([^:]{2,60}?):(?=\s|\p{Lu})/u.exec(text)
    if (colon && (colon[1] as string).split(/\s+/).length <= 6 && !/https?$/i.test(colon[1] as string)) {
      label = (colon[1] as string).trim()
      labelPosition = findInSource(source, position, label) ?? position
    }
  }
  if (label === undefined || label === '') return whole
  const rest = text
    .slice(text.indexOf(label) + label.length)
    .replace(/^[\s:\u2013\u2014-]+/u, '')
    .trim()
  if (rest === '') return {text, label: undefined, body: {text: label, position: labelPosition ?? position}}
  const restStart = labelPosition && position ? findAfter(source, labelPosition.end, position, rest) : undefined
  return {
    text,
    label: {text: label, position: labelPosition},
    body: {text: rest, position: restStart && position ? {start: restStart, end: position.end} : position}
  }
}

function findAfter(source: SourceText | undefined, from: Point, within: Position, text: string): Point | undefined {
  return findInSource(source, {start: from, end: within.end}, firstWord(text))?.start
}

function firstWord(text: string): string {
  return /^\S+/.exec(text)?.[0] ?? text
}

/** Where the text of a paragraph or cell starts (after a checkbox) and ends. */
function inlinePosition(
  node: Paragraph | {children: PhrasingContent[]; position?: Position},
  from?: Point
): Position | undefined {
  const first = node.children[0]
  const last = node.children.at(-1)
  const start = from ?? first?.position?.start ?? node.position?.start
  const end = last?.position?.end ?? node.position?.end
  return start && end ? {start, end} : undefined
}

function hasLink(node: Node): boolean {
  if (node.type === 'link' || node.type === 'linkReference') return true
  const children = (node as {children?: Node[]}).children
  return children ? children.some(hasLink) : false
}

/**
 * The text of a node as it renders: inline HTML left out (`<span>Fix</span>`
 * is `Fix`), entities decoded (the parser does that), link targets dropped.
 */
function rendered(node: Node): string {
  return toString(node, {includeHtml: false})
}

/** A line of a paragraph as it renders, on one line. */
function lineText(line: ParagraphLine): string {
  return oneLine(stripTags(line.text))
}

// A line that gives the task above it its owner, due date, ticket or status.
const detailLine =
  /^(?:owners?|assignee|assigned to|dri|due|deadline|eta|target date|ticket|issue|jira|link|tracking|status|priority)\s*:/i
// Words a wrapped line can end on when the sentence goes on below.
const continuation = new Set(
  'a an the of to for in on at by with from into and or but than as via per our their its this that these those'.split(
    ' '
  )
)

/**
 * The tasks of a list item's paragraph, as lines: each line that reads as
 * a task of its own (a capital after a full stop, or a verb first after a
 * line that does not run on) starts one; detail lines (`Owner: @ana`, a
 * lone link) go with the task above. A paragraph where a sentence runs on
 * from one line to the next is wrapped prose: one task. A first line ending
 * in `:` is a title when a task follows it.
 */
export function taskLines(lines: readonly ParagraphLine[]): ParagraphLine[][] {
  const texts = lines.map(lineText)
  const starts = texts.map((text, at) => {
    if (at === 0 || text === '' || isDetailLine(lines[at] as ParagraphLine, text)) return false
    const before = texts[at - 1] as string
    const lastWord = (before.split(' ').at(-1) ?? '').toLowerCase()
    const ended = /[.;:!?]$/.test(before)
    // After a full stop any capitalised line is a task; after none, one that opens with a verb.
    return (
      /^\p{Lu}/u.test(text) && (ended || (!/,$/.test(before) && !continuation.has(lastWord) && opensWithVerb(text)))
    )
  })
  const runsOn = texts.some((text, at) => {
    if (at === 0 || text === '' || starts[at] || isDetailLine(lines[at] as ParagraphLine, text)) return false
    return !/[.;:!?]$/.test(texts[at - 1] as string)
  })
  if (runsOn) return [[...lines]]
  const title = lines.length > 1 && (texts[0] as string).endsWith(':') && starts[1] === true
  const groups: ParagraphLine[][] = []
  lines.forEach((line, at) => {
    if (texts[at] === '' || (at === 0 && title)) return
    const current = groups.at(-1)
    if (at === 0 || starts[at] || !current) groups.push([line])
    else current.push(line)
  })
  return groups
}

/** A line that gives the task above it an owner, a date, a ticket, or a link. */
function isDetailLine(line: ParagraphLine, text: string): boolean {
  if (detailLine.test(text)) return true
  const linked = line.children.some((child) => child.type === 'link' || child.type === 'linkReference')
  return linked && line.children.every((child) => child.type !== 'text' || /^[\s()[\],.;:]*$/.test(child.value))
}

function opensWithVerb(text: string): boolean {
  const tags = tagFirstWords(text)[0]?.tags
  return tags?.has('Verb') === true && !tags.has('PastTense') && !tags.has('Gerund') && !tags.has('Modal')
}

const entities: Readonly<Record<string, string | undefined>> = lookupTable({
  nbsp: ' ',
  emsp: ' ',
  ensp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'"
})

function decodeEntities(text: string): string {
  return text.replace(/&(#39|[a-z]{2,5});/gi, (whole, name: string) => entities[name.toLowerCase()] ?? whole)
}

/**
 * Offsets just after each `<li ...>` opening tag. A scan with `indexOf`,
 * linear where `/<li\b[^>]*>/g` retries from every `<li` without a `>`.
 */
function listItemStarts(html: string): number[] {
  const lower = html.toLowerCase()
  const starts: number[] = []
  let at = lower.indexOf('<li')
  while (at !== -1) {
    const after = lower[at + 3] ?? ''
    if (!/[a-z0-9_]/.test(after)) {
      const end = lower.indexOf('>', at)
      if (end === -1) break
      starts.push(end + 1)
      at = lower.indexOf('<li', end)
    } else {
      at = lower.indexOf('<li', at + 3)
    }
  }
  return starts
}
