import {findQuantities, findVagueQuantifiers, quantityVocabulary} from 'mdast-util-postmortem'
import {describe, expect, it} from 'vitest'

const vocabulary = quantityVocabulary()

/** `kind:text`, with `*` when the quantity is about users. */
function read(text: string, anyNoun = false, words = vocabulary): string[] {
  return findQuantities(text, words, {anyNoun}).map(
    (match) => `${match.kind}:${text.slice(match.start, match.end)}${match.users ? '*' : ''}`
  )
}

describe('quantities of effect', () => {
  it.each([
    ['40% of users', ['share:40% of users*']],
    ['affecting approximately 30% of our users', ['share:30% of our users*']],
    ['a 300% increase', ['share:300%']],
    ['average response time increase of 300%', ['rate:300%']],
    ['100 percent of the web server was offline', ['share:100 percent of the web server']],
    ['0.1% of traffic', ['share:0.1% of traffic']],
    ['40% of customer websites', ['share:40% of customer websites']],
    ['half of the requests', ['share:half of the requests']],
    ['one in ten users', ['share:one in ten users*']],
    ['two thirds of our customers', ['share:two thirds of our customers*']],
    ['10 out of 12 nodes', ['share:10 out of 12 nodes']],
    ['3/10 servers', ['share:3/10 servers']]
  ])('reads the share in %j', (text, expected) => {
    expect(read(text)).toEqual(expected)
  })

  it.each([
    ['1,200 orders failed', ['count:1,200 orders']],
    ['12 unique visitors', ['count:12 unique visitors*']],
    ['three major clients asked why', ['count:three major clients*']],
    ['twenty five users', ['count:twenty five users*']],
    ['1.5k users', ['count:1.5k users*']],
    ['Estimated 1.21B queries lost', ['count:1.21B queries']],
    ['No user impact', ['count:No user*']],
    ['one of our nodes ran out of file watches', ['count:one of our nodes']],
    ['One team reported timeouts', ['count:One team*']],
    ['the single user (me)', ['count:single user*']],
    ['hundreds of customers', ['count:hundreds of customers*']],
    ['no "customers" were impacted', ['count:no "customers*']],
    ['Users affected: One', ['count:One*']],
    ['Affected users | 340', ['count:340*']]
  ])('reads the count in %j', (text, expected) => {
    expect(read(text)).toEqual(expected)
  })

  it.each([
    ['$50,000', ['money:$50,000']],
    ['€1.2k of refunds', ['money:€1.2k']],
    ['USD 3,000', ['money:USD 3,000']],
    ['3,000 USD', ['money:3,000 USD']],
    ['$2M in lost revenue', ['money:$2M']],
    ['$1.5 million', ['money:$1.5 million']],
    ['50 thousand dollars', ['money:50 thousand dollars']]
  ])('reads the money in %j', (text, expected) => {
    expect(read(text)).toEqual(expected)
  })

  it.each([
    ['for 3 hours', ['duration:3 hours']],
    ['2h 15m', ['duration:2h 15m']],
    ['unusable for about 1h50m', ['duration:1h50m']],
    ['under 3hrs', ['duration:3hrs']],
    ['a 47 minute period', ['duration:47 minute']],
    ['bounded by around 4-5 hours', ['duration:4-5 hours']],
    ['This effect lasted approximately nine hours', ['duration:nine hours']],
    ['for about an hour', ['duration:an hour']],
    ['half an hour', ['duration:half an hour']],
    ['a timeout of 300s', ['duration:300s']],
    ['1 hour and 30 minutes', ['duration:1 hour', 'duration:30 minutes']],
    ['a 40-minute outage', ['duration:40-minute']],
    ['a 3-hour degradation', ['duration:3-hour']],
    ['a two-day backlog', ['duration:two-day']],
    ['a twenty-minute gap', ['duration:twenty-minute']]
  ])('reads the duration in %j', (text, expected) => {
    expect(read(text)).toEqual(expected)
  })

  it.each([
    ['500 req/s', ['rate:500 req/s']],
    ['500 errors per second', ['rate:500 errors per second']],
    ['12 errors a minute', ['rate:12 errors a minute']],
    ['the error rate rose to 12%', ['rate:12%']],
    ['p99 latency 4s', ['rate:4s']],
    ['latency went from 200ms to 4s', ['rate:200ms', 'rate:4s']],
    ['200ms p95', ['rate:200ms']],
    ['3x slower', ['rate:3x']],
    ['checkout errors doubled', ['rate:doubled']],
    ['latency was twice the usual', ['rate:twice']],
    ['the error rate rose tenfold', ['rate:tenfold']],
    ['queue depth grew 10-fold', ['rate:10-fold']],
    ['a three-fold rise in timeouts', ['rate:three-fold']]
  ])('reads the rate in %j', (text, expected) => {
    expect(read(text)).toEqual(expected)
  })

  it.each([
    ['we burned 40% of the monthly error budget', ['budget:40% of the monthly error budget']],
    ['availability fell to 97.5%', ['budget:97.5%']],
    ['an SLO of 99.9%', ['budget:99.9%']]
  ])('reads the SLO or error-budget figure in %j', (text, expected) => {
    expect(read(text)).toEqual(expected)
  })

  it.each([
    'On 5 March 2024 at 10:30 UTC',
    'from 10:00 to 12:30',
    'at 5pm',
    'at 00:00 hours',
    'On May 10th, 2024',
    'On Monday 20. January',
    'on 03/05/2024 and 2024-03-05 and 03-30-17',
    'May 12 users',
    'web-01 and web-02',
    'an isolated Ubuntu 14.04 container',
    'from version 1.13 to 1.14',
    'CVE-2021-44228, #1234, UTC-5, 0x19, Log4J, apache2',
    'returned 500 errors',
    'a 503 error for anyone',
    '503 Service Unavailable',
    '500 Internal Server Error',
    'HTTP 500s',
    'the 500 status code',
    'port 8080, Line 137, step 3',
    'an -1 ENOENT error',
    '200 A-ok',
    'all users were affected',
    'users on version 2 of the app',
    'workers on Node 18 and Python 3 crashed',
    'hosts on Ubuntu 22 and Debian 12 nodes',
    'clients on IPv6, v2 and Node.js 20 errors',
    'release 42 orders page'
  ])('finds no quantity in %j', (text) => {
    expect(read(text)).toEqual([])
  })

  it('counts any plural noun only where asked (an impact section)', () => {
    expect(read('3 casks were compromised')).toEqual([])
    expect(read('3 casks were compromised', true)).toEqual(['count:3 casks'])
    expect(read('A single cask was compromised', true)).toEqual(['count:A single cask'])
    expect(read('in 2019 things broke', true)).toEqual([])
    expect(read('one thing went wrong', true)).toEqual([])
  })

  it('takes more count nouns from the vocabulary', () => {
    expect(read('12 broken casks', false, quantityVocabulary({units: ['cask']}))).toEqual(['count:12 broken casks'])
  })

  it('gives offsets into the text', () => {
    const [match] = findQuantities('Approximately 60% of our users', vocabulary)
    expect(match).toEqual({kind: 'share', start: 14, end: 30, text: '60% of our users', users: true, noun: 'users'})
  })
})

describe('vague quantifiers', () => {
  function vague(text: string, words = vocabulary): string[] {
    return findVagueQuantifiers(text, words).map((match) => `${match.word}/${match.about}/${match.noun}`)
  }

  it.each([
    ['some users', ['some/users/users']],
    ['Multiple users reported failed payments', ['Multiple/users/users']],
    ['many requests', ['many/count/requests']],
    ['most of our users', ['most/users/users']],
    ['a large number of other pods', ['a large number of/count/pods']],
    ['a significant slowdown', ['significant/any/slowdown']],
    ['significant customer frustration', ['significant/any/customer']],
    ['significantly impacted', ['significantly/any/impacted']],
    ['for several hours', ['several/duration/hours']],
    ['a few minutes', ['a few/duration/minutes']],
    ['numerous complaints', ['numerous/count/complaints']]
  ])('finds %j', (text, expected) => {
    expect(vague(text)).toEqual(expected)
  })

  it.each(['some knowledge of URLs', 'at most 16 hours', 'the most critical service', 'some 200 users', 'several'])(
    'finds none in %j',
    (text) => {
      expect(vague(text)).toEqual([])
    }
  )

  it('takes more vague words from the vocabulary', () => {
    expect(vague('Loads of customers saw timeouts')).toEqual([])
    expect(vague('Loads of customers saw timeouts', quantityVocabulary({vagueWords: ['loads of']}))).toEqual([
      'Loads of/users/customers'
    ])
  })
})
