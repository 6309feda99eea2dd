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

/**
 * The shape no request of the API comes near, refused before class-transformer and class-validator see it, which
 * spend in proportion (or worse) to what they are given: nesting deeper than a few levels (it would overflow the
 * transformer's stack); an object with more fields than any form (class-transformer is quadratic in an object's
 * keys: 100,000 of them in a 1 MB body held the event loop 29 s); an array longer than any @ArrayMaxSize (2,000
 * ballots); more values than the largest request (a roll call of 2,000 ballots and their requesters, about 10,000).
 * 60,000 empty attendance entries held it 4.6 s, and naming each unknown field of a 450,000-element array answered 48 MB.
 */
export const JSON_LIMITS = { depth: 32, fields: 1000, elements: 2000, values: 20_000 };

/** Where a JSON value passes a limit of JSON_LIMITS, found without recursion (and stopping there), or null. */
export function jsonBeyondLimits(value: unknown, limits = JSON_LIMITS): { limit: keyof typeof JSON_LIMITS; path: string } | null {
  let values = 0;
  const stack: [unknown, number, string][] = [[value, 0, '']];
  while (stack.length) {
    const [v, depth, path] = stack.pop()!;
    values++;
    if (!isJsonContainer(v)) continue;
    const keys = Object.keys(v);
    if (depth + 1 > limits.depth) return { limit: 'depth', path };
    if (Array.isArray(v) ? keys.length > limits.elements : keys.length > limits.fields) return { limit: Array.isArray(v) ? 'elements' : 'fields', path };
    if (values + stack.length + keys.length > limits.values) return { limit: 'values', path: '' };
    for (const k of keys) stack.push([(v as Record<string, unknown>)[k], depth + 1, path ? `${path}.${k}` : k]);
  }
  return null;
}

/** An array or a plain object as JSON.parse makes them; an uploaded file's Buffer and other instances are single values. */
const isJsonContainer = (v: unknown): v is object =>
  Array.isArray(v) || (v !== null && typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v)));

/** Why a request's body, query or parameter is refused before it is transformed, or null. */
function shapeRefusal(value: unknown, metadata: ArgumentMetadata): DomainError | null {
  const where = metadata.type;
  if (where === 'body' && Array.isArray(value) && metadata.metatype && metadata.metatype !== Array && metadata.metatype !== Object) {
    return new DomainError('MALFORMED_REQUEST', 'body: a JSON object is expected, not an array', { field: where });
  }
  const beyond = jsonBeyondLimits(value);
  if (!beyond) return null;
  const field = beyond.path || where;
  const details = { field, limits: JSON_LIMITS };
  switch (beyond.limit) {
    case 'depth': return new DomainError('MALFORMED_REQUEST', `${where}: nested deeper than ${JSON_LIMITS.depth} levels`, details);
    case 'fields': return new DomainError('MALFORMED_REQUEST', `${field}: an object with more than ${JSON_LIMITS.fields} fields`, details);
    case 'elements': return new DomainError('VALIDATION_FAILED', `${field}: more than ${JSON_LIMITS.elements} elements`, details);
    case 'values': return new DomainError('MALFORMED_REQUEST', `${where}: more than ${JSON_LIMITS.values} values`, details);
  }
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
    const refusal = shapeRefusal(value, metadata);
    if (refusal) throw refusal;
    const result = await super.transform(lowerCaseUuids(value), metadata);
    const fields = result !== null && typeof result === 'object' && metadata.metatype && result instanceof metadata.metatype ? misshapenNested(result) : [];
    if (fields.length > 0) throw fieldsRefused(fields);
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
    exceptionFactory: (errors) => fieldsRefused(flatten(errors)),
  });
}

const MAX_FIELDS_NAMED = 50;

/** The fields at fault and why: the first fifty are named (a thousand bad entries need no thousand lines). */
function fieldsRefused(all: { field: string; problems: string[] }[]): DomainError {
  const fields = all.slice(0, MAX_FIELDS_NAMED);
  const more = all.length - fields.length;
  const message = fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; ') + (more > 0 ? `; and ${more} more` : '');
  return new DomainError('VALIDATION_FAILED', message || 'Invalid request', more > 0 ? { fields, more } : { fields });
}

/** Like @IsOptional(), but null is validated (and so refused) rather than let through to code that expects a value. */
export const OptionalNotNull = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
