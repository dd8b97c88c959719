import { Controller, Get, Header, HttpCode, Module, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage } from 'node:http';
import request from 'supertest';
import { replyWithDirectJson } from './direct-json-reply';

class Instance {
  constructor(readonly name = 'instance') {}
}

@Controller()
class SampleController {
  @Get('object') object() {
    return { id: 1, when: new Date('2026-12-06T01:00:00Z'), text: 'é <&>', nested: { list: [1, null] } };
  }
  @Get('array') array() {
    return [{ a: 1 }, 'two'];
  }
  @Post('created') created() {
    return { created: true };
  }
  @Get('text') text() {
    return 'plain text';
  }
  @Get('instance') instance() {
    return new Instance();
  }
  @Get('typed') @Header('content-type', 'application/problem+json') typed() {
    return { typed: true };
  }
  @Get('empty') @HttpCode(204) empty() {
    return undefined;
  }
  @Post('no-content') @HttpCode(204) noContent() {
    return { dropped: true };
  }
  @Get('tagged') @Header('ETag', '"v1"') tagged() {
    return { tagged: true };
  }
}

@Module({ controllers: [SampleController] })
class SampleModule {}

async function app(direct: boolean): Promise<NestExpressApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [SampleModule] }).compile();
  const nest = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  nest.set('etag', false);
  if (direct) replyWithDirectJson(nest);
  return nest.init();
}

describe('replyWithDirectJson', () => {
  let direct: NestExpressApplication;
  let stock: NestExpressApplication;
  beforeAll(async () => {
    [direct, stock] = await Promise.all([app(true), app(false)]);
  });
  afterAll(() => Promise.all([direct?.close(), stock?.close()]));

  const answer = async (
    nest: NestExpressApplication,
    method: 'get' | 'post' | 'head',
    path: string,
    headers: Record<string, string> = {},
  ) => {
    const res = await request(nest.getHttpServer())[method](path).set(headers);
    // every header as sent (name case and order), but the clock's
    const raw = (res as unknown as { res: IncomingMessage }).res.rawHeaders.join('\n').replace(/^Date\n.*$/m, 'Date');
    return { status: res.status, raw, text: res.text };
  };

  it.each([
    ['get', '/object'],
    ['get', '/array'],
    ['post', '/created'],
    ['get', '/text'],
    ['get', '/instance'],
    ['get', '/typed'],
    ['get', '/empty'],
    ['post', '/no-content'],
    ['get', '/tagged'],
    ['head', '/object'],
  ] as const)('%s %s: the same status, headers and bytes as Nest on Express', async (method, path) => {
    const ours = await answer(direct, method, path);
    expect(ours).toEqual(await answer(stock, method, path));
    expect(ours.status).toBeLessThan(300);
  });

  it('still answers 304 to a request that has the ETag a route sets', async () => {
    const ours = await answer(direct, 'get', '/tagged', { 'If-None-Match': '"v1"' });
    expect(ours).toEqual(await answer(stock, 'get', '/tagged', { 'If-None-Match': '"v1"' }));
    expect(ours.status).toBe(304);
  });

  it('sends a plain object as UTF-8 JSON with its length in bytes', async () => {
    const res = await request(direct.getHttpServer()).get('/object').expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
    expect(res.body).toEqual({ id: 1, when: '2026-12-06T01:00:00.000Z', text: 'é <&>', nested: { list: [1, null] } });
  });
});
