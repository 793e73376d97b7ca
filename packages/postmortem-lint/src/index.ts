/**
 * `postmortem-lint`: lint incident postmortems from the command line, as
 * remark would (same config files, ignore files and `<!-- lint ... -->`
 * comments), with `remark-preset-lint-postmortem` when no config applies.
 */
export {useBuiltinPlugins} from './builtins.js'
export {type CliIo, exitCodes, help, run, setupProblems, UsageError} from './cli.js'
export {type FixedFile, type FixResult, fixFiles, maxFixPasses, type Relint, safeFixes} from './fix.js'
export {
  type Format,
  formatGithub,
  formatGitlab,
  formatJson,
  formatJunit,
  formatSarif,
  formatStylish,
  formatSummary,
  formats,
  type GitlabIssue,
  type JsonFile,
  type JsonMessage,
  type RuleDoc,
  ruleDocs,
  type SarifOptions,
  type StylishOptions,
  sarifLog
} from './formats/index.js'
export {
  autoJobs,
  type LintOptions,
  type LintResult,
  lintFiles,
  maxAutoJobs,
  minCoresForWorkers,
  workerThreshold
} from './lint.js'
export {version} from './version.js'
