import type { Role } from '../../src/auth/actor';

/** The roles the harness account holds in the demo and in each collectivity the factory creates. */
export const HARNESS_ROLES: Role[] = ['administrator', 'secretary', 'president'];
