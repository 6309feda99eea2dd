// Forms of the console: fields arrive as strings (application/x-www-form-urlencoded); they are turned into the
// API's DTOs and validated by the same pipe as the API, then given to the same use-case services.
import type { Response } from 'express';
import { DomainError, isDomainError } from '../domain/errors';
import { validationPipe } from '../common/validation';
import { explainRefusal, Refusal } from './refusal-texts';

export type Form = Record<string, string | string[] | undefined>;

const pipe = validationPipe();

export async function validForm<T extends object>(cls: new () => T, plain: object): Promise<T> {
  return (await pipe.transform(plain, { type: 'body', metatype: cls })) as T;
}

/** A text field, trimmed; empty is absent. */
export function text(form: Form, name: string): string | undefined {
  const v = form[name];
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s : undefined;
}

/** A whole number field; empty is absent, anything else not a number stays as is so that validation names it. */
export function int(form: Form, name: string): number | string | undefined {
  const s = text(form, name);
  if (s === undefined) return undefined;
  return /^\d{1,9}$/.test(s) ? Number(s) : s;
}

/** What a console action answers: a redirection after success (POST → GET), or the page again with the refusal. */
export type PageResult = { redirect: string } | { status: number; html: string };

export const reply = (res: Response) => (r: PageResult): void => {
  if ('redirect' in r) res.redirect(303, r.redirect);
  else res.status(r.status).type('text/html; charset=utf-8').send(r.html);
};

/**
 * Runs a gesture; a refused one (a coded domain error) is shown on the page it came from, with the rule in French
 * and its article, and changed nothing since its transaction rolled back.
 */
export async function gesture(
  run: () => Promise<unknown>,
  redirect: string,
  page: (refusal: Refusal & { code: string; field: string | null; message: string }) => Promise<string>,
  statusOf: (e: DomainError) => number,
): Promise<PageResult> {
  try {
    await run();
    return { redirect };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return { status: statusOf(e), html: await page({ ...explainRefusal(e), message: e.message }) };
  }
}
