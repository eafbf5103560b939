#!/usr/bin/env python3
"""Every case of tools/hostile.py through the command: exit 0, well-formed
XML on stdout, nothing on stderr but a degraded-page warning (or exit 4 and
a "no article here" line, for a case whose page holds no prose); or, for the
cases that are not a page (hostile.REFUSED), exit 3 and one "not an HTML
page" line on stderr.

    test_hostile_cli.py WINNOW HOSTILE_PY [SCALE]
"""
import importlib.util
import subprocess
import sys
import xml.dom.minidom


def main(argv):
    winnow, hostile_py = argv[1], argv[2]
    scale = float(argv[3]) if len(argv) > 3 else 0.1
    spec = importlib.util.spec_from_file_location("hostile", hostile_py)
    hostile = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hostile)
    failures = 0
    for name, (make, base) in hostile.CASES.items():
        data = make(max(1, int(base * scale)))
        proc = subprocess.run([winnow, "-f", "xml", "-"], input=data,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        problem = None
        if name in hostile.REFUSED:
            err = proc.stderr.decode("utf-8", "replace")
            if proc.returncode != 3 or "not an HTML page" not in err or proc.stdout:
                problem = "want exit 3 and a refusal, got exit %d: %s" % (proc.returncode, err)
        elif proc.returncode not in (0, 4) or (
                proc.returncode == 4 and b"no article here" not in proc.stderr):
            problem = "exit %d: %s" % (proc.returncode, proc.stderr.decode("utf-8", "replace"))
        else:
            try:
                xml.dom.minidom.parseString(proc.stdout)
            except Exception as e:  # expat's error names the line and column
                problem = "XML not well-formed: %s" % e
        print("%-24s %8d bytes  %s" % (name, len(data), problem or "ok"))
        failures += problem is not None
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
