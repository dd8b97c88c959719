// The seam every state change goes through: one transaction, all or nothing.
import { DomainEntity } from '@state-hub/db';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../testing/test-app';
import { StateChangeRunner } from './state-change.runner';

describe('StateChangeRunner (real Postgres)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('rolls back every write of a change that fails part-way', async () => {
    const runner = t.app.get(StateChangeRunner);
    await expect(
      runner.run(async ({ manager }) => {
        await manager.save(manager.create(DomainEntity, { slug: 'half', name: 'Half', description: null }));
        await manager.save(manager.create(DomainEntity, { slug: 'written', name: 'Written', description: null }));
        throw new Error('boom after two writes');
      }),
    ).rejects.toThrow('boom after two writes');
    expect(await t.app.get(DataSource).manager.count(DomainEntity)).toBe(0);
  });

  it('commits every write of a change that succeeds', async () => {
    const runner = t.app.get(StateChangeRunner);
    await runner.run(async ({ manager }) => {
      await manager.save(manager.create(DomainEntity, { slug: 'one', name: 'One', description: null }));
      await manager.save(manager.create(DomainEntity, { slug: 'two', name: 'Two', description: null }));
    });
    expect(await t.app.get(DataSource).manager.count(DomainEntity)).toBe(2);
  });
});
