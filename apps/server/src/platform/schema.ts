// Every table of every module, for drizzle-kit and the typed query builder. Each module owns its own file.
export * from "./tables.ts";
export * from '../modules/identity/tables.ts';
export * from '../modules/audit/tables.ts';
export * from "../modules/programs/tables.ts";
export * from "../modules/applications/tables.ts";
export * from "../modules/notifications/tables.ts";
export * from "../modules/recommendations/tables.ts";
export * from "../modules/selection/tables.ts";
export * from "../modules/projects/tables.ts";
export * from "../modules/documents/tables.ts";
