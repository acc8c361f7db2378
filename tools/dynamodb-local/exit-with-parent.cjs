// Preloaded into dynalite by DynaliteServer (node --require): the .NET process that started dynalite holds this
// process's stdin pipe, and the pipe closes when that process exits for any reason (even kill -9, or a test host
// crash). Ending here then means no orphaned dynalite keeps a port and memory after its owner is gone.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
