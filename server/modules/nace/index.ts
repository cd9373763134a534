/** NACE Rev. 2, the classification of economic activities, in German, English and Italian. */

export { naceRoutes } from './nace.routes';
export { existingNaceCodes, listNace, type NaceDraft, toNaceItem, upsertNaceCodes } from './nace.service';
export { naceCodes } from './nace.table';
export { sentenceCase } from './nace-label';
