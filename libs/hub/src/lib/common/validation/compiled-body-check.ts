// A request body's DTO, checked without class-transformer and class-validator's per-call machinery. Validating a
// small body through them was about a fifth of POST /progress-events' CPU: most of it is finding the class's rules
// again on every call (class-validator walks every registered class for inherited rules) and building error
// objects no one reads. The rules are the DTO's own, looked up once; each is run through the very validator
// function class-validator would call. The check only ever says "valid" for certain: a body it is not sure of
// (an unknown field, a failed rule, a rule of a kind it does not run) goes to the full ValidationPipe, which
// writes the error. So a valid body gets the same DTO either way, and a bad one the same 400.
import type { MetadataStorage as TransformerStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, type ValidationArguments } from 'class-validator';

// Not in class-transformer's index; @nestjs/mapped-types reads it the same way.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: TransformerStorage;
};

type Dto = new () => object;
/** The DTO for a body every rule passes, or undefined when the full pipe has to decide. */
export type BodyCheck = (body: Record<string, unknown>) => object | undefined;

interface Rule {
  validate(value: unknown, args: ValidationArguments): unknown;
  constraints: unknown[];
}
interface Field {
  name: string;
  /** ValidateIf conditions: the rules run only when every one holds. */
  conditions: Array<(object: object, value: unknown) => boolean>;
  rules: Rule[];
}

/** The check for `dto`, or undefined when it has a rule this check does not run (nested DTOs, each, groups …). */
export function compileBodyCheck(dto: Dto): BodyCheck | undefined {
  const storage = getMetadataStorage();
  // what ValidationPipe's validate() asks for: no groups, `always` and `strictGroups` off
  const metadatas = storage.getTargetValidationMetadatas(dto, '', false, false, undefined);
  if (metadatas.length === 0) return undefined;
  const fields = new Map<string, Field>();
  for (const m of metadatas) {
    if (m.each || m.groups?.length || m.always !== undefined || m.validateIf) return undefined;
    const field = fields.get(m.propertyName) ?? { name: m.propertyName, conditions: [], rules: [] };
    fields.set(m.propertyName, field);
    if (m.type === 'conditionalValidation') {
      field.conditions.push(m.constraints[0] as Field['conditions'][number]);
    } else if (m.type === 'customValidation') {
      for (const constraint of storage.getTargetValidatorConstraints(m.constraintCls)) {
        if (constraint.async) return undefined;
        const instance = constraint.instance as Rule;
        field.rules.push({ validate: instance.validate.bind(instance), constraints: m.constraints });
      }
    } else if (m.type !== 'whitelistValidation') {
      return undefined; // nested, promise and isDefined rules stay with the full pipe
    }
  }
  // class-transformer would only copy the body's values onto a new DTO unless the class tells it otherwise
  if (defaultMetadataStorage.getStrategy(dto) !== 'none') return undefined;
  for (const name of fields.keys()) {
    if (defaultMetadataStorage.findTypeMetadata(dto, name)) return undefined;
    if (defaultMetadataStorage.findTransformMetadatas(dto, name, 0 /* PLAIN_TO_CLASS */).length) return undefined;
  }
  const all = [...fields.values()];
  return (body) => {
    for (const key of Object.keys(body)) if (!fields.has(key)) return undefined; // unknown fields: the pipe names them
    const entity = Object.assign(new dto(), body) as Record<string, unknown>;
    for (const field of all) {
      const value = entity[field.name];
      if (!field.conditions.every((holds) => holds(entity, value))) continue;
      for (const rule of field.rules) {
        const args = {
          targetName: dto.name,
          property: field.name,
          object: entity,
          value,
          constraints: rule.constraints,
        };
        const valid = rule.validate(value, args);
        if (valid !== true) return undefined; // false, or a promise: the pipe decides
      }
    }
    return entity;
  };
}
