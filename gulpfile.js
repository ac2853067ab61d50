// TypeScript compiles the code; gulp copies what n8n also loads from dist/: the icons and the
// codex files (*.node.json) that sort each node into the right categories of n8n's node panel.
const { src, dest } = require('gulp');

function copyAssets() {
	return src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:assets'] = copyAssets;
