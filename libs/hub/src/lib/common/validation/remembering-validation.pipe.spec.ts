import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { REMEMBERED_QUERIES, RememberingValidationPipe } from './remembering-validation.pipe';

class PageQuery {
  @IsOptional() @IsString() repo?: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(500) limit = 50;
}

class CountingPipe extends RememberingValidationPipe {
  validations = 0;
  protected override validate(...args: Parameters<RememberingValidationPipe['validate']>) {
    this.validations++;
    return super.validate(...args);
  }
}

const query = { type: 'query' as const, metatype: PageQuery };
const newPipe = () => new CountingPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });

describe('RememberingValidationPipe', () => {
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

  it('validates bodies and path parameters every time', async () => {
    const pipe = newPipe();
    await pipe.transform({ limit: '20' }, { type: 'body', metatype: PageQuery });
    await pipe.transform({ limit: '20' }, { type: 'body', metatype: PageQuery });
    expect(pipe.validations).toBe(2);
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
