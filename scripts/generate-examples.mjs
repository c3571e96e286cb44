// `npm run generate [-- --check]`: the two example services, with any extra flags passed to both.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const extra = process.argv.slice(2);
let code = 0;
for (const name of ['users', 'things']) {
  const ran = spawnSync(process.execPath, ['bin/faultline.js', 'generate', `specs/${name}.yaml`, '--out', `output/${name}`, ...extra], { cwd: root, stdio: 'inherit' });
  code = Math.max(code, ran.status ?? 1);
}
process.exitCode = code;
