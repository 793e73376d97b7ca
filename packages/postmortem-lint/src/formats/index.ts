export {formatGithub} from './github.js'
export {formatJson, type JsonFile, type JsonMessage, jsonFile} from './json.js'
export {type Region, regionOf, relativePath, severityOf} from './messages.js'
export {formatSarif, type SarifOptions, sarifLog} from './sarif.js'
export {formatStylish, type StylishOptions} from './stylish.js'

/** The output formats of the CLI. */
export const formats = ['stylish', 'json', 'github', 'sarif'] as const
export type Format = (typeof formats)[number]
