// A child process of the bulk export that compiles Typst sources to PDF (see export-pdf-pool.ts): the native compiler
// keeps about 1.5 MB per compile that no cache eviction returns, so a thousand PDFs are compiled here and the
// process is replaced every hundred, instead of growing the server by a gigabyte and a half.
import { compileTypst } from './typst.ts';

interface RenderRequest {
  id: number;
  source: string;
}

process.on('message', (message: RenderRequest) => {
  compileTypst(message.source)
    .then(({ pdf }) => process.send?.({ id: message.id, pdf }))
    .catch((error: unknown) => process.send?.({ id: message.id, error: error instanceof Error ? error.message : String(error) }));
});
// The parent went away (closed the pool, or died): nothing left to do.
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
