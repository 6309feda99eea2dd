// The console's Handlebars set-up, apart from the document engine: here the output is HTML, so
// escaping stays ON (the document engine turns it off because it produces Markdown).
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../config/project-root';
import { requestContext } from '../auth/actor';
import { signOutForm } from '../auth/sign-in-page';

export const CONSOLE_VIEWS = ['home', 'session', 'deliberation', 'error', 'live', 'setup', 'import', 'new-session', 'projector', 'after', 'templates', 'accounts'] as const;
export type ConsoleView = (typeof CONSOLE_VIEWS)[number];
const PARTIALS = ['layout', 'refusal'] as const;

/** One step of the breadcrumb; the current page has no link. */
export interface Crumb {
  label: string;
  href: string | null;
}

/** What the layout reads besides the page's own view model. */
export interface PageFrame {
  title: string;
  crumbs: Crumb[];
}

/** Who the header names, and the sign-out button when signed in by cookie (a bearer token has no session to end). */
export interface HeaderAccount {
  label: string;
  signOutForm: string | null;
}

function signedIn(ctx: ReturnType<typeof requestContext>, csrfToken: string): HeaderAccount | null {
  if (!ctx || ctx.actor.kind !== 'account') return null;
  return { label: ctx.actor.label, signOutForm: csrfToken ? signOutForm(csrfToken) : null };
}

type Compiled = (context: unknown) => string;

/**
 * The views live in src/web/views, beside the module, and are read from the project root: tsc copies
 * no .hbs into dist/, and the root is the same whether we run from src/ (tests) or dist/src/ (npm start).
 * They are not in templates/ because those are the documents' templates, which collectivities override
 * and TEMPLATES_DIR relocates; the console's pages are part of the code.
 */
export function defaultViewsDir(): string {
  return join(projectRoot(__dirname), 'src', 'web', 'views');
}

export class ConsoleViews {
  private readonly hb = Handlebars.create();
  private readonly compiled = new Map<ConsoleView, Compiled>();
  /** The stylesheet, read once and served by the controller. */
  readonly css: string;
  /** The live page's script, served as is (no build step). */
  readonly liveScript: string;

  constructor(dir: string = defaultViewsDir()) {
    // strict: a misspelt field throws instead of printing nothing; escaping is left at its default (on).
    const options = { strict: true, preventIndent: true };
    for (const name of PARTIALS) this.hb.registerPartial(name, this.hb.compile(this.read(dir, name), options));
    for (const name of CONSOLE_VIEWS) {
      const source = this.read(dir, name);
      this.hb.parse(source); // syntax errors fail at boot, not at the first request
      this.compiled.set(name, this.hb.compile(source, options) as Compiled);
    }
    this.css = readFileSync(join(dir, 'console.css'), 'utf8');
    this.liveScript = readFileSync(join(dir, 'live.js'), 'utf8');
  }

  render(view: ConsoleView, frame: PageFrame, viewModel: object): string {
    // Every POST form carries the session's CSRF token (src/auth/permission.guard.ts).
    const ctx = requestContext();
    const csrfToken = ctx?.csrfToken ?? '';
    return this.compiled.get(view)!({ ...viewModel, frame, csrfToken, account: signedIn(ctx, csrfToken) });
  }

  private read(dir: string, name: string): string {
    return readFileSync(join(dir, `${name}.hbs`), 'utf8');
  }
}
