// The Typst compiler's own thread (see typst.ts): PDFs are set here, so a long document never holds up the server's
// event loop. Plain JavaScript, so that it loads the same way under tsx, vitest and node. One job at a time: each maps
// its own files, compiles, renders and clears them.
import { parentPort, workerData } from 'node:worker_threads';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const { root, fontPaths } = workerData;
const compiler = NodeCompiler.create({ workspace: root, fontArgs: [{ fontPaths }] });

parentPort.on('message', ({ id, source, files, creationTimestamp }) => {
  compiler.resetShadow();
  try {
    for (const [rel, content] of Object.entries(files)) compiler.mapShadow(`${root}/${rel}`, Buffer.from(content));
    const result = compiler.compile({ mainFileContent: source });
    const error = result.takeError();
    const doc = result.result;
    if (error || !doc) {
      const diagnostics = (error?.shortDiagnostics ?? []).map((d) => String(d?.message ?? d));
      parentPort.postMessage({ id, error: `PDF 排版失败：${diagnostics.join('；') || '未知错误'}`, diagnostics });
      return;
    }
    const pdf = compiler.pdf(doc, creationTimestamp === undefined ? {} : { creationTimestamp });
    const bytes = new Uint8Array(pdf); // a copy the thread owns, handed over without another copy
    parentPort.postMessage({ id, pdf: bytes, pages: doc.numOfPages }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: `PDF 排版失败：${error instanceof Error ? error.message : String(error)}`, diagnostics: [] });
  } finally {
    compiler.resetShadow();
    compiler.evictCache(2); // measured: far less memory than 30, and no slower for applications
  }
});
