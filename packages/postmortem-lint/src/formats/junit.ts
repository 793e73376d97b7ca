import type {VFile} from 'vfile'
import {relativePath, severityOf, sortedMessages} from './messages.js'

/**
 * A JUnit XML report (for CI tools that show test results: GitLab, Jenkins,
 * Azure Pipelines, ...): one test case per file, named by its path, with one
 * `<failure>` when the file has warnings or errors, whose text lists them
 * (`line:column severity reason (ruleId)`, a line each).
 */
export function formatJunit(files: readonly VFile[], cwd: string): string {
  const cases: string[] = []
  let failures = 0
  for (const file of files) {
    const name = escapeXml(relativePath(file, cwd))
    const messages = sortedMessages(file).filter((message) => severityOf(message) !== 'info')
    if (messages.length === 0) {
      cases.push(`    <testcase name="${name}" classname="${name}" file="${name}"/>`)
      continue
    }
    failures++
    const errors = messages.filter((message) => message.fatal === true).length
    const warnings = messages.length - errors
    const counted = [plural(errors, 'error'), plural(warnings, 'warning')].filter(Boolean).join(', ')
    const lines = messages.map((message) => {
      const place = message.line ? `${message.line}:${message.column ?? 1}` : '1:1'
      return `${place} ${severityOf(message)} ${message.reason}${message.ruleId ? ` (${message.ruleId})` : ''}`
    })
    cases.push(
      `    <testcase name="${name}" classname="${name}" file="${name}">`,
      `      <failure message="${escapeXml(counted)}" type="${errors > 0 ? 'error' : 'warning'}">${escapeXml(lines.join('\n'))}</failure>`,
      '    </testcase>'
    )
  }
  const counts = `tests="${files.length}" failures="${failures}" errors="0"`
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="postmortem-lint" ${counts}>`,
    `  <testsuite name="postmortem-lint" ${counts}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    ''
  ].join('\n')
}

function plural(count: number, word: string): string {
  return count === 0 ? '' : `${count} ${word}${count === 1 ? '' : 's'}`
}

/** Text and attribute values, with the characters XML 1.0 does not allow left out. */
export function escapeXml(value: string): string {
  return (
    value
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these control characters.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;')
      .replaceAll("'", '&apos;')
  )
}
