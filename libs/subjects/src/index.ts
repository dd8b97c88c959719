export { SUBJECTS, type Subject } from './lib/subject-names';
export type { SubjectSpec } from './lib/subject-spec';
export { CATALOG, isCatalogSubject, type AttributesOf } from './lib/catalog';
export { buildEvent, type BuildEventOptions } from './lib/build-event';
export { SubjectAttributesError } from './lib/subject-attributes-error';
export { validateEvent, type EventValidation } from './lib/validate-event';
export { subjectMatches, isValidSubjectPattern } from './lib/subject-pattern';
export { renderSubjectCatalog } from './lib/catalog-doc';
