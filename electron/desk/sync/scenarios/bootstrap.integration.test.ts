import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors/app-error';
import { startTestDesk, type TestDesk } from '../../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';

describe.each(HUB_BACKENDS)('sync bootstrap (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  beforeEach(async () => {
    hub = await startTestHub(backend);
  });
  afterEach(async () => {
    await desk?.close();
    await hub?.close();
  });

  it("streams the comune's whole partition in pages, with progress, and nothing of other comuni", async () => {
    desk = await startTestDesk(hub, { sync: { bootstrapPage: 1 } });
    const progress: string[] = [];
    const original = desk.core.ctx.hub.registryPage;
    desk.core.ctx.hub.registryPage = async (after, limit) => {
      const page = await original(after, limit);
      progress.push(`${page.families.length}/${page.totalFamilies}`);
      return page;
    };
    const status = await desk.core.sync.syncOnce();
    expect(status).toMatchObject({ state: 'ready', residents: 6, online: true, pending: 0, error: null });
    expect(progress).toEqual(['1/3', '1/3', '1/3']);
    const ids = (await desk.core.ctx.db.selectFrom('residents').select('id').orderBy('id').execute()).map(
      (r) => r.id,
    );
    expect(ids).toEqual(['r-anna', 'r-arben', 'r-dead', 'r-luca', 'r-mario', 'r-nicolo']);
  });

  it('asks for the next page as soon as an answer is in, before parsing it, with the cursor its headers announce', async () => {
    desk = await startTestDesk(hub, { sync: { bootstrapPage: 1 } });
    const events: string[] = [];
    const original = desk.core.ctx.hub.registryPage;
    desk.core.ctx.hub.registryPage = async (after, limit, onNext) => {
      events.push(`ask ${after ?? 'start'}`);
      const page = await original(after, limit, (next) => {
        events.push(`announced ${next}`);
        onNext?.(next);
      });
      events.push(`parsed ${page.next ?? 'end'}`);
      return page;
    };
    const status = await desk.core.sync.syncOnce();
    expect(status).toMatchObject({ state: 'ready', residents: 6, error: null });
    const announced = events.filter((e) => e.startsWith('announced ')).map((e) => e.slice(10));
    // three households, one a page: the hub announces the two cursors that follow, not the end
    expect(announced).toHaveLength(2);
    for (const cursor of announced) {
      const at = (e: string) => events.indexOf(e);
      expect(at(`ask ${cursor}`)).toBeGreaterThan(at(`announced ${cursor}`));
      expect(at(`ask ${cursor}`)).toBeLessThan(at(`parsed ${cursor}`));
    }
    expect(events.filter((e) => e.startsWith('ask '))).toHaveLength(3);
  });

  it("stops where a page's body disagrees with the cursor its headers announced, and resumes from what it wrote", async () => {
    desk = await startTestDesk(hub, { sync: { bootstrapPage: 1 } });
    const original = desk.core.ctx.hub.registryPage;
    let calls = 0;
    desk.core.ctx.hub.registryPage = (after, limit, onNext) => {
      const call = ++calls;
      // the second answer announces a cursor its body does not end on (a faulty proxy or hub)
      return original(after, limit, (next) => onNext?.(call === 2 ? 'zzz-not-the-next' : next));
    };
    const failed = await desk.core.sync.syncOnce();
    expect(failed.state).toBe('error');
    expect(await desk.count('residents')).toBe(1); // the first household only: nothing of the second
    desk.core.ctx.hub.registryPage = original;
    const done = await desk.core.sync.syncOnce();
    expect(done).toMatchObject({ state: 'ready', residents: 6, error: null });
    const ids = (await desk.core.ctx.db.selectFrom('residents').select('id').orderBy('id').execute()).map(
      (r) => r.id,
    );
    expect(ids).toEqual(['r-anna', 'r-arben', 'r-dead', 'r-luca', 'r-mario', 'r-nicolo']);
  });

  it('resumes an interrupted bootstrap where it stopped, without duplicates', async () => {
    desk = await startTestDesk(hub, { sync: { bootstrapPage: 1 } });
    const original = desk.core.ctx.hub.registryPage;
    let calls = 0;
    desk.core.ctx.hub.registryPage = async (after, limit) => {
      calls++;
      if (calls === 2) throw new AppError('hub_unreachable');
      return original(after, limit);
    };
    const failed = await desk.core.sync.syncOnce();
    expect(failed.state).toBe('error');
    expect(failed.online).toBe(false);
    expect(await desk.count('residents')).toBe(1); // the first page (one household) only, whole
    const done = await desk.core.sync.syncOnce();
    expect(done).toMatchObject({ state: 'ready', residents: 6, error: null });
  });
});
