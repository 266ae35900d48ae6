module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  testRules: {
    // tests check a running catalog through helpers named expect…(server)
    'jest/expect-expect': [
      'warn',
      { assertFunctionNames: ['expect', 'expect*'] },
    ],
  },
});
