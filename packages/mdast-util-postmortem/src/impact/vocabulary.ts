/**
 * The words the impact model reads, kept as data so that a team can extend
 * them (rule options `units` and `vagueWords`). Words are lower case and
 * singular; plurals are derived.
 */

import {lookupTable} from '../normalize.js'

/** Who can be affected: a count or share of these is about users. */
export const peopleNouns: readonly string[] = [
  'user',
  'customer',
  'client',
  'visitor',
  'subscriber',
  'member',
  'person',
  'people',
  'student',
  'account',
  'tenant',
  'merchant',
  'seller',
  'buyer',
  'shopper',
  'player',
  'developer',
  'employee',
  'staff',
  'team',
  'organisation',
  'organization',
  'org',
  'company',
  'business',
  'patient',
  'reader',
  'viewer',
  'caller',
  'consumer',
  'partner',
  'contributor',
  'maintainer',
  'agent',
  'driver',
  'rider',
  'guest',
  'household'
]

/** What else a count of effect is about: requests, orders, machines, ... */
export const thingNouns: readonly string[] = [
  'request',
  'req',
  'query',
  'call',
  'transaction',
  'order',
  'payment',
  'purchase',
  'checkout',
  'booking',
  'reservation',
  'error',
  'failure',
  'timeout',
  'exception',
  'crash',
  'ticket',
  'complaint',
  'inquiry',
  'enquiry',
  'incident',
  'alert',
  'page',
  'message',
  'email',
  'notification',
  'job',
  'build',
  'deployment',
  'deploy',
  'pipeline',
  'test',
  'pod',
  'node',
  'server',
  'host',
  'instance',
  'machine',
  'container',
  'vm',
  'cluster',
  'service',
  'database',
  'shard',
  'region',
  'zone',
  'datacenter',
  'site',
  'website',
  'domain',
  'repository',
  'repo',
  'package',
  'record',
  'row',
  'event',
  'session',
  'login',
  'sign-in',
  'signup',
  'sign-up',
  'download',
  'upload',
  'pull request',
  'pr',
  'commit',
  'merge',
  'app',
  'application',
  'device',
  'endpoint',
  'api',
  'connection',
  'packet',
  'hit',
  'view',
  'pageview',
  'visit',
  'item',
  'product',
  'listing',
  'post',
  'file',
  'object',
  'invoice',
  'shipment',
  'delivery',
  'report',
  'launch',
  'run',
  'workflow',
  'check',
  'lookup',
  'traffic'
]

/** Units of time: a number with one of these is a duration. */
export const timeUnits: Readonly<Record<string, number | undefined>> = lookupTable({
  ms: 0.001,
  millisecond: 0.001,
  milliseconds: 0.001,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  mn: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86_400,
  day: 86_400,
  days: 86_400,
  w: 604_800,
  wk: 604_800,
  wks: 604_800,
  week: 604_800,
  weeks: 604_800,
  month: 2_592_000,
  months: 2_592_000
})

/** Spelled-out numbers. */
export const numberWords: Readonly<Record<string, number | undefined>> = lookupTable({
  zero: 0,
  one: 1,
  single: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12
})

/** Words that multiply the number before them (`1.2 million`, `3k`). */
export const magnitudes: Readonly<Record<string, number | undefined>> = lookupTable({
  hundred: 100,
  thousand: 1000,
  k: 1000,
  million: 1_000_000,
  mm: 1_000_000,
  mil: 1_000_000,
  billion: 1_000_000_000,
  bn: 1_000_000_000
})

/** `hundreds of users`: an order of magnitude is a quantity too. */
export const magnitudePlurals: readonly string[] = ['dozens', 'hundreds', 'thousands', 'millions', 'billions']

/** Fractions in words: `half of`, `two thirds of`, `a quarter of`. */
export const fractionWords: Readonly<Record<string, number | undefined>> = lookupTable({
  half: 1 / 2,
  halves: 1 / 2,
  third: 1 / 3,
  thirds: 1 / 3,
  quarter: 1 / 4,
  quarters: 1 / 4,
  fifth: 1 / 5,
  fifths: 1 / 5,
  tenth: 1 / 10,
  tenths: 1 / 10
})

/** Currency signs and codes. */
export const currencySymbols: readonly string[] = ['$', '€', '£', '¥', '₹']
export const currencyWords: readonly string[] = [
  'usd',
  'eur',
  'gbp',
  'jpy',
  'cad',
  'aud',
  'chf',
  'inr',
  'dollar',
  'dollars',
  'euro',
  'euros',
  'pound',
  'pounds'
]

/**
 * Vague quantifiers that stand in for a number when they qualify who or
 * what was affected (`some users`, `a significant slowdown`). Extend with
 * the rule's `vagueWords` option.
 */
export const vagueQuantifiers: readonly string[] = [
  'some',
  'many',
  'multiple',
  'several',
  'most',
  'a lot of',
  'lots of',
  'a large number of',
  'a number of',
  'a significant number of',
  'a large portion of',
  'a portion of',
  'a majority of',
  'the majority of',
  'a handful of',
  'a bunch of',
  'a few',
  'few',
  'numerous',
  'countless',
  'various',
  'significant',
  'significantly',
  'substantial',
  'considerable',
  'massive',
  'widespread'
]

/**
 * Nouns and verbs of effect: a vague quantifier followed by one of these
 * (`significant slowdown`, `significantly impacted`) stands for a number.
 */
export const effectWords: readonly string[] = [
  'impact',
  'impacted',
  'affected',
  'outage',
  'downtime',
  'disruption',
  'interruption',
  'slowdown',
  'delay',
  'decrease',
  'increase',
  'drop',
  'loss',
  'degradation',
  'degraded',
  'damage',
  'revenue',
  'traffic',
  'latency',
  'number',
  'amount',
  'portion',
  'part',
  'share',
  'fraction',
  'percentage',
  'reduced',
  'increased',
  'dropped',
  'decreased',
  'disrupted',
  'delayed',
  'slowed',
  'hampered',
  'hit'
]

/** Nouns of time after a vague quantifier: `some time`, `several hours`. */
export const timeNouns: readonly string[] = ['time', 'while', 'period', 'moment', ...Object.keys(timeUnits)].filter(
  (word) => word.length > 2
)

/**
 * Labels and headings that state the impact outside an `Impact` section:
 * `Duration: 3 hours`, `Users affected: 1,200`, `## Outage duration`.
 */
export const impactLabels: readonly string[] = [
  'duration',
  'outage duration',
  'duration of the outage',
  'duration of outage',
  'duration of the incident',
  'incident duration',
  'downtime',
  'total downtime',
  'total time',
  'total time down',
  'time down',
  'total outage',
  'outage length',
  'length of outage',
  'length of the outage',
  'users affected',
  'affected users',
  'customers affected',
  'affected customers',
  'affected user',
  'affected services',
  'services affected',
  'affected',
  'scope',
  'severity and impact',
  'impact',
  'user impact',
  'customer impact',
  'business impact',
  'reputational impact',
  'financial impact',
  'revenue impact'
]

/**
 * Words that make a summary sentence a statement of impact: it says who or
 * what was affected, how, or for how long. Prefixes: `affect` covers
 * `affected` and `affecting`.
 */
export const effectCues: readonly string[] = [
  'affect',
  'impact',
  'user',
  'customer',
  'client',
  'visitor',
  'subscriber',
  'people',
  'outage',
  'downtime',
  'down',
  'offline',
  'unavailab',
  'inaccessib',
  'inaccessb',
  'unreachab',
  'unable',
  'unusable',
  'could not',
  'couldn',
  'cannot',
  'fail',
  'error',
  'lasted',
  'lasting',
  'duration',
  'disrupt',
  'degrad',
  'slow',
  'latenc',
  'timeout',
  'timed out',
  'lost',
  'loss',
  'revenue',
  'broke',
  'interrupt',
  'crash',
  'denied',
  'delay',
  'traffic',
  'request',
  'transaction',
  'order',
  'ticket',
  'complain',
  'reported',
  'stopped',
  'halt',
  'compromis',
  'exposed',
  'breach',
  'leak',
  'ran out',
  'exhaust',
  'damage',
  'issue',
  'incident',
  'problem',
  'recover',
  'restored',
  'resolved',
  'went down',
  'unresponsive',
  'inconvenien'
]

/** Context that makes a number a rate or a latency: `error rate 12%`, `p99 latency 4s`. */
export const rateContext: readonly string[] = [
  'rate',
  'rates',
  'ratio',
  'latency',
  'latencies',
  'throughput',
  'rps',
  'qps'
]

/** Context that makes a number an SLO or error-budget figure. */
export const budgetContext: readonly string[] = [
  'budget',
  'slo',
  'slos',
  'sla',
  'slas',
  'availability',
  'uptime',
  'nines',
  'burn',
  'burned',
  'burnt',
  'burning'
]

/** Words after an HTTP status code that make it the name of an error kind. */
export const statusFollowers: readonly string[] = [
  'error',
  'errors',
  'response',
  'responses',
  'status',
  'statuses',
  'code',
  'codes',
  'internal',
  'service',
  'bad',
  'gateway',
  'not',
  'forbidden',
  'unauthorized',
  'too',
  'page',
  'pages',
  'http',
  'server'
]

/** Words after a number that are not what it counts. */
export const notCounted: readonly string[] = [
  'am',
  'pm',
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'at',
  'by',
  'for',
  'from',
  'with',
  'was',
  'were',
  'is',
  'are',
  'has',
  'had',
  'have',
  'this',
  'that',
  'these',
  'those',
  'its',
  'their',
  'our',
  'we',
  'it',
  'as',
  'us',
  'his',
  'her',
  'yes',
  'less',
  'plus',
  'across',
  'utc',
  'gmt',
  'times',
  'status',
  'percent',
  'versions',
  'version',
  'release',
  'releases',
  'steps',
  'lines',
  'ports',
  'thing',
  'things',
  'way',
  'ways',
  'reason',
  'reasons',
  'point',
  'points',
  'option',
  'options',
  'issue',
  'issues'
]

/**
 * Names a number after which identifies, not counts: `version 2`, `Node
 * 18`, `Python 3`, `Ubuntu 22`, `release 42` (`IPv6`, `v2` are one word).
 */
export const identifierWords: readonly string[] = [
  'version',
  'versions',
  'ver',
  'v',
  'release',
  'build',
  'node',
  'nodejs',
  'js',
  'python',
  'ubuntu',
  'debian',
  'centos',
  'rhel',
  'fedora',
  'alpine',
  'java',
  'jdk',
  'php',
  'ruby',
  'rails',
  'django',
  'postgres',
  'postgresql',
  'mysql',
  'redis',
  'kubernetes',
  'k8s',
  'ipv',
  'windows',
  'macos',
  'ios',
  'android',
  'chrome',
  'firefox',
  'openssl',
  'tls',
  'golang',
  'elasticsearch',
  'kafka'
]

/** Words that multiply: a change stated as a factor (`twice`, `doubled`, `tenfold`). */
export const multiplierWords: readonly string[] = [
  'twice',
  'thrice',
  'doubled',
  'doubling',
  'tripled',
  'tripling',
  'quadrupled',
  'halved',
  'twofold',
  'threefold',
  'fourfold',
  'fivefold',
  'tenfold',
  'hundredfold'
]

/** Month and weekday names: a number next to them is a date. */
export const calendarWords: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday'
]

/** The plural of a singular noun, as English usually forms it. */
export function pluralOf(word: string): string {
  if (/(?:s|x|z|ch|sh)$/.test(word)) return word + 'es'
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies'
  return word + 's'
}

/** A set of nouns with their plurals, lower case. */
export function nounSet(words: Iterable<string>): Set<string> {
  const set = new Set<string>()
  for (const word of words) {
    const lower = word.toLowerCase().trim()
    if (lower === '') continue
    set.add(lower)
    set.add(pluralOf(lower))
  }
  return set
}
