import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshHubDb, HUB_BACKENDS } from '../../test-support/hub-backends';
import { compiledOnce } from './compiled-once';

describe.each(HUB_BACKENDS)('a query compiled once per shape (%s)', (backend) => {
  let hubDb: Awaited<ReturnType<typeof freshHubDb>>;
  beforeAll(async () => {
    hubDb = await freshHubDb(backend);
    await hubDb.db
      .insertInto('hub_meta')
      .values([
        { key: 'co-a', value: 'uno' },
        { key: 'co-b', value: 'due' },
      ])
      .execute();
  });
  afterAll(async () => {
    await hubDb?.close();
  });

  const valueOf = (run: ReturnType<typeof compiledOnce>, key: string, given: unknown[]) =>
    run(hubDb.db, 'meta.value', given, () =>
      hubDb.db.selectFrom('hub_meta').select('value').where('key', '=', key).compile(),
    );

  it('runs the kept text with each call’s own parameters', async () => {
    const run = compiledOnce();
    expect(await valueOf(run, 'co-a', ['co-a'])).toEqual([{ value: 'uno' }]);
    // the second call is not built: its answer comes from the text kept and the parameter given
    expect(await valueOf(run, 'co-a', ['co-b'])).toEqual([{ value: 'due' }]);
  });

  it('keeps nothing when the parameters given are not those the query compiles to', async () => {
    const run = compiledOnce();
    // a caller that got the order (here: the value) wrong is answered as built, every time
    expect(await valueOf(run, 'co-a', ['co-b'])).toEqual([{ value: 'uno' }]);
    expect(await valueOf(run, 'co-b', ['co-a'])).toEqual([{ value: 'due' }]);
  });
});
