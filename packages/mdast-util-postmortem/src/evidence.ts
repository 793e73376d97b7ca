/**
 * What a document's content says, apart from its titles: whether a passage
 * gives causes, whether a run of lines is timed, whether an opening
 * paragraph says what happened, and whether the document tells of an
 * incident at all. Section names decide none of these.
 */
import type {RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Node} from 'unist'
import type {TitleCandidate} from './headings.js'
import {textLines, valueLines} from './lines.js'
import {isSpaceAt} from './normalize.js'
import {findClockTimes} from './timeline/clock.js'
import {findDates} from './timeline/dates.js'
import {readStamp} from './timeline/stamp.js'

/** Prose that gives a cause: `caused by`, `because`, `due to`, `the root cause was`. */
const causal =
  /\b(?:caus(?:e|es|ed|ing)|because|due to|owing to|the reason|result(?:ed)? from|as a result of|led to|stemm(?:ed|ing) from|triggered by|originat(?:ed|ing) (?:from|in)|traced (?:back )?to)\b/i

/** Whether some of the nodes give causes. */
export function givesCauses(nodes: readonly RootContent[]): boolean {
  return nodes.some((node) => causal.test(toString(node)))
}

/**
 * Whether the nodes are a run of timed lines: three at least, and at least
 * half of the lines that could be entries (list items, lines, rows,
 * headings, lines of a log) start with a time.
 */
export function isTimedRun(nodes: readonly RootContent[]): boolean {
  const lines: string[] = []
  for (const node of nodes) entryLines(node, lines)
  let timed = 0
  for (const line of lines) {
    const stamp = readStamp(line)
    if (stamp && (stamp.time !== undefined || stamp.unknown)) timed++
  }
  return timed >= minimumTimedLines && timed * 2 >= lines.length
}

const minimumTimedLines = 3

function entryLines(node: RootContent, lines: string[]): void {
  switch (node.type) {
    case 'list':
      for (const item of node.children) {
        const [first, ...rest] = item.children
        if (first) lines.push(firstLine(toString(first)))
        for (const child of rest) if (child.type === 'list') entryLines(child, lines)
      }
      return
    case 'paragraph':
    case 'blockquote':
      for (const line of textLines(toString(node))) if (line.trim() !== '') lines.push(line)
      return
    case 'heading':
      lines.push(toString(node))
      return
    case 'code':
    case 'html':
      for (const line of valueLines(node.value))
        if (line.trim() !== '' && !line.trim().startsWith('<')) lines.push(line)
      return
    case 'table':
      for (const row of node.children.slice(1)) lines.push(row.children.map((cell) => toString(cell)).join(' '))
      return
    default:
      return
  }
}

function firstLine(text: string): string {
  const end = text.indexOf('\n')
  return end === -1 ? text : text.slice(0, end)
}

/**
 * Words of an incident: what went wrong (`outage`, `failed`, `rejected`)
 * and what it happened to (`API`, `database`, `users`, `requests`).
 */
const incidentWords =
  /\b(?:outages?|incidents?|downtime|down|failures?|fail(?:ed|ing|s)?|errors?|crash(?:ed|es)?|unavailable|unreachable|inaccessible|disrupt(?:ion|ions|ed)|degrad(?:ed|ation)|broke|broken|bugs?|issues?|problems?|reject(?:ed|ing)?|refused|dropped|lost|stuck|spike[ds]?|unable|couldn't|could not|time ?outs?|timed out|slow(?:ness)?|latency|overload(?:ed)?|misconfigur(?:ed|ation)|vulnerab(?:le|ility|ilities)|security|attack(?:s|ed|er)?|breach(?:ed)?|compromised?|exploit(?:s|ed)?|leak(?:s|ed)?|affect(?:ed|ing)|impact(?:ed)?|users?|customers?|requests?|traffic|services?|servers?|site|website|web ?app|app(?:lication)?s?|api|gateway|database|db|cluster|nodes?|network|dns|cache|queue|disk|cpu|memory|load ?balancers?|deploy(?:ed|ment|ments)?|releases?|rollout|certificates?|logins?|payments?|checkout|orders?|pages?)\b/i

/** A verb that tells something happened. */
const eventVerbs =
  /\b(?:was|were|went|became|occurred|happened|caused|failed|crashed|experienced|resulted|lasted|began|started|stopped|broke|led|saw|suffered|faced|encountered|had|took place|went down)\b/i

const durations = /\b\d+(?:[.,]\d+)?\s*(?:-\s*)?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\b/i

/**
 * Whether a passage says what happened: enough words, a word of an
 * incident, and an event told (a verb of one, or a date or time). A jokey
 * preamble or a page's description does not.
 */
export function readsAsOverview(text: string): boolean {
  if (wordsOf(text) < minimumOverviewWords || !incidentWords.test(text)) return false
  return eventVerbs.test(text) || findClockTimes(text).length > 0 || findDates(text).length > 0
}

const minimumOverviewWords = 8
const overviewBlocks = 3

/** A line that is a field of an opening block: `Duration: 2 hours`, `Impact:`. */
const field = /^[\s*_>-]*(\p{L}[\p{L}\s/&()-]{1,40}?)[*_]{0,4}:/u
/** A field that tells when: `Duration`, `Start time`, `Date`. */
const whenField =
  /^(?:duration|(?:outage |incident |downtime )?(?:start|end|started|ended|began|resolved|detected)(?: time| at| date)?|date|time|times|when|period|time ?frame|window|outage (?:duration|window|time)|downtime|length)\b/i

/**
 * The untitled overview a document opens with, when no title names a
 * summary: the first of its opening blocks (`opening`: the content before
 * the first title that is not one of its fields) that says what happened,
 * or its first block when it opens with fields that tell when it happened
 * (`Duration:`, `Start Time:`, `Impact:`, `Root cause:`), whether each
 * label stands on its own line or leads its value. A sentence Markdown
 * made a heading with a `---` under it (`prose`) is a block of text here.
 */
export function overviewBlock(
  opening: readonly RootContent[],
  prose: ReadonlySet<Node> = new Set()
): RootContent | undefined {
  const blocks = opening.filter(
    (node) =>
      (node.type === 'paragraph' || node.type === 'list' || node.type === 'blockquote' || prose.has(node)) &&
      toString(node).trim() !== ''
  )
  const [first] = blocks
  if (!first) return undefined
  // The opening run of blocks of fields (`Duration:` alone, then `Start Time: …`).
  let fields = 0
  let when = 0
  for (const block of blocks) {
    const found = fieldsOf(block)
    if (found.fields === 0) break
    fields += found.fields
    when += found.when
  }
  if (fields >= 2 && when > 0) return first
  // A block of fields that does not open the document (the report itself,
  // written as fields) is no overview either.
  return blocks
    .slice(0, overviewBlocks)
    .find((block) => fieldsOf(block).fields < 2 && readsAsOverview(linesOf(block).join('\n')))
}

/** The lines of a block's text, list items and paragraphs of quotes each on lines of their own. */
function linesOf(node: RootContent): string[] {
  if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') {
    return (node.children as RootContent[]).flatMap(linesOf)
  }
  return textLines(toString(node))
}

/** How many lines of a block are fields, and how many of those tell when. */
function fieldsOf(block: RootContent): {fields: number; when: number} {
  let fields = 0
  let when = 0
  for (const line of linesOf(block)) {
    const label = field.exec(line)?.[1]?.trim()
    if (!label) continue
    fields++
    if (whenField.test(label)) when++
  }
  return {fields, when}
}

/** A title of an opening run of fields: `Impact:` or `Root cause:` written as a label or a line. */
export function isOpeningField(title: TitleCandidate): boolean {
  const {heading} = title
  return (
    (heading.kind === 'label' || heading.kind === 'plain') &&
    heading.ids.every((id) => id === 'impact' || id === 'root-cause')
  )
}

/** Words of a text: runs of characters between spaces that hold a letter or a digit. */
export function wordsOf(text: string): number {
  let count = 0
  let counted = false
  for (let at = 0; at < text.length; at++) {
    if (isSpaceAt(text, at)) {
      counted = false
      continue
    }
    if (counted) continue
    const code = text.charCodeAt(at)
    const ascii = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
    if (ascii || (code >= 128 && letterOrDigit.test(String.fromCodePoint(text.codePointAt(at) ?? code)))) {
      count++
      counted = true
    }
  }
  return count
}

const letterOrDigit = /[\p{L}\p{N}]/u

/** What tells a document is about an incident, without reading its titles. */
export interface IncidentEvidence {
  /** Words of text, counted up to the number asked for. */
  readonly words: number
  /** Times of day, dates and durations found, counted up to enough. */
  readonly moments: number
  /** Sentences that tell an event with a word of an incident. */
  readonly events: number
}

/**
 * The texts of a document's blocks in order, each read when first asked
 * for: the evidence most often has enough before the end of the document.
 */
export interface BlockTexts {
  readonly length: number
  at(index: number): string
}

const enoughMoments = 2
const enoughEvents = 3
const scannedCharacters = 40_000
/** Where a sentence ends: spaces after a full stop, `!` or `?`, or line breaks. */
const sentenceBreaks = /(?<=[.!?])\s+|\n+/g

/**
 * Count what tells of an incident in the blocks' texts joined by line
 * breaks: times, dates and durations, sentences telling an event, and words
 * up to `enoughWords`. Counting stops once there is enough, and the blocks
 * after are not read. A line break ends every sentence, so none spans two
 * blocks, and each block's sentences are cut on their own. The joined text
 * would put the spaces that open a block after a full stop in the break;
 * that changes nothing, as no pattern reads the spaces at a sentence's
 * edges.
 */
export function incidentEvidence(blocks: BlockTexts, enoughWords: number): IncidentEvidence {
  let words = 0
  let moments = 0
  let events = 0
  // Where the block starts in the joined text.
  let offset = 0
  for (let index = 0; index < blocks.length; index++) {
    const wordsDone = words >= enoughWords
    const scanDone = offset >= scannedCharacters || (moments >= enoughMoments && events >= enoughEvents)
    if (wordsDone && scanDone) break
    const text = blocks.at(index)
    if (!wordsDone) words += wordsOf(text)
    if (!scanDone) {
      const scanned = offset + text.length > scannedCharacters ? text.slice(0, scannedCharacters - offset) : text
      const counted = countSentences(scanned, moments, events)
      moments = counted.moments
      events = counted.events
    }
    offset += text.length + 1
  }
  return {words, moments, events}
}

/** Add what the sentences of a text tell to the counts so far. */
function countSentences(text: string, moments: number, events: number): {moments: number; events: number} {
  // The sentences, as `split(sentenceBreaks)` gives them, cut one at a
  // time: counting most often stops early.
  sentenceBreaks.lastIndex = 0
  let start = 0
  while (start <= text.length) {
    const found = sentenceBreaks.exec(text)
    const end = found ? found.index : text.length
    // An empty sentence holds nothing to count.
    if (end > start) {
      const sentence = text.slice(start, end)
      // Only whether there are enough moments, and whether there are any, is read.
      if (moments < enoughMoments) moments += findClockTimes(sentence).length
      if (moments < enoughMoments) moments += findDates(sentence).length
      if (moments < enoughMoments && durations.test(sentence)) moments++
      if (events < enoughEvents && incidentWords.test(sentence) && eventVerbs.test(sentence)) events++
      if (moments >= enoughMoments && events >= enoughEvents) break
    }
    start = found ? sentenceBreaks.lastIndex : text.length + 1
  }
  return {moments, events}
}
