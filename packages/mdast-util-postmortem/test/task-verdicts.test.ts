import type {Root} from 'mdast'
import {getPostmortem, getTasks, judgeTask, profiles} from 'mdast-util-postmortem'
import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'

// The preset turns on the GFM syntax follow-ups use.
const parser = unified().use(remarkParse).use(remarkPresetLintPostmortem)

/** The verdict on one task written as the only list item of a follow-up section. */
function verdictOf(task: string): string {
  const markdown = `# Checkout outage\n\n## Summary\n\nCheckout failed for 40 minutes on 5 March 2024.\n\n## Action items\n\n- ${task}\n`
  const tasks = getTasks(getPostmortem(parser.parse(markdown) as Root, profiles.generic, markdown)).tasks
  expect(tasks).toHaveLength(1)
  const problem = judgeTask(tasks[0] as never)
  return problem ? `${problem.kind}: ${problem.found}` : 'actionable'
}

// Tasks a careful reviewer accepts: a verb first (phrasal, derived and
// operations verbs included), a concrete object, and for goals, policies and
// exploration the mechanism, the enforcement or the deliverable.
const actionable: ReadonlyArray<readonly [string, string]> = [
  ['Add an index on orders.customer_id to the nightly migration', 'actionable'],
  ['Roll back release 42 when checkout errors exceed 2% for 5 minutes', 'actionable'],
  ['Back up the orders database before each schema migration', 'actionable'],
  ['Backfill the orders lost between 10:00 and 10:40 UTC from the queue', 'actionable'],
  ['Re-run the failed payment jobs from the dead-letter queue', 'actionable'],
  ['Deprovision the unused staging clusters in us-east-2', 'actionable'],
  ['Purge the CDN cache for /checkout after each deploy', 'actionable'],
  ['Provision a second Redis replica in eu-west-1', 'actionable'],
  ['Retry failed webhook deliveries three times with exponential backoff', 'actionable'],
  ['Rotate the database credentials stored in Vault', 'actionable'],
  ['Pin the nginx base image to 1.25.3', 'actionable'],
  ['Shard the orders table by customer id', 'actionable'],
  ['Cordon nodes whose disks report SMART errors', 'actionable'],
  ['Drain each node before upgrading its kernel', 'actionable'],
  ['Spin up a canary pool for the payment service', 'actionable'],
  ['Scale out the API workers to 12 pods during sales', 'actionable'],
  ['Tear down the legacy VPN gateway', 'actionable'],
  ['Uncordon the nodes once the disk check passes', 'actionable'],
  ['Reindex the search cluster after the mapping change', 'actionable'],
  ['Set up a pager alert on checkout 5xx above 1% for 5 minutes', 'actionable'],
  ['Page the on-call engineer when the queue depth exceeds 10,000', 'actionable'],
  ['Rate-limit login attempts to 5 per minute per IP', 'actionable'],
  ['Prevent duplicate charges by adding an idempotency key to POST /orders', 'actionable'],
  ['Reduce checkout latency with a read replica for the orders table', 'actionable'],
  ['Avoid cache stampedes by adding request coalescing in the CDN', 'actionable'],
  ['Mitigate SYN floods with SYN cookies on the edge load balancers', 'actionable'],
  ['Eliminate the single Redis instance by moving sessions to a Redis cluster', 'actionable'],
  ['Minimise deploy downtime through blue-green deploys of the API', 'actionable'],
  ['Harden the SSH bastion by disabling password logins', 'actionable'],
  ['Optimise the orders_by_customer query with a composite index', 'actionable'],
  ['Address the memory leak in the image resizer by upgrading libvips to 8.15', 'actionable'],
  ['Ensure backups are restored every week by a scheduled restore job', 'actionable'],
  ['Make sure migrations run in staging first with a CI gate', 'actionable'],
  ['Always run the schema linter in CI before merging migrations', 'actionable'],
  ['Ensure the TLS certificates renew automatically via cert-manager', 'actionable'],
  ['Investigate the slow queries and write up the findings in an RFC', 'actionable'],
  ['Look into the connection resets and decide whether to replace the proxy', 'actionable'],
  ['Explore alternative load balancers and decide on one by 2024-04-01', 'actionable'],
  ['Revisit the retry settings and document the decision in the runbook', 'actionable'],
  ['Discuss the alert thresholds with the SRE team and record the decision in ADR-12', 'actionable'],
  ['Review the alert thresholds every quarter', 'actionable'],
  ['Write a runbook for failed migrations', 'actionable'],
  ['Document the rollback steps in the deploy runbook', 'actionable'],
  ['Monitor the error budget of checkout until it is above 99.9% for 30 days', 'actionable'],
  ['Replace the cron-based cleanup with a Kubernetes CronJob', 'actionable'],
  ['Migrate session storage from Memcached to Redis', 'actionable'],
  ['Upgrade OpenSSL on all web servers to 3.0.13', 'actionable'],
  ['Remove the hard-coded API key from config.yml', 'actionable'],
  ["Restrict SSH access to the bastion's security group", 'actionable'],
  ['Enable slow query logging on the primary database', 'actionable'],
  ['Configure PgBouncer with a pool size of 200', 'actionable'],
  ['Increase the connection pool size to 200 connections', 'actionable'],
  ['Improve alerting for the checkout API with a p99 latency alert', 'actionable'],
  ['Move the batch jobs off the primary database to a replica', 'actionable'],
  ['Split the monolithic deploy job into per-service jobs', 'actionable'],
  ['Schedule a load test of checkout at 2x peak traffic before Black Friday', 'actionable'],
  ['Do not deploy schema changes and code in one release', 'actionable'],
  ['Archive the old audit logs to S3 Glacier', 'actionable'],
  ['Automate certificate renewal with certbot', 'actionable'],
  ['Disable the legacy /v1/orders endpoint', 'actionable'],
  ['Fail over the database to the standby in us-west-2 during the drill', 'actionable'],
  ['Monitoring: Add a p99 latency alert on checkout', 'actionable'],
  ['<b>Rotate</b> the database credentials &amp; the API keys', 'actionable'],
  ['Add an alert for [checkout errors](https://example.com/dash)', 'actionable']
]

// Tasks a careful reviewer sends back, with the reason the rule gives.
const notActionable: ReadonlyArray<readonly [string, string]> = [
  ['Script needs to be updated', 'not-a-verb: starts with the subject `Script` of `needs` (a statement, not a task)'],
  [
    'Monitoring should be added to the checkout service',
    'not-a-verb: starts with the subject `Monitoring` of `should` (a statement, not a task)'
  ],
  [
    'Team must review the deploy runbook',
    'not-a-verb: starts with the subject `Team` of `must` (a statement, not a task)'
  ],
  [
    'Backup was taken before the migration',
    'not-a-verb: starts with the subject `Backup` of `was` (a statement, not a task)'
  ],
  [
    'Load balancer needs a health check',
    'not-a-verb: starts with the subject `Load balancer` of `needs` (a statement, not a task)'
  ],
  [
    'Config file should be validated',
    'not-a-verb: starts with the subject `Config file` of `should` (a statement, not a task)'
  ],
  [
    'Outage went unnoticed for 40 minutes',
    'not-a-verb: starts with the subject `Outage` of `went` (a statement, not a task)'
  ],
  [
    'Database is a single point of failure',
    'not-a-verb: starts with the subject `Database` of `is` (a statement, not a task)'
  ],
  ['We need monitoring of the checkout service', 'not-a-verb: starts with the pronoun `We`'],
  ['Implementation of a review process for migrations', 'not-a-verb: starts with the noun `Implementation`'],
  ['Patched the payment worker', 'not-a-verb: starts with the past tense `Patched`'],
  ['Better monitoring of the checkout service', 'not-a-verb: starts with the adjective `Better`'],
  ['The deploy pipeline', 'not-a-verb: starts with the determiner `The`'],
  ['Prevent outages', 'no-mechanism: is a goal (`prevent` with no mechanism)'],
  ['Reduce latency', 'no-mechanism: is a goal (`reduce` with no mechanism)'],
  ['Avoid similar incidents', 'no-mechanism: is a goal (`avoid` with no mechanism)'],
  ['Mitigate the risk', 'no-mechanism: is a goal (`mitigate` with no mechanism)'],
  ['Address the root cause', 'no-mechanism: is a goal (`address` with no mechanism)'],
  ['Harden the servers', 'no-mechanism: is a goal (`harden` with no mechanism)'],
  ['Optimise the queries', 'no-mechanism: is a goal (`optimise` with no mechanism)'],
  ['Minimise downtime', 'no-mechanism: is a goal (`minimise` with no mechanism)'],
  ['Eliminate single points of failure', 'no-mechanism: is a goal (`eliminate` with no mechanism)'],
  ['Be more careful', 'wish: is a wish (`be more careful` names no action)'],
  ['Be more careful with database migrations', 'wish: is a wish (`be more careful` names no action)'],
  ['Communicate better with the support team', 'wish: is a wish (`communicate better` names no action)'],
  ['Learn from this incident', 'wish: is a wish (`learn from` names no action)'],
  ['Pay more attention to alerts', 'wish: is a wish (`pay more attention` names no action)'],
  ['Work together on incident response', 'wish: is a wish (`work together` names no action)'],
  ['Test more thoroughly', 'wish: is a wish (`test more thoroughly` names no action)'],
  ['Investigate the slow queries', 'open-ended: is open-ended (`investigate` with no deliverable)'],
  ['Look into the timeouts', 'open-ended: is open-ended (`look into` with no deliverable)'],
  ['Explore alternative load balancers', 'open-ended: is open-ended (`explore` with no deliverable)'],
  ['Revisit the retry settings', 'open-ended: is open-ended (`revisit` with no deliverable)'],
  ['Discuss the alerting thresholds', 'open-ended: is open-ended (`discuss` with no deliverable)'],
  ['Figure out why the cache fails', 'open-ended: is open-ended (`figure out` with no deliverable)'],
  ['Ensure backups work', 'no-mechanism: is a standing policy (`ensure` with nothing that enforces it)'],
  ['Make sure the config is correct', 'no-mechanism: is a standing policy (`make sure` with nothing that enforces it)'],
  [
    'Always run the migration in staging first',
    'no-mechanism: is a standing policy (`always` with nothing that enforces it)'
  ],
  ['Never deploy on Fridays', 'no-mechanism: is a standing policy (`never` with nothing that enforces it)'],
  [
    'Ensure all configuration changes are thoroughly tested',
    'no-mechanism: is a standing policy (`ensure` with nothing that enforces it)'
  ],
  ['Restrict privileges for certain users', 'vague: is vague (`certain users` specifies nothing)'],
  ['Apply sane pipeline triggers', 'vague: is vague (`sane pipeline triggers` specifies nothing)'],
  ['Add proper validation', 'vague: is vague (`proper validation` specifies nothing)'],
  ['Implement a stricter review process', 'vague: is vague (`a stricter review process` names nothing in particular)'],
  ['Apply similar fixes to other services', 'vague: is vague (`similar fixes` specifies nothing)'],
  ['Add some tests for the checkout retry path', 'vague: is vague (`some tests` specifies nothing)'],
  ['Implement best practices for database connections', 'vague: is vague (`best practices` specifies nothing)'],
  ['Improve monitoring', 'vague: is vague (`improve` with no concrete object)'],
  ['Enhance testing', 'vague: is vague (`enhance` with no concrete object)'],
  ['Strengthen security', 'vague: is vague (`strengthen` with no concrete object)'],
  ['Add monitoring system', 'vague: is vague (`monitoring system` names nothing in particular)'],
  ['Continue to watch the error rate', 'open-ended: is open-ended (`continue` never ends)'],
  ['Maintain the servers', 'open-ended: is open-ended (`maintain` never ends)'],
  ['Consider sharding the orders table', 'open-ended: is open-ended (`consider` defers the decision)'],
  ['Regularly review the alert thresholds', 'open-ended: is open-ended (`regularly` with no cadence)'],
  ['Conduct regular audits of the database settings', 'open-ended: is open-ended (`regular` with no cadence)'],
  ['Shard the orders table?', 'open-ended: is an open question'],
  ['Fix', 'too-short: has 1 word'],
  ['Keep an eye on the disk usage', 'open-ended: is open-ended (`keep an eye` never ends)'],
  ['Try to deploy less often on Fridays', 'open-ended: is open-ended (`try to` never ends)'],
  ['Work on reliability', 'open-ended: is open-ended (`work on` never ends)'],
  ['Increase awareness', 'vague: is vague (`increase` with no concrete object)'],
  ['**Alerting:** Improve monitoring', 'vague: is vague (`improve` with no concrete object)'],
  [
    'Update Flask config: Ensure that configs are clearly defined',
    'no-mechanism: is a standing policy (`ensure` with nothing that enforces it)'
  ],
  ['<span>Enhance</span> logging', 'vague: is vague (`enhance` with no concrete object)']
]

describe('the verdict on a task', () => {
  it('has at least 60 tasks of each kind', () => {
    expect(actionable.length).toBeGreaterThanOrEqual(60)
    expect(notActionable.length).toBeGreaterThanOrEqual(60)
    expect(actionable.every(([, verdict]) => verdict === 'actionable')).toBe(true)
    expect(notActionable.every(([, verdict]) => verdict !== 'actionable')).toBe(true)
  })

  it.each(actionable)('%s: %s', (task, verdict) => {
    expect(verdictOf(task)).toBe(verdict)
  })

  it.each(notActionable)('%s: %s', (task, verdict) => {
    expect(verdictOf(task)).toBe(verdict)
  })
})
