export { notifyOrganisation, type NewNotification } from './service.ts';
export { notificationRoutes } from './routes.ts';
