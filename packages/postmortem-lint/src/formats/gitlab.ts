import {createHash} from 'node:crypto'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {relativePath, severityOf, sortedMessages} from './messages.js'

/** One issue of a GitLab Code Quality report. */
export interface GitlabIssue {
  readonly description: string
  readonly check_name: string
  readonly fingerprint: string
  readonly severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker'
  readonly location: {readonly path: string; readonly lines: {readonly begin: number}}
}

/**
 * A GitLab Code Quality report (`artifacts: reports: codequality`): a JSON
 * array with an issue per message. Paths are relative to `root` (the
 * repository's top folder). The fingerprint is a hash of the path, the rule,
 * the text and how many times the same text came before in the file, not of
 * the line: an issue keeps its fingerprint when lines are added above it, so
 * GitLab does not see it as fixed and new again.
 */
export function formatGitlab(files: readonly VFile[], root: string): string {
  const issues: GitlabIssue[] = []
  for (const file of files) {
    const filePath = relativePath(file, root)
    const seen = new Map<string, number>()
    for (const message of sortedMessages(file)) {
      const checkName = message.ruleId ?? message.source ?? 'postmortem-lint'
      const key = JSON.stringify([filePath, checkName, message.reason])
      const occurrence = seen.get(key) ?? 0
      seen.set(key, occurrence + 1)
      issues.push({
        description: message.reason,
        check_name: checkName,
        fingerprint: createHash('sha256').update(`${key}#${occurrence}`).digest('hex'),
        severity: severity(message),
        location: {path: filePath, lines: {begin: message.line ?? 1}}
      })
    }
  }
  return JSON.stringify(issues, null, 2) + '\n'
}

function severity(message: VFileMessage): GitlabIssue['severity'] {
  const level = severityOf(message)
  return level === 'error' ? 'major' : level === 'warning' ? 'minor' : 'info'
}
