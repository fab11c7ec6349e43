/** The Office.js simulation lives in src/office-sim (the playground runs on it too); tests import it from here. */
export * from '../../src/office-sim';
