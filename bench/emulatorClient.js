'use strict';
// Starts bench/emulatorProcess.js as a child process and talks to it over IPC:
// `call(cmd, extra)` resolves to the child's answer.
const { fork } = require('node:child_process');
const path = require('node:path');

function startEmulatorProcess(forkOptions = { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }) {
	const child = fork(path.join(__dirname, 'emulatorProcess.js'), [], forkOptions);
	let nextId = 0;
	const pending = new Map();
	child.on('message', (message) => {
		const waiter = pending.get(message.id);
		pending.delete(message.id);
		if (message.ok) waiter.resolve(message.result);
		else waiter.reject(new Error(message.error));
	});
	child.on('exit', (code) => {
		for (const waiter of pending.values())
			waiter.reject(new Error(`emulator process exited (${code})`));
	});
	const call = (cmd, extra = {}) =>
		new Promise((resolve, reject) => {
			const id = ++nextId;
			pending.set(id, { resolve, reject });
			child.send({ id, cmd, ...extra });
		});
	return { call, child };
}

module.exports = { startEmulatorProcess };
