import type { Route } from '../../../http/route';

/** The catalogue's spreadsheet: template, import (preview and apply) and export (issue 14). */
export const catalogImportRoutes: Route[] = [];
