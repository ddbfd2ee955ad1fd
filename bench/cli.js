'use strict';
// The benches' command-line options, read from process.argv: `--name value` and bare `--flag`s.
const args = process.argv.slice(2);

/** The value after `--name`, or `fallback` when the option is not given. */
const option = (name, fallback) =>
	args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback;

/** Whether the bare flag `--name` is given. */
const flag = (name) => args.includes(`--${name}`);

/** The arguments that are neither options nor an option's value. */
const positional = () =>
	args.filter((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));

module.exports = { args, flag, option, positional };
