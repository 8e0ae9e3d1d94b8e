import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { VerifyDocumentQuery, VerifyDocumentResult } from '@shenbao/contracts';
import type { AppDeps } from '../../platform/http.ts';
import { AppError } from '../../platform/errors.ts';
import { readApplicationDocument, type ApplicationDocument } from './application-document.ts';
import { renderApplicationDocx } from './application-docx.ts';
import { applicationTypst } from './application-pdf.ts';
import { PdfRenderPool } from './export-pdf-pool.ts';
import { TypstError } from './typst.ts';
import { verifyPrintedCopy } from './verification.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function headers(doc: ApplicationDocument, fileName: string) {
  return {
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'cache-control': 'private, no-store',
    // the printed copy's identity, for clients that file it
    'x-application-number': doc.footer.number ?? '',
    'x-snapshot-sha256': doc.footer.sha256 ?? '',
  };
}

/** 申报书 as PDF and Word, and the public check of a printed copy (申报材料核验). */
export const documentRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { database }) => {
  const { db } = database;
  // Downloads are typeset in a child process replaced every 100 PDFs: the compiler keeps memory per document, and the
  // server's own stays flat (see export-pdf-pool.ts). One child: a download is interactive, not a batch.
  const pdfs = new PdfRenderPool({ size: 1 });
  app.addHook('onClose', () => pdfs.close());

  app.get(
    '/api/applications/:id/document.pdf',
    {
      schema: { tags: ['文书'], summary: '申报书 PDF（已提交：最新提交快照，页脚印申报编号与快照哈希；填报中：标注“草稿”，无哈希）', params: IdParams },
      config: { action: 'application.read' },
    },
    async (request, reply) => {
      const { doc, fileName } = await readApplicationDocument(db, request.ctx, request.params.id);
      const pdf = await pdfs.render(applicationTypst(doc)).catch((error: unknown) => {
        if (error instanceof TypstError) throw new AppError(503, 'pdf_unavailable', error.message);
        throw error;
      });
      return reply.type('application/pdf').headers(headers(doc, `${fileName}.pdf`)).send(Buffer.from(pdf));
    },
  );

  app.get(
    '/api/applications/:id/document.docx',
    {
      schema: { tags: ['文书'], summary: '申报书 Word（与 PDF 同一内容，便于编辑引用）', params: IdParams },
      config: { action: 'application.read' },
    },
    async (request, reply) => {
      const { doc, fileName } = await readApplicationDocument(db, request.ctx, request.params.id);
      return reply.type(DOCX).headers(headers(doc, `${fileName}.docx`)).send(Buffer.from(await renderApplicationDocx(doc)));
    },
  );

  app.get(
    '/api/verify',
    {
      schema: {
        tags: ['文书'],
        summary: '申报材料核验（公开）：纸质申报书页脚的申报编号与快照哈希是否与提交的快照一致；只答是否一致，不返回内容',
        querystring: VerifyDocumentQuery,
        response: { 200: VerifyDocumentResult },
      },
      config: { action: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request) => verifyPrintedCopy(db, request.query),
  );
};
