"""WARC shards to JSON Lines on a Dask cluster.

    python3 -m winnow.pipeline -o out/ crawl-00000.warc.gz crawl-00001.warc.gz ...
    python3 -m winnow.pipeline --scheduler tcp://host:8786 -o /shared/out/ /shared/crawl/*.warc.gz

Each shard (a WARC file) is one task: its page records are extracted in
order and written to OUT/NAME.jsonl (NAME the shard's name without
.warc/.warc.gz/.warc.zst), one line per page record: the library's JSON
(url, record_id, title, author, date, ..., text) or, for a page that fails,
{"url", "record_id", "status", "error"}. Nothing is dropped: every page
record of every shard is one line. A shard's output appears whole (written
to a temporary name, then renamed), so a task that is retried rewrites it
instead of duplicating lines. Without --scheduler a LocalCluster is
started on this machine (--workers N processes, or threads with
--threads).

warc_to_jsonl() is the map function; run() drives it through a
dask.distributed Client.
"""

import argparse
import json
import os
import sys

import winnow

_SUFFIXES = (".warc.gz", ".warc.zst", ".warc")


def output_name(shard):
    """crawl-00001.warc.gz -> crawl-00001.jsonl"""
    base = os.path.basename(shard)
    for suffix in _SUFFIXES:
        if base.endswith(suffix):
            base = base[:-len(suffix)]
            break
    return base + ".jsonl"


def error_record(record, error):
    return {"url": record.target_uri or None, "record_id": record.record_id or None,
            "status": int(error.status), "error": error.message}


def warc_to_jsonl(shard, out_dir, comments=False):
    """Extract every page record of one WARC file into OUT_DIR/NAME.jsonl.
    Returns {"shard", "output", "records", "pages", "errors"}."""
    extractor = winnow.Extractor(comments=comments)
    target = os.path.join(out_dir, output_name(shard))
    temp = os.path.join(out_dir, ".%s.%d.tmp" % (output_name(shard), os.getpid()))
    records = pages = errors = 0
    try:
        with open(temp, "w", encoding="utf-8") as out:
            try:
                for record in winnow.warc_records(shard):
                    records += 1
                    try:
                        line = record.extract(extractor, format="json").json
                        pages += 1
                    except winnow.WinnowError as e:
                        errors += 1
                        line = json.dumps(error_record(record, e), ensure_ascii=False) + "\n"
                    out.write(line)
            except winnow.WinnowError as e:
                # A damaged file: the records before the damage are kept, and
                # the damage is a record of its own.
                errors += 1
                out.write(json.dumps({"url": None, "record_id": None, "status": int(e.status),
                                      "error": "%s: %s" % (os.path.basename(shard), e.message)})
                          + "\n")
        os.replace(temp, target)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    return {"shard": shard, "output": target, "records": records, "pages": pages,
            "errors": errors}


def run(shards, out_dir, client, comments=False):
    """Map warc_to_jsonl over the shards on a dask.distributed Client;
    returns the summaries in the shards' order."""
    os.makedirs(out_dir, exist_ok=True)
    names = [output_name(s) for s in shards]
    if len(set(names)) != len(names):
        raise ValueError("two shards would write the same output name")
    futures = client.map(warc_to_jsonl, shards, out_dir=out_dir, comments=comments, pure=False)
    return client.gather(futures)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m winnow.pipeline",
                                     description="WARC shards to JSON Lines on a Dask cluster.")
    parser.add_argument("shards", nargs="+", help="WARC files (.warc, .warc.gz, .warc.zst)")
    parser.add_argument("-o", "--output-dir", required=True, help="where NAME.jsonl go")
    parser.add_argument("--scheduler", help="a running scheduler's address (tcp://host:8786)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="LocalCluster workers (default: one per core)")
    parser.add_argument("--threads", action="store_true",
                        help="LocalCluster workers as threads of this process")
    parser.add_argument("--comments", action="store_true", help="keep comment threads")
    args = parser.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                               processes=not args.threads, dashboard_address=None)
        client = Client(cluster)
    try:
        summaries = run([os.path.abspath(s) for s in args.shards],
                        os.path.abspath(args.output_dir), client, comments=args.comments)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    total = {"shards": len(summaries)}
    for key in ("records", "pages", "errors"):
        total[key] = sum(s[key] for s in summaries)
    print(json.dumps(total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
