// The pure business rules of Registre: no Nest, no TypeORM, no I/O.
export * from './types';
export * from './errors';
export * from './iso-date';
export * from './rule-profiles';
export * from './quorum';
export * from './attendance';
export * from './proxies';
export * from './voting';
export * from './elections';
export * from './numbering';
export * from './session-lifecycle';
export * from './second-convocation';
export * from './presidency';
export * from './minutes';
export * from './executoire';
export * from './ballot-requests';
export * from './act-status';
