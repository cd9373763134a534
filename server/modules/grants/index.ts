/** Grants: funding decisions to consortia, their funding lines, co-financing and programme summaries. */

export { coFinancing, grantProblems } from './grant-rules';
export { addGrantLines, createGrant } from './grants.editing';
export { grantRoutes } from './grants.routes';
export {
  type GrantInsert,
  getGrant,
  grantVisibleSql,
  insertGrants,
  listGrants,
  refreshHeadlineAmounts,
} from './grants.service';
export { grantPartners, grants } from './grants.table';
export { listFundingLines, programmeChecks, programmeRollup } from './rollup.service';
export { programmeMoneyTotals, programmeSummary } from './summary.service';
