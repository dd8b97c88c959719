// A request body's DTO, validated without class-validator's per-call machinery. Validating a small body through it
// was most of the ValidationPipe's cost on POST /progress-events (about a fifth of the route's CPU): finding the
// class's rules again on every call (it walks every registered class for inherited rules), grouping them, and
// building an error object per property that no one reads when the body is valid. Here the rules are the DTO's
// own, looked up once, and each runs through the very validator function class-validator would call. The DTO is
// built as the stock pipe builds it (class-transformer's plainToInstance, no options). The check only ever says
// "valid" for certain: a DTO it is not sure of (an unknown field, a failed rule, a rule of a kind it does not
// run) goes to the full ValidationPipe, which writes the error. So a valid body gets the same DTO either way, and
// a bad one the same 400.
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, type ValidationArguments } from 'class-validator';

type Dto = new () => object;
/** The DTO for a body every rule passes, or undefined when the full pipe has to decide. */
export type BodyCheck = (body: Record<string, unknown>) => object | undefined;

interface Rule {
  validate(value: unknown, args: ValidationArguments): unknown;
  constraints: unknown[];
}
interface Field {
  name: string;
  /** ValidateIf conditions (IsOptional is one too): the rules run only when every one holds. */
  conditions: Array<(object: object, value: unknown) => boolean>;
  rules: Rule[];
}

/** The check for `dto`, or undefined when it has a rule this check does not run (nested DTOs, each, groups …). */
export function compileBodyCheck(dto: Dto): BodyCheck | undefined {
  const storage = getMetadataStorage();
  // what the pipe's validate() asks for: no groups, `always` and `strictGroups` off
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
  const all = [...fields.values()];
  return (body) => {
    const entity = plainToInstance(dto, body) as Record<string, unknown>;
    // class-validator's whitelist looks at the DTO's own keys, initialisers included
    for (const key of Object.keys(entity)) if (!fields.has(key)) return undefined; // the pipe names them
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
        if (rule.validate(value, args) !== true) return undefined; // false, or a promise: the pipe decides
      }
    }
    return entity;
  };
}
