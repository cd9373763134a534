/** One search box across programmes, organisations, people and projects, and autocomplete. */

export { highlight } from './highlight';
export { searchRoutes } from './search.routes';
export { search } from './search.service';
export { suggest } from './suggest.service';
