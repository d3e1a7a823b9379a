import { adminRoutes } from './admin-routes';
import { imageRoutes } from './image-routes';
import { readerRoutes } from './reader-routes';

/** Group news (issue 6): readers', admins' and the local image store's routes. */
export const newsRoutes = [...readerRoutes, ...adminRoutes, ...imageRoutes];
