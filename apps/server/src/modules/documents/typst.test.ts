import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTypstPdf, TypstError, typstFontFamilies, typstFontList, typstText } from './index.ts';

function pdfText(pdf: Uint8Array): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'typst-')), 'x.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
}

const compact = (s: string) => s.replace(/\s+/g, '');

function pdfFonts(pdf: Uint8Array): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'typst-')), 'x.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdffonts', [file]).toString('utf8');
}

describe('compileTypstPdf', () => {
  it('sets Chinese text in the Song, Hei and Kai faces, embedded and subset', async () => {
    const source = `#set page(paper: "a4")
#set text(font: ${typstFontList('宋体')}, size: 14pt, lang: "zh")
#text(font: ${typstFontList('黑体')})[黑体标题] #text(font: ${typstFontList('楷体')})[楷体小标题] 宋体正文：申报单位承诺所填内容真实。`;
    const pdf = await compileTypstPdf(source);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('黑体标题');
    expect(text).toContain('楷体小标题');
    expect(text).toContain('申报单位承诺所填内容真实');
    const fonts = pdfFonts(pdf);
    for (const face of ['NotoSerifCJK', 'NotoSansCJK', 'UKai']) {
      const line = fonts.split('\n').find((l) => l.includes(face));
      expect(line, face).toBeDefined();
      // name prefixed by a subset tag (ABCDEF+), "emb" and "sub" both yes
      expect(line).toMatch(/^[A-Z]{6}\+/);
      expect(line).toMatch(/yes\s+yes\s+yes/);
    }
  });

  it('reads the files it is given, and only those', async () => {
    const pdf = await compileTypstPdf('#read("data/note.txt")', { files: { 'data/note.txt': '附件说明' } });
    expect(pdfText(pdf)).toContain('附件说明');
    await expect(compileTypstPdf('#read("/etc/hostname")')).rejects.toBeInstanceOf(TypstError);
    await expect(compileTypstPdf('#read("../../etc/hostname")')).rejects.toThrow(/PDF 排版失败/);
  });

  it('sets documents off the event loop, one after another, each with its own files', async () => {
    const order: string[] = [];
    const pending = compileTypstPdf(`#set text(font: ${typstFontList('宋体')})\n${'申报书正文。'.repeat(400)}`).then(() => order.push('compiled'));
    setImmediate(() => order.push('event loop free'));
    await pending;
    expect(order).toEqual(['event loop free', 'compiled']);
    const many = await Promise.all(['甲', '乙', '丙'].map((x) => compileTypstPdf('#read("who.txt")', { files: { 'who.txt': `申报单位${x}` } })));
    expect(many.map((pdf) => pdfText(pdf).trim())).toEqual(['申报单位甲', '申报单位乙', '申报单位丙']);
  });

  it('keeps setting documents across the replacement of its thread (every 100 documents)', async () => {
    let last: Uint8Array = new Uint8Array();
    for (let i = 1; i <= 105; i++) last = await compileTypstPdf(`第${i}份`);
    expect(compact(pdfText(last))).toBe('第105份');
  });

  it('maps the official faces of a print layout to the free ones', () => {
    expect(typstFontFamilies('SimSun')[0]).toBe('Noto Serif CJK SC');
    expect(typstFontFamilies('黑体')[0]).toBe('Noto Sans CJK SC');
    expect(typstFontFamilies('KaiTi')[0]).toBe('AR PL UKai');
    expect(typstFontFamilies(undefined)[0]).toBe('Noto Serif CJK SC');
  });
});

describe('typstText', () => {
  it('shows user text literally: no markup, no code, no file access', async () => {
    const attempts = [
      '#read("/etc/passwd")',
      '#sys.version',
      '") #sys.version #("',
      '"; #panic("x"); #"',
      '\\"); #panic("x"); //',
      '*粗体* _斜体_ $x^2$ `raw`',
      '= 一级标题',
      '@ref <label> ] ) } [ {',
      '// 注释 /* 块注释',
      '\\u{41} \\ 反斜杠',
      '第一行\n第二行\r\n第三行\t制表',
      '\u0000\u0007\u001b控制字符\u2028',
    ];
    const source = attempts.map((a, i) => `行${i}：${typstText(a)}.len() 结束${i}`).join('\n\n');
    const text = pdfText(await compileTypstPdf(source));
    // Typst spaces CJK from Latin and pdftotext shows that as a blank: compare without blanks
    const flat = compact(text);
    expect(text).not.toMatch(/0\.\d+\.\d+/); // sys.version never evaluated
    for (let i = 0; i < attempts.length; i++) expect(flat).toContain(`结束${i}`);
    for (const a of attempts.slice(0, 10)) expect(flat).toContain(`${compact(a)}.len()`);
    expect(text).toMatch(/第一行\s*\n\s*第二行\s*\n\s*第三行/);
    expect(flat).toContain('控制字符');
  });
});
