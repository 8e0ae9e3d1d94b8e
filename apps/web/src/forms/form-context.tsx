import type { PackForm, ProgramPack, Violation } from '@shenbao/contracts';
import { createContext, useContext, type ReactNode } from 'react';
import type { Answers } from './form-model.ts';

/** What attachment slots need from the page: where files live and what to do after an upload or a removal. */
export interface AttachmentAdapter {
  applicationId: string;
  fileUrl: (fileId: string) => string;
  /** The server attached the file to the answers and moved the section's version on: reload. */
  onUploaded: (fieldId: string) => void;
  /** Save the field's list without the file. */
  onRemove: (fieldId: string, fileId: string) => void;
}

export interface FormRendererValue {
  program: ProgramPack;
  form: PackForm;
  /** The answers as typed. */
  answers: Answers;
  /** The answers with computed fields (the engine's, or the server's until the engine ran). */
  computed: Answers;
  readOnly: boolean;
  hidden: ReadonlySet<string>;
  required: ReadonlySet<string>;
  /** Findings by top-level field. */
  issues: ReadonlyMap<string, Violation[]>;
  /** Show errors of untouched, empty fields too (after 检查 or a refused submission). */
  revealAll: boolean;
  touched: ReadonlySet<string>;
  /** Fields the reviewer's return opinion points at. */
  opinionFields: ReadonlySet<string>;
  opinion: string | null;
  setField: (fieldId: string, value: unknown) => void;
  touch: (fieldId: string) => void;
  attachments?: AttachmentAdapter;
}

const FormRendererContext = createContext<FormRendererValue | null>(null);

export function FormRendererProvider({ value, children }: { value: FormRendererValue; children: ReactNode }) {
  return <FormRendererContext.Provider value={value}>{children}</FormRendererContext.Provider>;
}

export function useFormRenderer(): FormRendererValue {
  const value = useContext(FormRendererContext);
  if (!value) throw new Error('useFormRenderer outside FormRendererProvider');
  return value;
}
