#!/usr/bin/env python3
"""Bytes a search downloads, computed from a built site's index (docs/search-index.md).

    python3 scripts/search_bytes.py PUBLIC_DIR [query ...]

For each query: the script, the manifest, the shard of every token the page looks up (once each),
and the ten LARGEST documents among the candidates (an upper bound: the page fetches the ten it
shows). Also the candidate count and the index size against the report text."""
import base64, json, os, sys, unicodedata

HAN = [(0x3007, 0x3007), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F)]


def is_han(c):
    v = ord(c)
    return any(a <= v <= b for a, b in HAN)


def runs(text):
    out, cur, kind = [], "", None
    for ch in text:
        for c in unicodedata.normalize("NFKC", ch).lower():
            k = "han" if is_han(c) else ("word" if unicodedata.category(c)[0] in "LN" else None)
            if k != kind and cur:
                out.append((kind, cur)); cur = ""
            kind = k
            if k: cur += c
    if cur: out.append((kind, cur))
    return out


def query_tokens(term):
    toks = []
    for kind, s in runs(term):
        if kind == "word": toks.append(s[:32])
        elif len(s) <= 3: toks.append(s)
        else:
            starts = sorted(set(list(range(0, len(s) - 2, 3)) + [len(s) - 3]))
            toks += [s[i:i + 3] for i in starts]
    return toks


def fnv1a(s):
    h = 2166136261
    for b in s.encode(): h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


def decode(p, n):
    data = base64.b64decode(p[1:])
    if p[0] == "B":
        return {i * 8 + b for i, byte in enumerate(data) for b in range(8) if byte >> b & 1 and i * 8 + b < n}
    docs, prev, val, shift = set(), -1, 0, 0
    for byte in data:
        val |= (byte & 0x7F) << shift
        if byte & 0x80: shift += 7; continue
        prev = prev + 1 + (val >> 2); docs.add(prev); val = shift = 0
    return docs


def main():
    site = sys.argv[1]
    queries = sys.argv[2:] or ["行政复议", "依申请公开", "规范性文件", "环翠区", "讼", "政府信息公开申请", "信息处理费", "2023"]
    search = os.path.join(site, "search")
    manifest = json.load(open(os.path.join(search, "manifest.json")))
    n, shards = manifest["docCount"], manifest["shardCount"]
    fixed = os.path.getsize(os.path.join(site, "assets", "search.js")) + os.path.getsize(os.path.join(search, "manifest.json"))
    index = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(search) for f in fs if not f.endswith(".html"))
    print(f"documents {n}, shards {shards}, index {index / 1e6:.1f} MB, script+manifest {fixed / 1e3:.1f} KB")
    print("| query | tokens | shards | candidates | KB downloaded (upper bound) |")
    print("|---|---:|---:|---:|---:|")
    for q in queries:
        toks = [t for term in q.split() for t in query_tokens(term)]
        ids = sorted({fnv1a(t) % shards for t in toks})
        size = fixed
        cand = None
        for i in ids:
            path = os.path.join(search, "shards", f"{i}.json")
            size += os.path.getsize(path)
        loaded = {}
        for i in ids: loaded.update(json.load(open(os.path.join(search, "shards", f"{i}.json"))))
        for t in toks:
            docs = decode(loaded[t], n) if t in loaded else set()
            cand = docs if cand is None else cand & docs
        cand = cand or set()
        docs = sorted((os.path.getsize(os.path.join(search, "docs", f"{d}.z")) for d in cand), reverse=True)[:10]
        size += sum(docs)
        print(f"| {q} | {len(toks)} | {len(ids)} | {len(cand)} | {size / 1e3:.1f} |")


if __name__ == "__main__":
    main()
