import {isPostmortemFix, type PostmortemFix} from 'mdast-util-postmortem'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {type Region, regionOf, relativePath, severityOf, sortedMessages} from './messages.js'

/** One message in the JSON report. */
export interface JsonMessage extends Partial<Region> {
  readonly ruleId: string | null
  readonly source: string | null
  readonly severity: 'error' | 'warning' | 'info'
  readonly reason: string
  readonly url: string | null
  /** Text that would fix the problem (editors offer it as a quick fix). */
  readonly expected: string[] | null
  /**
   * The fix as offsets in the file's text and the text to put there;
   * `safe` ones are those `--fix` applies.
   */
  readonly fix: PostmortemFix | null
  /** The profile id of the section concerned. */
  readonly section: string | null
  /** A related place, such as the earlier timeline entry. */
  readonly cause: ({readonly reason: string} & Partial<Region>) | null
}

/** One file in the JSON report. */
export interface JsonFile {
  /** Relative to the folder the CLI ran in, with `/`. */
  readonly path: string
  readonly errorCount: number
  readonly warningCount: number
  readonly messages: JsonMessage[]
}

/** A JSON array with one entry per file linted. */
export function formatJson(files: readonly VFile[], cwd: string): string {
  return (
    JSON.stringify(
      files.map((file) => jsonFile(file, cwd)),
      null,
      2
    ) + '\n'
  )
}

export function jsonFile(file: VFile, cwd: string): JsonFile {
  const messages = sortedMessages(file).map((message) => jsonMessage(message))
  return {
    path: relativePath(file, cwd),
    errorCount: messages.filter((message) => message.severity === 'error').length,
    warningCount: messages.filter((message) => message.severity === 'warning').length,
    messages
  }
}

function jsonMessage(message: VFileMessage & {section?: unknown; fix?: unknown}): JsonMessage {
  const cause = message.cause
  return {
    ruleId: message.ruleId ?? null,
    source: message.source ?? null,
    severity: severityOf(message),
    reason: message.reason,
    ...regionOf(message),
    url: message.url ?? null,
    expected: message.expected ? [...message.expected] : null,
    fix: isPostmortemFix(message.fix)
      ? {start: message.fix.start, end: message.fix.end, text: message.fix.text, safe: message.fix.safe}
      : null,
    section: typeof message.section === 'string' ? message.section : null,
    cause:
      cause && typeof cause === 'object' && 'reason' in cause && typeof cause.reason === 'string'
        ? {reason: cause.reason, ...regionOf(cause as VFileMessage)}
        : null
  }
}
