import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, ValidateIf, ValidationTypes } from 'class-validator';
import { DomainError } from '../domain/errors';

function flatten(errors: ValidationError[], prefix = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** No request of the API nests deeper than a few levels; a hostile one would overflow the stack of the transformer. */
export const MAX_JSON_DEPTH = 32;

/** Depth of nested objects and arrays, measured without recursion. */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    max = Math.max(max, d + 1);
    if (max > limit) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/**
 * Fields validated as nested objects that hold something else. class-validator validates an array met
 * where an object is expected as a list of such objects, so `"memberships": [[]]` passed as a list of
 * no membership and reached the service as an array: every such field must hold objects.
 */
export function misshapenNested(instance: object, prefix = ''): { field: string; problems: string[] }[] {
  const storage = getMetadataStorage();
  const nested = storage.getTargetValidationMetadatas(instance.constructor, '', true, false).filter((m) => m.type === ValidationTypes.NESTED_VALIDATION);
  return nested.flatMap((m) => {
    const field = prefix ? `${prefix}.${m.propertyName}` : m.propertyName;
    const value = (instance as Record<string, unknown>)[m.propertyName];
    if (value === undefined || value === null) return [];
    const entries: [string, unknown][] = m.each && Array.isArray(value) ? value.map((v, i) => [`${field}.${i}`, v]) : [[field, value]];
    return entries.flatMap(([path, v]) =>
      v === null || typeof v !== 'object' || Array.isArray(v) ? [{ field: path, problems: [`${path} must be an object`] }] : misshapenNested(v as object, path),
    );
  });
}

class DepthLimitedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (jsonDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      throw new DomainError('MALFORMED_REQUEST', `${metadata.type}: nested deeper than ${MAX_JSON_DEPTH} levels`, { field: metadata.type, maxDepth: MAX_JSON_DEPTH });
    }
    const result = await super.transform(lowerCaseUuids(value), metadata);
    const fields = result !== null && typeof result === 'object' && metadata.metatype && result instanceof metadata.metatype ? misshapenNested(result) : [];
    if (fields.length > 0) {
      throw new DomainError('VALIDATION_FAILED', fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; '), { fields });
    }
    return result;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * PostgreSQL compares uuids regardless of case but the services compare ids as strings (who is present,
 * who holds a proxy): ids are written in lower case as PostgreSQL returns them. Runs after the depth check.
 */
export function lowerCaseUuids(value: unknown): unknown {
  if (typeof value === 'string') return UUID.test(value) ? value.toLowerCase() : value;
  if (Array.isArray(value)) return value.map(lowerCaseUuids);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, lowerCaseUuids(v)]));
  }
  return value;
}

/** Whitelist DTOs, reject unknown fields, and answer VALIDATION_FAILED naming every field at fault. */
export function validationPipe(): ValidationPipe {
  return new DepthLimitedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const message = fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; ');
      return new DomainError('VALIDATION_FAILED', message || 'Invalid request', { fields });
    },
  });
}

/** Like @IsOptional(), but null is validated (and so refused) rather than let through to code that expects a value. */
export const OptionalNotNull = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
