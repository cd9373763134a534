export * from '../modules/accounts/accounts.table';
export * from '../modules/audit/audit.table';
export * from '../modules/funding/funding.table';
export * from '../modules/imports/imports.table';
export * from '../modules/organisations/organisations.table';
export * from '../modules/programmes/programmes.table';
export * from '../modules/projects/projects.table';
export * from '../modules/regions/regions.table';
