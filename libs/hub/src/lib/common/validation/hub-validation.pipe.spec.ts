import { BadRequestException, ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { validationErrorFactory } from '@state-hub/nest-http';
import * as classTransformer from 'class-transformer';
import { Exclude, Expose, Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { SweepRequestDto, SyncRepoRequestDto } from '../../consistency/dto/sweep-request.dto';
import { CreateDecisionDto, ResolveDecisionDto } from '../../decisions/dto/decision.dto';
import { CreateDomainGoalDto } from '../../domain-goals/dto/domain-goal.dto';
import { CreateDomainDto } from '../../domains/dto/domain.dto';
import { StaleCleanupRequestDto } from '../../maintenance/dto/stale-cleanup.dto';
import { CreateProgressEventDto } from '../../progress-events/dto/progress-event.dto';
import { RegisterRepoDto, ReportCommitDto, UpdateRepoDto } from '../../repos/dto/repo.dto';
import { CreateTaskDto, UpdateTaskDto } from '../../tasks/dto/task.dto';
import { CreateWorkstreamDto, UpdateWorkstreamDto } from '../../workstreams/dto/workstream.dto';
import { HubValidationPipe, REMEMBERED_QUERIES } from './hub-validation.pipe';

class PageQuery {
  @IsOptional() @IsString() repo?: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(500) limit = 50;
}

class CountingPipe extends HubValidationPipe {
  validations = 0;
  protected override validate(...args: Parameters<HubValidationPipe['validate']>) {
    this.validations++;
    return super.validate(...args);
  }
}

const query = { type: 'query' as const, metatype: PageQuery };
const newPipe = () => new CountingPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });

describe('HubValidationPipe', () => {
  it('validates a query string once and answers later requests with an equal DTO of their own', async () => {
    const pipe = newPipe();
    const first = (await pipe.transform({ limit: '20' }, query)) as PageQuery;
    const second = (await pipe.transform({ limit: '20' }, query)) as PageQuery;
    expect(first).toBeInstanceOf(PageQuery);
    expect(second).toBeInstanceOf(PageQuery);
    expect(second).toEqual({ limit: 20 });
    expect(second).not.toBe(first);
    second.limit = 7; // what one request does to its DTO no other request sees
    expect(await pipe.transform({ limit: '20' }, query)).toEqual({ limit: 20 });
    expect(pipe.validations).toBe(1);
  });

  it('rejects a bad query every time, never remembering it', async () => {
    const pipe = newPipe();
    for (let i = 0; i < 2; i++) {
      await expect(pipe.transform({ limit: '0' }, query)).rejects.toBeInstanceOf(BadRequestException);
      await expect(pipe.transform({ secret: 'x' }, query)).rejects.toBeInstanceOf(BadRequestException);
    }
    expect(pipe.validations).toBe(4);
  });

  it('refuses a body nested too deep before anything validates it, naming the field', async () => {
    const pipe = newPipe();
    let detail: unknown = 'leaf';
    for (let i = 0; i < 5_000; i++) detail = [detail];
    const event = { type: 'body' as const, metatype: CreateProgressEventDto };
    const refused = pipe.transform({ event_type: 'note', summary: 'deep', detail }, event);
    await expect(refused).rejects.toBeInstanceOf(BadRequestException);
    await expect(refused).rejects.toThrow('detail is nested deeper than 64 levels');
    expect(pipe.validations).toBe(0);
    // a query is not a body: its values are strings, and the check leaves it alone
    await expect(pipe.transform({ limit: '20' }, query)).resolves.toEqual({ limit: 20 });
  });

  it('validates bodies every time, never remembering them', async () => {
    const pipe = newPipe();
    const body = { type: 'body' as const, metatype: PageQuery };
    await expect(pipe.transform({ limit: '20' }, body)).resolves.toEqual({ limit: 20 });
    await expect(pipe.transform({ limit: '0' }, body)).rejects.toBeInstanceOf(BadRequestException);
    await expect(pipe.transform({ limit: '20' }, body)).resolves.toBeInstanceOf(PageQuery);
    const event = { type: 'body' as const, metatype: CreateProgressEventDto };
    await expect(pipe.transform({ event_type: 'note', summary: 'ok' }, event)).resolves.toBeInstanceOf(
      CreateProgressEventDto,
    );
    await expect(pipe.transform({ event_type: 'note', summary: '' }, event)).rejects.toBeInstanceOf(
      BadRequestException,
    );
  });

  it(`remembers at most ${REMEMBERED_QUERIES} query strings per DTO, forgetting the oldest first`, async () => {
    const pipe = newPipe();
    for (let i = 0; i <= REMEMBERED_QUERIES; i++) await pipe.transform({ repo: `r${i}` }, query);
    expect(pipe.validations).toBe(REMEMBERED_QUERIES + 1);
    await pipe.transform({ repo: `r${REMEMBERED_QUERIES}` }, query); // the newest: remembered
    expect(pipe.validations).toBe(REMEMBERED_QUERIES + 1);
    await pipe.transform({ repo: 'r0' }, query); // the oldest: forgotten, validated again
    expect(pipe.validations).toBe(REMEMBERED_QUERIES + 2);
  });
});

// DTOs of kinds the hub may grow: a field with an initialiser and no rule (never whitelisted), a renamed field, an
// excluded one, a getter.
class WithInitialiser {
  @IsString() name!: string;
  note = 'not a validated field';
}
class WithRename {
  @Expose({ name: 'title' }) @IsString() name!: string;
  @IsOptional() @IsString() other?: string;
}
class WithExcluded {
  @IsString() name!: string;
  @Exclude() @IsOptional() @IsString() secret?: string;
}
class WithTransform {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  name!: string;
}
class WithType {
  @Type(() => Number) @IsInt() n!: number;
  @IsOptional() @IsString() name?: string;
}
class WithGetter {
  @IsString() name!: string;
  get upper(): string {
    return this.name.toUpperCase();
  }
}

// Each body DTO of the hub with a body that passes; every variant below must get from the hub's pipe exactly what
// Nest's own ValidationPipe gives: the same DTO, or the same 400 with the same messages.
const VALID: Array<[new () => object, Record<string, unknown>]> = [
  [
    CreateProgressEventDto,
    {
      event_type: 'task_completed',
      summary: 'done',
      repo: 'state-hub',
      workstream_id: '0b7c1f4e-8d2a-4c59-9f36-2f1d7e8a9b10',
      task_id: '5e0c3a9d-1b7f-4e26-8c4d-6a2b9f0e1d37',
      detail: { n: 1, nested: { list: [1, 'two', null] } },
      actor: 'codex',
      occurred_at: '2026-12-06T01:00:00Z',
    },
  ],
  [CreateTaskDto, { workstream_id: '0b7c1f4e-8d2a-4c59-9f36-2f1d7e8a9b10', task_key: 'HUB-WP-1-T01', title: 'A task' }],
  [UpdateTaskDto, { status: 'done', priority: 'high', title: 'Renamed' }],
  [CreateWorkstreamDto, { repo: 'state-hub', workplan_id: 'HUB-WP-0016', title: 'Speed', extra: { a: 1 } }],
  [UpdateWorkstreamDto, { status: 'active', title: 'Speed', owner: 'me' }],
  [RegisterRepoDto, { slug: 'state-hub', name: 'State Hub', domain: 'hub', local_path: '/srv/state-hub' }],
  [UpdateRepoDto, { name: 'State Hub', remote_url: 'https://example.com/state-hub.git' }],
  [ReportCommitDto, { ref: 'refs/heads/main', sha: 'a'.repeat(40) }],
  [CreateDecisionDto, { domain: 'hub', title: 'Pick a validator', context: 'speed' }],
  [ResolveDecisionDto, { resolution: 'compiled checks', resolved_by: 'me' }],
  [CreateDomainDto, { slug: 'hub', name: 'Hub', description: 'the hub' }],
  [CreateDomainGoalDto, { domain: 'hub', title: 'Fast reads', description: 'under 5 ms' }],
  [SweepRequestDto, { source: 'manual', max_seconds: 60, remote: false, repo: 'state-hub', writeback: false }],
  [SyncRepoRequestDto, { ref: 'refs/heads/main', sha: 'b'.repeat(40), remote: true, writeback: false }],
  [StaleCleanupRequestDto, { dry_run: true, stale_after_days: 30 }],
  [WithInitialiser, { name: 'a' }],
  [WithRename, { title: 'a', other: 'b' }],
  [WithExcluded, { name: 'a', secret: 's' }],
  [WithGetter, { name: 'a', upper: 'B' }],
  [WithTransform, { name: ' a ' }],
  [WithType, { n: '7', name: 'a' }],
];

const NUL = String.fromCharCode(0);
const ODD_VALUES: unknown[] = [
  null,
  42,
  true,
  '',
  ' ',
  'x'.repeat(5000),
  `a${NUL}b`,
  {},
  [],
  ['x'],
  { [`k${NUL}`]: 1 },
  // keys plainToInstance leaves out of a copy: the target's own methods and the ones stripped as prototype keys
  { toString: 'x', hasOwnProperty: 1, __defineGetter__: 2, constructor: 3, prototype: 4, kept: [{ valueOf: 5 }] },
];

/** The valid body, then each field left out, and each field (and an unknown one) set to each odd value. */
function variants(valid: Record<string, unknown>): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [valid];
  for (const field of [...Object.keys(valid), 'unknown_field', '__proto__', 'constructor', 'toString', 'upper']) {
    const { [field]: _left, ...without } = valid;
    if (field in valid) out.push(without);
    for (const odd of ODD_VALUES) out.push(JSON.parse(JSON.stringify({ ...without, [field]: odd })));
  }
  out.push(JSON.parse('{"__proto__": {"polluted": true}}'));
  return out;
}

const options: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: false,
  exceptionFactory: validationErrorFactory,
};

async function outcome(pipe: ValidationPipe, body: unknown, metatype: new () => object) {
  try {
    const dto = (await pipe.transform(body, { type: 'body', metatype })) as object;
    return { dto, class: dto.constructor.name };
  } catch (e) {
    // anything but a 400 (class-transformer's own TypeError, say) must be the same too
    return e instanceof BadRequestException ? { error: e.getResponse() } : { thrown: String(e) };
  }
}

describe('HubValidationPipe on request bodies', () => {
  it.each(VALID.map(([dto, body]) => [dto.name, dto, body] as const))(
    '%s: the same DTO or the same 400 as the stock ValidationPipe, for every variant of a body',
    async (_name, dto, valid) => {
      const hub = new CountingPipe(options);
      const stock = new ValidationPipe(options);
      let [passed, thrown] = [0, 0];
      const copy = (body: object) => JSON.parse(JSON.stringify(body)) as object;
      for (const body of variants(valid)) {
        // each pipe gets its own copy: both strip prototype keys in place
        const [ours, theirs] = [await outcome(hub, copy(body), dto), await outcome(stock, copy(body), dto)];
        expect({ body, outcome: ours }).toEqual({ body, outcome: theirs });
        if (ours.dto) passed++;
        if ('thrown' in ours) thrown++; // before any validation, in both pipes
      }
      // the stock pipe refuses every body of a DTO with a field it does not whitelist
      expect(passed > 0).toBe(dto !== WithInitialiser);
      // and the valid ones never needed the full pipe
      expect(hub.validations).toBe(variants(valid).length - passed - thrown);
    },
  );

  it("copies a valid body into a DTO without class-transformer's decorators, and lets plainToInstance build the rest", async () => {
    const built = jest.spyOn(classTransformer, 'plainToInstance');
    try {
      const pipe = new CountingPipe(options);
      const event = await pipe.transform({ ...VALID[0][1] }, { type: 'body', metatype: CreateProgressEventDto });
      expect(event).toBeInstanceOf(CreateProgressEventDto);
      expect(built).not.toHaveBeenCalled();
      const trimmed = await pipe.transform({ name: ' a ' }, { type: 'body', metatype: WithTransform });
      expect(trimmed).toEqual({ name: 'a' });
      expect(built).toHaveBeenCalledTimes(1);
      expect(pipe.validations).toBe(0);
    } finally {
      built.mockRestore();
    }
  });

  it('strips prototype keys from a body in place exactly as the stock pipe does, objects JSON cannot make included', async () => {
    class Holder {
      constructor(public kept = 1) {}
    }
    // each call builds a fresh body: both strip in place
    const body = () => ({
      ...VALID[0][1],
      detail: {
        list: [
          JSON.parse('{"__proto__": {"polluted": true}, "constructor": 3, "prototype": 4, "a": 1}'),
          [{ constructor: 'x' }],
        ],
        bare: Object.assign(Object.create(null) as object, { constructor: 5, b: 2 }),
        when: Object.assign(new Date(0), { prototype: 8 }),
        instance: Object.assign(new Holder(), { constructor: 6, prototype: 7 }),
        builtIn: { constructor: Date, c: 3 },
      },
    });
    const hub = new CountingPipe(options);
    const ours = body();
    await hub.transform(ours, { type: 'body', metatype: CreateProgressEventDto });
    expect(hub.validations).toBe(0); // the compiled check's path, the one this test is about
    const theirs = body();
    (new ValidationPipe(options) as unknown as { stripProtoKeys(value: unknown): void }).stripProtoKeys(theirs);
    expect(ours).toStrictEqual(theirs);
    // and what both did is what a reader expects: the keys gone from plain objects and instances, built-ins kept
    const { detail } = ours as unknown as { detail: Record<string, unknown> };
    const list = detail['list'] as [object, [object]];
    expect(Object.keys(list[0])).toEqual(['a']);
    expect(Object.keys(list[1][0])).toEqual([]);
    expect(Object.keys(detail['bare'] as object)).toEqual(['b']);
    expect(Object.keys(detail['when'] as object)).toEqual(['prototype']);
    expect(Object.keys(detail['instance'] as object)).toEqual(['kept']);
    expect(Object.keys(detail['builtIn'] as object)).toEqual(['constructor', 'c']);
  });

  it('strips a body as the stock pipe does while Object.prototype has an enumerable key, and ends', async () => {
    const body = () => ({ ...VALID[0][1], detail: JSON.parse('{"a": {"constructor": 2, "b": [{"prototype": 3}]}}') });
    const [ours, theirs] = [body(), body()];
    const stock = new ValidationPipe(options) as unknown as { stripProtoKeys(value: unknown): void };
    // what a polluted prototype looks like: every plain object inherits an object, which inherits it again
    Object.defineProperty(Object.prototype, 'polluted', {
      value: { deep: { constructor: 1 } },
      enumerable: true,
      configurable: true,
      writable: true,
    });
    let outcome: unknown;
    try {
      outcome = await new CountingPipe(options).transform(ours, { type: 'body', metatype: CreateProgressEventDto });
      stock.stripProtoKeys(theirs);
    } finally {
      delete (Object.prototype as Record<string, unknown>)['polluted'];
    }
    expect(outcome).toBeInstanceOf(CreateProgressEventDto); // not a RangeError from a walk without end
    expect(ours).toStrictEqual(theirs);
    expect(Object.keys(ours.detail.a)).toEqual(['b']);
  });

  it('leaves bodies to the full pipe under options the compiled check does not cover', async () => {
    const body = { ...VALID[0][1] };
    const metadata = { type: 'body' as const, metatype: CreateProgressEventDto };
    const skipping = new CountingPipe({ ...options, skipMissingProperties: true });
    await skipping.transform({ ...body }, metadata);
    expect(skipping.validations).toBe(1);
    const untransformed = new CountingPipe({ ...options, transform: false });
    const plain = await untransformed.transform({ ...body }, metadata);
    expect(plain).toEqual(body);
    expect(plain).not.toBeInstanceOf(CreateProgressEventDto);
    expect(untransformed.validations).toBe(1);
  });

  it('answers a valid body of a plain DTO without running the full pipe, and a bad one through it', async () => {
    const pipe = new CountingPipe(options);
    const body = { ...VALID[0][1] };
    const dto = await pipe.transform(body, { type: 'body', metatype: CreateProgressEventDto });
    expect(dto).toBeInstanceOf(CreateProgressEventDto);
    expect(dto).toEqual(body);
    expect(pipe.validations).toBe(0);
    await expect(
      pipe.transform({ ...body, summary: 7 }, { type: 'body', metatype: CreateProgressEventDto }),
    ).rejects.toMatchObject({ response: { field: 'summary' } });
    expect(pipe.validations).toBe(1);
  });
});
