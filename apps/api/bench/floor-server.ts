/**
 * The write floor for `pnpm bench`: a bare Fastify route doing the same single insert (activity row and its
 * links in one transaction) on the same database settings as the API, with no validation, lookups or reply
 * hydration. Run as its own process so it competes with autocannon for the CPU the way the API does.
 */
import Fastify from 'fastify';
import { openDatabase } from '../src/db/client.ts';

const [file, port] = [process.argv[2]!, Number(process.argv[3])];
/** The evaluation the answer floor writes to (evaluation-burst.ts), when given. */
const evaluationId = process.argv[4] ? Number(process.argv[4]) : null;
const db = openDatabase(file).$client;
const unitId = (db.prepare('select id from units limit 1').get() as { id: number }).id;
const ins = db.prepare(`insert into activities (unit_id, date, year, title, description, goal_id, area_id, type_id, format, participants, assignment_id, line)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
const insM = db.prepare('insert into activity_municipalities (activity_id, municipality_id) values (?, ?)');
const insS = db.prepare('insert into activity_staff (activity_id, staff_id) values (?, ?)');

interface Body { date: string; title: string; goalId: number; areaId: number; typeId: number; format: string; municipalityIds: number[]; staffIds: number[] }
const insert = db.transaction((b: Body) => {
  const id = ins.run(unitId, b.date, Number(b.date.slice(0, 4)), b.title, null, b.goalId, b.areaId, b.typeId, b.format, null, null, null).lastInsertRowid;
  for (const m of b.municipalityIds) insM.run(id, m);
  for (const s of b.staffIds) insS.run(id, s);
  return id;
});

const app = Fastify({ logger: false });
app.post('/floor', async (req, reply) => reply.code(201).send({ id: Number(insert(req.body as Body)) }));
// The public answer's floor: the one insert, in its own transaction, without the token lookup or validation.
const insA = db.prepare('insert into evaluation_answers (evaluation_id, answered_on, rating, useful, affects, comment, device_hash) values (?, ?, ?, ?, ?, ?, ?)');
interface Answer { rating?: number; useful?: string; affects?: string; comment?: string | null; deviceToken?: string }
const insertAnswer = db.transaction((a: Answer) => insA.run(evaluationId, new Date().toISOString().slice(0, 10), a.rating ?? null, a.useful ?? null, a.affects ?? null, a.comment ?? null, a.deviceToken ?? null));
app.post('/floor-answer', async (req, reply) => {
  insertAnswer(req.body as Answer);
  return reply.code(201).send({ received: true });
});
await app.listen({ port, host: '127.0.0.1' });
process.send?.('ready');
