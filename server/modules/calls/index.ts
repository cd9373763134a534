/** Funding calls and applications: who may apply to what until when, and the road from application to grant. */

export { applicationVisibleSql, getApplication, listApplications, submitApplication } from './applications.service';
export { transitionApplication } from './applications.transitions';
export { createCall, updateCall } from './calls.editing';
export { callRoutes } from './calls.routes';
export { callVisibleSql, getCall, listCalls } from './calls.service';
export { applicationPartners, applications, applicationTransitions, fundingCalls } from './calls.table';
