import { formatFileSize, type ApplicationDocument, type CoverRow, type DocBlock, type Heading } from './application-document.ts';
import { compileTypst, TYPST_FONTS, typstFontList, typstString, typstText } from './typst.ts';

/**
 * The printed application as Typst → PDF: A4, the notice's faces and sizes (宋体 body, 黑体 heading 1, 楷体
 * heading 2), fixed line pitch (固定值 29 磅 / 26 磅), cover with seal boxes, table of contents where asked, every
 * page's footer with 申报编号, the snapshot's SHA-256 and 第 X 页 / 共 Y 页. All user text enters through typstText.
 */

const t = typstText;
const s = typstString;

function heading(h: Heading, outlined = true): string {
  return `#heading(level: ${h.level}, outlined: ${outlined})[${t(h.text)}]\n`;
}

function hint(text: string | null): string {
  return text ? `#hint[${t(text)}]\n` : '';
}

function paragraphs(list: string[]): string {
  return list.map((p) => `#body-par[${t(p)}]\n`).join('');
}

function fieldTable(rows: CoverRow[]): string {
  const cells = rows.map((r) => `[${t(r.label)}], [${t(r.value)}]`).join(',\n  ');
  return `#field-table(\n  ${cells},\n)\n`;
}

function block(b: DocBlock): string {
  switch (b.kind) {
    case 'fields':
      return fieldTable(b.rows);
    case 'longText':
      return heading(b.heading) + hint(b.hint) + paragraphs(b.paragraphs);
    case 'grid': {
      const header = b.columns.map((c) => `[${t(c)}]`).join(', ');
      const body = b.rows.map((r) => r.map((c) => `[${t(c)}]`).join(', ')).join(',\n  ');
      const table = `${heading(b.heading)}${hint(b.hint)}#grid-table(${b.columns.length}, (${header},), (\n  ${body},\n))\n`;
      // a wide ledger (投资清单 …) is printed on landscape pages of its own
      return b.columns.length > 7 ? `#page(flipped: true)[\n${table}]\n` : table;
    }
    case 'records':
      return (
        heading(b.heading) +
        hint(b.hint) +
        b.records
          .map((r) => heading(r.heading) + (r.fields.length ? fieldTable(r.fields) : '') + r.texts.map((x) => `#sub-label[${t(x.label)}]\n${paragraphs(x.paragraphs)}`).join(''))
          .join('')
      );
  }
}

/** The Typst source of an application document. */
export function applicationTypst(doc: ApplicationDocument): string {
  const L = doc.layout;
  const body = typstFontList(L.body.font);
  const h1 = typstFontList(L.heading1.font);
  const h2 = typstFontList(L.heading2.font);
  const hei = typstFontList('SimHei');
  const kai = typstFontList('KaiTi');
  const size = L.body.sizePt;
  const tableSize = Math.max(10.5, size - 2);
  // Each line box is exactly 1em (top-edge 0.88em, bottom-edge -0.12em); leading fills the rest of the pitch.
  const leading = Math.max(0, L.lineSpacingPt - size);
  const mono = s(TYPST_FONTS.song === 'Noto Serif CJK SC' ? 'Noto Sans Mono CJK SC' : 'DejaVu Sans Mono');
  const f = doc.footer;

  const footerLines = f.sha256
    ? `grid(columns: (1fr, auto), [${t(`申报编号：${f.number ?? ''}（第${f.seq ?? 1}次提交）`)}], page-of)
    [快照哈希（SHA-256）：#text(font: ${mono}, size: 8.5pt)[${t(f.sha256)}]]`
    : `grid(columns: (1fr, auto), [${t(f.label)}], page-of)`;

  const preamble = `
#set document(title: ${s(doc.title)}, author: ${s(doc.metadata.applicant || doc.issuer)}, keywords: (${s(doc.callTitle)},))
#set text(font: ${body}, size: ${size}pt, lang: "zh", region: "cn", top-edge: 0.88em, bottom-edge: -0.12em)
#set par(leading: ${leading}pt, spacing: ${leading}pt, justify: true)
#let page-of = context [第 #counter(page).display() 页 / 共 #counter(page).final().first() 页]
#set page(
  paper: "a4",
  margin: (top: 2.8cm, bottom: 3.0cm, left: 2.8cm, right: 2.6cm),
  footer-descent: 25%,
  footer: context {
    set text(size: 9pt, font: ${body}, top-edge: "ascender", bottom-edge: "descender")
    set par(leading: 3pt, spacing: 3pt, first-line-indent: 0pt, justify: false)
    line(length: 100%, stroke: 0.4pt)
    ${footerLines}
  },
  ${doc.draft ? `background: rotate(-35deg, text(font: ${hei}, size: 110pt, fill: luma(228))[草稿]),` : ''}
)
#show heading: set block(sticky: true)
#show heading.where(level: 1): it => block(above: ${leading + 10}pt, below: ${leading}pt, width: 100%, text(font: ${h1}, size: ${L.heading1.sizePt}pt, weight: "regular", it.body))
#show heading.where(level: 2): it => block(above: ${leading + 4}pt, below: ${leading}pt, text(font: ${h2}, size: ${L.heading2.sizePt}pt, weight: "regular", it.body))
#show heading.where(level: 3): it => block(above: ${leading}pt, below: ${leading}pt, text(font: ${hei}, size: ${size}pt, weight: "regular", it.body))
#let hint(x) = block(below: ${leading}pt, text(font: ${kai}, size: ${tableSize}pt, fill: luma(80), x))
#let body-par(x) = par(first-line-indent: (amount: 2em, all: true), x)
#let sub-label(x) = block(above: ${leading}pt, below: ${leading / 2}pt, text(font: ${hei}, x))
#let cell-text(x, size: ${tableSize}pt) = { set text(size: size, top-edge: "cap-height", bottom-edge: "baseline"); set par(leading: 0.75em, spacing: 0.75em, justify: false); x }
#let field-table(..cells) = block(above: ${leading / 2}pt, below: ${leading}pt, table(
  columns: (34%, 1fr),
  stroke: 0.5pt + black,
  inset: (x: 6pt, y: 6pt),
  fill: (x, y) => if x == 0 { luma(245) },
  ..cells.pos().map(cell-text),
))
#let file-table(name, size, hash) = block(above: ${leading / 2}pt, below: ${leading}pt, table(
  columns: (auto, 1fr),
  stroke: 0.5pt + black,
  inset: (x: 6pt, y: 6pt),
  fill: (x, y) => if x == 0 { luma(245) },
  ..([文件名], name, [文件大小], size, [SHA-256], hash).map(cell-text),
))
#let grid-table(n, header, rows) = block(above: ${leading / 2}pt, below: ${leading}pt, {
  // wide ledgers (投资清单, 台账) get smaller type and columns sized by their content
  let size = if n > 7 { 9pt } else if n > 5 { 10.5pt } else { ${tableSize}pt }
  table(
    columns: if n > 6 { (auto,) * n } else { (auto,) + (1fr,) * (n - 1) },
    stroke: 0.5pt + black,
    inset: (x: 3pt, y: 5pt),
    align: (x, y) => if y == 0 { center + horizon } else { left + top },
    table.header(..header.map(h => table.cell(fill: luma(235), cell-text(h, size: size)))),
    ..rows.flatten().map(c => cell-text(c, size: size)),
  )
})
#let seal-box(label) = box(width: 100%, height: 3.8cm, stroke: 0.6pt + black, inset: 10pt, {
  align(center + top, text(font: ${hei}, size: 12pt, label))
  place(center + bottom, text(size: 12pt)[年　　月　　日])
})
`;

  const cover = `
#page[
  #set par(first-line-indent: 0pt, justify: false)
  #v(0.6cm)
  #align(center, text(size: 12pt)[${t(doc.callTitle)}${doc.documentNumber ? `#linebreak()${t(`（${doc.documentNumber}）`)}` : ''}])
  #v(1.2cm)
  #align(center, block(width: 92%, text(font: ${hei}, size: 22pt, top-edge: "ascender", bottom-edge: "descender")[${t(doc.cover.title)}]))
  ${doc.cover.subtitle ? `#align(center, text(font: ${kai}, size: 14pt)[${t(doc.cover.subtitle)}])` : ''}
  ${doc.draft ? `#align(center, text(font: ${hei}, size: 16pt, fill: rgb("#c00000"))[草稿（未提交）])` : ''}
  #v(1fr)
  #grid(
    columns: (auto, 1fr),
    column-gutter: 8pt,
    row-gutter: 14pt,
    ${doc.cover.rows.map((r) => `align(right + bottom, text(font: ${hei})[${t(r.label)}：]), box(width: 100%, stroke: (bottom: 0.5pt), inset: (bottom: 4pt), align(left + bottom, text(size: ${Math.min(size, 14)}pt)[${t(r.value)}]))`).join(',\n    ')},
  )
  #v(1fr)
  #grid(columns: (1fr, 1fr), column-gutter: 1.2cm, ${doc.cover.seals.map((x) => `seal-box[${t(x)}]`).join(', ')})
  #v(0.5cm)
  #align(center, text(size: 12pt)[${t(doc.issuer)}制　　${t(doc.cover.date)}])
  #v(0.3cm)
  #align(center, block(width: 90%, { set par(leading: 0.5em, justify: false); text(size: 10pt, fill: luma(70), top-edge: "ascender", bottom-edge: "descender")[${t(doc.cover.note)}] }))
]
`;

  const instructions = doc.instructions.length
    ? `#heading(level: 1, outlined: false)[填表说明]\n${doc.instructions.map((x) => `#par(first-line-indent: (amount: 2em, all: true))[${t(x)}]\n`).join('')}${L.tocDepth ? '#pagebreak()' : '#v(1em)'}\n`
    : '';

  const toc = L.tocDepth
    ? `#show outline.entry: it => { set text(font: ${body}); it }
#outline(title: [目录], depth: ${L.tocDepth}, indent: 2em)
#pagebreak()
`
    : '';

  const sections = doc.sections.map((sec) => heading(sec.heading) + hint(sec.hint) + sec.blocks.map(block).join('')).join('');

  const c = doc.commitment;
  const commitment = `#pagebreak(weak: true)
${heading(c.heading)}${paragraphs(c.paragraphs)}
#v(1.5cm)
#align(right, block({
  set par(first-line-indent: 0pt, justify: false)
  grid(columns: (auto, 7.5cm), row-gutter: 22pt, column-gutter: 6pt,
    ${c.signatures.map((r) => `align(right, [${t(r.label)}：]), box(width: 100%, stroke: (bottom: 0.5pt), inset: (bottom: 3pt), align(left)[${t(r.value)}])`).join(',\n    ')},
  )
}))
`;

  const e = doc.evidence;
  const evidence = `#pagebreak(weak: true)
${heading(e.heading)}${
    e.groups.length === 0
      ? `#body-par[${t('无')}]\n`
      : `#hint[${t(`共${e.count}个文件。文件内容以 SHA-256 哈希值标识，与平台存档逐字节一致。`)}]\n` +
        e.groups
          .map(
            (g) =>
              heading(g.heading) +
              g.files
                .map((file) => `${heading(file.heading)}#file-table([${t(file.name)}], [${t(`${formatFileSize(file.size)}（${file.size.toLocaleString('en-US')} 字节）`)}], [#text(font: ${mono}, size: 9pt)[${t(file.sha256)}]])\n`)
                .join(''),
          )
          .join('')
  }`;

  return `${preamble}${cover}${instructions}${toc}${sections}${commitment}${evidence}`;
}

/** Render the document to PDF bytes (and its page count). */
export async function renderApplicationPdf(doc: ApplicationDocument): Promise<{ pdf: Uint8Array; pages: number }> {
  return compileTypst(applicationTypst(doc));
}
