import { benchRuntime } from './runtime.js';
const r = await benchRuntime({ durationSec: Number(process.env.D ?? 3), rounds: Number(process.env.R ?? 3), warmupSec: 1, log: () => {} });
for (const s of r.scenarios) {
  const line = Object.entries(s.servers).map(([n, v]) => `${n} ${v!.cpuMicrosPerReq.median.toFixed(0)} (${v!.cpuMicrosPerReq.min.toFixed(0)}-${v!.cpuMicrosPerReq.max.toFixed(0)}) ${v!.reqPerSec.median.toFixed(0)}rps ${(v!.expectedShare*100).toFixed(0)}%`).join(' | ');
  console.log(`${s.scenario}: ${line} | gen-bare ${s.ratios['CPU us/req generated - bare'].toFixed(0)} fastify-bare ${s.ratios['CPU us/req fastify - bare'].toFixed(0)} | gen/bare ${(s.ratios['throughput generated / bare']).toFixed(2)}`);
}
