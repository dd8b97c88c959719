import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { IsRequired, validationErrorFactory } from './validation-error.factory';

class Step {
  @IsString()
  @MaxLength(10)
  title: string;
}

class Sample {
  @IsString()
  @MaxLength(20)
  @Matches(/^[a-z]+$/, { message: 'slug must be lowercase letters' })
  slug: string;

  @ValidateIf((o: Sample) => o.url !== undefined || o.path === undefined)
  @IsRequired('url or path is required')
  @IsString()
  url?: string;

  @ValidateIf((o: Sample) => o.path !== undefined)
  @IsString()
  path?: string;

  @ValidateIf((o: Sample) => o.steps !== undefined)
  @ValidateNested({ each: true })
  @Type(() => Step)
  steps?: Step[];

  @ValidateIf((o: Sample) => o.meta !== undefined)
  @IsObject()
  meta?: Record<string, unknown>;

  @ValidateIf((o: Sample) => o.count !== undefined)
  @IsInt()
  count?: number;
}

const pipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: false,
  exceptionFactory: validationErrorFactory,
});

async function refusal(body: unknown): Promise<{ message: string; field?: string; details: unknown[] }> {
  try {
    await pipe.transform(body, { type: 'body', metatype: Sample });
  } catch (err) {
    if (err instanceof BadRequestException) return err.getResponse() as never;
    throw err;
  }
  throw new Error(`${JSON.stringify(body)} was accepted`);
}

describe('validationErrorFactory', () => {
  it('says "required" once for an absent field, and the cross-field rule for an absent pair', async () => {
    expect(await refusal({})).toEqual({
      message: 'slug is required; url or path is required',
      field: 'slug',
      details: [
        { field: 'slug', message: 'slug is required' },
        { field: 'url', message: 'url or path is required' },
      ],
    });
  });

  it('gives a value that was sent every rule it breaks, null included', async () => {
    expect((await refusal({ slug: 'X'.repeat(21), path: '/p' })).details).toEqual([
      { field: 'slug', message: 'slug must be lowercase letters' },
      { field: 'slug', message: 'slug must be shorter than or equal to 20 characters' },
    ]);
    expect((await refusal({ slug: null, url: 'u' })).details).toEqual([
      { field: 'slug', message: 'slug must be lowercase letters' },
      { field: 'slug', message: 'slug must be shorter than or equal to 20 characters' },
      { field: 'slug', message: 'slug must be a string' },
    ]);
  });

  it('names nested fields by their whole path, absent ones included', async () => {
    expect((await refusal({ slug: 'a', url: 'u', steps: [{ title: 'far too long a title' }, {}] })).details).toEqual([
      { field: 'steps[0].title', message: 'steps[0].title must be shorter than or equal to 10 characters' },
      { field: 'steps[1].title', message: 'steps[1].title is required' },
    ]);
  });

  it('names unknown fields and keeps messages of present values as they are', async () => {
    expect((await refusal({ slug: 'a', url: 'u', colour: 'red', meta: 'x', count: 1.5 })).details).toEqual([
      { field: 'colour', message: 'colour is not a known field' },
      { field: 'meta', message: 'meta must be an object' },
      { field: 'count', message: 'count must be an integer number' },
    ]);
  });
});
