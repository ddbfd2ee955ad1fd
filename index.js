// n8n loads this package through the "n8n" field of package.json (dist/ files), not through a
// main entry, so nothing is exported here and this file is not published.
module.exports = {};
