import type { VerifyDocumentQuery, VerifyDocumentResult } from '@shenbao/contracts';
import type { DbOrTx } from '../../platform/database.ts';
import { invalid, type FieldError } from '../../platform/errors.ts';
import { submissionsByNumber } from '../applications/index.ts';
import { findCallRecord } from '../programs/index.ts';

const NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{2,59}$/;
const SHA256 = /^[0-9a-f]{64}$/;

const NO_MATCH: VerifyDocumentResult = { match: false, callTitle: null, submittedAt: null, seq: null, latest: null };

/**
 * 申报材料核验: does the 申报编号 and SHA-256 from a printed copy's footer belong to a submitted snapshot? Anyone may
 * ask; the answer says only that, with the call, the time and which submission — never the content. An unknown number
 * and a wrong hash get the same answer, so the check tells nothing about applications one does not hold a copy of.
 */
export async function verifyPrintedCopy(db: DbOrTx, query: VerifyDocumentQuery): Promise<VerifyDocumentResult> {
  const number = query.number.trim();
  const sha256 = query.sha256.trim().toLowerCase();
  const fields: FieldError[] = [];
  if (!NUMBER.test(number)) fields.push({ path: '/query/number', message: '申报编号格式不正确（如 HPC2022-00001）' });
  if (!SHA256.test(sha256)) fields.push({ path: '/query/sha256', message: '快照哈希应为 64 位十六进制字符（SHA-256）' });
  if (fields.length) throw invalid(fields.map((f) => f.message).join('；'), fields);

  const submissions = await submissionsByNumber(db, number);
  const hit = submissions.find((s) => s.sha256 === sha256);
  if (!hit) return NO_MATCH;
  const call = await findCallRecord(db, hit.callId);
  return {
    match: true,
    callTitle: call?.title ?? null,
    submittedAt: hit.submittedAt.toISOString(),
    seq: hit.seq,
    latest: hit.seq === submissions.at(-1)?.seq,
  };
}
