import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SystemPackage {
  name: string;
  present: boolean;
  feature: string;
}

async function commandWorks(command: string, args: string[]): Promise<boolean> {
  return run(command, args, { timeout: 5000 }).then(
    () => true,
    () => false,
  );
}

async function hasChineseFont(): Promise<boolean> {
  const known = ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'];
  if (known.some((f) => fs.existsSync(f))) return true;
  const { stdout } = await run('fc-list', [':lang=zh', 'family']).catch(() => ({ stdout: '' }));
  return /Noto (Serif|Sans) CJK SC/.test(stdout);
}

/** Debian packages the platform relies on; a missing one disables its feature, which then answers with a clear error. */
export async function checkSystemPackages(): Promise<SystemPackage[]> {
  const [fonts, ffprobe, poppler] = await Promise.all([
    hasChineseFont(),
    commandWorks('ffprobe', ['-version']),
    commandWorks('pdftotext', ['-v']),
  ]);
  return [
    { name: 'fonts-noto-cjk', present: fonts, feature: 'PDF 文书生成（中文字体：宋体/黑体）' },
    // Without it the PDF still prints, its 楷体 headings falling back to the Song face.
    { name: 'fonts-arphic-ukai', present: fs.existsSync('/usr/share/fonts/truetype/arphic/ukai.ttc'), feature: 'PDF 文书二级标题的楷体' },
    { name: 'ffmpeg', present: ffprobe, feature: '视频时长检测（ffprobe）' },
    { name: 'poppler-utils', present: poppler, feature: 'PDF 文本提取与页面预览（pdftotext/pdftoppm）' },
  ];
}
