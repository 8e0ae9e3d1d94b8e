import { describe, expect, it } from 'vitest';
import { PdfRenderPool } from './export-pdf-pool.ts';
import { TypstError } from './typst.ts';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('PDF 排版子进程池', () => {
  it('renders in child processes, replaces each child after its quota, and stops them on close', async () => {
    const pool = new PdfRenderPool({ size: 1, recycleAfter: 3 });
    const seen = new Set<number>();
    for (let i = 0; i < 7; i++) {
      const pdf = await pool.render(`#set text(lang: "zh")\n第 ${i} 份`);
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
      for (const pid of pool.pids()) seen.add(pid);
    }
    // 7 PDFs at 3 per child: three children, none of them the server itself.
    expect(seen.size).toBe(3);
    expect(seen.has(process.pid)).toBe(false);
    const last = pool.pids();
    await pool.close();
    for (const pid of last) expect(alive(pid)).toBe(false);
    await expect(pool.render('x')).rejects.toThrow('PDF 排版进程已关闭');
  });

  it('answers a broken source with the compiler’s reason, and keeps rendering', async () => {
    const pool = new PdfRenderPool({ size: 2 });
    try {
      const [bad, good] = await Promise.allSettled([pool.render('#let x = ('), pool.render('正常')]);
      expect(bad.status).toBe('rejected');
      expect((bad as PromiseRejectedResult).reason).toBeInstanceOf(TypstError);
      expect(String((bad as PromiseRejectedResult).reason.message)).toMatch(/^PDF 排版失败/);
      expect(good.status).toBe('fulfilled');
    } finally {
      await pool.close();
    }
  });

  it('retries the jobs of a child that died once, on a fresh child', async () => {
    const pool = new PdfRenderPool({ size: 1 });
    try {
      await pool.render('预热');
      const [pid] = pool.pids();
      const pending = pool.render('子进程退出后重试');
      process.kill(pid!, 'SIGKILL');
      expect(Buffer.from((await pending).subarray(0, 5)).toString()).toBe('%PDF-');
      expect(pool.pids()).not.toContain(pid);
    } finally {
      await pool.close();
    }
  });
});
