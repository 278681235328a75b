"""Reads Lighthouse JSON reports (one per page) and prints the markdown tables of bench/lighthouse.sh.

Usage: python3 summarise.py LABEL=REPORT.json ...   (stdlib only)
Prints: the score table, the metrics table, the failed audits per page, and the largest items Lighthouse names.
"""
import json
import sys

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = [
    ("first-contentful-paint", "FCP"),
    ("largest-contentful-paint", "LCP"),
    ("total-blocking-time", "TBT"),
    ("cumulative-layout-shift", "CLS"),
    ("speed-index", "Speed Index"),
]


def score(report, category):
    value = report["categories"].get(category, {}).get("score")
    return "–" if value is None else str(round(value * 100))


def blocked_on_purpose(report):
    """True when the page's only failed SEO audit is is-crawlable (robots.txt disallows it)."""
    failed = [ref["id"] for ref in report["categories"].get("seo", {}).get("auditRefs", [])
              if ref.get("weight", 0) > 0 and report["audits"][ref["id"]].get("score") == 0]
    return failed == ["is-crawlable"]


def failed_audits(report):
    """Audits of every category that scored below 1 and count towards the score (weight > 0), or failed outright."""
    seen = []
    for category in CATEGORIES:
        for ref in report["categories"].get(category, {}).get("auditRefs", []):
            audit = report["audits"][ref["id"]]
            if audit.get("scoreDisplayMode") in ("notApplicable", "manual", "informative"):
                continue
            if audit.get("score") is not None and audit["score"] < 0.9 and ref["id"] not in seen:
                if category == "performance" and ref.get("weight", 0) == 0 and audit["score"] >= 0.5:
                    continue
                seen.append(ref["id"])
    return [f"{i} ({report['audits'][i].get('displayValue') or report['audits'][i]['score']})" for i in seen]


def largest(report):
    """The biggest transfers (total-byte-weight) and the LCP element Lighthouse names."""
    items = report["audits"].get("total-byte-weight", {}).get("details", {}).get("items", [])
    biggest = sorted(items, key=lambda i: -i.get("totalBytes", 0))[:3]
    parts = [f"{i['url'].split('/', 3)[-1] or '/'} {i['totalBytes'] / 1024:.1f} KB" for i in biggest]
    lcp = report["audits"].get("largest-contentful-paint-element", {}).get("details", {})
    for item in lcp.get("items", []):
        for sub in item.get("items", []):
            node = sub.get("node")
            if node:
                parts.append("LCP: " + (node.get("nodeLabel") or node.get("snippet", ""))[:60].replace("|", "/").replace("\n", " "))
                break
        else:
            continue
        break
    return "; ".join(parts)


def main():
    reports = []
    for arg in sys.argv[1:]:
        label, path = arg.split("=", 1)
        with open(path) as f:
            reports.append((label, json.load(f)))

    print("| page | performance | accessibility | best practices | SEO |")
    print("|---|---:|---:|---:|---:|")
    blocked = False
    for label, r in reports:
        cells = [score(r, c) for c in CATEGORIES]
        if blocked_on_purpose(r):
            cells[-1] += " ²"
            blocked = True
        print(f"| `{label}` | " + " | ".join(cells) + " |")
    if blocked:
        print()
        print("² Only `is-crawlable` fails, on purpose: robots.txt keeps crawlers off signed-in pages and personal addresses")
        print("(an assessment result). Every other SEO audit of the page passes.")
    print()
    print("| page | " + " | ".join(name for _, name in METRICS) + " | transfer |")
    print("|---|" + "---:|" * (len(METRICS) + 1))
    for label, r in reports:
        cells = [r["audits"].get(key, {}).get("displayValue", "–").replace("\u00a0", " ") for key, _ in METRICS]
        total = r["audits"].get("total-byte-weight", {}).get("numericValue", 0) / 1024
        print(f"| `{label}` | " + " | ".join(cells) + f" | {total:.0f} KB |")
    print()
    print("Audits below 0.9 (id and Lighthouse's figure), and the largest items it names:")
    print()
    for label, r in reports:
        failed = failed_audits(r)
        print(f"- `{label}`: " + (", ".join(failed) if failed else "none") + f". Largest: {largest(r)}.")


if __name__ == "__main__":
    main()
