import type { MessageHandler } from '@nestjs/microservices';
import { EnvelopeServer } from './envelope-server';

// Only the handler registry is used: the transport's own methods are never called here.
class TestServer extends EnvelopeServer {
  listen = jest.fn();
  close = jest.fn();
  on = jest.fn();
  unwrap<T>(): T {
    throw new Error('no client');
  }
}

describe('EnvelopeServer.getHandlerByPattern', () => {
  const handler = (name: string) => Object.assign(async () => name, { isEventHandler: true }) as MessageHandler;
  const server = new TestServer();
  const exact = handler('exact');
  const wildcard = handler('wildcard');
  server.addHandler('org.statehub.repo.registered', exact, true);
  server.addHandler('org.statehub.>', wildcard, true);
  afterEach(() => jest.restoreAllMocks());

  it('finds the exact pattern first, then the most specific wildcard, else none', () => {
    expect(server.getHandlerByPattern('org.statehub.repo.registered')).toBe(exact);
    expect(server.getHandlerByPattern('org.statehub.task.completed')).toBe(wildcard);
    expect(server.getHandlerByPattern('deadletter.org.statehub.repo.registered')).toBeNull();
  });

  it('looks a subject up as it is, without trying to read it as JSON (which threw for every event)', () => {
    const parse = jest.spyOn(JSON, 'parse');
    expect(server.getHandlerByPattern('org.statehub.repo.registered')).toBe(exact);
    expect(server.getHandlerByPattern('org.statehub.task.completed')).toBe(wildcard);
    expect(parse).not.toHaveBeenCalled();
  });
});
