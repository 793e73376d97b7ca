export {
  type AppliedFixes,
  applyFixes,
  insertBlockFix,
  isPostmortemFix,
  lineEndingOf,
  type PostmortemFix,
  replaceFix
} from './fix.js'
export {
  cleanHeadingText,
  type SectionEvidence,
  type SectionHeading,
  type SectionHeadingKind,
  type SectionHeadingPlacement
} from './headings.js'
export {
  findQuantities,
  findVagueQuantifiers,
  getImpact,
  type Impact,
  type ImpactOptions,
  type ImpactOrigin,
  type ImpactRequirement,
  type ImpactStatement,
  impactRequirements,
  impactVocabulary,
  type Quantity,
  type QuantityKind,
  type QuantityMatch,
  type QuantityVocabulary,
  quantityKinds,
  quantityMeets,
  quantityVocabulary,
  type ReadOptions,
  sentences,
  type VagueAbout,
  type VagueMatch,
  type VagueQuantifier,
  vagueStandsFor
} from './impact/index.js'
export {htmlText, type ParagraphLine, paragraphLines, SourceText} from './lines.js'
export {type MatchStrictness, matchHintIds, matchSectionIds} from './match.js'
export {getPostmortem, type NotPostmortemReason, type Postmortem} from './model.js'
export {normalizeLabel, stemWord} from './normalize.js'
export {
  expectBoolean,
  expectInteger,
  expectListOf,
  expectOneOf,
  expectOptions,
  expectStringArray,
  expectWordLists,
  isPlainObject,
  listAllowed,
  OptionError,
  show,
  type WordListChanges
} from './options.js'
export {
  type AnyOptionSpec,
  booleanOption,
  customOption,
  integerOption,
  type JsonSchema,
  listOfOption,
  type OptionSpec,
  type OptionSpecs,
  type OptionsOf,
  optionSchema,
  type ParsedOptions,
  profileOption,
  type WordListDoc,
  wordListsOption,
  wordsOption
} from './options-schema.js'
export {
  type Profile,
  type ProfileId,
  type ProfileInput,
  profileIds,
  profiles,
  type SectionSpec,
  type SectionSpecInput
} from './profiles.js'
export {resolveProfile} from './resolve-profile.js'
export {
  announceRule,
  type BaseSettings,
  definePostmortemRule,
  docsBase,
  type FixEdit,
  type PostmortemMessage,
  type PostmortemRule,
  type PostmortemRuleSpec,
  parseSettings,
  placeOf,
  type ReportDetails,
  type RuleSettings,
  report
} from './rule.js'
export {findSections, hasContent, type Outline, type Section} from './sections.js'
export {
  buildTaskVocabulary,
  cleanTask,
  defaultTaskVocabulary,
  type FollowUps,
  findFollowUps,
  findInSource,
  followUpId,
  getTasks,
  type JudgeOptions,
  judgeTask,
  type MalformedListLine,
  malformedMarker,
  missingRequirements,
  type Task,
  type TaskColumn,
  type TaskKind,
  type TaskProblem,
  type TaskProblemKind,
  type TaskRequirement,
  type TaskText,
  type TaskVocabulary,
  type TaskVocabularyKey,
  taggerLoaded,
  taskHas,
  taskRequirements,
  taskVocabularyKeys
} from './tasks/index.js'
export {
  type CalendarDate,
  type ClockTime,
  compareEntries,
  type DateFact,
  type DateMarker,
  expectedZoneName,
  type FactSource,
  findClockTimes,
  findDates,
  findZones,
  getTimeline,
  type IncidentWindow,
  isoDate,
  longDate,
  minutesOf,
  readClockTime,
  readDate,
  readStamp,
  readZone,
  type Stamp,
  sameZone,
  type Timeline,
  type TimelineContext,
  type TimelineEntry,
  type TimelineEntryKind,
  type TimelineSection,
  type TimeMention,
  type WallTime,
  type Zone,
  type ZoneFact,
  type ZoneReading,
  zoneLabel,
  zoneStatements
} from './timeline/index.js'
export {conceptAliases, conceptHints, languages, type SectionVocabulary, vocabularies} from './vocabulary.js'
