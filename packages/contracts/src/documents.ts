/**
 * 申报书文书: the printed application (PDF / Word) and the public check of a printed copy (申报材料核验). The check
 * answers only whether the 申报编号 and SHA-256 in a copy's footer belong to a submitted snapshot — never its content.
 */
import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const VerifyDocumentQuery = Type.Object(
  {
    /** 申报编号 as printed in the footer, e.g. HPC2022-00001. */
    number: Type.String({ minLength: 1, maxLength: 60 }),
    /** 快照哈希 (SHA-256, 64 hexadecimal characters) as printed in the footer. */
    sha256: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);
export type VerifyDocumentQuery = Static<typeof VerifyDocumentQuery>;

export const VerifyDocumentResult = Type.Object({
  /** The number and hash belong to one submission of one application. */
  match: Type.Boolean(),
  /** Of the matched submission (null when there is no match): the call, when it was submitted, which submission. */
  callTitle: Nullable(Type.String()),
  submittedAt: Nullable(Type.String()),
  seq: Nullable(Type.Integer()),
  /** Whether the matched submission is the application's latest (a later revision supersedes the copy). */
  latest: Nullable(Type.Boolean()),
});
export type VerifyDocumentResult = Static<typeof VerifyDocumentResult>;
