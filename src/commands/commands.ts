/// <reference types="office-js" />
/**
 * Ribbon commands (the 内务 Clerk Desk tab). Loaded by taskpane.html, the shared runtime, next to the pane.
 * Each ExecuteFunction in manifest.xml names one of the actions associated here. Guarded: outside Office it does nothing.
 */
import { RIBBON_ACTIONS, runFromRibbon } from './handlers';
import { hasOffice, showPane } from '../taskpane/office';

function associate() {
  if (!hasOffice() || !Office.actions || typeof Office.actions.associate !== 'function') return;
  for (const { action, jobId } of RIBBON_ACTIONS) {
    Office.actions.associate(action, (event: Office.AddinCommands.Event) => {
      void runFromRibbon(jobId, showPane).finally(() => {
        try {
          event.completed();
        } catch {
          // The event may already be gone when the pane took long; nothing to do.
        }
      });
    });
  }
}

if (hasOffice()) {
  try {
    void Office.onReady(() => associate());
  } catch {
    // Not inside Office.
  }
}
