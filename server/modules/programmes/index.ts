/** Programmes: initiatives with their fields of action and the figures they published. */

export {
  createFieldOfAction,
  createProgramme,
  findVisibleProgramme,
  manualProvenance,
  staleVersion,
  updateFieldOfAction,
  updateProgramme,
} from './programmes.editing';
export { programmeRoutes } from './programmes.routes';
export {
  ensureFieldsOfAction,
  type FieldOfActionDraft,
  getProgramme,
  listProgrammes,
  type ProgrammeDraft,
  type ReportedFigureDraft,
  replaceReportedFigures,
  upsertProgramme,
} from './programmes.service';
export { organisationVisibleSql, programmeVisibleSql, projectVisibleSql } from './visibility';
