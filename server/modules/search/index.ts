/** Search: one box across programmes, organisations and projects. */

export { searchRoutes } from './search.routes';
export { highlight, search } from './search.service';
