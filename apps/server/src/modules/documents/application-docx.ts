import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import { formatFileSize, type ApplicationDocument, type CoverRow, type DocBlock, type Heading } from './application-document.ts';

/**
 * The same document as Word (DOCX), for officials who edit and reuse the text: the official faces by their Chinese
 * names (宋体, 黑体, 楷体 — present on the officials' machines), exact line pitch, real Heading 1–3 styles and a TOC
 * field, the footer with 申报编号, the snapshot's SHA-256 and page X / Y.
 */

const FACE: Record<string, string> = { SimSun: '宋体', SimHei: '黑体', KaiTi: '楷体', FangSong: '仿宋' };
const font = (face: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: FACE[face] ?? face });
const MONO = { ascii: 'Consolas', hAnsi: 'Consolas', cs: 'Consolas', eastAsia: '宋体' };
const halfPoints = (pt: number) => Math.round(pt * 2);
const twips = (pt: number) => Math.round(pt * 20);
const cm = (x: number) => Math.round((x / 2.54) * 1440);

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function heading(h: Heading): Paragraph {
  const level = h.level === 1 ? HeadingLevel.HEADING_1 : h.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  return new Paragraph({ heading: level, children: [new TextRun(h.text)] });
}

function bodyParagraph(text: string, indent = true): Paragraph {
  return new Paragraph({ indent: indent ? { firstLine: 560 } : undefined, alignment: AlignmentType.JUSTIFIED, children: [new TextRun(text)] });
}

function hint(text: string | null, size: number): Paragraph[] {
  return text ? [new Paragraph({ style: 'Hint', children: [new TextRun({ text, size: halfPoints(size) })] })] : [];
}

function cellParagraphs(text: string, run: Partial<IRunOptions> = {}): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({ style: 'TableText', children: [new TextRun({ text: line, ...run })] }));
}

function fieldTable(rows: CoverRow[], labelWidth = 34, valueRun: Partial<IRunOptions> = {}): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders,
    rows: rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: labelWidth, type: WidthType.PERCENTAGE }, shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' }, children: cellParagraphs(r.label) }),
            new TableCell({ width: { size: 100 - labelWidth, type: WidthType.PERCENTAGE }, children: cellParagraphs(r.value, valueRun) }),
          ],
        }),
    ),
  });
}

function gridTable(columns: string[], rows: string[][]): Table {
  const size = columns.length > 6 ? 18 : undefined; // 9 pt for wide ledgers
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders,
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c) => new TableCell({ shading: { type: ShadingType.CLEAR, fill: 'E7E7E7', color: 'auto' }, verticalAlign: VerticalAlign.CENTER, children: cellParagraphs(c, { size }) })) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: cellParagraphs(c, { size }) })) })),
    ],
  });
}

function block(b: DocBlock, hintSize: number): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'fields':
      return [fieldTable(b.rows), new Paragraph({})];
    case 'longText':
      return [heading(b.heading), ...hint(b.hint, hintSize), ...b.paragraphs.map((p) => bodyParagraph(p))];
    case 'grid':
      return [heading(b.heading), ...hint(b.hint, hintSize), gridTable(b.columns, b.rows), new Paragraph({})];
    case 'records':
      return [
        heading(b.heading),
        ...hint(b.hint, hintSize),
        ...b.records.flatMap((r) => [
          heading(r.heading),
          ...(r.fields.length ? [fieldTable(r.fields)] : []),
          ...r.texts.flatMap((x) => [new Paragraph({ style: 'SubLabel', children: [new TextRun(`${x.label}：`)] }), ...x.paragraphs.map((p) => bodyParagraph(p))]),
        ]),
      ];
  }
}

function footer(doc: ApplicationDocument): Footer {
  const f = doc.footer;
  const pageOf = new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 / 共 ', PageNumber.TOTAL_PAGES, ' 页'] });
  const lines = f.sha256
    ? [
        new Paragraph({ style: 'FooterText', tabStops: [{ type: 'right', position: cm(15.6) }], children: [new TextRun(`申报编号：${f.number ?? ''}（第${f.seq ?? 1}次提交）`), new TextRun('\t'), pageOf] }),
        new Paragraph({ style: 'FooterText', children: [new TextRun('快照哈希（SHA-256）：'), new TextRun({ text: f.sha256, font: MONO, size: 16 })] }),
      ]
    : [new Paragraph({ style: 'FooterText', tabStops: [{ type: 'right', position: cm(15.6) }], children: [new TextRun({ text: f.label, color: 'C00000' }), new TextRun('\t'), pageOf] })];
  return new Footer({ children: lines });
}

function cover(doc: ApplicationDocument, bodySize: number): (Paragraph | Table)[] {
  const centred = (text: string, run: Partial<IRunOptions> = {}, spacingAfter = 0) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacingAfter, line: 400, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text, ...run })] });
  const seal = (label: string) =>
    new TableCell({
      width: { size: 50, type: WidthType.PERCENTAGE },
      borders: { top: thin, bottom: thin, left: thin, right: thin },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 360, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text: label, font: font('SimHei'), size: 24 })] }),
        ...[1, 2, 3].map(() => new Paragraph({ spacing: { line: 360, lineRule: LineRuleType.AUTO }, children: [] })),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 360, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text: '年　　月　　日', size: 24 })] }),
      ],
    });
  const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
  return [
    centred(doc.callTitle, { size: 24 }),
    ...(doc.documentNumber ? [centred(`（${doc.documentNumber}）`, { size: 24 })] : []),
    new Paragraph({ spacing: { before: 300, line: 240, lineRule: LineRuleType.AUTO }, children: [] }),
    centred(doc.cover.title, { font: font('SimHei'), size: 44 }, 120),
    ...(doc.cover.subtitle ? [centred(doc.cover.subtitle, { font: font('KaiTi'), size: 28 })] : []),
    ...(doc.draft ? [centred('草稿（未提交）', { font: font('SimHei'), size: 32, color: 'C00000' })] : []),
    new Paragraph({ spacing: { before: 300, line: 240, lineRule: LineRuleType.AUTO }, children: [] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: noBorders,
      rows: doc.cover.rows.map(
        (r) =>
          new TableRow({
            children: [
              new TableCell({ width: { size: 32, type: WidthType.PERCENTAGE }, borders: { top: none, bottom: none, left: none, right: none }, verticalAlign: VerticalAlign.TOP, children: [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { line: 440, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text: `${r.label}：`, font: font('SimHei'), size: halfPoints(Math.min(bodySize, 14)) })] })] }),
              new TableCell({ width: { size: 68, type: WidthType.PERCENTAGE }, borders: { top: none, left: none, right: none, bottom: thin }, verticalAlign: VerticalAlign.TOP, children: [new Paragraph({ spacing: { line: 440, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text: r.value, size: halfPoints(Math.min(bodySize, 14)) })] })] }),
            ],
          }),
      ),
    }),
    new Paragraph({ spacing: { before: 400, line: 240, lineRule: LineRuleType.AUTO }, children: [] }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: { ...noBorders, insideVertical: none }, rows: [new TableRow({ children: doc.cover.seals.map(seal) })] }),
    new Paragraph({ spacing: { before: 200, line: 240, lineRule: LineRuleType.AUTO }, children: [] }),
    centred(`${doc.issuer}制　　${doc.cover.date}`, { size: 24 }),
    centred(doc.cover.note, { font: font('KaiTi'), size: 21, color: '3C3C3C' }),
  ];
}

/** The Word document of an application. */
export async function renderApplicationDocx(doc: ApplicationDocument): Promise<Uint8Array> {
  const L = doc.layout;
  const size = L.body.sizePt;
  const tableSize = Math.max(10.5, size - 2);
  const exact = { line: twips(L.lineSpacingPt), lineRule: LineRuleType.EXACT };

  const body: (Paragraph | Table | TableOfContents)[] = [];
  // The body is its own section, so it starts on a new page; later parts each start a page of their own.
  const newPage = () => body.length > 0;
  if (doc.instructions.length) {
    body.push(new Paragraph({ style: 'Heading1NoToc', pageBreakBefore: newPage(), children: [new TextRun('填表说明')] }));
    body.push(...doc.instructions.map((x) => bodyParagraph(x)));
  }
  if (L.tocDepth) {
    body.push(new Paragraph({ style: 'Heading1NoToc', pageBreakBefore: newPage(), children: [new TextRun('目录')] }));
    body.push(new TableOfContents('目录', { hyperlink: true, headingStyleRange: `1-${L.tocDepth}` }));
  }
  doc.sections.forEach((sec, i) => {
    const h = heading(sec.heading);
    body.push(i === 0 ? new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: newPage(), children: [new TextRun(sec.heading.text)] }) : h);
    body.push(...hint(sec.hint, tableSize));
    for (const b of sec.blocks) body.push(...block(b, tableSize));
  });
  const c = doc.commitment;
  body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(c.heading.text)] }));
  body.push(...c.paragraphs.map((p) => bodyParagraph(p)));
  body.push(new Paragraph({ children: [] }));
  for (const s of c.signatures) {
    body.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(`${s.label}：`), new TextRun({ text: s.value || '　'.repeat(12), underline: {} })] }));
  }
  const e = doc.evidence;
  body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(e.heading.text)] }));
  if (e.groups.length === 0) body.push(bodyParagraph('无'));
  else body.push(...hint(`共${e.count}个文件。文件内容以 SHA-256 哈希值标识，与平台存档逐字节一致。`, tableSize));
  for (const g of e.groups) {
    body.push(heading(g.heading));
    for (const file of g.files) {
      body.push(heading(file.heading));
      body.push(
        fieldTable(
          [
            { label: '文件名', value: file.name },
            { label: '文件大小', value: `${formatFileSize(file.size)}（${file.size.toLocaleString('en-US')} 字节）` },
          ],
          18,
        ),
        fieldTable([{ label: 'SHA-256', value: file.sha256 }], 18, { font: MONO, size: 18 }),
      );
    }
  }

  const page = { size: { width: 11906, height: 16838 }, margin: { top: cm(2.8), bottom: cm(3.0), left: cm(2.8), right: cm(2.6), footer: cm(1.2) } };
  const document = new Document({
    title: doc.title,
    creator: doc.metadata.applicant || doc.issuer,
    subject: doc.metadata.subject,
    description: doc.footer.sha256 ? `申报编号 ${doc.footer.number}；快照哈希（SHA-256）${doc.footer.sha256}` : doc.footer.label,
    features: { updateFields: Boolean(L.tocDepth) },
    styles: {
      default: {
        document: { run: { font: font(L.body.font), size: halfPoints(size) }, paragraph: { spacing: exact } },
        heading1: { run: { font: font(L.heading1.font), size: halfPoints(L.heading1.sizePt), bold: false, color: '000000' }, paragraph: { spacing: { ...exact, before: 240, after: 120 }, keepNext: true } },
        heading2: { run: { font: font(L.heading2.font), size: halfPoints(L.heading2.sizePt), bold: false, color: '000000' }, paragraph: { spacing: { ...exact, before: 120 }, keepNext: true } },
        heading3: { run: { font: font('SimHei'), size: halfPoints(size), bold: false, color: '000000' }, paragraph: { spacing: exact, keepNext: true } },
      },
      paragraphStyles: [
        { id: 'Heading1NoToc', name: 'Heading 1 (not in TOC)', basedOn: 'Normal', next: 'Normal', run: { font: font(L.heading1.font), size: halfPoints(L.heading1.sizePt) }, paragraph: { spacing: { ...exact, before: 240, after: 120 }, keepNext: true } },
        { id: 'Hint', name: 'Hint', basedOn: 'Normal', run: { font: font('KaiTi'), size: halfPoints(tableSize), color: '505050' }, paragraph: { spacing: { line: 360, lineRule: LineRuleType.AUTO } } },
        { id: 'SubLabel', name: 'Sub label', basedOn: 'Normal', run: { font: font('SimHei') }, paragraph: { keepNext: true } },
        { id: 'TableText', name: 'Table text', basedOn: 'Normal', run: { size: halfPoints(tableSize) }, paragraph: { spacing: { line: 300, lineRule: LineRuleType.AUTO, before: 40, after: 40 } } },
        { id: 'FooterText', name: 'Footer text', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO } } },
      ],
    },
    sections: [
      { properties: { page, titlePage: false }, footers: { default: footer(doc) }, children: cover(doc, size) },
      { properties: { page }, footers: { default: footer(doc) }, children: body },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
