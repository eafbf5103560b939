#!/usr/bin/env python3
"""Check winnow-eval's character classes against Python's re, code point by
code point (the classes score.py's tokeniser and whitespace squash use).

usage: check_unicode_classes.py WINNOW_EVAL

winnow-eval --dump-classes prints "FIRST LAST BITS" hex ranges, BITS being
1 = word (\\w), 2 = CJK (score.py's CJK ranges), 4 = whitespace (\\s).
"""

import re
import subprocess
import sys

CJK = ("\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3040-\u30ff\u3100-\u312f"
       "\u3130-\u318f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
       "\U00020000-\U0003134f")


def python_bits():
    word = re.compile(r"\w")
    cjk = re.compile("[%s]" % CJK)
    space = re.compile(r"\s")
    bits = bytearray(0x110000)
    for cp in range(0x110000):
        ch = chr(cp)
        bits[cp] = ((1 if word.match(ch) else 0) | (2 if cjk.match(ch) else 0)
                    | (4 if space.match(ch) else 0))
    return bits


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    out = subprocess.run([argv[1], "--dump-classes"], capture_output=True, text=True,
                         check=True).stdout
    ours = bytearray(0x110000)
    covered = 0
    for line in out.splitlines():
        first, last, bits = line.split()
        first, last = int(first, 16), int(last, 16)
        for cp in range(first, last + 1):
            ours[cp] = int(bits)
        covered += last - first + 1
    if covered != 0x110000:
        print(f"FAIL: the dump covers {covered} code points")
        return 1
    ref = python_bits()
    wrong = [cp for cp in range(0x110000) if ours[cp] != ref[cp]]
    print(f"Python {sys.version.split()[0]}: {0x110000 - len(wrong)} of {0x110000} "
          f"code points agree")
    for cp in wrong[:30]:
        print(f"  MISMATCH U+{cp:04X}: winnow-eval {ours[cp]} Python {ref[cp]}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
