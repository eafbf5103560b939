#!/usr/bin/env python3
"""Write saved pages into a WARC file, one response record each.

    python3 tools/make-warc.py -o shard.warc.gz PAGE.html ...

Each page becomes a WARC/1.0 response record (an HTTP 200 with
Content-Type text/html) whose WARC-Target-URI is http://localhost/NAME;
the output is gzip-compressed one member per record when its name ends in
.gz. For trying the command, the Python module and the Dask pipeline on
WARC input without a crawl at hand.
"""

import argparse
import gzip
import os
import sys
import uuid


def record(path, number):
    with open(path, "rb") as f:
        body = f.read()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body)
    block = http + body
    rid = uuid.uuid5(uuid.NAMESPACE_URL, "%d:%s" % (number, os.path.abspath(path)))
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
            "WARC-Date: 2026-01-01T00:00:00Z\r\nWARC-Target-URI: http://localhost/%s\r\n"
            "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
            % (rid, os.path.basename(path), len(block))).encode()
    return head + block + b"\r\n\r\n"


def main(argv):
    parser = argparse.ArgumentParser(description="Saved pages into a WARC file.")
    parser.add_argument("-o", "--output", required=True, help="NAME.warc or NAME.warc.gz")
    parser.add_argument("pages", nargs="+")
    args = parser.parse_args(argv)
    compress = args.output.endswith(".gz")
    with open(args.output, "wb") as out:
        for n, path in enumerate(args.pages, 1):
            data = record(path, n)
            out.write(gzip.compress(data) if compress else data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
