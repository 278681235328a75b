using IlioCare.Cli;

// `iliocare`: the engine contracts of SPEC §3, §6 and §7 on stdin/stdout (F17). Exit codes: 0 done,
// 2 bad input or usage (SPEC §2); operator commands (migrate, backup, restore, create-admin, create-clinician, export,
// seed-demo, audit-verify) also exit 1 when they fail.
return Verbs.Run(args, Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error, TimeProvider.System);
