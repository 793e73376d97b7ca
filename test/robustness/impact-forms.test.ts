/**
 * Every way of stating an impact, in every place it is written: a
 * quantified impact gets no message from the impact rule, a vague one gets
 * exactly one. The documents are generated, so the forms are read as forms.
 */
import {describe, expect, it} from 'vitest'
import {lintText, timelineToResolution} from './support.js'

/** Impacts with numbers: who or what was affected, how many, for how long, what it cost. */
const quantified = [
  '40% of users could not check out for 35 minutes.',
  'About 1,200 customers saw errors at checkout for two hours.',
  'Checkout failed for one in ten customers over 45 minutes.',
  'Roughly half of all payment requests failed between the deploy and the rollback, 50 minutes in all.',
  '3 of our 12 API nodes went down for 20 minutes, and 8% of requests failed.',
  'We lost an estimated $12,000 in orders during the 40-minute outage.',
  'The error rate rose to 12% for 25 minutes; p99 latency reached 4s.',
  'The outage burned 30% of the monthly error budget.',
  'Availability fell to 97.5% over the day.',
  'Hundreds of customers could not log in for about an hour.',
  'Users affected: 340. Duration: 1h 15m.',
  'No customer data was lost; 2,300 uploads were delayed by up to 3 hours.',
  'Logins were three times slower than usual for 90 minutes.',
  'Thousands of customers saw a blank page for nearly 2 hours.',
  'Every one of our 4,000 merchants lost card payments for 18 minutes.',
  'The incident lasted 1h50m and affected 7% of active sessions.',
  'Approximately 25k API calls returned 5xx errors over a 30 min window.'
]

/** Impacts without a number: the writer knows how bad it was, the reader does not. */
const vague = [
  'Some users could not check out.',
  'Many customers were affected.',
  'A few requests failed.',
  'Several users reported errors.',
  'Users were affected.',
  'Customers could not pay for a while.',
  'Checkout was slow for some time.',
  'A number of users had trouble logging in.',
  'Most customers were unable to complete purchases.',
  'There was significant impact on payments.'
]

/** Where the impact is written. */
const places: Array<[string, (impact: string) => {section: string; summary?: string}]> = [
  ['an Impact section', (impact) => ({section: `## Impact\n\n${impact}`})],
  ['a Customer impact section', (impact) => ({section: `## Customer impact\n\n${impact}`})],
  ['a list under Impact', (impact) => ({section: `## Impact\n\n- ${impact}`})],
  ['a bold Impact line', (impact) => ({section: `**Impact**\n\n${impact}`})],
  ['an Impact: label', (impact) => ({section: `Impact: ${impact}`})],
  ['a bold Impact: label', (impact) => ({section: `**Impact:** ${impact}`})],
  ['an Impact heading, deeper', (impact) => ({section: `### Impact\n\n${impact}`})],
  ['a Who was affected heading', (impact) => ({section: `## Who was affected\n\n${impact}`})],
  ['a table row', (impact) => ({section: `## Impact\n\n| Area | Impact |\n| --- | --- |\n| Checkout | ${impact} |`})],
  ['a nested list', (impact) => ({section: `## Impact\n\n- Checkout\n  - ${impact}`})],
  ['a quote under Impact', (impact) => ({section: `## Impact\n\n> ${impact}`})]
]

function document(place: {section: string; summary?: string}): string {
  return [
    '# Checkout outage',
    '',
    '## Summary',
    '',
    place.summary ?? 'On 5 March 2024 a configuration deploy broke the checkout service.',
    '',
    place.section,
    '',
    ...timelineToResolution,
    '## Action items',
    '',
    '- Add a schema check of the configuration to the deploy pipeline (owner: Ana, due 2024-04-01)',
    ''
  ].join('\n')
}

function impactMessages(text: string) {
  return lintText(text).filter((message) => message.ruleId === 'postmortem-impact-quantified')
}

describe('every impact in every place', () => {
  for (const [placeName, place] of places) {
    it(`${placeName}: quantified impacts pass`, () => {
      const found = quantified.map((impact) => [impact, impactMessages(document(place(impact))).map((m) => m.reason)])
      expect(found.filter(([, reasons]) => (reasons as string[]).length > 0)).toEqual([])
    })
    it(`${placeName}: vague impacts get one message`, () => {
      const found = vague.map((impact) => [impact, impactMessages(document(place(impact))).length])
      expect(found.filter(([, count]) => count !== 1)).toEqual([])
    })
  }
})
