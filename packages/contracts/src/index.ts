export * from './identifiers.ts';
export * from './errors.ts';
export * from './identity.ts';
export * from './audit.ts';
export * from './packs.ts';
export * from './programs.ts';
export * from './applications.ts';
export * from './recommendations.ts';
