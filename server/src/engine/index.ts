// Public surface of the engine for the server, the CLI and tests.
export * from './findingTypes';
export { lint, lintDocument, notLintable, unlintableReason, defaultPathFor, MAX_LINT_BYTES, SUPPRESS_PRAGMA, type LintOptions } from './lint';
export { FILE_KINDS, FILE_KIND_INFO, fileGlobKey, isWalkName, kindInfo, kindOfLanguage, mayHaveFindings, type FileGlobs, type FileKind, type FileKindInfo } from './fileKinds';
export { parseDocument, type ParsedDocument } from './document';
export { detectKind, kindFromLocation, kindFromContent } from './detect';
export { applyEdits } from './edits';
export { fixAllText, fixAllEdit } from './fixAll';
export { ALL_RULES, ruleById } from './rules';
export { type Rule, type RuleMeta } from './rule';
export { docsUrl, DOCS_BASE_URL, PROJECT_URL } from './links';
export { maskCredentials, parseProxyUrl } from './proxy/url';
export { LineIndex } from './lineIndex';
export { createDoctor, type Doctor, type DoctorServices, type DialerOptions } from './doctor';
