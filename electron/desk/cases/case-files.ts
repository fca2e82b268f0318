import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/cases/case-mutations';
import { CASE_FILES_PATH, fileDownloadSchema } from '../../../shared/cases/case-wire';
import { AppError } from '../../../shared/errors/app-error';
import { fromBase64, sha256Hex, toBase64 } from '../bytes';
import type { DeskContext } from '../context';
import { hubSessionToken } from './hub-session';

/** The hub refused a file for good (too large, damaged): not offered again, its mutation is refused. */
const REFUSED = -1;

/**
 * Uploads attachment contents the hub does not have yet, oldest first. A network failure stops
 * the round (the push would fail too and is retried with backoff); a refusal marks the file so it
 * is not sent for ever, and the hub then refuses the `cases.attach` that needs it.
 */
export async function uploadPendingFiles(ctx: DeskContext): Promise<void> {
  const pending = await ctx.db
    .selectFrom('case_files')
    .select(['sha256', 'media_type'])
    .where('at_hub', '=', 0)
    .limit(20)
    .execute();
  for (const file of pending) {
    const row = await ctx.db
      .selectFrom('case_files')
      .select('content')
      .where('sha256', '=', file.sha256)
      .executeTakeFirstOrThrow();
    let atHub = 1;
    try {
      await ctx.hub.call(
        `${CASE_FILES_PATH}/${file.sha256}`,
        {
          method: 'PUT',
          body: { contentBase64: toBase64(row.content), mediaType: file.media_type },
          timeoutMs: 60_000,
        },
        z.object({ sha256: z.string() }),
      );
    } catch (err) {
      if (!(err instanceof AppError) || err.code === 'hub_unreachable' || err.code === 'hub_error') throw err;
      atHub = REFUSED;
    }
    await ctx.db.updateTable('case_files').set({ at_hub: atHub }).where('sha256', '=', file.sha256).execute();
  }
}

/** An attachment's content: from this counter, or fetched once from the hub and kept. */
export async function fileContent(
  ctx: DeskContext,
  sha256: string,
): Promise<{ content: Uint8Array; mediaType: string }> {
  const local = await ctx.db
    .selectFrom('case_files')
    .select(['content', 'media_type'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (local) return { content: local.content, mediaType: local.media_type };
  const res = await ctx.hub.call(
    `${CASE_FILES_PATH}/${sha256}`,
    { method: 'GET', clerkToken: hubSessionToken(ctx, 'allegato conservato su un’altra postazione') },
    fileDownloadSchema,
  );
  const content = fromBase64(res.contentBase64);
  if (content.length > ATTACHMENT_MAX_BYTES * 2 || sha256Hex(content) !== sha256) {
    throw new AppError('case_file_mismatch', { sha256 });
  }
  await ctx.db
    .insertInto('case_files')
    .values({ sha256, content, size: content.length, media_type: res.mediaType, at_hub: 1 })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return { content, mediaType: res.mediaType };
}
