/**
 * ## When should I use this?
 *
 * You want every time in a postmortem's timeline to be in one timezone that
 * the document states, with the right name for the date, so that readers in
 * other places (and tools) can tell when things happened.
 *
 * ## What is this?
 *
 * This rule reports:
 *
 * - a timeline with times and no timezone stated anywhere: not on the
 *   times, not in the Timeline heading (`Timeline (UTC)`) or an intro line
 *   (`All times in PST`), a table header (`Time (EAT)`), nor after the
 *   summary's times (`from 2:00 PM to 4:30 PM PST`);
 * - an entry (or a heading or intro line) in a different timezone or offset
 *   from the rest of the timeline (`14:00 PST` then `22:05 UTC`), pointing
 *   at the zone most entries use (`cause`); zones that always agree are the
 *   same (`UTC`, `GMT`, `Z`, `+00:00`; `EAT` and `Africa/Nairobi`);
 * - a standard or daylight abbreviation wrong for its date when the date is
 *   known (`PST` on 5 June is `PDT`, `BST` in January is `GMT`, `CET` in
 *   summer is `CEST`), with the right one in `message.expected`, also after
 *   a time inside an entry's words (`detected at 10:24 PM PST`), whose zone
 *   is otherwise free to differ (`14:00 PDT (21:00 UTC)`);
 * - with `ambiguous: true`, an abbreviation used for several zones (`IST`:
 *   India, Israel, Ireland; `CST`: US Central, China, Cuba; `CDT`, `AST`).
 *   These are never checked against the date, since the zone is unknown;
 * - with `zone`, every zone that is not that one.
 *
 * Generic names (`PT`, `Pacific Time`, `Eastern time`), IANA names
 * (`Europe/Paris`), a city's time (`Kigali time`) and offsets (`UTC+1`,
 * `GMT-5`, `+05:30`) are never wrong for a date. `MST` and `AEST`, used all
 * year in Arizona and Queensland, are only reported in winter as daylight
 * names (`MDT` in January).
 *
 * ## Options
 *
 * `profile` (the template) and the options declared once in `options`
 * below, with their types, defaults and meanings; the docs' options table
 * and the JSON schema of `.remarkrc.json` are generated from them
 * (`node scripts/options-doc.js`).
 *
 * The examples live in `docs/rules/timeline-timezone.md` and are tested.
 */
import {
  booleanOption,
  type CalendarDate,
  customOption,
  definePostmortemRule,
  expectedZoneName,
  getTimeline,
  longDate,
  OptionError,
  type OptionsOf,
  type RuleSettings,
  readZone,
  report,
  sameZone,
  show,
  type TimelineEntry,
  type TimelineSection,
  type Zone,
  type ZoneFact,
  zoneLabel
} from 'mdast-util-postmortem'
import type {Position} from 'unist'
import type {VFile} from 'vfile'

const options = {
  zone: customOption<Zone | undefined, string>({
    type: '`string`',
    defaultText: 'none',
    description:
      "the one zone every time must be in: an abbreviation (`'UTC'`, `'PST'`), an IANA name (`'Europe/Paris'`) or an offset (`'+01:00'`)",
    schema: {type: 'string', pattern: '\\S', examples: ['UTC', 'Europe/Paris', '+01:00', 'PST']},
    parse: (value, name) => expectZone(value, name)
  }),
  ambiguous: booleanOption({
    default: false,
    description: 'report ambiguous abbreviations (`IST`, `CST`, `CDT`, `AST`)'
  })
}

/** Options of `remark-lint-postmortem-timeline-timezone`. */
export type Options = OptionsOf<typeof options>

type Settings = RuleSettings<typeof options>

/** A zone stated once, and the timed entries it applies to. */
interface Statement {
  readonly fact: ZoneFact
  readonly entries: readonly TimelineEntry[]
  /** A zone after a time inside an entry's words (`rolled back at 10:24 PM PST`). */
  readonly mention?: boolean
}

const remarkLintPostmortemTimelineTimezone = definePostmortemRule({
  name: 'timeline-timezone',
  options,
  check(postmortem, file, settings) {
    for (const part of getTimeline(postmortem).sections) checkSection(file, part, settings)
  }
})

export default remarkLintPostmortemTimelineTimezone

function expectZone(value: unknown, name: string): Zone | undefined {
  if (value === undefined) return undefined
  const text = typeof value === 'string' ? value.trim() : ''
  const zone = text === '' ? undefined : readZone(text, 0, {afterTime: true, seconds: true})
  if (zone?.start !== 0 || zone.end !== text.length) {
    throw new OptionError(
      `Unexpected value ${show(value)} for \`${name}\`, expected a timezone such as \`'UTC'\`, \`'Europe/Paris'\`, \`'+01:00'\`, or \`'PST'\``
    )
  }
  return zone
}

function checkSection(file: VFile, part: TimelineSection, settings: Settings): void {
  const {mentions, context} = part
  // Offsets from the start (`T+5m`) need no zone.
  const timed = part.timed.filter((entry) => !entry.time?.relative)
  if (timed.length === 0 && mentions.length === 0) return
  if (!timed.some((entry) => entry.zone) && !mentions.some((mention) => mention.zone) && context.zones.length === 0) {
    reportMissing(file, part, timed[0], settings)
    return
  }
  const statements = statementsOf(part)
  const year = timed.find((entry) => entry.date?.year !== undefined)?.date?.year ?? context.date?.date.year ?? 2024
  const reference = settings.zone
    ? {zone: settings.zone, source: 'entry' as const, position: undefined}
    : mostUsed(timed, year)
  for (const statement of statements) {
    const {zone} = statement.fact
    // A time inside the words is often the same moment in another zone
    // (`14:00 PDT (21:00 UTC)`): only its name for the date is checked.
    if (statement.mention) {
      if (!zone.readings) reportWrongName(file, statement, part)
      continue
    }
    if (reference && !sameZone(zone, reference.zone, year)) {
      reportOther(file, statement.fact, reference, settings.zone !== undefined)
      continue
    }
    if (zone.readings) {
      if (settings.ambiguous) reportAmbiguous(file, statement.fact)
      continue
    }
    reportWrongName(file, statement, part)
  }
}

/** Each entry's own zone, and each zone the heading, intro or summary states that applies. */
function statementsOf(part: TimelineSection): Statement[] {
  const statements: Statement[] = []
  const inherited = part.timed.filter((entry) => !entry.ownZone && entry.zone)
  for (const fact of part.context.zones) {
    // A zone the summary states matters only when entries take it.
    if (fact === part.context.zone && inherited.length > 0) statements.push({fact, entries: inherited})
    else if (fact.source !== 'summary') statements.push({fact, entries: []})
  }
  for (const entry of part.timed) {
    if (entry.ownZone) statements.push({fact: entry.ownZone, entries: [entry]})
  }
  for (const mention of part.mentions) {
    if (mention.zone) statements.push({fact: mention.zone, entries: [], mention: true})
  }
  return statements.sort((a, b) => order(a.fact.position) - order(b.fact.position))
}

function order(position: Position | undefined): number {
  return position ? position.start.line * 100_000 + position.start.column : 0
}

/** The zone most timed entries are in (the first of equals), and where it is first stated. */
function mostUsed(entries: readonly TimelineEntry[], year: number): ZoneFact | undefined {
  const groups: Array<{fact: ZoneFact; count: number}> = []
  for (const entry of entries) {
    const fact = entry.zone
    if (!fact) continue
    const group = groups.find((item) => sameZone(item.fact.zone, fact.zone, year))
    if (group) {
      group.count++
      // `PST` then `PDT` in July: the zone is named as it is right on its date.
      if (misnamed(group.fact, entries) && !misnamed(fact, [entry])) group.fact = fact
    } else groups.push({fact, count: 1})
  }
  let best: {fact: ZoneFact; count: number} | undefined
  for (const group of groups) if (!best || group.count > best.count) best = group
  return best?.fact
}

/** The zone's name is wrong on the date of the entries it is the zone of (`PST` in July). */
function misnamed(fact: ZoneFact, entries: readonly TimelineEntry[]): boolean {
  const entry = entries.find((item) => item.zone === fact && item.date)
  if (!entry?.date) return false
  return nameOn(fact.zone, entry.date, entry.time?.hour ?? 12, entry.time?.minute ?? 0) !== undefined
}

function reportMissing(file: VFile, part: TimelineSection, first: TimelineEntry | undefined, settings: Settings): void {
  const place = first?.position ?? part.mentions[0]?.position
  const text = first?.timeText ?? part.mentions[0]?.time.text ?? ''
  const zone = settings.zone ? zoneLabel(settings.zone) : 'UTC'
  // `Timeline[^tz]`: the heading without its footnote mark.
  const title = part.section.heading.text.replace(/\[\^[^[\]\s^]{1,40}\]/g, '').trim()
  const heading = `${title || 'Timeline'} (${zone})`
  report(
    file,
    `Unexpected timeline times without a timezone, expected one on the times or in the heading, such as \`${heading}\``,
    {
      place,
      section: 'timeline',
      actual: text,
      expected: settings.zone && text ? [`${text} ${zone}`] : undefined,
      // The zone on the first time only, and maybe not the one the writer meant: for editors only.
      fix: settings.zone && text ? {replace: place, found: text, text: `${text} ${zone}`, safe: false} : undefined
    }
  )
}

function reportOther(file: VFile, fact: ZoneFact, reference: ZoneFact, required: boolean): void {
  const written = zoneLabel(fact.zone)
  const expected = zoneLabel(reference.zone)
  if (required) {
    report(file, `Unexpected timezone \`${written}\`, expected \`${expected}\``, {
      place: fact.position,
      section: 'timeline',
      actual: written
    })
    return
  }
  report(file, `Unexpected timezone \`${written}\`, expected \`${expected}\` as in the rest of the timeline`, {
    place: fact.position,
    cause: {reason: `\`${expected}\` is used here`, place: reference.position},
    section: 'timeline',
    actual: written
  })
}

function reportAmbiguous(file: VFile, fact: ZoneFact): void {
  const readings = fact.zone.readings ?? []
  const places = readings.map((reading) => reading.place)
  const listed = places.length > 1 ? `${places.slice(0, -1).join(', ')} or ${places.at(-1)}` : places.join('')
  report(
    file,
    `Unexpected ambiguous timezone \`${zoneLabel(fact.zone)}\` (${listed}), expected a zone that says which, such as \`${readings[0]?.timeZone ?? 'UTC'}\``,
    {
      place: fact.position,
      section: 'timeline',
      actual: fact.zone.text,
      expected: readings.map((reading) => reading.timeZone)
    }
  )
}

/** `PST` on a summer date: the name the zone has on the date it applies to. */
function reportWrongName(file: VFile, statement: Statement, part: TimelineSection): void {
  const {zone} = statement.fact
  if (zone.offset === undefined) return
  const dated = statement.entries.find((entry) => entry.date) ?? part.timed.find((entry) => entry.date)
  const date = dated?.date ?? part.context.date?.date
  if (!date) return
  const hour = dated?.time?.hour ?? 12
  const minute = dated?.time?.minute ?? 0
  const expected = nameOn(zone, date, hour, minute)
  if (!expected) return
  const datePlace = dated?.ownDate?.position ?? markerPlace(part, date) ?? part.context.date?.position
  report(file, `Unexpected \`${zoneLabel(zone)}\` on ${longDate(date)}, expected \`${expected}\``, {
    place: statement.fact.position,
    cause: datePlace ? {reason: 'the date is stated here', place: datePlace} : undefined,
    section: 'timeline',
    actual: zone.text,
    expected: [expected],
    // The writer's clock was right and the name wrong: the right name, written as they wrote it.
    fix: {replace: statement.fact.position, found: zone.text, text: expected, safe: true}
  })
}

/** Years to try when the writer gave none: a name wrong in each is wrong. */
const someYears = [2019, 2023, 2024]

/**
 * The right name for the zone on the date, when the written one is wrong
 * for every reading of the date (a numeric date may read both ways; a date
 * without a year is tried in several years).
 */
function nameOn(zone: Zone, date: CalendarDate, hour: number, minute: number): string | undefined {
  const readings = date.alternative ? [date, date.alternative] : [date]
  let found: string | undefined
  for (const reading of readings) {
    for (const year of reading.year === undefined ? someYears : [reading.year]) {
      const expected = expectedZoneName(zone, {year, month: reading.month, day: reading.day, hour, minute})
      if (!expected) return undefined
      found ??= expected
    }
  }
  return found
}

function markerPlace(part: TimelineSection, date: CalendarDate): Position | undefined {
  return part.markers.find((marker) => marker.date && marker.date.month === date.month && marker.date.day === date.day)
    ?.position
}
