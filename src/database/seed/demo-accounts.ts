import type { Role } from '../../auth/actor';

/**
 * The demo's accounts, one per role. DEMO PASSWORDS, for the demo database only: they are printed by the first
 * start and written in the README. A real installation starts without the demo (SEED_DEMO=false) and makes its
 * first account with `npm run cli -- create-admin`, which never uses a default password.
 */
export interface DemoAccount {
  email: string;
  password: string;
  operator: boolean;
  /** Roles in the CCPL (in Valmorin-les-Sources for the valmorin* accounts). */
  roles: Role[];
  /** The demo member (key of CCPL_MEMBERS) the account is linked to. */
  member?: string;
}

export const DEMO_ACCOUNTS = {
  operator: { email: 'operateur@registre.demo', password: 'demo-operateur-2019', operator: true, roles: [] },
  administrator: { email: 'admin@ccpl.demo', password: 'demo-admin-2019', operator: false, roles: ['administrator'] },
  secretary: { email: 'secretaire@ccpl.demo', password: 'demo-secretaire-2019', operator: false, roles: ['secretary'] },
  // The president of the CCPL, who presides the demo sessions and signs their acts (L2121-23).
  president: { email: 'president@ccpl.demo', password: 'demo-president-2019', operator: false, roles: ['president'], member: 'LEROY C.' },
  member: { email: 'membre@ccpl.demo', password: 'demo-membre-2019', operator: false, roles: ['member'], member: 'GARDIN J.' },
  // The demo commune of Valmorin-les-Sources (src/database/seed/valmorin-demo.seed.ts): its roles are in that commune;
  // the maire and the secrétaire de séance sign its acts of 2026 (L2121-23).
  valmorinAdministrator: { email: 'admin@valmorin.demo', password: 'demo-admin-2026', operator: false, roles: ['administrator'] },
  valmorinSecretariat: { email: 'secretariat@valmorin.demo', password: 'demo-secretariat-2026', operator: false, roles: ['secretary'] },
  valmorinMaire: { email: 'maire@valmorin.demo', password: 'demo-maire-2026', operator: false, roles: ['president'] },
  valmorinSecretaireDeSeance: { email: 'secretaire-seance@valmorin.demo', password: 'demo-secretaire-seance-2026', operator: false, roles: ['member'] },
} satisfies Record<string, DemoAccount>;

/** What the first start prints, one log line per account. */
export function demoAccountLines(): string[] {
  return Object.values(DEMO_ACCOUNTS).map((a: DemoAccount) => `Demo account (DEMO password, this demo database only): ${a.email} ${a.password} ${a.operator ? 'operator' : a.roles.join(', ')}`);
}
