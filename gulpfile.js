const { src, dest, parallel } = require('gulp');

// Icons live in icons/ and are referenced from dist/ as file:../../icons/<name>.svg (node)
// and file:../icons/<name>.svg (credential). parallel() resolves only when every copy is done.
function copyIcons() {
	return src('icons/**/*.{png,svg}').pipe(dest('dist/icons'));
}

exports['build:icons'] = parallel(copyIcons);
