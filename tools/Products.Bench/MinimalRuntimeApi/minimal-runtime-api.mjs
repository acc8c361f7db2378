// A minimal Lambda Runtime API (2018-06-01: next, response, error, init/error) that is not the emulator: the cross-check
// for tools/Products.Bench's cold starts. For each sample it listens on a free loopback port, spawns the function with
// AWS_LAMBDA_RUNTIME_API pointing at it, hands over one event on the first `next`, and reports spawn -> first `next`
// (init) and event handed over -> response received (first invocation), plus the process's peak RSS (VmHWM).
// Input (stdin, JSON): { command, args, cwd, env, event, samples }. Output: one JSON line per sample on stdout.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const input = JSON.parse(readFileSync(0, 'utf8'));
const ms = (from, to) => Number(to - from) / 1e6;

function peakRssBytes(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
    return line ? Number(line.replace(/\D+/g, '')) * 1024 : null;
  } catch {
    return null;
  }
}

function sample() {
  return new Promise((resolve) => {
    let spawnedAt;
    let nextAt;
    let child;
    let done = false;
    const finish = (result) => {
      if (done) return;
      done = true;
      const peak = child ? peakRssBytes(child.pid) : null;
      child?.kill('SIGKILL');
      server.close();
      resolve({ ...result, peakRssBytes: peak });
    };
    const server = createServer((req, res) => {
      const body = [];
      req.on('data', (chunk) => body.push(chunk));
      req.on('end', () => {
        if (req.method === 'GET' && req.url === '/2018-06-01/runtime/invocation/next') {
          if (nextAt !== undefined) return; // a second `next` waits for good: one event per sample
          nextAt = process.hrtime.bigint();
          res.writeHead(200, {
            'content-type': 'application/json',
            'lambda-runtime-aws-request-id': 'cross-check-1',
            'lambda-runtime-deadline-ms': String(Date.now() + 30000),
            'lambda-runtime-invoked-function-arn': 'arn:aws:lambda:us-east-1:123456789012:function:cross-check',
            'lambda-runtime-trace-id': 'Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1',
          });
          res.end(input.event);
          return;
        }
        if (req.method === 'POST' && req.url.endsWith('/response')) {
          const answeredAt = process.hrtime.bigint();
          res.writeHead(202).end('{"status":"OK"}');
          finish({ ok: true, initMs: ms(spawnedAt, nextAt), firstInvocationMs: ms(nextAt, answeredAt), response: Buffer.concat(body).toString('utf8') });
          return;
        }
        res.writeHead(202).end('{"status":"OK"}');
        finish({ ok: false, problem: `${req.method} ${req.url}: ${Buffer.concat(body).toString('utf8')}` });
      });
    });
    server.listen(0, '127.0.0.1', () => {
      const env = { ...input.env, AWS_LAMBDA_RUNTIME_API: `127.0.0.1:${server.address().port}` };
      spawnedAt = process.hrtime.bigint();
      child = spawn(input.command, input.args, { cwd: input.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.resume();
      child.stderr.resume();
      child.on('exit', (code) => finish({ ok: false, problem: `exited with ${code} before answering` }));
    });
    setTimeout(() => finish({ ok: false, problem: 'no answer within 30 s' }), 30000).unref();
  });
}

for (let i = 0; i < (input.samples ?? 1); i++) {
  process.stdout.write(JSON.stringify(await sample()) + '\n');
}
