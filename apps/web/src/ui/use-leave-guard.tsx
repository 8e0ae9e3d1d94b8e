import { App, Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router-dom';

interface LeaveGuardTexts {
  title: string;
  content: string;
  saveAndLeave: string;
  discardAndLeave: string;
  stay: string;
}

/**
 * Unsaved changes: the browser asks before closing or reloading the tab; a link inside the app offers to save
 * (`flush`, leaving only when that worked), to leave without saving, or to stay.
 */
export function useLeaveGuard(unsaved: boolean, flush: () => Promise<boolean>, texts: LeaveGuardTexts): void {
  const { modal } = App.useApp();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname);
  const asking = useRef(false);
  const textsRef = useRef(texts);
  textsRef.current = texts;

  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  useEffect(() => {
    if (blocker.state !== 'blocked' || asking.current) return;
    asking.current = true;
    const { title, content, saveAndLeave, discardAndLeave, stay } = textsRef.current;
    const dialog = modal.confirm({
      title,
      content,
      okText: saveAndLeave,
      cancelText: stay,
      footer: (_, { OkBtn, CancelBtn }) => (
        <>
          <Button
            danger
            onClick={() => {
              asking.current = false;
              dialog.destroy();
              blocker.proceed?.();
            }}
          >
            {discardAndLeave}
          </Button>
          <CancelBtn />
          <OkBtn />
        </>
      ),
      onOk: async () => {
        asking.current = false;
        if (await flush()) blocker.proceed?.();
        else blocker.reset?.();
      },
      onCancel: () => {
        asking.current = false;
        blocker.reset?.();
      },
    });
  }, [blocker, flush, modal]);
}
