module.exports = {
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/**/*.test.js'],
	setupFiles: ['<rootDir>/test/helpers/setupEnv.js'],
	// Every test starts the built node through n8n's engine and talks HTTP to the emulator.
	testTimeout: 30000,
};
