using Products.Emulator.Lambda;

namespace Products.Emulator.Tests.Lambda;

/// <summary>
/// Our test double for a function: a small Node script that speaks the Runtime API with plain http and behaves as
/// each event's "action" asks (echo, sleep, crash, error, print, huge). TEST_INIT in its environment makes init fail (TEST_INIT_DELAY_MS makes it slow)
/// (exit, error) or never finish (hang). It prints "started pid N" first, so tests can find its process.
/// </summary>
internal sealed class NodeFunction : IDisposable
{
    private const string Script = """
        'use strict';
        const http = require('http');
        const [host, port] = process.env.AWS_LAMBDA_RUNTIME_API.split(':');
        console.log('started pid ' + process.pid);

        function call(method, path, body, headers) {
          return new Promise((resolve, reject) => {
            const all = Object.assign({}, headers || {});
            if (body !== undefined) { all['Content-Length'] = Buffer.byteLength(body); }
            const req = http.request({ host, port, method, path: '/2018-06-01/runtime' + path, headers: all }, res => {
              const chunks = [];
              res.on('data', c => chunks.push(c));
              res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
            });
            req.on('error', reject);
            if (body !== undefined) { req.write(body); }
            req.end();
          });
        }

        const respond = (id, value) => call('POST', '/invocation/' + id + '/response', typeof value === 'string' ? value : JSON.stringify(value));
        const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

        async function main() {
          const init = process.env.TEST_INIT;
          if (init === 'exit') { console.error('loading settings'); console.error('init boom: TABLE_NAME is not set'); process.exit(2); }
          if (init === 'error') {
            await call('POST', '/init/error', JSON.stringify({ errorMessage: 'bad config', errorType: 'ConfigError' }), { 'Lambda-Runtime-Function-Error-Type': 'Runtime.ConfigError' });
            process.exit(1);
          }
          if (init === 'hang') { setInterval(() => {}, 1000); return; }
          if (process.env.TEST_INIT_DELAY_MS) { await sleep(Number(process.env.TEST_INIT_DELAY_MS)); }
          for (;;) {
            const next = await call('GET', '/invocation/next');
            if (next.status !== 200) { process.exit(0); }
            const id = next.headers['lambda-runtime-aws-request-id'];
            const event = JSON.parse(next.body);
            const headers = {
              requestId: id,
              deadlineMs: next.headers['lambda-runtime-deadline-ms'],
              functionArn: next.headers['lambda-runtime-invoked-function-arn'],
              traceId: next.headers['lambda-runtime-trace-id'],
            };
            switch (event.action) {
              case 'echo': await respond(id, { pid: process.pid, event, headers, env: process.env }); break;
              case 'sleep': await sleep(event.ms); await respond(id, { pid: process.pid }); break;
              case 'crash': console.error('about to crash'); process.exit(3); break;
              case 'error':
                await call('POST', '/invocation/' + id + '/error', JSON.stringify({ errorMessage: 'no such product', errorType: 'NotFound' }), { 'Lambda-Runtime-Function-Error-Type': 'Function.NotFound' });
                break;
              case 'print':
                for (const line of event.out || []) { console.log(line); }
                for (const line of event.err || []) { console.error(line); }
                await respond(id, { pid: process.pid });
                break;
              case 'huge': await respond(id, 'x'.repeat(7 * 1024 * 1024)); break;
              default: await respond(id, { pid: process.pid, unknown: event.action });
            }
          }
        }

        main().catch(error => { console.error(error); process.exit(1); });
        """;

    private readonly string _directory;

    public NodeFunction()
    {
        _directory = Path.Combine(Path.GetTempPath(), "products-local-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(_directory);
        ScriptPath = Path.Combine(_directory, "function.js");
        File.WriteAllText(ScriptPath, Script);
    }

    public string ScriptPath { get; }

    public string Directory => _directory;

    /// <summary>A spec running the script; each call gets a unique function name.</summary>
    public FunctionLaunchSpec Spec(
        TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? environment = null, string? name = null)
    {
        var functionName = name ?? "Fn" + Guid.NewGuid().ToString("N")[..8];
        return new FunctionLaunchSpec(
            LogicalId: functionName,
            FunctionName: functionName,
            Handler: "function.handler",
            Command: "node",
            Arguments: [ScriptPath],
            WorkingDirectory: _directory,
            Environment: environment ?? new Dictionary<string, string>(),
            Timeout: timeout ?? TimeSpan.FromSeconds(30),
            MemorySizeMb: 256,
            Region: "eu-west-1")
        {
            Runtime = "nodejs20.x",
        };
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }
}
