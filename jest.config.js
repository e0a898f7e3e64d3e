/** Jest runs the TypeScript sources through ts-jest as ES modules (unified and remark are ESM-only). */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // Our sources import `./x.js` for `./x.ts`; a package's own `*.json.js` modules stay as they are.
  moduleNameMapper: { '^(\\.{1,2}/(?!.*\\.json\\.js$).*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, isolatedModules: true }] },
  testTimeout: 60000,
};
