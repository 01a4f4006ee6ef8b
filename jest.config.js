const moduleNameMapper = {
  '^@webcare/platform(|/.*)$': '<rootDir>/libs/platform/src$1',
  '^@webcare/domain(|/.*)$': '<rootDir>/libs/domain/src$1',
  '^@webcare/anonymizer(|/.*)$': '<rootDir>/libs/anonymizer/src$1',
  '^@webcare/channels(|/.*)$': '<rootDir>/libs/channels/src$1',
};
const base = {
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  testEnvironment: 'node',
  moduleNameMapper,
};
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
