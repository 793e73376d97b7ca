// Postmortems generated for the benchmark: a whole document whose timeline or
// action-item list has a given number of entries, and a set of varied
// ordinary postmortems for the end-to-end runs. Deterministic (seeded), so
// every run measures the same text.

/** A small seeded generator (mulberry32), so the documents never change. */
export function random(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = (next, list) => list[Math.floor(next() * list.length)]

// Each event's numbers are drawn afresh too, and each postmortem of a folder
// has its own day (see `tasks`): a cache by a line's text gains nothing
// from the benchmark that it would not gain on real postmortems.
const events = [
  (n) => `Alert fired for elevated 5xx rate on the checkout API (${n % 50} errors per second)`,
  () => 'On-call engineer acknowledged the page and started investigating',
  (n) => `Deploy of api v2.${n % 30}.3 rolled out to ${5 + (n % 20) * 5}% of hosts`,
  (n) => `Database primary CPU reached ${80 + (n % 20)}%, replication lag grew to ${n % 60} s`,
  (n) => `Rolled back the deploy to v2.${n % 30}.2`,
  (n) => `Error rate back under 0.${1 + (n % 9)}%, monitoring continued`,
  (n) => `Customer support reported failed payments from ${100 + n} users`,
  (n) => `Increased the connection pool from ${50 + (n % 50)} to 200`,
  (n) => `Cache hit ratio dropped from 92% to ${10 + (n % 60)}%`,
  () => 'Incident declared resolved and status page updated'
]

// Each task's numbers are drawn afresh, so that the tasks of a folder are
// worded apart as a team's are: a cache of verdicts by wording gains nothing
// from the benchmark that it would not gain on real postmortems.
const tasks = [
  (n) => `Add an alert when disk usage on the database hosts passes ${50 + (n % 45)}%`,
  (n) => `Write a runbook for rolling back the payments service release ${n % 90}`,
  (n) => `Set a timeout of ${1 + (n % 9)} s on calls from checkout to the inventory service`,
  (n) => `Remove the unused feature flag \`legacy_cart_${n}\` from the config`,
  (n) => `Add a load test of ${100 + n * 10} requests per second to the release pipeline`,
  (n) => `Document the failover procedure for database cluster ${n}`,
  (n) => `Rotate the ${n % 40} API keys that appeared in the logs`,
  (n) => `Limit each client to ${10 + n} connections in the pool configuration`
]

const owners = ['@alice', '@bob', '@chen', '@dana', '@eve']

function pad(value) {
  return String(value).padStart(2, '0')
}

/** `2024-03-05 14:05` for minute `n` after 00:00 UTC on `day` days after 2024-03-05. */
function stamp(minute, day = 0) {
  const date = new Date(Date.UTC(2024, 2, 5 + day, 0, minute))
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`
}

function timelineEntries(count, next, day) {
  const lines = []
  for (let index = 0; index < count; index++) {
    lines.push(`- ${stamp(index * 3, day)} UTC: ${pick(next, events)(Math.floor(next() * 1000))}`)
  }
  return lines.join('\n')
}

function taskItems(count, next, day) {
  const lines = []
  for (let index = 0; index < count; index++) {
    const due = stamp(40_000 + index * 1440, day).slice(0, 10)
    lines.push(`- [ ] ${pick(next, tasks)(Math.floor(next() * 1000))} (owner: ${pick(next, owners)}, due ${due})`)
  }
  return lines.join('\n')
}

/**
 * A whole postmortem in the `generic` profile; `timeline` and `tasks` set how
 * many timeline entries and action items it has.
 */
export function postmortem({timeline = 6, tasks = 4, seed = 1} = {}) {
  const next = random(seed)
  // The incident's day, within two years of 2024-03-05.
  const day = seed % 730
  return `# Checkout outage on ${stamp(0, day).slice(0, 10)}

## Summary

From ${stamp(0).slice(11)} to ${stamp(95).slice(11)} UTC the checkout API returned errors for
a share of requests after a deploy exhausted the database connection pool.

## Impact

About ${1000 + Math.floor(next() * 9000)} customers (${5 + Math.floor(next() * 30)}% of checkout attempts) could not
pay for 95 minutes; roughly $${20 + Math.floor(next() * 80)},000 of orders were delayed.

## Timeline

All times are UTC.

${timelineEntries(timeline, next, day)}

## Root cause

Release v2.14.3 opened a new connection per request instead of taking one from
the pool, so the database ran out of connections under normal load.

## Resolution

The release was rolled back and the pool was resized; errors stopped within
five minutes.

## Action items

${taskItems(tasks, next, day)}
`
}

/** A timeline of `count` entries in an otherwise ordinary postmortem. */
export function timelineDocument(count) {
  return postmortem({timeline: count, tasks: 4, seed: count})
}

/** An action-item list of `count` tasks in an otherwise ordinary postmortem. */
export function taskDocument(count) {
  return postmortem({timeline: 6, tasks: count, seed: count + 1})
}

/** `count` ordinary postmortems of varied length, as a team's folder holds. */
export function postmortemFolder(count) {
  const next = random(2024)
  const files = []
  for (let index = 0; index < count; index++) {
    files.push({
      name: `postmortem-${String(index + 1).padStart(4, '0')}.md`,
      value: postmortem({timeline: 4 + Math.floor(next() * 30), tasks: 2 + Math.floor(next() * 8), seed: index + 7})
    })
  }
  return files
}

/**
 * The 500-line postmortem of the editor case: 250 timeline entries and 220
 * action items in an otherwise ordinary postmortem.
 */
export function editorDocument() {
  return postmortem({timeline: 250, tasks: 220, seed: 500})
}

/**
 * The same text with one character typed at `offset`, as an editor sends
 * after a keystroke: a letter added inside a word of the text.
 */
export function typed(text, offset, char) {
  return `${text.slice(0, offset)}${char}${text.slice(offset)}`
}
