import { z } from 'zod';
import { spec, type CallSpec } from '../contract/call-spec';
import { SCIA_OUTCOMES, SHOP_PAYMENTS, SHOP_STATUSES, shopFilingSchema } from './shop-wire';
import type {
  CaseProtocolView,
  FiledView,
  FilingCheckView,
  SciaDueView,
  ShopLetterView,
  ShopView,
} from './shop-views';

/** The desk contract entries of shops (`shops:…`), declared in service.ts. */

const id = z.string().trim().min(1).max(64);

export const filingInput = z
  .object({
    /** null for an opening; else the shop of the register the event is about */
    shopId: id.nullable(),
    filing: shopFilingSchema,
  })
  .strict();
export type FilingInput = z.infer<typeof filingInput>;

export const fileInput = filingInput.extend({ payment: z.enum(SHOP_PAYMENTS).default('cash') }).strict();
export type FileInput = z.infer<typeof fileInput>;

export const SHOP_CALLS = {
  /** the register of the comune from the mirror: by sign, company, P.IVA or street; by status */
  'shops:register': spec<ShopView[]>()(
    z
      .object({
        query: z.string().trim().max(120).optional(),
        status: z.enum(SHOP_STATUSES).nullable().optional(),
      })
      .strict(),
    'clerk',
  ),
  'shops:get': spec<ShopView>()(z.object({ shopId: id }).strict(), 'clerk'),
  /** the live check of a filing: class, kind, fees, term; nothing stored */
  'shops:check': spec<FilingCheckView>()(filingInput, 'clerk'),
  'shops:file': spec<FiledView>()(fileInput, 'clerk'),
  /** the case of a filing: its protocol number once the hub has registered it */
  'shops:caseProtocol': spec<CaseProtocolView>()(z.object({ caseId: id }).strict(), 'clerk'),
  /** supervisors: SCIA checks still open, nearest term first */
  'shops:checksDue': spec<SciaDueView[]>()(z.object({}).strict(), 'clerk'),
  'shops:outcome': spec<ShopLetterView & { shop: ShopView }>()(
    z
      .object({
        shopId: id,
        outcome: z.enum(SCIA_OUTCOMES),
        conformDays: z.number().int().min(1).max(365).nullable().optional(),
        reason: z.string().trim().min(3).max(500),
      })
      .strict(),
    'clerk',
  ),
} satisfies Record<string, CallSpec<z.ZodType, unknown>>;
