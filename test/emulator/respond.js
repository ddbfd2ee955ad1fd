'use strict';
// Successful responses as plain `{status, body, headers}` objects; index.js writes them.

const json = (status, body) => ({ status, body });

/** 204 No Content: sent with no body and no content-type. */
const noContent = () => ({ status: 204 });

module.exports = { json, noContent };
