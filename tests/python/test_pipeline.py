"""The Dask pipeline (winnow.pipeline): WARC shards to JSON Lines on a
LocalCluster of two workers; every page record comes out exactly once."""

import gzip
import json
import os
import subprocess
import sys

import pytest

from dask.distributed import Client, LocalCluster

import winnow
from winnow import pipeline

SHARDS = 6
PAGES_PER_SHARD = 25


def page(shard, i):
    return ("<html><head><title>Shard %d page %d</title></head><body><nav><a href='/'>Home</a>"
            "</nav><article><h1>Page %d of shard %d</h1><p>This is page %d of shard %d, with "
            "enough words in its paragraph to be the article body of the page.</p></article>"
            "</body></html>" % (shard, i, i, shard, i, shard)).encode()


def record(rid, wtype, uri, block, ctype):
    head = ("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
            "WARC-Target-URI: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (wtype, rid, uri, ctype, len(block))).encode()
    return gzip.compress(head + block + b"\r\n\r\n")


def make_shards(directory):
    """SHARDS WARC files; each page has a request record before it, and
    every fifth page record holds a PNG (an error record). Returns the
    paths and the ids of every page record."""
    paths, ids = [], []
    http = "application/http; msgtype=response"
    for s in range(SHARDS):
        out = []
        for i in range(PAGES_PER_SHARD):
            uri = "http://s%d.example/%d" % (s, i)
            out.append(record("req-%d-%d" % (s, i), "request", uri, b"GET / HTTP/1.1\r\n\r\n",
                              "application/http; msgtype=request"))
            body = b"\x89PNG\r\n\x1a\n" + bytes(200) if i % 5 == 4 else page(s, i)
            block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
            rid = "page-%d-%d" % (s, i)
            out.append(record(rid, "response", uri, block, http))
            ids.append("<urn:uuid:%s>" % rid)
        path = os.path.join(directory, "crawl-%05d.warc.gz" % s)
        with open(path, "wb") as f:
            f.write(b"".join(out))
        paths.append(path)
    return paths, ids


def read_outputs(out_dir):
    lines = []
    for name in sorted(os.listdir(out_dir)):
        assert name.endswith(".jsonl") and not name.startswith("."), name
        with open(os.path.join(out_dir, name), encoding="utf-8") as f:
            lines += [json.loads(l) for l in f]
    return lines


def check_every_record_once(out_dir, ids):
    lines = read_outputs(out_dir)
    got = [l["record_id"] for l in lines]
    assert sorted(got) == sorted(ids), "records lost or repeated"
    assert len(set(got)) == len(got)
    for l in lines:
        s, i = (int(x) for x in l["record_id"][len("<urn:uuid:page-"):-1].split("-"))
        if i % 5 == 4:
            assert l["status"] == int(winnow.Status.NOT_HTML) and "PNG" in l["error"], l
        else:
            assert "page %d of shard %d" % (i, s) in l["text"] and "Home" not in l["text"], l
            assert l["url"] == "http://s%d.example/%d" % (s, i)


def test_local_cluster_two_workers(tmp_path):
    shards, ids = make_shards(str(tmp_path))
    out_dir = str(tmp_path / "out")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        summaries = pipeline.run(shards, out_dir, client)
    assert [s["shard"] for s in summaries] == shards
    assert sum(s["records"] for s in summaries) == len(ids)
    assert sum(s["errors"] for s in summaries) == SHARDS * (PAGES_PER_SHARD // 5)
    check_every_record_once(out_dir, ids)
    # Run again over the same outputs: replaced, not appended to.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        pipeline.run(shards, out_dir, client)
    check_every_record_once(out_dir, ids)


def test_command_line(tmp_path):
    """python3 -m winnow.pipeline, as the README gives it."""
    shards, ids = make_shards(str(tmp_path))
    out_dir = str(tmp_path / "out")
    proc = subprocess.run([sys.executable, "-m", "winnow.pipeline", "--workers", "2", "--threads",
                           "-o", out_dir] + shards, capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr
    total = json.loads(proc.stdout.strip().splitlines()[-1])
    assert total == {"shards": SHARDS, "records": len(ids), "pages": len(ids) - SHARDS * 5,
                     "errors": SHARDS * 5}
    check_every_record_once(out_dir, ids)


def test_damaged_shard_keeps_what_came_before(tmp_path):
    shards, ids = make_shards(str(tmp_path))
    with open(shards[0], "rb") as f:
        data = f.read()
    with open(shards[0], "wb") as f:
        f.write(data[:len(data) // 2])
    summary = pipeline.warc_to_jsonl(shards[0], str(tmp_path))
    lines = read_outputs_one(os.path.join(str(tmp_path), "crawl-00000.jsonl"))
    assert lines[-1]["status"] == int(winnow.Status.CORRUPT) and lines[-1]["record_id"] is None
    assert 0 < summary["records"] < PAGES_PER_SHARD
    assert [l["record_id"] for l in lines[:-1]] == ids[:summary["records"]]


def read_outputs_one(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f]
