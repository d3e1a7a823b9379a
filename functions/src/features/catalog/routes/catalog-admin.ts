import type { Route } from '../../../http/route';

/** The catalogue admin (issue 14): groups, schools, campuses and moves of a district. */
export const catalogAdminRoutes: Route[] = [];
