import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from '../domain/errors';

function flatten(errors: ValidationError[], prefix = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Whitelist DTOs, reject unknown fields, and answer VALIDATION_FAILED naming every field at fault. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
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
