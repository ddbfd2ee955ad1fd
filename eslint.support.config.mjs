// ESLint for the code n8n's linter does not cover: tests, the emulator, benchmarks and scripts.
// (n8n-node lint checks nodes/ and credentials/ and requires eslint.config.mjs to stay the template.)
import js from '@eslint/js';
import globals from 'globals';

export default [
	{ ignores: ['dist/**', '**/node_modules/**', 'test/e2e/artifacts/**'] },
	{
		files: ['**/*.js'],
		...js.configs.recommended,
		languageOptions: {
			ecmaVersion: 2024,
			sourceType: 'commonjs',
			globals: { ...globals.node },
		},
		rules: {
			...js.configs.recommended.rules,
			'no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
			],
		},
	},
	{
		files: ['**/*.mjs'],
		languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.node } },
		rules: js.configs.recommended.rules,
	},
	{
		files: ['test/**/*.js'],
		languageOptions: { globals: { ...globals.node, ...globals.jest } },
	},
];
