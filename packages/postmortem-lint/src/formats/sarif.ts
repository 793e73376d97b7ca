import {pathToFileURL} from 'node:url'
import type {Location, Log, ReportingDescriptor, Result} from 'sarif'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {version} from '../version.js'
import {regionOf, relativePath, severityOf, sortedMessages} from './messages.js'
import {ruleDocs} from './rule-docs.js'

const informationUri = 'https://github.com/postmortem-lint/postmortem-lint'

/**
 * A SARIF 2.1.0 log (for GitHub code scanning and other SARIF viewers): one
 * run, a rule per rule id seen (described, for postmortem rules), a result
 * per message. Paths are relative to
 * `%SRCROOT%`, the folder the CLI ran in; columns count UTF-16 code units, as
 * remark's do.
 */
export function formatSarif(files: readonly VFile[], cwd: string, options: SarifOptions = {}): string {
  return JSON.stringify(sarifLog(files, cwd, options), null, 2) + '\n'
}

export interface SarifOptions {
  /**
   * Problems that stopped the run (a config that does not load, say): the
   * log then tells an unsuccessful invocation with one error notification
   * each.
   */
  readonly problems?: readonly string[] | undefined
}

export function sarifLog(files: readonly VFile[], cwd: string, options: SarifOptions = {}): Log {
  const rules: ReportingDescriptor[] = []
  const ruleIndex = new Map<string, number>()
  const results: Result[] = []
  const problems = options.problems ?? []
  for (const file of files) {
    const uri = relativePath(file, cwd).split('/').map(encodeURIComponent).join('/')
    for (const message of sortedMessages(file)) {
      const result: Result = {
        level: level(message),
        message: {text: message.reason},
        locations: [location(uri, message)]
      }
      if (message.ruleId) {
        let index = ruleIndex.get(message.ruleId)
        if (index === undefined) {
          index = rules.length
          ruleIndex.set(message.ruleId, index)
          rules.push(ruleDescriptor(message.ruleId, message.url ?? undefined))
        }
        result.ruleId = message.ruleId
        result.ruleIndex = index
      }
      const cause = message.cause
      if (cause && typeof cause === 'object' && 'reason' in cause && typeof cause.reason === 'string') {
        result.relatedLocations = [{id: 1, ...location(uri, cause as VFileMessage), message: {text: cause.reason}}]
      }
      results.push(result)
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: 'postmortem-lint', version, informationUri, rules}},
        originalUriBaseIds: {'%SRCROOT%': {uri: pathToFileURL(cwd).href + '/'}},
        columnKind: 'utf16CodeUnits',
        ...(problems.length > 0
          ? {
              invocations: [
                {
                  executionSuccessful: false,
                  toolConfigurationNotifications: problems.map((text) => ({level: 'error' as const, message: {text}}))
                }
              ]
            }
          : {}),
        results
      }
    ]
  }
}

/**
 * A rule as code scanning shows it: for a postmortem rule, what it checks
 * (`shortDescription`, `fullDescription`), `help` with a link to its docs
 * page, and the page as `helpUri`; for another plugin's rule, its id and
 * docs page only.
 */
function ruleDescriptor(id: string, url: string | undefined): ReportingDescriptor {
  const doc = ruleDocs[id]
  if (!doc) return {id, ...(url ? {helpUri: url} : {})}
  return {
    id,
    shortDescription: {text: doc.short},
    fullDescription: {text: doc.full},
    help: url
      ? {text: `${doc.full} See ${url}`, markdown: `${doc.full}\n\n[\`${id}\` docs](${url})`}
      : {text: doc.full},
    ...(url ? {helpUri: url} : {})
  }
}

function level(message: VFileMessage): Result.level {
  const severity = severityOf(message)
  return severity === 'info' ? 'note' : severity
}

function location(uri: string, message: Pick<VFileMessage, 'place'>): Location {
  const region = regionOf(message)
  return {
    physicalLocation: {
      artifactLocation: {uri, uriBaseId: '%SRCROOT%'},
      ...(region
        ? {
            region: {
              startLine: region.line,
              startColumn: region.column,
              ...(region.endLine === undefined ? {} : {endLine: region.endLine}),
              ...(region.endColumn === undefined ? {} : {endColumn: region.endColumn})
            }
          }
        : {})
    }
  }
}
