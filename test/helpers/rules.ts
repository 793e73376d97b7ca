import type {Root} from 'mdast'
import {rules} from 'remark-preset-lint-postmortem'
import type {Plugin} from 'unified'

/** The rule plugin whose messages carry `ruleId` (`postmortem-timeline-order`). */
export function ruleByName(ruleId: string): Plugin<[unknown?], Root> {
  const rule = rules.find((plugin) => plugin.name === `remark-lint:${ruleId}`)
  if (!rule) throw new Error(`No rule \`${ruleId}\` in the preset`)
  return rule
}
