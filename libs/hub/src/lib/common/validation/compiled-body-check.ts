// A request body's DTO, validated without class-validator's per-call machinery. Validating a small body through it
// was most of the ValidationPipe's cost on POST /progress-events (about a fifth of the route's CPU): finding the
// class's rules again on every call (it walks every registered class for inherited rules), grouping them, and
// building an error object per property that no one reads when the body is valid. Here the rules are the DTO's
// own, looked up once, and each runs through the very validator function class-validator would call. The DTO is
// built as the stock pipe builds it (class-transformer's plainToInstance, no options), or, for a DTO without any
// class-transformer decorator, copied the way plainToInstance copies (below). The check only ever says "valid" for
// certain: a DTO it is not sure of (an unknown field, a failed rule, a rule of a kind it does not run) goes to the
// full ValidationPipe, which writes the error. So a valid body gets the same DTO either way, and a bad one the
// same 400.
import { plainToInstance, TransformationType, Type } from 'class-transformer';
// class-transformer has no public way to ask whether a class has its decorators; this is the store they fill.
// @ts-expect-error -- the package ships this module's types apart from it, as types/storage.d.ts
import { defaultMetadataStorage as untypedStore } from 'class-transformer/cjs/storage';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
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

function allHold(conditions: Field['conditions'], object: object, value: unknown): boolean {
  for (const holds of conditions) if (!holds(object, value)) return false;
  return true;
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
  const build = copiesPlainly(dto, [...fields.keys()])
    ? (body: Record<string, unknown>) => copyKeys(body, new dto() as Record<string, unknown>)
    : (body: Record<string, unknown>) => plainToInstance(dto, body) as Record<string, unknown>;
  return (body) => {
    const entity = build(body);
    // class-validator's whitelist looks at the DTO's own keys, initialisers included
    for (const key of Object.keys(entity)) if (!fields.has(key)) return undefined; // the pipe names them
    // One arguments object per body, updated for each rule: class-validator's rules and the hub's own only read it
    // while they run (a rule that kept it would see later values).
    const args: ValidationArguments = {
      targetName: dto.name,
      property: '',
      object: entity,
      value: undefined,
      constraints: [],
    };
    for (const field of all) {
      const value = entity[field.name];
      if (!allHold(field.conditions, entity, value)) continue;
      args.property = field.name;
      args.value = value;
      for (const rule of field.rules) {
        args.constraints = rule.constraints;
        if (rule.validate(value, args) !== true) return undefined; // false, or a promise: the pipe decides
      }
    }
    return entity;
  };
}

// plainToInstance walks class-transformer's metadata for every key of every object in a body: under load, about
// 10 µs of the 15 µs a small body's check took on POST /progress-events (3 of 5 µs alone in a loop). For a DTO with
// none of its decorators it only copies, and so does this:
// - every own key, except __proto__ and constructor, and except one the target already has as a method (say
//   toString) or as a getter without a setter;
// - a nested object into a new plain object by the same rules, an array element by element, anything else as it is.
// A body is parsed JSON, so nothing else (Dates, Maps, functions) can be in it.

const store = untypedStore as MetadataStorage;
/** Whether this store is the one the decorators fill (it would not be with two copies of the package loaded). */
class StoreProbe {
  @Type(() => Number) n?: number;
}
const STORE_IS_SHARED = store.findTypeMetadata(StoreProbe, 'n') !== undefined;

/** True when plainToInstance would build `dto` from a body of these fields by copying alone. */
function copiesPlainly(dto: Dto, fields: string[]): boolean {
  return (
    STORE_IS_SHARED &&
    store.getStrategy(dto) === 'none' &&
    store.getExposedMetadatas(dto).length === 0 &&
    store.getExcludedMetadatas(dto).length === 0 &&
    fields.every(
      (field) =>
        store.findTypeMetadata(dto, field) === undefined &&
        store.findTransformMetadatas(dto, field, TransformationType.PLAIN_TO_CLASS).length === 0,
    )
  );
}

function copyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyValue);
  if (value === null || typeof value !== 'object') return value;
  return copyKeys(value as Record<string, unknown>, {});
}

function copyKeys(from: Record<string, unknown>, into: Record<string, unknown>): Record<string, unknown> {
  const own = (into.constructor as { prototype?: object }).prototype;
  for (const key of Object.keys(from)) {
    if (key === '__proto__' || key === 'constructor') continue;
    const accessor = own && Object.getOwnPropertyDescriptor(own, key);
    if ((accessor && !accessor.set) || into[key] instanceof Function) continue;
    into[key] = copyValue(from[key]);
  }
  return into;
}
