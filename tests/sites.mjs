// The two sites the browser tests run against, each served from its own folder.
/** The release build of the shipped content. */
export const SHIPPED = { dist: 'dist', port: 4173 };
/** The same app built from made-up content (16 posts, no conveners): tests/fixtures/site.mjs. */
export const FIXTURE = { dist: 'dist-fixture', port: 4174 };
