import {readFileSync} from 'node:fs'
import type {PostmortemRule} from 'mdast-util-postmortem'
import type {VFileMessage} from 'vfile-message'
import {type LintOptions, lint, placeText} from './lint.js'

/** Read fixtures of one topic: `fixtureReader('timeline')('midnight.md')`. */
export function fixtureReader(topic: string): (name: string) => string {
  const base = new URL(`../../fixtures/${topic}/`, import.meta.url)
  return (name) => readFileSync(new URL(name, base), 'utf8')
}

/**
 * Lint with the preset, the rule configured with `options` (whose `profile`
 * also goes to the preset), and keep only the rule's messages.
 */
export function ruleHarness(rule: PostmortemRule) {
  async function messagesOf(
    markdown: string,
    options?: Record<string, unknown>,
    more: LintOptions = {}
  ): Promise<VFileMessage[]> {
    const profile = options?.profile
    const messages = await lint(markdown, {
      preset: profile ? {profile} : undefined,
      plugins: options ? [[rule, options]] : [],
      ...more
    })
    return messages.filter((message) => message.ruleId === rule.ruleId)
  }

  /** `line:column-line:column: reason` for each message. */
  async function reasons(markdown: string, options?: Record<string, unknown>): Promise<string[]> {
    return (await messagesOf(markdown, options)).map((message) => `${placeText(message)}: ${message.reason}`)
  }

  return {messagesOf, reasons}
}
