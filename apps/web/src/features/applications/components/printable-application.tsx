import type { ApplicationDetail, PackField, PackForm, ProgramPack } from '@shenbao/contracts';
import type { Answers } from '../../../forms/form-model.ts';
import { answerText, fileList, formatDuration, formatFileSize } from '../../../forms/value-format.ts';
import { formatDate } from '../../../ui/format.ts';

const FONTS: Record<string, string> = {
  SimSun: '"SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif',
  SimHei: '"SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", sans-serif',
  KaiTi: '"KaiTi", "楷体", "Kaiti SC", serif',
  FangSong: '"FangSong", "仿宋", "STFangsong", serif',
};

/** Page set-up and the look of the printed form; the notice's print layout (font, size) when it names one. */
function printCss(program: ProgramPack): string {
  const layout = program.printLayout;
  const body = layout ? FONTS[layout.body.font] : FONTS.SimSun;
  const size = layout ? `${layout.body.sizePt}pt` : '12pt';
  const heading = layout?.heading1 ? FONTS[layout.heading1.font] : FONTS.SimHei;
  return `
    .print-doc { font-family: ${body}; font-size: ${size}; color: #000; background: #fff; max-width: 210mm; margin: 0 auto; padding: 16mm 18mm; line-height: 1.6; }
    .print-doc h1 { font-family: ${heading}; font-size: ${layout?.heading1 ? `${layout.heading1.sizePt}pt` : '18pt'}; text-align: center; margin: 0 0 6mm; }
    .print-doc h2 { font-family: ${heading}; font-size: ${layout?.heading2 ? `${layout.heading2.sizePt}pt` : '14pt'}; margin: 8mm 0 3mm; }
    .print-doc table { width: 100%; border-collapse: collapse; margin-bottom: 4mm; page-break-inside: auto; }
    .print-doc th, .print-doc td { border: 1px solid #000; padding: 2mm 3mm; vertical-align: top; text-align: left; }
    .print-doc th { font-weight: normal; width: 32%; background: #f5f5f5; }
    .print-doc .cell-text { white-space: pre-wrap; word-break: break-word; }
    .print-doc .inner th { width: auto; text-align: center; white-space: nowrap; }
    .print-doc .nowrap { white-space: nowrap; }
    .print-doc .cover td, .print-doc .cover th { font-size: 1.1em; padding: 3mm 4mm; }
    .print-doc .commitment { border: 1px solid #000; padding: 4mm; text-indent: 2em; white-space: pre-wrap; }
    .print-doc .signature { text-align: right; margin-top: 8mm; line-height: 2.2; }
    .print-doc .mono { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 9pt; word-break: break-all; }
    @media print {
      @page { size: A4; margin: 15mm; }
      body { background: #fff !important; }
      .no-print { display: none !important; }
      .print-doc { padding: 0; max-width: none; }
      .print-page { background: #fff !important; padding: 0 !important; }
      .print-sheet { box-shadow: none !important; max-width: none !important; }
      .print-doc h2 { page-break-after: avoid; }
    }
  `;
}

function TableValue({ field, value, program }: { field: Extract<PackField, { type: 'table' }>; value: unknown; program: ProgramPack }) {
  const rows = Array.isArray(value) ? (value as Answers[]) : [];
  if (rows.length === 0) return <span>无</span>;
  return (
    <table className="inner">
      <thead>
        <tr>
          <th>序号</th>
          {field.columns.map((c) => (
            <th key={c.id}>{c.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            <td>{i + 1}</td>
            {field.columns.map((c) => (
              <td key={c.id} className="cell-text">
                {answerText(c, row[c.id], program)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface PrintableApplicationProps {
  detail: ApplicationDetail;
  program: ProgramPack;
  form: PackForm;
  /** The answers with computed fields filled. */
  answers: Answers;
  hidden: ReadonlySet<string>;
}

/** The application as the official template prints it: cover, each section as a bordered table, commitment, files. */
export function PrintableApplication({ detail, program, form, answers, hidden }: PrintableApplicationProps) {
  const a = detail.application;
  const files = form.sections.flatMap((s) => s.fields).flatMap((f) => (f.type === 'attachment' ? fileList(answers[f.id]).map((file) => ({ field: f.label, file })) : []));
  const date = a.submittedAt ?? new Date().toISOString();
  return (
    <div className="print-doc" data-testid="print-doc">
      <style>{printCss(program)}</style>
      <h1>{form.title}</h1>
      {form.description && <p style={{ textAlign: 'center', margin: '-3mm 0 6mm' }}>{form.description}</p>}
      <table className="cover" data-testid="print-cover">
        <tbody>
          <tr>
            <th>项目名称</th>
            <td>{typeof answers.projectName === 'string' ? answers.projectName : (a.projectName ?? '—')}</td>
          </tr>
          <tr>
            <th>申报单位（盖章）</th>
            <td>{a.applicantName}</td>
          </tr>
          <tr>
            <th>推荐单位（盖章）</th>
            <td>{a.recommenderName ?? '—'}</td>
          </tr>
          <tr>
            <th>申报方向</th>
            <td>{a.directionLabel ?? '—'}</td>
          </tr>
          <tr>
            <th>申报编号</th>
            <td>{a.number ?? '（提交后生成）'}</td>
          </tr>
          <tr>
            <th>申报日期</th>
            <td>{formatDate(date)}</td>
          </tr>
        </tbody>
      </table>
      <p style={{ textAlign: 'center' }}>{program.issuer.name}制</p>

      {form.sections.map((section, index) => {
        const fields = section.fields.filter((f) => !hidden.has(f.id) && f.type !== 'attachment');
        if (fields.length === 0) return null;
        return (
          <section key={section.id}>
            <h2>
              {index + 1}. {section.title}
            </h2>
            <table data-testid={`print-section-${section.id}`}>
              <tbody>
                {fields.map((field) =>
                  field.type === 'table' ? (
                    <tr key={field.id}>
                      <td colSpan={2}>
                        <div style={{ marginBottom: '2mm' }}>{field.label}</div>
                        <TableValue field={field} value={answers[field.id]} program={program} />
                      </td>
                    </tr>
                  ) : (
                    <tr key={field.id}>
                      <th>{field.label}</th>
                      <td className="cell-text">{answerText(field, answers[field.id], program)}</td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </section>
        );
      })}

      <h2>{program.commitment.title ?? '承诺'}</h2>
      <div className="commitment" data-testid="print-commitment">
        {detail.commitment}
      </div>
      <div className="signature">
        <div>法定代表人（签字）：</div>
        <div>申报单位（盖章）：{a.applicantName}</div>
        <div>{formatDate(date)}</div>
      </div>

      <h2>附件清单</h2>
      <table className="inner" data-testid="print-files">
        <thead>
          <tr>
            <th>序号</th>
            <th>材料</th>
            <th>文件名</th>
            <th>大小</th>
            <th>SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {files.length === 0 ? (
            <tr>
              <td colSpan={5}>无</td>
            </tr>
          ) : (
            files.map(({ field, file }, i) => (
              <tr key={file.fileId}>
                <td>{i + 1}</td>
                <td>{field}</td>
                <td>
                  {file.name}
                  {file.durationSeconds !== undefined && `（${formatDuration(file.durationSeconds)}）`}
                </td>
                <td className="nowrap">{formatFileSize(file.size)}</td>
                <td className="mono">{file.sha256}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
