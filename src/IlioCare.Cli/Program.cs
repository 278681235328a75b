using IlioCare.Cli;

// `iliocare`: the engine contracts of SPEC §3, §6 and §7 on stdin/stdout (F17). Exit codes: 0 done,
// 2 bad input or usage (SPEC §2). Operator commands join the verb table as the web app grows.
return Verbs.Run(args, Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error, TimeProvider.System);
