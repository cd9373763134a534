/** Projects: the portfolio's projects with their organisations, status history and search. */

export { toPrefixTsQuery } from './project-search';
export { changeProjectStatus, createProject, updateProject } from './projects.editing';
export { projectRoutes } from './projects.routes';
export {
  getProject,
  insertProjects,
  listProjects,
  type ProjectDraft,
  replaceProgrammeProjects,
} from './projects.service';
