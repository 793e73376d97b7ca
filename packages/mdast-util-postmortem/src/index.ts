export {cleanHeadingText, findSectionHeadings, type SectionHeading, type SectionHeadingKind} from './headings.js'
export {htmlText, type ParagraphLine, paragraphLines, SourceText} from './lines.js'
export {type MatchStrictness, matchSectionIds} from './match.js'
export {getPostmortem, type Postmortem} from './model.js'
export {normalizeLabel} from './normalize.js'
export {
  expectBoolean,
  expectInteger,
  expectOneOf,
  expectOptions,
  expectStringArray,
  isPlainObject,
  listAllowed,
  OptionError,
  show
} from './options.js'
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
  type BaseSettings,
  definePostmortemRule,
  docsBase,
  type PostmortemMessage,
  type PostmortemRule,
  type PostmortemRuleSpec,
  parseSettings,
  placeOf,
  type ReportDetails,
  report
} from './rule.js'
export {findSections, hasContent, type Section} from './sections.js'
export {conceptAliases} from './vocabulary.js'
