export {formatGithub} from './github.js'
export {formatGitlab, type GitlabIssue} from './gitlab.js'
export {formatJson, type JsonFile, type JsonMessage, jsonFile} from './json.js'
export {formatJunit} from './junit.js'
export {type Region, regionOf, relativePath, severityOf} from './messages.js'
export {type RuleDoc, ruleDocs} from './rule-docs.js'
export {formatSarif, type SarifOptions, sarifLog} from './sarif.js'
export {formatStylish, type StylishOptions} from './stylish.js'
export {formatSummary} from './summary.js'

/** The output formats of the CLI. */
export const formats = ['stylish', 'json', 'github', 'sarif', 'summary', 'junit', 'gitlab'] as const
export type Format = (typeof formats)[number]
