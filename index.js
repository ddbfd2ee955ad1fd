// Kept for the layout of n8n's node starter; n8n loads the package through package.json → "n8n".
