/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/data/', '/bench/'],
  transform: { '^.+\\.(t|j)sx?$|^.+\\.cjs$': ['@swc/jest'] },
  transformIgnorePatterns: ['/node_modules/(?!(agenda|@agendajs/postgres-backend|@electric-sql/pglite|@electric-sql/pglite-socket|jose)/)'],
  testTimeout: 60000,
};
