#!/usr/bin/env python3
"""Validate the grassroots disclosure catalog baseline (stdlib only).

Usage: python3 assets/catalog/check.py   (from anywhere)
Exit status 0 when every file passes, 1 otherwise.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

TOP_KEYS = ["domain", "order", "kind", "guideline", "coverage", "coverage_note", "sources", "items"]
GUIDELINE_KEYS = ["issuer", "document", "date"]
SOURCE_KEYS = ["title", "url"]
ITEM_KEYS = ["level1", "level2", "content", "basis", "time_limit", "time_limit_workdays", "subject",
             "channels", "channels_other", "audience", "mode", "level", "source", "provenance"]
PROVENANCE_KEYS = ["audience", "mode", "level", "borrowed_from", "version_of", "note"]
# How a tick column is known: stated in the source's words, read from a visible column position,
# inferred (from column order or the table's level), borrowed from another county's page; none = empty.
TICK_PROVENANCE = ["stated", "column", "inferred", "borrowed", "none"]


def is_government(url):
    """A government portal (…gov.cn); anything else is a copy not verified against the original."""
    host = re.sub(r"^https?://", "", url).split("/")[0].split(":")[0].lower()
    return host == "gov.cn" or host.endswith(".gov.cn")
CHANNELS = ["政府网站", "政府公报", "两微一端", "发布会/听证会", "广播电视", "纸质媒体", "公开查阅点",
            "政务服务中心", "便民服务站", "入户/现场", "社区/企事业单位/村公示栏（电子屏）", "精准推送", "其他"]
AUDIENCE = ["全社会", "特定群体"]
MODE = ["主动", "依申请"]
LEVEL = ["县级", "乡级"]
KINDS = ["pilot", "later"]
COVERAGE = ["complete", "partial", "not_found"]
NAME_RE = re.compile(r"^(\d\d)-[a-z0-9_]+\.json$")


def check_file(path, errors):
    name = os.path.basename(path)
    def err(msg):
        errors.append(f"{name}: {msg}")
    m = NAME_RE.match(name)
    if not m:
        err("file name must be NN-<pinyin_slug>.json")
    try:
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
    except Exception as e:  # noqa: BLE001
        err(f"cannot load JSON: {e}")
        return None
    if list(d.keys()) != TOP_KEYS and set(d.keys()) != set(TOP_KEYS):
        err(f"top-level keys {sorted(d.keys())} != {TOP_KEYS}")
        return None
    if not isinstance(d["domain"], str) or not d["domain"]:
        err("domain must be a non-empty string")
    if not isinstance(d["order"], int) or (m and int(m.group(1)) != d["order"]):
        err("order must be an int equal to the file's NN prefix")
    if d["kind"] not in KINDS:
        err(f"kind {d['kind']!r} not in {KINDS}")
    g = d["guideline"]
    if not isinstance(g, dict) or set(g.keys()) != set(GUIDELINE_KEYS) or not all(isinstance(g[k], str) for k in GUIDELINE_KEYS):
        err(f"guideline must have string keys {GUIDELINE_KEYS}")
    elif g["date"] and not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", g["date"]):
        err(f"guideline.date {g['date']!r} must be YYYY, YYYY-MM, YYYY-MM-DD or empty")
    if d["coverage"] not in COVERAGE:
        err(f"coverage {d['coverage']!r} not in {COVERAGE}")
    if not isinstance(d["coverage_note"], str) or not d["coverage_note"].strip():
        err("coverage_note must be a non-empty string")
    if not isinstance(d["sources"], list):
        err("sources must be a list")
    else:
        for i, s in enumerate(d["sources"]):
            if not isinstance(s, dict) or set(s.keys()) != set(SOURCE_KEYS) or not s.get("url", "").startswith("http"):
                err(f"sources[{i}] must be {{title, url(http…)}}")
    items = d["items"]
    if not isinstance(items, list):
        err("items must be a list")
        return d
    if d["coverage"] == "not_found" and items:
        err("coverage not_found but items present")
    if d["coverage"] != "not_found" and not items:
        err("no items but coverage is not not_found")
    seen = set()
    for i, it in enumerate(items):
        where = f"items[{i}]"
        if not isinstance(it, dict) or set(it.keys()) != set(ITEM_KEYS):
            err(f"{where}: keys {sorted(it.keys()) if isinstance(it, dict) else it!r} != {ITEM_KEYS}")
            continue
        for k in ["level1", "level2", "content", "basis", "time_limit", "subject", "channels_other", "source"]:
            if not isinstance(it[k], str):
                err(f"{where}.{k} must be a string")
        if not it["level2"].strip():
            err(f"{where}: empty level2")
        key = (it["level1"], it["level2"])
        if key in seen:
            err(f"{where}: duplicate (level1, level2) {key}")
        seen.add(key)
        w = it["time_limit_workdays"]
        if w is not None and (not isinstance(w, int) or isinstance(w, bool) or w <= 0):
            err(f"{where}: time_limit_workdays must be a positive int or null")
        for k, allowed in (("channels", CHANNELS), ("audience", AUDIENCE), ("mode", MODE), ("level", LEVEL)):
            v = it[k]
            if not isinstance(v, list):
                err(f"{where}.{k} must be a list")
                continue
            bad = [x for x in v if x not in allowed]
            if bad:
                err(f"{where}.{k} has values outside the allowed list: {bad}")
            if len(set(v)) != len(v):
                err(f"{where}.{k} has duplicates")
        if it["channels_other"] and "其他" not in it["channels"]:
            err(f"{where}: channels_other set but '其他' not in channels")
        if not it["source"].startswith("http"):
            err(f"{where}: source must be a URL")
        p = it["provenance"]
        if not isinstance(p, dict) or set(p.keys()) != set(PROVENANCE_KEYS):
            err(f"{where}.provenance must have keys {PROVENANCE_KEYS}")
            continue
        for k in ("audience", "mode", "level"):
            if p[k] not in TICK_PROVENANCE:
                err(f"{where}.provenance.{k} {p[k]!r} not in {TICK_PROVENANCE}")
            elif (p[k] == "none") != (not it[k]):
                err(f"{where}.provenance.{k} is 'none' exactly when {k} is empty")
        borrowed = any(p[k] == "borrowed" for k in ("audience", "mode", "level"))
        if borrowed != bool(p["borrowed_from"].strip()):
            err(f"{where}.provenance.borrowed_from names the county exactly when a tick is borrowed")
        if not p["version_of"].strip():
            err(f"{where}.provenance.version_of must name whose version 公开主体/渠道 are")
    return d


def main():
    files = sorted(f for f in os.listdir(HERE) if f.endswith(".json"))
    errors = []
    rows = []
    orders = []
    unverified = 0
    for f in files:
        d = check_file(os.path.join(HERE, f), errors)
        if d is not None and isinstance(d.get("items"), list):
            rows.append((d.get("order"), d.get("domain"), d.get("kind"), d.get("coverage"), len(d["items"])))
            unverified += sum(1 for it in d["items"] if isinstance(it, dict) and not is_government(it.get("source", "")))
            orders.append(d.get("order"))
    if len(set(orders)) != len(orders):
        errors.append("duplicate order numbers across files")
    total = 0
    print(f"{'NN':>2}  {'kind':<5}  {'coverage':<9}  {'items':>5}  domain")
    for order, domain, kind, cov, n in rows:
        total += n
        print(f"{order:>2}  {kind:<5}  {cov:<9}  {n:>5}  {domain}")
    print(f"files: {len(rows)}  total items: {total}  items citing a non-government copy (未核实转载): {unverified}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  - " + e)
        print(f"0 passed, {len(errors)} failed")
        return 1
    print(f"{len(rows)} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
