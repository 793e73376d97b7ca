/**
 * ## When should I use this?
 *
 * You want every postmortem to say how bad the incident was in numbers a
 * reader can weigh: how many users or requests were affected, for how long,
 * what it cost. "Some users saw errors" tells nobody whether this was a
 * blip or a disaster.
 *
 * ## What is this?
 *
 * This rule reads the impact statements of a postmortem: the impact
 * section(s) (a heading, or a labelled paragraph such as `Impact: ...` or
 * `**Business impact**: ...`), labelled lines anywhere (`Duration: ...`,
 * `Users affected: ...`, `- **Impact:** ...`), headings such as `## Outage
 * duration`, and the sentences of the summary that say who or what was
 * affected. Under the `holberton` profile, where impact is stated in the
 * Issue Summary, the summary is where it looks. It reports:
 *
 * - a postmortem with no impact statement at all;
 * - impact statements with no quantity of the effect: no percentage
 *   (`40% of users`, `a 300% increase`), count with a unit (`1,200
 *   orders`), money (`$50,000`, `€1.2k`, `USD 3,000`), duration (`for 3
 *   hours`, `2h 15m`, `a 40-minute outage`), rate (`500 req/s`, `error
 *   rate 12%`, `p99 latency 4s`, a factor: `doubled`, `tenfold`), SLO or error-budget figure, or fraction in words (`half of`, `one
 *   in ten`);
 * - then, in place of that message, each vague quantifier standing in for
 *   a number (`some users`, `many requests`, `a significant slowdown`),
 *   pointing at the word;
 * - with `require`, each kind of quantity the team asks for that is not
 *   there (and the vague words standing where it should be).
 *
 * A date or a time of day is not a quantity (`from 10:00 to 12:30 UTC`
 * gives no duration: write it). Neither is a version (`Ubuntu 14.04`), a
 * number a name identifies (`version 2`, `Node 18`, `Python 3`), a
 * server name (`web-01`), nor an HTTP status code naming an error kind
 * (`500 errors`, `a 503 error`); `500 errors per second` is a rate.
 *
 * ## Options
 *
 * `profile` (the template) and the options declared once in `options`
 * below, with their types, defaults and meanings; the docs' options table
 * and the JSON schema of `.remarkrc.json` are generated from them
 * (`node scripts/options-doc.js`).
 *
 * The examples live in `docs/rules/impact-quantified.md` and are tested.
 */
import {
  booleanOption,
  definePostmortemRule,
  findClockTimes,
  getImpact,
  type Impact,
  type ImpactRequirement,
  impactRequirements,
  impactVocabulary,
  listOfOption,
  minutesOf,
  type OptionsOf,
  type Postmortem,
  quantityMeets,
  report,
  type VagueQuantifier,
  vagueStandsFor,
  wordsOption
} from 'mdast-util-postmortem'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'

const options = {
  require: listOfOption(impactRequirements, {
    description:
      'kinds of quantity the impact must state; `users` is a share or count of people (users, customers, visitors, accounts, ...). By default any one quantity is enough'
  }),
  vague: booleanOption({default: true, description: 'report vague quantifiers'}),
  vagueWords: wordsOption({
    description: 'more vague quantifiers (words or phrases)',
    builtIn: impactVocabulary.vagueQuantifiers
  }),
  units: wordsOption({
    description: 'more nouns a count in the summary can be of',
    builtIn: [...impactVocabulary.peopleNouns, ...impactVocabulary.thingNouns],
    examples: ['user', 'customer', 'request', 'order', 'error', 'transaction', 'ticket', 'job', 'server']
  })
}

/** Options of `remark-lint-postmortem-impact-quantified`. */
export type Options = OptionsOf<typeof options>

const remarkLintPostmortemImpactQuantified = definePostmortemRule({
  name: 'impact-quantified',
  options,
  check(postmortem, file, settings) {
    // A link, a stub, a guide or an assignment's text gets one message from
    // `required-sections`; a stub that is an impact section alone is still checked.
    if (
      !postmortem.looksLikePostmortem &&
      (postmortem.notPostmortem !== 'stub' || postmortem.sectionsOf('impact').length === 0)
    )
      return
    const impact = getImpact(postmortem, {units: settings.units, vagueWords: settings.vagueWords})
    if (impact.statements.length === 0) {
      reportMissing(postmortem, file)
      return
    }
    const place = impactPlace(impact)
    const reported = new Set<VagueQuantifier>()
    const needs: Array<ImpactRequirement | 'any'> = settings.require.length > 0 ? [...settings.require] : ['any']
    for (const need of needs) {
      const met =
        need === 'any'
          ? impact.quantities.length > 0
          : impact.quantities.some((quantity) => quantityMeets(quantity, need))
      if (met) continue
      const vague = settings.vague
        ? impact.vague.filter((item) => vagueStandsFor(item, need) && !reported.has(item))
        : []
      for (const item of vague) {
        reported.add(item)
        report(file, vagueReason(item), {place: item.position, section: 'impact', actual: item.word})
      }
      if (vague.length > 0) continue
      // `from 10:00 to 10:40 UTC`: a start and an end, and no duration.
      const span = need === 'any' || need === 'duration' ? timeSpan(impact) : undefined
      if (span) {
        report(file, spanReason(span), {place: span.position, section: 'impact'})
        continue
      }
      report(file, missingReason(need), {place: labelledFor(impact, need) ?? place, section: 'impact'})
    }
  }
})

export default remarkLintPostmortemImpactQuantified

/** No statement of impact anywhere: point at the impact or summary heading, or the top. */
function reportMissing(postmortem: Postmortem, file: VFile): void {
  const {profile} = postmortem
  const impactSpec = profile.sections.find((spec) => spec.id === 'impact')
  const summarySpec = profile.sections.find((spec) => spec.id === 'summary')
  const where =
    impactSpec?.required || !summarySpec
      ? `an \`${impactSpec?.title ?? 'Impact'}\` section that says`
      : `the \`${summarySpec.title}\` to say`
  const section = postmortem.sectionsOf('impact')[0] ?? postmortem.sectionsOf('summary')[0]
  const place: Point | Position | undefined = section
    ? section.heading.position
    : postmortem.tree.position
      ? {line: 1, column: 1}
      : undefined
  report(
    file,
    `Unexpected postmortem with no impact statement, expected ${where} how many users were affected and for how long`,
    {place, section: 'impact'}
  )
}

/** Where a message about the whole impact points: the impact section's title, else the first statement. */
function impactPlace(impact: Impact): Position | undefined {
  const titled = impact.statements.find(
    (statement) => (statement.origin === 'impact' || statement.origin === 'label') && statement.section
  )
  if (titled?.section) return titled.section.heading.position ?? titled.position
  return impact.statements[0]?.position
}

interface TimeSpan {
  readonly from: string
  readonly to: string
  /** Minutes from the start to the end, when the end comes later the same day. */
  readonly minutes: number | undefined
  readonly position: Position | undefined
}

/** The first statement that gives a start and an end time of day and nothing more. */
function timeSpan(impact: Impact): TimeSpan | undefined {
  for (const statement of impact.statements) {
    const times = findClockTimes(statement.text).filter((time) => !time.relative)
    const [first, second] = times
    if (!first || !second) continue
    const minutes = minutesOf(second) - minutesOf(first)
    return {from: first.text, to: second.text, minutes: minutes > 0 ? minutes : undefined, position: statement.position}
  }
  return undefined
}

function spanReason(span: TimeSpan): string {
  const example =
    span.minutes === undefined
      ? '`for 2 hours`'
      : span.minutes < 120
        ? `\`for ${span.minutes} minutes\``
        : `\`for ${Math.floor(span.minutes / 60)} hours${span.minutes % 60 ? ` ${span.minutes % 60} minutes` : ''}\``
  return `Unexpected impact given as a start and an end time (\`${span.from}\` to \`${span.to}\`), expected how long it lasted (${example})`
}

/** Labels that say which kind of quantity their line should give (`Duration of outage:`). */
const kindLabels: Partial<Record<ImpactRequirement | 'any', RegExp>> = {
  duration: /^[^:]{0,40}\b(?:duration|downtime|outage|time to (?:recover|resolve))\b[^:]{0,40}:/i,
  users: /^[^:]{0,40}\b(?:users?|customers?|clients?) (?:affected|impacted)\b[^:]{0,40}:/i
}

/** A labelled line that states the kind `need` asks for without giving it: the place to say so. */
function labelledFor(impact: Impact, need: ImpactRequirement | 'any'): Position | undefined {
  const label = kindLabels[need]
  if (!label) return undefined
  return impact.statements.find((statement) => statement.origin === 'label' && label.test(statement.text))?.position
}

const missing: Readonly<Record<ImpactRequirement | 'any', string>> = {
  any: 'Unexpected impact with no quantity, expected how many (`40% of users`, `1,200 orders`), how long (`for 2 hours`) or how much (`$5,000`)',
  users:
    'Unexpected impact with no number of users affected, expected a share or a count (`40% of users`, `1,200 customers`)',
  duration: 'Unexpected impact with no duration, expected how long it lasted (`for 2 hours`, `45 minutes`)',
  share: 'Unexpected impact with no share, expected a percentage or a fraction (`40% of requests`, `one in ten`)',
  count: 'Unexpected impact with no count, expected a number of what was affected (`1,200 orders`)',
  money: 'Unexpected impact with no cost, expected an amount of money (`$5,000`, `€1.2k`)',
  rate: 'Unexpected impact with no rate, expected a rate or a latency (`500 errors per second`, `error rate 12%`, `p99 latency 4s`)',
  budget:
    'Unexpected impact with no SLO or error-budget figure, expected one (`burned 40% of the monthly error budget`)'
}

function missingReason(need: ImpactRequirement | 'any'): string {
  return missing[need]
}

function vagueReason(item: VagueQuantifier): string {
  const word = `Unexpected vague quantifier \`${item.word}\``
  switch (item.about) {
    case 'users':
    case 'count': {
      const noun = /s$|^(?:people|staff)$/i.test(item.noun) ? item.noun : impactVocabulary.pluralOf(item.noun)
      return `${word}, expected how many ${noun} as a share or a count (\`40% of ${noun}\`, \`1,200 ${noun}\`)`
    }
    case 'duration':
      return `${word}, expected how long as a duration (\`for 2 hours\`, \`45 minutes\`)`
    default:
      return `${word}, expected a number: a share, a count, a duration or a cost (\`40% of users\`, \`for 2 hours\`, \`$5,000\`)`
  }
}
