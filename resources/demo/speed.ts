/**
 * How fast the generator alone is: 1,000,000 Casale records (the DB insert is measured elsewhere
 * and needs the rest of the minute). Run: npx tsx resources/demo/speed.ts [residents] [seed]
 */
import { DEMO_COMUNI, generateRegistry } from './generate-registry';

const residents = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.argv[3] ?? 1);
const casale = DEMO_COMUNI.find((c) => c.belfiore === 'B885');
if (!casale) throw new Error('Casale Monferrato missing from DEMO_COMUNI');

const started = performance.now();
let people = 0;
let families = 0;
let events = 0;
for (const h of generateRegistry({ seed, comuni: [{ comune: casale, residents }] })) {
  families++;
  people += h.members.length;
  events += h.events.length;
}
const seconds = (performance.now() - started) / 1000;
const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
console.log(
  `${people.toLocaleString('en')} residents, ${families.toLocaleString('en')} families, ` +
    `${events.toLocaleString('en')} events in ${seconds.toFixed(2)} s ` +
    `(${Math.round(people / seconds).toLocaleString('en')} residents/s, heap ${heapMb.toFixed(0)} MB)`,
);
