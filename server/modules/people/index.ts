/** People of the ecosystem and their dated roles at organisations. */

export { type SeedPerson, upsertSeedPeople } from './people.seed';
export { people, personRoles } from './people.table';
