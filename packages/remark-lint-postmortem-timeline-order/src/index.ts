/**
 * ## When should I use this?
 *
 * You want the timeline of every postmortem to read forward in time, so that
 * a reader can follow the incident from the first alert to the recovery.
 *
 * ## What is this?
 *
 * This rule reports:
 *
 * - an entry whose time is earlier than the entry before it, pointing at
 *   its time and at the entry before (`cause`);
 * - a timeline written newest first (three or more entries, each earlier
 *   than the one before or at the same time, at least two earlier), once,
 *   as status pages post their updates;
 * - a timeline whose entries have no time leading any of them (nor a date,
 *   an unknown time or a date marker), once, at its first entry, with a
 *   time inside an entry's words (or the heading) as the `cause`;
 * - two entries in a row at the same time, when `duplicates: true`;
 * - a timeline with fewer timed entries than `minimumEntries`.
 *
 * Entries are read from list items, table rows (the column headed `Time`,
 * `Date` or `When`, or the one whose cells start with times), lines of
 * paragraphs, headings (`### 13:35`) and HTML lines, in the forms writers
 * use (`14:00`, `2:15 AM`, `2pm`, `1400 hrs`, `[08:47]`, `**10:05 AM**:`,
 * `Mar 5, 10:30 UTC —`, `2024-03-05 10:30`, `13:15 PST 29 April 2022 -`).
 * Also `1030Z`, `10h30`, `Noon`, `Midnight`, `Mon 14:00`, and dates without
 * a year (`[03-26 23:04]`), in the year nearest the date before them.
 * Offsets from the start (`T+5m`, `+00:05`) are compared with each other by
 * their offset, never with times of day.
 * A time counts when it leads its line; a time inside a sentence does not.
 * Each timeline of a file is checked on its own.
 *
 * Dates: an entry that states a date is on that date; one that does not is
 * on the date of the entry before it, the last date marker (`2019-01-22`,
 * `Day 2`, `### Mar 6`), or the incident's date (summary, heading, intro
 * line). It moves to the next day when its time is earlier than the entry
 * before and going forward over midnight takes at most 12 hours (`23:50`
 * then `00:10`), or at most the incident's length when the summary states a
 * window that crosses midnight. An entry with its own date, or after a date
 * marker, never moves: an earlier time there is out of order. Entries in
 * different zones are compared as moments.
 *
 * ## Options
 *
 * `profile` (the template) and the options declared once in `options`
 * below, with their types, defaults and meanings; the docs' options table
 * and the JSON schema of `.remarkrc.json` are generated from them
 * (`node scripts/options-doc.js`).
 *
 * The examples live in `docs/rules/timeline-order.md` and are tested.
 */
import {
  booleanOption,
  compareEntries,
  definePostmortemRule,
  getTimeline,
  integerOption,
  isoDate,
  type OptionsOf,
  type RuleSettings,
  report,
  type TimelineEntry,
  type TimelineSection
} from 'mdast-util-postmortem'
import type {VFile} from 'vfile'

const options = {
  duplicates: booleanOption({default: false, description: 'report an entry at the same time as the entry before it'}),
  minimumEntries: integerOption({
    minimum: 0,
    default: 0,
    defaultMeans: 'off',
    description: 'report a timeline with fewer timed entries'
  })
}

/** Options of `remark-lint-postmortem-timeline-order`. */
export type Options = OptionsOf<typeof options>

type Settings = RuleSettings<typeof options>

const remarkLintPostmortemTimelineOrder = definePostmortemRule({
  name: 'timeline-order',
  options,
  check(postmortem, file, settings) {
    for (const part of getTimeline(postmortem).sections) {
      // A document that is no postmortem gets one message, from the required-sections rule.
      if (unreadable(part)) {
        if (!postmortem.looksLikePostmortem) continue
        reportUnreadable(file, part)
        continue
      }
      if (part.timed.length < settings.minimumEntries) reportFew(file, part, settings.minimumEntries)
      if (newestFirst(part.timed)) {
        reportNewestFirst(file, part.timed)
        continue
      }
      // Times of day and offsets from the start (`T+5m`) are each compared with their own kind.
      const previous = new Map<boolean, TimelineEntry>()
      for (const entry of part.timed) {
        const kind = entry.time?.relative === true
        const before = previous.get(kind)
        if (before) reportPair(file, before, entry, settings)
        previous.set(kind, entry)
      }
    }
  }
})

export default remarkLintPostmortemTimelineOrder

function reportPair(file: VFile, previous: TimelineEntry, entry: TimelineEntry, settings: Settings): void {
  const delta = compareEntries(previous, entry)
  if (delta === undefined || delta > 0 || (delta === 0 && !settings.duplicates)) return
  const [shown, before] = labels(entry, previous)
  const cause = {reason: `\`${before}\` is here`, place: previous.position}
  if (delta === 0) {
    report(file, `Unexpected \`${shown}\` at the same time as the entry before, expected a later time`, {
      place: entry.position,
      cause,
      section: 'timeline'
    })
    return
  }
  report(
    file,
    `Unexpected \`${shown}\` after \`${before}\`${sameDay(entry, previous)}, expected entries in time order`,
    {
      place: entry.position,
      cause,
      section: 'timeline',
      actual: entry.timeText
    }
  )
}

/** The two times as written, with their dates when those differ. */
function labels(entry: TimelineEntry, previous: TimelineEntry): [string, string] {
  const a = entry.timeText ?? ''
  const b = previous.timeText ?? ''
  if (!entry.date || !previous.date || entry.day === previous.day) return [a, b]
  return [`${isoDate(entry.date)} ${a}`, `${isoDate(previous.date)} ${b}`]
}

/** ` on 2024-03-05` when both entries are known to be on that day. */
function sameDay(entry: TimelineEntry, previous: TimelineEntry): string {
  return entry.date && previous.date && entry.day === previous.day ? ` on ${isoDate(entry.date)}` : ''
}

/**
 * Three or more timed entries, each earlier than the one before or at the
 * same time (two updates posted in the same minute), and not one later: a
 * timeline written newest first, as status pages post their updates.
 */
function newestFirst(entries: readonly TimelineEntry[]): boolean {
  if (entries.length < 3) return false
  let earlier = 0
  for (let index = 1; index < entries.length; index++) {
    const delta = compareEntries(entries[index - 1] as TimelineEntry, entries[index] as TimelineEntry)
    if (delta === undefined || delta > 0) return false
    if (delta < 0) earlier++
  }
  return earlier >= 2
}

function reportNewestFirst(file: VFile, entries: readonly TimelineEntry[]): void {
  const first = entries[0]
  const last = entries.at(-1)
  report(
    file,
    `Unexpected timeline written newest first (\`${first?.timeText}\` to \`${last?.timeText}\`), expected the oldest entry first`,
    {
      place: first?.position,
      cause: {reason: `\`${last?.timeText}\`, the oldest entry, is here`, place: last?.position},
      section: 'timeline'
    }
  )
}

function reportFew(file: VFile, part: TimelineSection, minimum: number): void {
  const count = part.timed.length
  report(
    file,
    `Unexpected timeline with ${count} timed ${count === 1 ? 'entry' : 'entries'}, expected at least ${minimum}`,
    {place: part.section.heading.position, section: 'timeline'}
  )
}

/**
 * Entries, and not one with a time, a date, an unknown time (`[???]`) or a
 * date marker before it: the order cannot be checked, which the writer
 * should know rather than read silence as a pass.
 */
function unreadable(part: TimelineSection): boolean {
  if (part.entries.length === 0 || part.markers.length > 0) return false
  return part.entries.every((entry) => !entry.time && !entry.unknownTime && !entry.ownDate)
}

/** At the first entry; the cause is a time inside the entries' words, when there is one, else the heading. */
function reportUnreadable(file: VFile, part: TimelineSection): void {
  const count = part.entries.length
  const first = part.entries[0]
  const mention = part.mentions[0]
  report(
    file,
    `Unexpected timeline with ${count} ${count === 1 ? 'entry' : 'entries'} and no time leading any, expected entries that start with their time, such as \`14:00 UTC: alert fires\``,
    {
      place: first?.position ?? part.section.heading.position,
      cause: mention
        ? {reason: `\`${mention.time.text}\` is inside the words here, not leading the entry`, place: mention.position}
        : {reason: 'the timeline starts here', place: part.section.heading.position},
      section: 'timeline'
    }
  )
}
