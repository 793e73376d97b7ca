/**
 * What each postmortem rule checks, for reports that describe their rules
 * (SARIF: code scanning shows it next to each alert). The full description
 * is the opening paragraph of the rule's docs page, which a test keeps equal.
 */
export interface RuleDoc {
  /** A line: what holds when the rule is happy. */
  readonly short: string
  /** The opening paragraph of the docs page, on one line. */
  readonly full: string
}

export const ruleDocs: Readonly<Record<string, RuleDoc>> = {
  'postmortem-required-sections': {
    short: 'The postmortem has the sections its template asks for',
    full: 'Checks that a postmortem has the sections its template asks for, written as real headings, with something in them.'
  },
  'postmortem-timeline-order': {
    short: 'The timeline goes forward in time',
    full: "Checks that the entries of a postmortem's timeline go forward in time."
  },
  'postmortem-timeline-timezone': {
    short: 'The times of the timeline are in one stated timezone',
    full: "Checks that the times of a postmortem's timeline are in one timezone that the document states, with the right name for the date."
  },
  'postmortem-impact-quantified': {
    short: 'The impact is told in numbers',
    full: 'Checks that a postmortem says how bad the incident was in numbers: how many users or requests were affected, for how long, what it cost.'
  },
  'postmortem-actionable-tasks': {
    short: 'The follow-ups are tasks someone can pick up and close',
    full: 'Checks that the follow-ups of a postmortem are a list of tasks someone can pick up and close: each starts with a verb, says what it changes, and ends (with an owner, a due date or a ticket, when the team asks for them).'
  }
}
