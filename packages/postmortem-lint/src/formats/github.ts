import type {VFile} from 'vfile'
import {regionOf, relativePath, severityOf, sortedMessages} from './messages.js'

/**
 * GitHub Actions workflow commands, one per message, so that each warning
 * shows on the line it is about in a pull request:
 * `::warning file=a.md,line=3,col=1,endLine=3,endColumn=9,title=postmortem-required-sections::Unexpected …`
 */
export function formatGithub(files: readonly VFile[], cwd: string): string {
  const lines: string[] = []
  for (const file of files) {
    const filePath = relativePath(file, cwd)
    for (const message of sortedMessages(file)) {
      const severity = severityOf(message)
      const command = severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'notice'
      const region = regionOf(message)
      const properties: Array<[string, string | number | undefined]> = [
        ['file', filePath],
        ['line', region?.line],
        ['col', region?.column],
        ['endLine', region?.endLine],
        ['endColumn', region?.endColumn],
        ['title', message.ruleId ?? message.source ?? undefined]
      ]
      const list = properties
        .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',')
      lines.push(`::${command} ${list}::${escapeData(message.reason)}`)
    }
  }
  return lines.map((line) => line + '\n').join('')
}

/** Escaping of a command's message, as in `@actions/core`. */
export function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

/** Escaping of a command's property value, as in `@actions/core`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C')
}
