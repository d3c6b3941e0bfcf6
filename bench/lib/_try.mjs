import { importTypeScript } from '/work/main/bench/lib/bundle.mjs';
await importTypeScript(process.argv[2]);
