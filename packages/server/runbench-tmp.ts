import { runComplianceBench } from './src/bench/cb-tmp.js';
console.log(await runComplianceBench(console.log));
