#!/usr/bin/env python3
"""tools/lexicon.py refuses a duplicate and a shadowed entry, and accepts a
lexicon with neither (so the refusals are not a compiler that fails on all).
Usage: test_compiler.py LEXICON_PY CASES_DIR"""
import os
import subprocess
import sys

CASES = {  # folder: (exit status, words its message must hold)
    'good': (0, []),
    'duplicate': (1, ['duplicate', "'ÄHNLICHE ARTIKEL'", "'ähnliche artikel'"]),
    'shadowed': (1, ['shadowed', "'more from'", "'more '"]),
    'shadowed-limit': (1, ['shadowed', "'comment:'"]),
}


def main():
    compiler, cases = sys.argv[1], sys.argv[2]
    failed = 0
    for name, (status, words) in CASES.items():
        lists = os.path.join(cases, name, 'lists.tsv')
        run = subprocess.run([sys.executable, compiler, '--check', lists],
                             capture_output=True, text=True, encoding='utf-8')
        problems = []
        if run.returncode != status:
            problems.append(f'exit status {run.returncode}, want {status}')
        problems += [f'no {w} in the message' for w in words if w not in run.stderr]
        if status == 0 and run.stderr:
            problems.append('a message from a good lexicon')
        for p in problems:
            print(f'{name}: {p}\n{run.stderr}')
        failed += bool(problems)
    print(f'{len(CASES) - failed}/{len(CASES)} cases as expected')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
