import { LOCAL_IMAGE_PATH } from '../news/news-limits';

/**
 * Endpoints that answer a file, not JSON, so they have no entry in ApiResponses: the XLSX
 * exports, the import template (XLSX or CSV), and the local image store's signed GET and PUT.
 * Every route is in exactly one of the two lists (functions/tests/unit/http/api-contract.test.ts).
 */
export const NON_JSON_ENDPOINTS = [
  'GET /api/admin/surveys/:id/export',
  'GET /api/admin/rounds/:id/export',
  'GET /api/rotation/template',
  `GET ${LOCAL_IMAGE_PATH}/:imageId`,
  `PUT ${LOCAL_IMAGE_PATH}/:imageId`,
  'GET /api/catalog/template',
  'GET /api/admin/districts/:id/catalog/export',
  'GET /api/admin/surveys/:id/schools/:schoolId/qrcode',
  'GET /api/admin/rounds/:id/scores/template',
] as const;

export type NonJsonEndpoint = (typeof NON_JSON_ENDPOINTS)[number];
