export { ExcelHost, type ExcelRun, type ExcelHostOptions } from './host';
export { missingRequirements, capabilities, officeIsSetSupported, REQUIREMENTS, MINIMUM_EXCEL_API, type Requirement, type IsSetSupported } from './requirements';
export { toHostError, richApiCode } from './errors';
export { encodeCell, charsToPoints } from './write';
export { parseAreas, type ReadWarning } from './read';
