/** Jest runs TypeScript through swc (fast, no type check); `tsc --noEmit` type-checks separately. */
// In tests an exception in the fast xlsx reader is a failure, not a quiet fallback to ExcelJS (src/xlsx/host.ts).
process.env.CLERK_DESK_STRICT_READER = '1';
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }] },
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 60000,
};
