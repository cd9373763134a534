/** People of the ecosystem and their dated roles at organisations. */

export { peopleRoutes } from './people.routes';
export { type SeedPerson, upsertSeedPeople } from './people.seed';
export { getPerson, listPeople } from './people.service';
export { people, personRoles } from './people.table';
