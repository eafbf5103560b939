#!/usr/bin/env python3
"""Compiles the lexicon (the .tsv files of src/lexicon) into the C tables of one trie.

Usage: lexicon.py LISTS_TSV OUT_H OUT_C
       lexicon.py --check LISTS_TSV      (validate only)

lists.tsv names the lists and how each is matched; each data file holds one
entry a line: text, lang, list, kind, limit, note (tab-separated; '#' starts
a comment line). The text may spell a byte as \\xHH and a backslash as \\\\; it
must not start or end with a raw space (write \\x20 there).

Every entry's key is its text folded the way its list compares (exact, ASCII
lower case, or the simple Unicode lower case of wn_to_lower()); all keys of
all lists go into one byte trie, each list under its own root (a table of
256 edges), each node holding the entries that end
there. A lookup walks the text once: its cost is the text's length (at most
the longest key), not the number of entries.

The build fails (exit status 1, a message per fault) on:
  - a duplicate: two entries of one list with the same key;
  - a shadowed entry: one that can never make a difference, because another
    entry of its list matches every text it matches and gives at least what
    it gives. "Matches every text it matches" (A covers B):
      whole      A's key is B's key (a duplicate);
      prefix     B's key starts with A's key and, where A's last byte is an
                 ASCII letter or digit and the list has bounds, B's next byte
                 is not one (so A's word-end test passes wherever B matches);
      suffix     B's key ends with A's key;
      substring  A's key occurs in B's key at an offset p such that A's
                 bounds pass there (p = 0 where the list's bound is
                 "unnegated": a negation is tested before each occurrence).
    "Gives at least": in a list of order "first", A is listed before B and
    its limit is at least B's (then B is never the first match that its
    limit admits); in a list of order "any", A's kinds include B's.
"""
import sys
import os

FOLDS = ('exact', 'ascii', 'unicode')
BOUNDS = ('none', 'right', 'both', 'unnegated')
MATCHES = ('prefix', 'whole', 'substring', 'suffix')
ORDERS = ('first', 'any')
NAMED_LIMITS = {'heading': 20, 'line': 200}
NO_LIMIT = 0xFFFF


class Fault(Exception):
    pass


def unescape(text, where):
    out = bytearray()
    i = 0
    while i < len(text):
        c = text[i]
        if c == '\\':
            if text[i + 1:i + 2] == '\\':
                out.append(0x5C)
                i += 2
                continue
            if text[i + 1:i + 2] == 'x' and len(text) >= i + 4:
                out.append(int(text[i + 2:i + 4], 16))
                i += 4
                continue
            raise Fault(f'{where}: bad escape in {text!r}')
        out += c.encode('utf-8')
        i += 1
    try:
        return out.decode('utf-8')
    except UnicodeDecodeError:
        raise Fault(f'{where}: {text!r} is not UTF-8')


def fold(text, mode, where):
    if mode == 'exact':
        return text
    out = []
    for c in text:
        if c < '\x80':
            out.append(c.lower())
        elif mode == 'ascii':
            out.append(c)
        else:
            low = c.lower()
            # wn_to_lower() maps one code point to one; the matcher takes an
            # ASCII text byte for itself, so no other letter may lower to one.
            if len(low) != 1 or low < '\x80':
                raise Fault(f'{where}: {c!r} has no one-letter lower case the matcher shares')
            out.append(low)
    return ''.join(out)


def is_alnum(b):
    return (0x30 <= b <= 0x39) or (0x41 <= b <= 0x5A) or (0x61 <= b <= 0x7A)


def read_tsv(path):
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            yield f'{path}:{number}', line.split('\t')


def load(lists_path):
    base = os.path.dirname(lists_path)
    lists = []
    for where, cols in read_tsv(lists_path):
        if len(cols) != 8:
            raise Fault(f'{where}: a list has 8 columns, found {len(cols)}')
        name, file, match, fold_mode, bounds, order, kinds, about = cols
        if match not in MATCHES or fold_mode not in FOLDS or bounds not in BOUNDS or order not in ORDERS:
            raise Fault(f'{where}: bad match/fold/bounds/order for list {name}')
        if any(l['name'] == name for l in lists):
            raise Fault(f'{where}: list {name} named twice')
        lists.append(dict(name=name, file=file, match=match, fold=fold_mode, bounds=bounds,
                          order=order, kinds=kinds, about=about, entries=[], local=[]))
    by_name = {l['name']: l for l in lists}
    faults = []
    for file in sorted({l['file'] for l in lists}):
        for where, cols in read_tsv(os.path.join(base, file)):
            try:
                if len(cols) != 6:
                    raise Fault(f'{where}: an entry has 6 columns (text lang list kind limit note), found {len(cols)}')
                raw, lang, list_name, kind, limit, note = cols
                lst = by_name.get(list_name)
                if lst is None:
                    raise Fault(f'{where}: unknown list {list_name!r}')
                if lst['file'] != file:
                    raise Fault(f'{where}: list {list_name} lives in {lst["file"]}')
                if not raw or raw != raw.strip(' '):
                    raise Fault(f'{where}: empty text, or a raw space at its ends (write \\x20)')
                if not lang:
                    raise Fault(f'{where}: no language')
                text = unescape(raw, where)
                if '\ufffd' in text:
                    raise Fault(f'{where}: U+FFFD in an entry')
                if (kind == '-') != (lst['kinds'] == '-'):
                    raise Fault(f'{where}: list {list_name} wants {"no kind" if lst["kinds"] == "-" else "a kind"}')
                kinds = [] if kind == '-' else kind.split('+')
                if lst['kinds'] == 'local':
                    for k in kinds:
                        if k not in lst['local']:
                            lst['local'].append(k)
                if limit == '-':
                    lim = NO_LIMIT
                elif limit in NAMED_LIMITS:
                    lim = NAMED_LIMITS[limit]
                elif limit.isdigit() and int(limit) < NO_LIMIT:
                    lim = int(limit)
                else:
                    raise Fault(f'{where}: bad limit {limit!r}')
                key = fold(text, lst['fold'], where).encode('utf-8')
                data = text.encode('utf-8')
                lst['entries'].append(dict(where=where, text=text, key=key, kinds=frozenset(kinds),
                                           kind=kind, limit=lim, lang=lang, note=note,
                                           boundary=is_alnum(data[-1])))
            except Fault as e:
                faults.append(str(e))
    for l in lists:
        if not l['entries']:
            faults.append(f'list {l["name"]} has no entries')
        if len(l['local']) > 32:
            faults.append(f'list {l["name"]} has more than 32 kinds')
    return lists, faults


def covers(lst, a, b):
    """Whether entry a matches every text entry b matches (see the top)."""
    ka, kb = a['key'], b['key']
    match, bounds = lst['match'], lst['bounds']
    if match == 'whole':
        return ka == kb
    if match == 'suffix':
        return kb.endswith(ka)

    def right_ok(p):
        end = p + len(ka)
        return bounds in ('none', 'unnegated') or not a['boundary'] or end == len(kb) or not is_alnum(kb[end])

    if match == 'prefix':
        return kb.startswith(ka) and right_ok(0)
    for p in range(len(kb) - len(ka) + 1):
        if kb[p:p + len(ka)] != ka:
            continue
        if bounds == 'unnegated' and p > 0:
            break
        if bounds == 'both' and p > 0 and is_alnum(kb[p - 1]):
            continue
        if right_ok(p):
            return True
    return False


def check(lists):
    faults = []
    for l in lists:
        entries = l['entries']
        seen = {}
        for e in entries:
            if e['key'] in seen:
                faults.append(f'{e["where"]}: duplicate: {e["text"]!r} is {seen[e["key"]]["text"]!r} '
                              f'({seen[e["key"]]["where"]}) in list {l["name"]}')
            else:
                seen[e['key']] = e
        for i, b in enumerate(entries):
            for j, a in enumerate(entries):
                if a is b or a['key'] == b['key'] or not covers(l, a, b):
                    continue
                if l['order'] == 'first':
                    gives = j < i and a['limit'] >= b['limit']
                else:
                    gives = a['kinds'] >= b['kinds']
                if gives:
                    faults.append(f'{b["where"]}: shadowed: {b["text"]!r} in list {l["name"]} never '
                                  f'matters, {a["text"]!r} ({a["where"]}) matches wherever it does')
                    break
    return faults


def c_string(s):
    out = []
    for ch in s.encode('utf-8'):
        if ch in (0x22, 0x5C):
            out.append('\\' + chr(ch))
        elif 0x20 <= ch < 0x7F:
            out.append(chr(ch))
        else:
            out.append('\\%03o' % ch)
    return '"' + ''.join(out) + '"'


def c_name(s):
    return s.upper().replace('-', '_')


def kind_expr(l, e):
    if l['kinds'] == '-':
        return '0'
    if l['kinds'] == 'local':
        return ' | '.join(f'WN_LEXK_{c_name(l["name"])}_{c_name(k)}' for k in sorted(e['kinds']))
    return ' | '.join(l['kinds'] + c_name(k) for k in sorted(e['kinds']))


def build_trie(lists):
    """One trie, each list under its own root: node 0 is none, then each
    list's root, then the other nodes as they are made."""
    children = [{}] + [{} for _ in lists]
    hits = [[] for _ in children]
    index = 0
    for li, l in enumerate(lists):
        for e in l['entries']:
            node = 1 + li
            for byte in e['key']:
                nxt = children[node].get(byte)
                if nxt is None:
                    nxt = len(children)
                    children.append({})
                    hits.append([])
                    children[node][byte] = nxt
                node = nxt
            hits[node].append(index)
            index += 1
    return children, hits


def emit(lists, out_h, out_c):
    count = 0
    for l in lists:
        l['first'] = count
        count += len(l['entries'])
    children, hits = build_trie(lists)
    if count >= 0xFFFF or len(children) >= 0xFFFF:
        raise Fault('lexicon too large for the table types')
    h = ['/* Generated by tools/lexicon.py from the .tsv files of src/lexicon: do not edit. */',
         '#ifndef WN_LEXICON_LISTS_H', '#define WN_LEXICON_LISTS_H', '',
         'typedef enum wn_lex_list {']
    for l in lists:
        h.append(f'    WN_LEX_{c_name(l["name"])}, /* {l["about"].replace("*/", "* /")} */')
    h += ['    WN_LEX_LIST_COUNT', '} wn_lex_list;', '']
    for l in lists:
        for bit, k in enumerate(l['local']):
            h.append(f'#define WN_LEXK_{c_name(l["name"])}_{c_name(k)} (1u << {bit})')
    h += ['', f'#define WN_LEX_ENTRY_COUNT {count}', '', '#endif', '']
    c = ['/* Generated by tools/lexicon.py from the .tsv files of src/lexicon: do not edit. */',
         '#include "lexicon/lexicon.h"', '', 'const wn_lex_entry wn_lex_entries[] = {']
    for l in lists:
        for e in l['entries']:
            c.append(f'    {{{c_string(e["text"])}, {len(e["text"].encode())}, '
                     f'WN_LEX_{c_name(l["name"])}, {int(e["boundary"])}, {e["limit"]}, {kind_expr(l, e)}}},')
    c += ['};', '', 'const wn_lex_list_info wn_lex_lists[] = {']
    for li, l in enumerate(lists):
        c.append(f'    {{{l["first"]}, {len(l["entries"])}, {1 + li}, WN_LEX_FOLD_{l["fold"].upper()}, '
                 f'WN_LEX_BOUNDS_{l["bounds"].upper()}}}, /* {l["name"]} */')
    c += ['};', '']
    # Each list root's edges as a table of 256 (0: none).
    c.append('const uint16_t wn_lex_starts[][256] = {')
    for li, l in enumerate(lists):
        row = [0] * 256
        for byte, child in children[1 + li].items():
            row[byte] = child
        # A folding list's keys hold no upper-case ASCII: its root table
        # takes 'A'..'Z' where it takes 'a'..'z', so that a first byte is
        # looked up without being folded.
        if l['fold'] != 'exact':
            for byte in range(ord('A'), ord('Z') + 1):
                row[byte] = row[byte + 32]
        c.append(f'    {{ /* {l["name"]} */')
        for i in range(0, 256, 32):
            c.append('        ' + ', '.join(str(x) for x in row[i:i + 32]) + ',')
        c.append('    },')
    c += ['};', '']
    nodes, edge_bytes, edge_children, hit_list = [], [], [], []
    for node in range(len(children)):
        kids = sorted(children[node].items()) if node > len(lists) else []
        node_hits = sorted(hits[node])
        nodes.append((len(edge_bytes), len(hit_list), len(kids), len(node_hits)))
        for byte, child in kids:
            edge_bytes.append(byte)
            edge_children.append(child)
        hit_list.extend(node_hits)

    def table(ctype, name, values):
        c.append(f'const {ctype} {name}[] = {{')
        for i in range(0, len(values), 16):
            c.append('    ' + ', '.join(str(x) for x in values[i:i + 16]) + ',')
        c.extend(['};', ''])

    if len(edge_bytes) > 0xFFFF or len(hit_list) > 0xFFFF or \
            any(n[2] > 0xFF or n[3] > 0xFF for n in nodes):
        raise Fault('lexicon too large for the node table')
    c.append('const wn_lex_node wn_lex_nodes[] = {')
    for n in nodes:
        c.append('    {%d, %d, %d, %d},' % n)
    c += ['};', '']
    table('uint8_t', 'wn_lex_edge_bytes', edge_bytes or [0])
    table('uint16_t', 'wn_lex_edge_children', edge_children or [0])
    table('uint16_t', 'wn_lex_hits', hit_list or [0])
    with open(out_h, 'w', encoding='utf-8') as f:
        f.write('\n'.join(h))
    with open(out_c, 'w', encoding='utf-8') as f:
        f.write('\n'.join(c))


def main(argv):
    check_only = len(argv) == 3 and argv[1] == '--check'
    if not check_only and len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    try:
        lists, faults = load(argv[2] if check_only else argv[1])
        faults += check(lists)
        if faults:
            for f in faults:
                sys.stderr.write(f'lexicon: {f}\n')
            return 1
        if not check_only:
            emit(lists, argv[2], argv[3])
    except (Fault, OSError) as e:
        sys.stderr.write(f'lexicon: {e}\n')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
