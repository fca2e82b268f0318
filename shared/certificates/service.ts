import { z } from 'zod';
import { rule, STAFF, SUPERVISORS } from '../auth/rule';
import { spec } from '../contract/call-spec';
import {
  certificateIssueInput,
  certificateRequestInput,
  declarationIssueInput,
  declarationRequestInput,
} from '../contract/document-inputs';
import type {
  CertificateListItem,
  CertificatePreview,
  DeclarationPreview,
  IssuedCertificate,
  IssuedDocument,
} from '../contract/views';
import { DOCUMENT_MESSAGES } from '../i18n/document-messages';
import { defineService } from '../services/service-definition';
import {
  certificateRecordSchema,
  certificateRevocationSchema,
  declarationRecordSchema,
} from './certificate-record';

/** Registry certificates and pre-filled self-declarations (DOMAIN.md §1–2). */
export const certificatesService = defineService({
  id: 'certificates',
  calls: {
    'certificates:preview': spec<CertificatePreview>()(certificateRequestInput, 'clerk'),
    'certificates:issue': spec<IssuedCertificate>()(certificateIssueInput, 'clerk'),
    'certificates:pdf': spec<IssuedDocument>()(z.object({ id: z.string().min(1).max(40) }).strict(), 'clerk'),
    'certificates:list': spec<CertificateListItem[]>()(
      z.object({ residentId: z.string().min(1).max(64) }).strict(),
      'clerk',
    ),
    'certificates:revoke': spec<CertificateListItem>()(certificateRevocationSchema, 'clerk'),
    'declarations:preview': spec<DeclarationPreview>()(declarationRequestInput, 'clerk'),
    'declarations:issue': spec<IssuedDocument>()(declarationIssueInput, 'clerk'),
  },
  mutations: {
    'certificates.record': certificateRecordSchema,
    'certificates.revoke': certificateRevocationSchema,
    'declarations.record': declarationRecordSchema,
  },
  rules: {
    'certificates.record': rule(STAFF, 'rilascio certificato', 'issuing a certificate'),
    'certificates.revoke': rule(SUPERVISORS, 'revoca certificato', 'revoking a certificate'),
    'declarations.record': rule(STAFF, 'autocertificazione', 'self-declaration'),
  },
  entities: ['certificate'],
  backfilled: ['certificate'],
  errors: {},
  ui: DOCUMENT_MESSAGES,
});
