import type { ApplicationDetail, PackForm, Violation } from '@shenbao/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { sectionIndex, sectionPayload, type Answers } from '../../forms/form-model.ts';
import { fileList } from '../../forms/value-format.ts';
import { saveSection } from './api.ts';

/** A section saves on its own this long after its last change (and at once on blur, section switch or 保存). */
export const AUTOSAVE_MS = 2000;

export interface SectionSaveState {
  dirty: boolean;
  saving: boolean;
  /** 409 edit_conflict: someone else saved the section first (the server's message says who and when). */
  conflict: string | null;
  /** Any other failure; the next change or 保存 tries again. */
  error: string | null;
}

const IDLE: SectionSaveState = { dirty: false, saving: false, conflict: null, error: null };

export interface SectionSaves {
  answers: Answers;
  sections: Readonly<Record<string, SectionSaveState>>;
  /** When the last save went through (server time). */
  savedAt: string | null;
  /** The server's findings after the last save (with lists and other applications the browser does not have). */
  serverViolations: Violation[] | null;
  setServerViolations: (violations: Violation[]) => void;
  serverComputed: Answers;
  setField: (fieldId: string, value: unknown) => void;
  save: (sectionId: string) => Promise<boolean>;
  saveAll: () => Promise<boolean>;
  /** After 刷新本章节: the section as the server has it now. */
  takeSection: (sectionId: string, detail: ApplicationDetail) => void;
  /** After an upload: the server appended the file and moved the section's version on by one. */
  takeUpload: (fieldId: string, detail: ApplicationDetail) => void;
  removeFile: (fieldId: string, fileId: string) => Promise<boolean>;
  hasUnsaved: boolean;
}

/**
 * Per-section saving with optimistic versions: each section keeps the version the server gave it, saves are queued
 * per section (never two at once), and a change made while a save runs is saved after it.
 */
export function useSectionSaves(applicationId: string, form: PackForm, initial: ApplicationDetail): SectionSaves {
  const sectionOf = useMemo(() => sectionIndex(form), [form]);
  const [answers, setAnswers] = useState<Answers>(initial.answers);
  const [sections, setSections] = useState<Record<string, SectionSaveState>>({});
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [serverViolations, setServerViolations] = useState<Violation[] | null>(null);
  const [serverComputed, setServerComputed] = useState<Answers>({});

  const answersRef = useRef<Answers>(initial.answers);
  const versions = useRef<Record<string, number>>({ ...initial.sectionVersions });
  const generations = useRef<Record<string, number>>({});
  const dirty = useRef(new Set<string>());
  const conflicts = useRef(new Set<string>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const queues = useRef(new Map<string, Promise<boolean>>());

  const patch = useCallback((sectionId: string, change: Partial<SectionSaveState>) => {
    setSections((all) => ({ ...all, [sectionId]: { ...(all[sectionId] ?? IDLE), ...change } }));
  }, []);

  const runSave = useCallback(
    async (sectionId: string): Promise<boolean> => {
      if (!dirty.current.has(sectionId)) return true;
      if (conflicts.current.has(sectionId)) return false;
      const section = form.sections.find((s) => s.id === sectionId);
      if (!section) return false;
      const generation = generations.current[sectionId] ?? 0;
      const body = { answers: sectionPayload(section, answersRef.current), baseVersion: versions.current[sectionId] ?? 0 };
      patch(sectionId, { saving: true, error: null });
      try {
        const result = await saveSection(applicationId, sectionId, body);
        versions.current[sectionId] = result.sectionVersion;
        setSavedAt(result.savedAt);
        setServerViolations(result.violations);
        setServerComputed(result.computed);
        if ((generations.current[sectionId] ?? 0) === generation) {
          dirty.current.delete(sectionId);
          patch(sectionId, { saving: false, dirty: false });
        } else {
          patch(sectionId, { saving: false });
        }
        return true;
      } catch (cause) {
        if (isApiError(cause) && cause.code === 'edit_conflict') {
          conflicts.current.add(sectionId);
          patch(sectionId, { saving: false, conflict: cause.message });
        } else {
          patch(sectionId, { saving: false, error: cause instanceof Error ? cause.message : String(cause) });
        }
        return false;
      }
    },
    [applicationId, form, patch],
  );

  const save = useCallback(
    (sectionId: string): Promise<boolean> => {
      const timer = timers.current.get(sectionId);
      if (timer) clearTimeout(timer);
      timers.current.delete(sectionId);
      const previous = queues.current.get(sectionId) ?? Promise.resolve(true);
      const next = previous.then(() => runSave(sectionId));
      queues.current.set(sectionId, next);
      return next;
    },
    [runSave],
  );

  const schedule = useCallback(
    (sectionId: string) => {
      const timer = timers.current.get(sectionId);
      if (timer) clearTimeout(timer);
      timers.current.set(
        sectionId,
        setTimeout(() => {
          timers.current.delete(sectionId);
          void save(sectionId).then((ok) => {
            // Typed on while it saved: the newer text goes in the next save.
            if (ok && dirty.current.has(sectionId)) schedule(sectionId);
          });
        }, AUTOSAVE_MS),
      );
    },
    [save],
  );

  const write = useCallback((next: Answers) => {
    answersRef.current = next;
    setAnswers(next);
  }, []);

  const setField = useCallback(
    (fieldId: string, value: unknown) => {
      const sectionId = sectionOf.get(fieldId)?.id;
      if (!sectionId) return;
      const next = { ...answersRef.current };
      if (value === undefined) delete next[fieldId];
      else next[fieldId] = value;
      write(next);
      generations.current[sectionId] = (generations.current[sectionId] ?? 0) + 1;
      dirty.current.add(sectionId);
      patch(sectionId, { dirty: true });
      if (!conflicts.current.has(sectionId)) schedule(sectionId);
    },
    [patch, schedule, sectionOf, write],
  );

  const saveAll = useCallback(async () => {
    const pending = [...dirty.current];
    const results = await Promise.all(pending.map((id) => save(id)));
    return results.every(Boolean) && conflicts.current.size === 0;
  }, [save]);

  const takeSection = useCallback(
    (sectionId: string, detail: ApplicationDetail) => {
      const section = form.sections.find((s) => s.id === sectionId);
      if (!section) return;
      const next = { ...answersRef.current };
      for (const field of section.fields) {
        if (field.id in detail.answers) next[field.id] = detail.answers[field.id];
        else delete next[field.id];
      }
      write(next);
      versions.current[sectionId] = detail.sectionVersions[sectionId] ?? 0;
      generations.current[sectionId] = (generations.current[sectionId] ?? 0) + 1;
      dirty.current.delete(sectionId);
      conflicts.current.delete(sectionId);
      patch(sectionId, { dirty: false, conflict: null, error: null });
    },
    [form, patch, write],
  );

  const takeUpload = useCallback(
    (fieldId: string, detail: ApplicationDetail) => {
      const sectionId = sectionOf.get(fieldId)?.id;
      if (!sectionId) return;
      if (!dirty.current.has(sectionId) && !conflicts.current.has(sectionId)) {
        takeSection(sectionId, detail);
        return;
      }
      // Unsaved edits stay; only the file list and our own upload's version step come from the server.
      write({ ...answersRef.current, [fieldId]: detail.answers[fieldId] });
      versions.current[sectionId] = (versions.current[sectionId] ?? 0) + 1;
    },
    [sectionOf, takeSection, write],
  );

  const removeFile = useCallback(
    async (fieldId: string, fileId: string) => {
      const sectionId = sectionOf.get(fieldId)?.id;
      if (!sectionId) return false;
      setField(fieldId, fileList(answersRef.current[fieldId]).filter((f) => f.fileId !== fileId));
      return save(sectionId);
    },
    [save, sectionOf, setField],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
    };
  }, []);

  const hasUnsaved = Object.values(sections).some((s) => s.dirty || s.saving);
  return {
    answers,
    sections,
    savedAt,
    serverViolations,
    setServerViolations,
    serverComputed,
    setField,
    save,
    saveAll,
    takeSection,
    takeUpload,
    removeFile,
    hasUnsaved,
  };
}
