#!/usr/bin/env python3
"""Reads `perf script` output (stdin) of the app under load and prints where its CPU went, by owner (issue 17).

Each sample is charged to the innermost frame that belongs to a named owner, skipping the base library and the
runtime (System.*, libcoreclr, libc), so an allocation or a string copy is charged to the code that asked for it:
EF Core's pipeline, the SQLite engine, Blazor's renderer, cookie authentication, and so on. Kernel frames at the
leaf are the kernel's (socket sends, scheduling); samples with no named owner at all are "runtime" (GC threads, the
JIT, the thread pool). Prints a Markdown table: owner, share of the app's samples.
"""
import re
import sys
from collections import Counter

# Checked in this order against each frame, innermost first; the first owner matched wins for the frame.
OWNERS = [
    ("SQLite engine (native)", r"libe_sqlite3|sqlite3_"),
    ("Npgsql (driver)", r"\bNpgsql\."),
    ("Microsoft.Data.Sqlite (driver)", r"Microsoft\.Data\.Sqlite"),
    ("EF Core (query pipeline, materialisation, change tracking)", r"Microsoft\.EntityFrameworkCore|System\.Linq\.Expressions|System\.Linq\.Enumerable.*Queryable"),
    ("Antiforgery (token generation and validation)", r"Microsoft\.AspNetCore\.Antiforgery"),
    ("Data protection: the sign-in cookie and antiforgery tokens, encrypted and decrypted", r"Microsoft\.AspNetCore\.(Authentication|DataProtection)|Microsoft\.AspNetCore\.Identity|libcrypto|libssl"),
    ("Blazor renderer and HTML writer", r"Microsoft\.AspNetCore\.Components"),
    ("Localisation (IStringLocalizer, resources)", r"Microsoft\.Extensions\.Localization|System\.Resources"),
    ("IlioCare code (pages, rules, charts)", r"\bIlioCare\."),
    ("Routing, middleware, Kestrel, HTTP", r"Microsoft\.AspNetCore|Microsoft\.Extensions|System\.Net\.|System\.IO\.Pipelines"),
    ("JSON", r"System\.Text\.Json"),
]
# A frame reads "symbol @ module". ReadyToRun code has no symbol in perf (it runs from the .dll image), so the module
# (Microsoft.AspNetCore.Components.dll, IlioCare.Web.dll) names its owner; JIT-compiled code is named by the perf map.
SKIP = re.compile(r"^System\.|^\S+ @ (System\.|libcoreclr|libc[.-]|libstdc|ld-linux|libclrjit|libSystem\.|memfd|perf-|$)")
KERNEL = re.compile(r"@ \[kernel\.kallsyms\]")

compiled = [(name, re.compile(pattern)) for name, pattern in OWNERS]
counts, total = Counter(), 0
frames = []

def charge(stack):
    global total
    if not stack:
        return
    total += 1
    if KERNEL.search(stack[0]):
        counts["Kernel (network, scheduling, page faults)"] += 1
        return
    for frame in stack:
        if SKIP.search(frame):
            continue
        for name, pattern in compiled:
            if pattern.search(frame):
                counts[name] += 1
                return
    counts["Runtime (GC, JIT, thread pool) and base library"] += 1

for line in sys.stdin:
    if not line.strip():
        charge(frames)
        frames = []
    elif line.startswith((" ", "\t")):
        # "\t    7f... Symbol+0x12 (/path/module.dll)" becomes "Symbol+0x12 @ module.dll"
        m = re.match(r"\s*[0-9a-f]+ (.*?)(?: \((.*)\))?$", line.rstrip())
        if m:
            frames.append(f"{m.group(1)} @ {(m.group(2) or '').rsplit('/', 1)[-1]}")
charge(frames)

print("| where the app's CPU went (innermost named owner) | share |")
print("|---|---:|")
for name, n in counts.most_common():
    print(f"| {name} | {100 * n / max(total, 1):.1f} % |")
print(f"| (samples) | {total} |")
