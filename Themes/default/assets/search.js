// Client-side search over the index in search/ (docs/search-index.md). No server, no library.
//
//   text     normalisation (NFKC + lower case per code point, with a map back to the original
//            text), character classes, query terms and their tokens, term matchers
//   net      fetches shared by searches: one pending fetch per file, aborted when no live search
//            wants it any more; manifest, shards and documents cached for the page's lifetime
//   index    posting lists (decoded lazily, on first use), intersection from the shortest list,
//            BM25 with title-field matches first, years for ties
//   results  pages of ten documents: fetched in parallel, long queries confirmed against the
//            text, snippet around the first match in the best section
//   page     form, filters, URL state (pushState when a search settles, popstate re-runs),
//            typing (a short debounce for keys, none for an input method's commit), rendering
//            with DOM nodes only (no innerHTML)
(() => {
  "use strict";

  const PAGE_SIZE = 10;           // results per page; a theme may set data-page-size on the form
  // Typing runs a search at once when every shard it needs is here; otherwise after this pause,
  // so that fast keys do not each fetch shards. Short: the first ten results must be on screen
  // within 100 ms of the last keystroke (issue 5), and this pause is part of that time. A
  // committed input-method word (compositionend: how Chinese is typed) runs at once.
  const DEBOUNCE_MS = 25;
  const SNIPPET_CHARS = 80;
  const SNIPPET_LEAD = 20;
  const TYPING_BURST_MS = 1000;   // a typed query that rests this long gets its own history entry
  const SLICE_MS = 8;             // longest stretch of work before yielding to the page
  const K1 = 1.2;
  const MAX_WORD = 32;

  const form = document.getElementById("search-form");
  if (!form) return;
  const script = document.currentScript;
  // The site root: the script lives at <root>/assets/search.js.
  const ROOT = script && script.src ? new URL("../", script.src)
    : new URL(form.getAttribute("data-root") || "../", location.href);

  // ---------------------------------------------------------------------------------------------
  // text

  const HAN = 0, WORD = 1, SEP = 2;
  const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
  const SEP_CLASS = "[^\\p{L}\\p{N}\\u3007\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{2fa1f}]";

  function isHan(cp) {
    return cp === 0x3007 || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff)
      || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x2fa1f);
  }

  const classCache = new Map();
  function classOf(cp) {
    if (cp < 0x80) {
      return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) ? WORD : SEP;
    }
    if (isHan(cp)) return HAN;
    let c = classCache.get(cp);
    if (c === undefined) {
      c = LETTER_OR_NUMBER.test(String.fromCodePoint(cp)) ? WORD : SEP;
      classCache.set(cp, c);
    }
    return c;
  }

  const normCache = new Map();
  function normChar(ch, cp) {
    if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : ch;
    if (cp >= 0x4e00 && cp <= 0x9fff) return ch;
    let n = normCache.get(cp);
    if (n === undefined) {
      n = ch.normalize("NFKC").toLowerCase();
      normCache.set(cp, n);
    }
    return n;
  }

  /** Normalised text plus, for each UTF-16 unit of it, where its source character starts and
   *  ends in the original text (so matches in the normalised text map back for display). */
  function normalizeMapped(original) {
    const parts = [];
    const start = [];
    const end = [];
    let i = 0;
    for (const ch of original) {
      const cp = ch.codePointAt(0);
      const n = normChar(ch, cp);
      const next = i + ch.length;
      for (let k = 0; k < n.length; k++) { start.push(i); end.push(next); }
      parts.push(n);
      i = next;
    }
    return { original, text: parts.join(""), start, end };
  }

  function normalize(text) {
    let out = "";
    for (const ch of text) out += normChar(ch, ch.codePointAt(0));
    return out;
  }

  /** Maximal runs of Han or word characters: {cls, chars: [code point strings]}. */
  function runsOf(normText) {
    const runs = [];
    let cur = null;
    for (const ch of normText) {
      const cls = classOf(ch.codePointAt(0));
      if (cls === SEP) { cur = null; continue; }
      if (!cur || cur.cls !== cls) { cur = { cls, chars: [] }; runs.push(cur); }
      cur.chars.push(ch);
    }
    return runs;
  }

  /** One whitespace-separated query term: its index tokens, whether the index alone is exact
   *  for it, and a matcher over normalised text. Null when it has no letters or digits. */
  function parseTerm(raw) {
    const runs = runsOf(normalize(raw));
    if (!runs.length) return null;
    const tokens = [];
    let exact = runs.length === 1;
    for (const run of runs) {
      if (run.cls === WORD) {
        tokens.push(run.chars.slice(0, MAX_WORD).join(""));
        if (run.chars.length >= MAX_WORD) exact = false;   // the index cuts longer words
      } else if (run.chars.length <= 3) {
        tokens.push(run.chars.join(""));
      } else {
        // Longer runs are confirmed against the text anyway, so the trigrams that cover the run
        // (at 0, 3, 6, … and the last) are enough to find the candidates: a nine-character
        // agency name looks up 3 tokens (and fetches ~3 shards), not 7.
        const last = run.chars.length - 3;
        for (let i = 0; ; i += 3) {
          const at = Math.min(i, last);
          tokens.push(run.chars.slice(at, at + 3).join(""));
          if (at === last) break;
        }
        exact = false;
      }
    }
    // Separators do not count in a term (tokens never hold them): runs may be separated by any
    // separators in the text, and must be for two words (otherwise they would be one word).
    let source = "";
    runs.forEach((run, i) => {
      if (i > 0) source += SEP_CLASS + (runs[i - 1].cls === WORD && run.cls === WORD ? "+" : "*");
      source += run.chars.join("").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
    return {
      raw,
      tokens: [...new Set(tokens)],
      exact,
      re: new RegExp(source, "gu"),
      wordStart: runs[0].cls === WORD,
      wordEnd: runs[runs.length - 1].cls === WORD,
    };
  }

  function parseQuery(q) {
    const terms = [];
    const seen = new Set();
    for (const raw of q.split(/\s+/u)) {
      if (!raw) continue;
      const term = parseTerm(raw);
      if (!term) continue;
      const key = term.re.source;
      if (seen.has(key)) continue;
      seen.add(key);
      terms.push(term);
    }
    return terms;
  }

  function codePointBefore(text, i) {
    const lo = text.charCodeAt(i - 1);
    if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
      const hi = text.charCodeAt(i - 2);
      if (hi >= 0xd800 && hi <= 0xdbff) return (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
    }
    return lo;
  }

  /** Matches of a term in normalised text, as [start, end) pairs of UTF-16 offsets. A word
   *  matches only a whole word, as in the index. */
  function findAll(text, term, limit = Infinity) {
    const out = [];
    const re = term.re;
    re.lastIndex = 0;
    let m;
    while ((m = re.exec(text)) !== null) {
      const s = m.index;
      const e = s + m[0].length;
      const ok = (!term.wordStart || s === 0 || classOf(codePointBefore(text, s)) !== WORD)
        && (!term.wordEnd || e === text.length || classOf(text.codePointAt(e)) !== WORD);
      if (ok) {
        out.push([s, e]);
        if (out.length >= limit) break;
        re.lastIndex = e;
      } else {
        re.lastIndex = s + (text.codePointAt(s) > 0xffff ? 2 : 1);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // net

  /** Fetches shared by concurrent searches. A search registers as a user of every file it asks
   *  for; when a search is superseded it is released, and a fetch no live search wants is
   *  aborted (and forgotten, so a later search fetches it again). Finished files stay cached. */
  class Loader {
    constructor() { this.entries = new Map(); }

    get(key, url, parse, user) {
      let entry = this.entries.get(key);
      if (!entry) {
        const controller = new AbortController();
        entry = { controller, users: new Set(), done: false, value: undefined, promise: null };
        entry.promise = fetch(url, { signal: controller.signal, credentials: "same-origin" })
          .then((response) => {
            if (!response.ok) throw new Error(`${response.status} ${response.url}`);
            return parse(response);
          })
          .then((value) => {
            entry.done = true;
            entry.value = value;
            entry.users.clear();
            return value;
          }, (error) => {
            if (this.entries.get(key) === entry) this.entries.delete(key);
            throw error;
          });
        entry.promise.catch(() => {});   // a superseded search may never look at it
        this.entries.set(key, entry);
      }
      if (!entry.done) entry.users.add(user || Loader.PINNED);
      return entry.promise;
    }

    /** The value when the file is already here, otherwise undefined. */
    peek(key) {
      const entry = this.entries.get(key);
      return entry && entry.done ? entry.value : undefined;
    }

    has(key) {
      const entry = this.entries.get(key);
      return !!(entry && entry.done);
    }

    release(user) {
      for (const [key, entry] of this.entries) {
        if (entry.done || !entry.users.delete(user) || entry.users.size) continue;
        this.entries.delete(key);
        entry.controller.abort();
      }
    }
  }
  Loader.PINNED = {};

  const loader = new Loader();
  const searchURL = (path) => new URL("search/" + path, ROOT).href;
  const asJSON = (response) => response.json();
  const inflateJSON = (response) => {
    if (typeof DecompressionStream !== "function") throw new Error("DecompressionStream unsupported");
    return new Response(response.body.pipeThrough(new DecompressionStream("deflate"))).json();
  };

  const loadManifest = () => loader.get("manifest", searchURL("manifest.json"), asJSON, null);
  // The agency list can be long: it is fetched only when the agency filter is used.
  const loadFilters = () => loader.get("filters", searchURL("filters.json"), asJSON, null);

  function fnv1a(token) {
    let hash = 0x811c9dc5;
    for (const byte of new TextEncoder().encode(token)) {
      hash ^= byte;
      hash = Math.imul(hash, 16777619) >>> 0;
    }
    return hash >>> 0;
  }

  // A title token (t:X) lives in the shard of X, so a query fetches one shard for both.
  const shardOf = (token, manifest) => fnv1a(token.startsWith("t:") ? token.slice(2) : token) % manifest.shardCount;
  const loadShard = (i, user) => loader.get("shard:" + i, searchURL(`shards/${i}.json`), asJSON, user);
  const loadDoc = (id, user) => loader.get("doc:" + id, searchURL(`docs/${id}.z`), inflateJSON, user);

  // ---------------------------------------------------------------------------------------------
  // index

  function base64Bytes(text) {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  /** One token's posting list, decoded on first use. */
  class Postings {
    constructor(encoded) {
      this.encoded = encoded || "";
      this.bytes = null;
      this.ids = null;
      this.tfs = null;
      const kind = this.encoded[0];
      this.bitmap = kind === "B";
      if (!this.encoded || (kind !== "B" && kind !== "V")) { this.df = 0; this.bytes = new Uint8Array(0); return; }
      this.bytes = base64Bytes(this.encoded.slice(1));
      let df = 0;
      if (this.bitmap) {
        for (const b of this.bytes) { let v = b; while (v) { v &= v - 1; df++; } }
      } else {
        for (const b of this.bytes) if (!(b & 0x80)) df++;
      }
      this.df = df;
    }

    decode() {
      if (this.ids) return;
      const ids = new Int32Array(this.df);
      const tfs = new Uint8Array(this.df);
      let n = 0;
      if (this.bitmap) {
        this.bytes.forEach((b, i) => {
          for (let bit = 0; b && bit < 8; bit++, b >>= 1) if (b & 1) { ids[n] = i * 8 + bit; tfs[n++] = 1; }
        });
      } else {
        let previous = -1, value = 0, scale = 1;
        for (const b of this.bytes) {
          value += (b & 0x7f) * scale;   // arithmetic, not shifts: values may pass 2^31
          if (b & 0x80) { scale *= 128; continue; }
          const doc = previous + 1 + Math.floor(value / 4);
          ids[n] = doc;
          tfs[n++] = (value % 4) + 1;
          previous = doc;
          value = 0;
          scale = 1;
        }
      }
      this.ids = ids;
      this.tfs = tfs;
    }

    /** Term frequency of a document (capped at 4; 1 in a bitmap); 0 when it is not listed. */
    tf(doc) {
      if (this.bitmap) return (this.bytes[doc >> 3] >> (doc & 7)) & 1;
      this.decode();
      let lo = 0, hi = this.ids.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = this.ids[mid];
        if (v === doc) return this.tfs[mid];
        if (v < doc) lo = mid + 1; else hi = mid - 1;
      }
      return 0;
    }

    docs() {
      this.decode();
      return this.ids;
    }
  }

  const postingsCache = new Map();
  function postings(token, shard) {
    let p = postingsCache.get(token);
    if (!p) {
      p = new Postings(Object.prototype.hasOwnProperty.call(shard, token) ? shard[token] : "");
      postingsCache.set(token, p);
    }
    return p;
  }

  /** Posting lists of tokens, fetching only the shards that hold them (in parallel). */
  async function loadPostings(tokens, manifest, user) {
    const missing = tokens.filter((t) => !postingsCache.has(t));
    const shards = new Map();
    await Promise.all([...new Set(missing.map((t) => shardOf(t, manifest)))].map(async (i) => {
      shards.set(i, await loadShard(i, user));
    }));
    const out = new Map();
    for (const t of tokens) out.set(t, postingsCache.get(t) || postings(t, shards.get(shardOf(t, manifest))));
    return out;
  }

  const tokensReady = (tokens, manifest) =>
    tokens.every((t) => postingsCache.has(t) || loader.has("shard:" + shardOf(t, manifest)));

  /** Years of documents, for ties (newest first). A small tie group (one that the page shows
   *  nearly all of) takes the years from its documents, which the page fetches anyway. A large
   *  one learns years one at a time, newest first, from the `y:` posting lists (about a shard
   *  each), only until the places the page shows are decided: usually the newest year or two.
   *  A `docYears` array in the manifest, when present, gives every year at once. */
  const yearBook = { of: null, order: [], known: 0, all: false, pending: new Map(), docs: new Map() };

  function yearsInit(manifest) {
    if (yearBook.of) return;
    yearBook.of = new Int16Array(manifest.docCount);
    yearBook.order = [...(manifest.years || [])].sort((x, y) => y - x);
    if (Array.isArray(manifest.docYears)) {
      manifest.docYears.forEach((y, i) => { yearBook.of[i] = y || 0; });
      yearBook.all = true;
    }
    if (!yearBook.order.length) yearBook.all = true;
  }

  /** The year of a document when known (0 for a page), otherwise undefined. */
  function yearOf(id) {
    const fromDoc = yearBook.docs.get(id);
    if (fromDoc !== undefined) return fromDoc;
    const y = yearBook.of[id];
    return y || yearBook.all ? y : undefined;
  }

  function noteDocYear(id, doc) { yearBook.docs.set(id, doc && doc.year ? doc.year : 0); }

  function learnNextYear(manifest) {
    const index = yearBook.known;
    let promise = yearBook.pending.get(index);
    if (!promise) {
      const year = yearBook.order[index];
      promise = loadPostings(["y:" + year], manifest, null).then((lists) => {
        for (const d of lists.get("y:" + year).docs()) yearBook.of[d] = year;
        yearBook.known = Math.max(yearBook.known, index + 1);
        if (yearBook.known >= yearBook.order.length) yearBook.all = true;
      });
      promise.catch(() => {}).then(() => yearBook.pending.delete(index));
      yearBook.pending.set(index, promise);
    }
    return promise;
  }

  /** Starts fetching the newest year's postings (a shard) when ties will need it, so that it
   *  arrives with the query's own shards instead of one round trip after them. */
  function prefetchYears(manifest) {
    yearsInit(manifest);
    if (!yearBook.all && yearBook.known === 0) learnNextYear(manifest).catch(() => {});
  }

  const byRelevance = (a, b) => (b.inTitle - a.inTitle) || (b.score - a.score);

  /** Puts the first `need` results in their final order: ties by year (newest first), then id. */
  async function orderPrefix(results, need, run) {
    if (results.sameYear) return;
    yearsInit(results.manifest);
    const entries = results.entries;
    for (;;) {
      // Documents of unknown year are older than every year learnt so far (the frontier).
      const frontier = yearBook.known ? yearBook.order[yearBook.known - 1] : Infinity;
      const key = (id) => { const y = yearOf(id); return y === undefined ? frontier - 0.5 : y; };
      entries.sort((a, b) => byRelevance(a, b) || (key(b.id) - key(a.id)) || a.id - b.id);
      // A tie group reaching into the prefix is decided when its places there are held by
      // documents whose year is known and not older than the frontier.
      const limit = Math.min(need, entries.length);
      let open = null;
      for (let i = 0; i < limit && !open;) {
        let j = i + 1;
        while (j < entries.length && !byRelevance(entries[i], entries[j])) j++;
        if (j - i > 1) {
          const places = Math.min(j, limit) - i;
          const unknown = [];
          let settled = 0;
          for (let k = i; k < j; k++) {
            const y = yearOf(entries[k].id);
            if (y === undefined) unknown.push(entries[k].id); else if (y >= frontier) settled++;
          }
          if (unknown.length && settled < places) open = { size: j - i, places, unknown };
        }
        i = j;
      }
      if (!open) return;
      if (open.size - open.places <= 2) {
        const docs = await Promise.all(open.unknown.map((id) => loadDoc(id, run)));
        open.unknown.forEach((id, k) => noteDocYear(id, docs[k]));
      } else {
        await learnNextYear(results.manifest);
      }
      run.check();
      run.resetSlice();
    }
  }

  /** Candidates of a query: ids, title-match flags and BM25 scores, ranked. */
  async function rank(terms, filters, manifest, run) {
    const content = [...new Set(terms.flatMap((t) => t.tokens))];
    const filterTokens = [];
    if (filters.year) filterTokens.push("y:" + filters.year);
    if (filters.region) filterTokens.push("r:" + filters.region);
    if (filters.agency) filterTokens.push("a:" + filters.agency);
    const titleTokens = content.map((t) => "t:" + t);
    const lists = await loadPostings([...content, ...filterTokens, ...titleTokens], manifest, run);
    run.check();
    run.resetSlice();

    const required = [...content, ...filterTokens].map((t) => lists.get(t)).sort((a, b) => a.df - b.df);
    if (!required.length || required[0].df === 0) return [];
    const shortest = required[0].docs();
    const rest = required.slice(1);
    const ids = [];
    for (let i = 0; i < shortest.length; i++) {
      const d = shortest[i];
      if (rest.every((p) => p.tf(d) > 0)) ids.push(d);
    }
    await run.checkpoint();

    const N = manifest.docCount;
    const scored = content.map((t) => {
      const p = lists.get(t);
      return { p, title: lists.get("t:" + t), idf: Math.log(1 + (N - p.df + 0.5) / (p.df + 0.5)) };
    });
    const entries = ids.map((d) => {
      let score = 0;
      let inTitle = scored.length > 0;
      for (const s of scored) {
        const tf = s.p.tf(d);
        score += s.idf * (tf * (K1 + 1)) / (tf + K1);
        if (inTitle && !s.title.tf(d)) inTitle = false;
      }
      return { id: d, inTitle, score };
    });
    entries.sort((a, b) => byRelevance(a, b) || a.id - b.id);
    return entries;   // ties by year: orderPrefix, for the results shown
  }

  // ---------------------------------------------------------------------------------------------
  // results

  /** Normalised fields of a document, computed once (section texts on first use). */
  function prepared(doc) {
    if (!doc.__prepared) {
      const sections = (doc.sections || []).map((s) => ({ source: s, titleN: null, textN: null }));
      doc.__prepared = {
        head: [doc.title || "", doc.agency || "", ...(doc.region || []), doc.year ? doc.year + "年" : ""]
          .filter(Boolean).map(normalizeMapped),
        title: normalizeMapped(doc.title || ""),
        sections,
      };
    }
    return doc.__prepared;
  }
  function sectionTitle(s) { return s.titleN || (s.titleN = normalizeMapped(s.source.title || "")); }
  function sectionText(s) { return s.textN || (s.textN = normalizeMapped(s.source.text || "")); }

  /** Whether the document holds every term (fields, section titles and texts). */
  function containsAll(doc, terms) {
    const p = prepared(doc);
    return terms.every((term) => term.exact ||
      p.head.some((f) => findAll(f.text, term, 1).length)
      || p.sections.some((s) => findAll(sectionTitle(s).text, term, 1).length
        || findAll(sectionText(s).text, term, 1).length));
  }

  /** The section that holds the most terms (in its title or text), then the most in its text,
   *  then the most matches in its text; the first of equals. Null when no section holds one. */
  function bestSection(doc, terms) {
    let best = null, bestKey = [0, 0, 0];
    for (const s of prepared(doc).sections) {
      let present = 0, inText = 0, count = 0;
      for (const term of terms) {
        const n = findAll(sectionText(s).text, term, 200).length;
        if (n) { present++; inText++; count += n; } else if (findAll(sectionTitle(s).text, term, 1).length) present++;
      }
      const key = [present, inText, count];
      const better = key[0] !== bestKey[0] ? key[0] > bestKey[0] : key[1] !== bestKey[1] ? key[1] > bestKey[1] : key[2] > bestKey[2];
      if (better) { best = s; bestKey = key; }
    }
    return bestKey[0] ? best : null;
  }

  /** [start, end) ranges in the original text where any term matches, merged. */
  function markRanges(mapped, terms, from = 0, to = mapped.original.length) {
    const ranges = [];
    for (const term of terms) {
      for (const [s, e] of findAll(mapped.text, term)) {
        const os = mapped.start[s], oe = mapped.end[e - 1];
        if (oe <= from) continue;
        if (os >= to) break;
        ranges.push([Math.max(os, from), Math.min(oe, to)]);
      }
    }
    ranges.sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const r of ranges) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push(r.slice());
    }
    return merged;
  }

  function isLowSurrogate(text, i) {
    const c = text.charCodeAt(i);
    return c >= 0xdc00 && c <= 0xdfff;
  }

  /** The snippet: ~80 characters of the original text around the first match of the first
   *  term found in the section, with the ranges to highlight. */
  function snippet(section, terms) {
    const mapped = sectionText(section);
    const text = mapped.original;
    if (!text.trim()) return null;
    let at = -1;
    for (const term of terms) {
      const m = findAll(mapped.text, term, 1)[0];
      if (m) { at = mapped.start[m[0]]; break; }
    }
    let from = 0;
    if (at > SNIPPET_LEAD) {
      from = at - SNIPPET_LEAD;
      const lineStart = text.lastIndexOf("\n", at - 1);
      if (lineStart >= from) from = lineStart + 1;
    }
    let to = Math.min(text.length, from + SNIPPET_CHARS);
    if (to === text.length) from = Math.max(0, Math.min(from, to - SNIPPET_CHARS));
    if (from > 0 && isLowSurrogate(text, from)) from++;
    if (to < text.length && isLowSurrogate(text, to)) to++;
    // Skip leading blank lines and white space.
    while (from < (at >= 0 ? at : to) && /\s/.test(text[from])) from++;
    return { text, from, to, marks: at >= 0 ? markRanges(mapped, terms, from, to) : [] };
  }

  /** What a result shows, or null when the document lacks a term (long queries only). */
  function describe(id, doc, terms, verify) {
    if (verify && !containsAll(doc, terms)) return null;
    const p = prepared(doc);
    const section = terms.length ? bestSection(doc, terms) : null;
    // The matching section's text (from its start when only its title matched; nothing when it
    // has no text); without a matching section, the start of the document.
    let snip = null;
    if (section) {
      snip = snippet(section, terms);
    } else {
      const first = p.sections.find((s) => (s.source.text || "").trim());
      if (first) snip = snippet(first, []);
    }
    return {
      id,
      doc,
      href: new URL(doc.url + (section && section.source.anchor ? "#" + section.source.anchor : ""), ROOT).href,
      titleMarks: markRanges(p.title, terms),
      section: section ? { text: section.source.title || "", marks: markRanges(sectionTitle(section), terms) } : null,
      snippet: snip,
    };
  }

  // ---------------------------------------------------------------------------------------------
  // page

  const input = document.getElementById("q");
  const selects = {
    year: document.getElementById("search-year"),
    region: document.getElementById("search-region"),
    agency: document.getElementById("search-agency"),
  };
  const filtersBox = document.getElementById("search-filters");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const more = document.getElementById("search-more");

  let current = null;          // the live search
  let provisional = false;     // the current history entry is still being typed
  let commitTimer = 0;
  let debounceTimer = 0;
  let runCounter = 0;

  class Stale extends Error {}

  /** One search: owns its fetches, knows when it is superseded, yields to the page. */
  class Run {
    constructor(state, how, started) {
      this.id = ++runCounter;
      this.state = state;
      this.how = how;
      this.started = started;
      this.stale = false;
      this.slice = performance.now();
    }
    check() { if (this.stale) throw new Stale(); }
    resetSlice() { this.slice = performance.now(); }
    async checkpoint() {
      if (performance.now() - this.slice > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        this.resetSlice();
      }
      this.check();
    }
  }

  function readState(params) {
    return {
      q: (params.get("q") || "").trim(),
      year: params.get("year") || "",
      region: params.get("region") || "",
      agency: params.get("agency") || "",
    };
  }

  function formState() {
    return {
      q: input.value.trim(),
      year: selects.year ? selects.year.value : "",
      region: selects.region ? selects.region.value : "",
      agency: selects.agency ? selects.agency.value : "",
    };
  }

  function stateURL(state) {
    const params = new URLSearchParams();
    for (const key of ["q", "year", "region", "agency"]) if (state[key]) params.set(key, state[key]);
    const query = params.toString();
    return location.pathname + (query ? "?" + query : "");
  }

  function ensureOption(select, value, label) {
    if (!select || !value) return;
    if (![...select.options].some((o) => o.value === value)) select.add(new Option(label || value, value));
  }

  function applyState(state) {
    input.value = state.q;
    ensureOption(selects.year, state.year);
    ensureOption(selects.region, state.region);
    ensureOption(selects.agency, state.agency);
    for (const key of Object.keys(selects)) if (selects[key]) selects[key].value = state[key];
  }

  function fillFilters(manifest) {
    if (selects.year) for (const y of manifest.years || []) selects.year.add(new Option(`${y}年`, String(y)));
    if (selects.region) for (const [name, n] of manifest.regions || []) selects.region.add(new Option(`${name}（${n}）`, name));
    if (selects.agency) {
      const fill = (agencies) => {
        const chosen = selects.agency.value;
        for (const [slug, name] of agencies || []) {
          const existing = [...selects.agency.options].find((o) => o.value === slug);
          if (existing) existing.textContent = name;
          else selects.agency.add(new Option(name, slug));
        }
        selects.agency.value = chosen;
      };
      if (manifest.agencies) fill(manifest.agencies);
      else {
        let requested = false;
        const request = () => {
          if (requested) return;
          requested = true;
          loadFilters().then((f) => fill(f && f.agencies)).catch(() => { requested = false; });
        };
        for (const type of ["focus", "pointerdown", "keydown"]) selects.agency.addEventListener(type, request);
        if (selects.agency.value) request();
      }
    }
    if (filtersBox) filtersBox.hidden = false;
  }

  function setStatus(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  function appendMarked(parent, text, from, to, marks) {
    let at = from;
    for (const [s, e] of marks) {
      if (s > at) parent.append(text.slice(at, s));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(s, e);
      parent.append(mark);
      at = e;
    }
    if (at < to) parent.append(text.slice(at, to));
  }

  function resultItem(r) {
    const li = document.createElement("li");
    li.className = "search-result";
    const heading = document.createElement("h2");
    heading.className = "search-result-title";
    const link = document.createElement("a");
    link.href = r.href;
    appendMarked(link, r.doc.title || r.doc.url, 0, (r.doc.title || r.doc.url).length, r.doc.title ? r.titleMarks : []);
    heading.append(link);
    li.append(heading);

    const meta = document.createElement("p");
    meta.className = "search-result-meta";
    const bits = r.doc.kind === "page" ? ["站内页面"]
      : [r.doc.agency, r.doc.year ? `${r.doc.year}年度` : ""].filter(Boolean);
    meta.textContent = bits.join(" · ");
    if (r.section && r.section.text && !(r.doc.kind === "page" && r.section.text === r.doc.title)) {
      meta.append(" · ");
      const where = document.createElement("span");
      where.className = "search-result-section";
      appendMarked(where, r.section.text, 0, r.section.text.length, r.section.marks);
      meta.append(where);
    }
    li.append(meta);

    if (r.snippet) {
      const p = document.createElement("p");
      p.className = "search-snippet";
      const { text, from, to, marks } = r.snippet;
      if (from > 0) p.append("…");
      appendMarked(p, text, from, to, marks);
      if (to < text.length) p.append("…");
      li.append(p);
    }
    return li;
  }

  /** The next page of results: fetch the next candidates' documents in parallel, confirm them
   *  when the query needs it, and fetch further candidates for any that were dropped. */
  async function nextPage(results, run) {
    const size = Math.max(1, parseInt(form.getAttribute("data-page-size"), 10) || PAGE_SIZE);
    const page = [];
    while (page.length < size && results.cursor < results.entries.length) {
      await orderPrefix(results, results.cursor + size - page.length, run);
      const batch = results.entries.slice(results.cursor, results.cursor + (size - page.length));
      results.cursor += batch.length;
      const docs = await Promise.all(batch.map((e) => loadDoc(e.id, run)));
      batch.forEach((e, i) => noteDocYear(e.id, docs[i]));
      run.check();
      run.resetSlice();
      for (let i = 0; i < batch.length; i++) {
        const item = describe(batch[i].id, docs[i], results.terms, results.verify);
        if (item) page.push(item); else results.dropped++;
        await run.checkpoint();
      }
    }
    return page;
  }

  function countText(results) {
    const n = results.entries.length - results.dropped;
    const exact = !results.verify || results.cursor >= results.entries.length;
    // Long terms are confirmed document by document, so until every candidate has been read
    // the count is an upper bound.
    return exact ? `找到 ${n} 份` : `找到至多 ${n} 份`;
  }

  /** History: a settled search gets its own entry. While typing, the entry stays provisional
   *  (later keystrokes replace it) until the query rests for a second, is submitted or a filter
   *  changes; so back steps through searches, not through keystrokes. */
  function settle(run) {
    if (run.how === "none") return;
    const url = stateURL(run.state);
    const same = url === location.pathname + location.search;
    if (!same) history[provisional ? "replaceState" : "pushState"](run.state, "", url);
    clearTimeout(commitTimer);
    if (run.how === "typing" && (!same || provisional)) {
      provisional = true;
      commitTimer = setTimeout(() => { provisional = false; }, TYPING_BURST_MS);
    } else {
      provisional = false;
    }
  }

  let currentResults = null;

  async function execute(run) {
    const state = run.state;
    const terms = parseQuery(state.q);
    const filtered = state.year || state.region || state.agency;
    list.setAttribute("aria-busy", "true");
    // Say "searching" only when it takes a while: a message per keystroke would be noise.
    const busy = setTimeout(() => { if (current === run) setStatus("正在搜索…"); }, 400);
    try {
      const manifest = await loadManifest();
      run.check();
      if (!terms.length && !filtered) {
        list.replaceChildren();
        more.hidden = true;
        currentResults = null;
        setStatus(state.q ? "请输入要搜索的文字或数字。" : "");
        finish(run);
        return;
      }
      if (!state.year) prefetchYears(manifest);
      const entries = terms.length || filtered ? await rank(terms, state, manifest, run) : [];
      run.check();
      const results = { entries, terms, manifest, sameYear: !!state.year, verify: terms.some((t) => !t.exact),
        cursor: 0, dropped: 0, state };
      const page = await nextPage(results, run);
      run.check();
      currentResults = results;
      list.replaceChildren(...page.map(resultItem));
      more.hidden = results.cursor >= results.entries.length;
      if (!page.length) {
        setStatus(state.q ? `没有找到包含“${state.q}”的报告${filtered ? "（已按所选年度、地区或机关筛选）" : ""}。`
          : "没有符合筛选条件的报告。");
      } else {
        setStatus(countText(results));
      }
      finish(run);
    } catch (error) {
      if (error instanceof Stale || run.stale || (error && error.name === "AbortError")) return;
      list.replaceChildren();
      more.hidden = true;
      setStatus("搜索暂时无法使用：索引文件未能加载。");
      list.removeAttribute("aria-busy");
      list.dataset.state = "error";
    } finally {
      clearTimeout(busy);
    }
  }

  function finish(run) {
    list.removeAttribute("aria-busy");
    list.dataset.state = "done";
    list.dataset.query = stateURL(run.state);
    try {
      performance.measure("search", { start: run.started, end: performance.now() });
    } catch (_) { /* older browsers: no measure options */ }
    settle(run);
  }

  function start(state, how, started = performance.now()) {
    clearTimeout(debounceTimer);
    const previous = current;
    const run = new Run(state, how, started);
    current = run;
    list.dataset.state = "busy";
    execute(run);
    if (previous) {
      previous.stale = true;
      // Released after the new search has asked for its files, so shared ones stay.
      setTimeout(() => loader.release(previous), 0);
    }
  }

  async function loadMore() {
    const results = currentResults;
    const run = current;
    if (!results || !run) return;
    more.disabled = true;
    try {
      const page = await nextPage(results, run);
      if (run !== current) return;
      const items = page.map(resultItem);
      list.append(...items);
      more.hidden = results.cursor >= results.entries.length;
      setStatus(countText(results));
      const link = items.length && items[0].querySelector("a");
      if (link) link.focus();
      else if (more.hidden) input.focus();
    } catch (error) {
      if (!(error instanceof Stale) && !(error && error.name === "AbortError")) setStatus("更多结果未能加载。");
    } finally {
      more.disabled = false;
    }
  }

  /** Typing: run at once when every shard the query needs is here or an input method has just
   *  committed its text, otherwise after a short pause. */
  function onTyping(committed) {
    const started = performance.now();
    const state = formState();
    const manifest = loader.peek("manifest");
    clearTimeout(debounceTimer);
    if (manifest) {
      const tokens = parseQuery(state.q).flatMap((t) => t.tokens);
      const needed = [...tokens, ...tokens.map((t) => "t:" + t)];
      if (state.year) needed.push("y:" + state.year);
      if (state.region) needed.push("r:" + state.region);
      if (state.agency) needed.push("a:" + state.agency);
      if (committed === true || tokensReady(needed, manifest)) { start(state, "typing", started); return; }
    }
    debounceTimer = setTimeout(() => start(formState(), "typing", started), DEBOUNCE_MS);
  }

  input.addEventListener("input", (event) => { if (!event.isComposing) onTyping(); });
  input.addEventListener("compositionend", () => onTyping(true));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    start(formState(), "submit");
  });
  for (const select of Object.values(selects)) {
    if (select) select.addEventListener("change", () => start(formState(), "filter"));
  }
  more.addEventListener("click", loadMore);
  window.addEventListener("popstate", () => {
    const state = readState(new URLSearchParams(location.search));
    applyState(state);
    provisional = false;
    clearTimeout(commitTimer);
    start(state, "none");
  });

  // Start: fill the filters, restore the state the URL holds, run it.
  const initial = readState(new URLSearchParams(location.search));
  input.value = initial.q;
  loadManifest().then((manifest) => {
    fillFilters(manifest);
    const typed = input.value.trim();
    applyState(initial.q === typed ? initial : { ...initial, q: typed });
    // Someone who typed while the manifest loaded has started a search: redo it with the filters.
    start(formState(), current ? "typing" : "none");
  }, () => {
    setStatus("搜索暂时无法使用：索引文件未能加载。");
    list.dataset.state = "error";
  });
})();
