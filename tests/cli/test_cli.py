#!/usr/bin/env python3
"""Behaviour tests for the winnow command.

    test_cli.py WINNOW_EXE TEST_NAME     run one test (exit 0 pass, 1 fail, 77 skip)
    test_cli.py WINNOW_EXE --list        print the test names
    test_cli.py WINNOW_EXE --check-registered NAME...
                                         fail unless NAME... are all the tests

Set WINNOW_TEST_WRAPPER to run the command under a tool, for example
    WINNOW_TEST_WRAPPER='valgrind -q --error-exitcode=99 --leak-check=full'

Content assertions are limited to what must stay true once the real
extractor replaces the stub: XML starts with <?xml and has a <doc element,
and the text of a simple article page contains its paragraph.
"""

import base64
import gzip
import json
import os
import pty
import resource
import shutil
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import xml.etree.ElementTree as ET

SKIP = 77
MIB = 1 << 20
DEFAULT_MAX_INPUT = 64 * MIB  # wn_options_init() default max_input_bytes

TESTS = {}


def test(fn):
    TESTS[fn.__name__] = fn
    return fn


class Failure(Exception):
    pass


class Skip(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def page(sentence="Hello world, this is a long enough paragraph of text to be the article body."):
    return ("<html><body><article><p>%s</p></article></body></html>" % sentence).encode()


ARTICLE = page()


def big_page(paragraphs=20000):
    """A page whose article text is far larger than a pipe buffer."""
    para = ("<p>Paragraph %d of a very long article: the quick brown fox jumps over "
            "the lazy dog, again and again, so that the body is plainly the main "
            "content of this page.</p>\n")
    body = "".join(para % i for i in range(paragraphs))
    return ("<html><head><title>Big</title></head><body><article>%s</article>"
            "</body></html>" % body).encode()


class Result:
    def __init__(self, returncode, stdout, stderr):
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr.decode("utf-8", "replace")

    def lines(self):
        return [line for line in self.stderr.splitlines() if line]

    def describe(self):
        return "exit %d, stderr: %r, stdout: %r" % (
            self.returncode, self.stderr, self.stdout[:200])


class Env:
    """A scratch directory and the way to run the command."""

    def __init__(self, exe, workdir):
        self.exe = exe
        self.dir = workdir
        wrapper = os.environ.get("WINNOW_TEST_WRAPPER", "")
        self.prefix = shlex.split(wrapper)

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def write(self, rel, data):
        full = self.path(rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data)
        return full

    def read(self, rel):
        with open(self.path(rel), "rb") as f:
            return f.read()

    def command(self, args):
        return self.prefix + [self.exe] + list(args)

    def run(self, *args, stdin=b"", stdout=None, preexec_fn=None, timeout=120):
        """Run winnow in the scratch directory; stdout is captured unless a
        file object is given."""
        proc = subprocess.run(
            self.command(args), input=stdin,
            stdout=stdout if stdout is not None else subprocess.PIPE,
            stderr=subprocess.PIPE, cwd=self.dir, preexec_fn=preexec_fn,
            timeout=timeout)
        return Result(proc.returncode, proc.stdout or b"", proc.stderr)


def expect(result, code):
    check(result.returncode == code, "expected exit %d, got %s" % (code, result.describe()))


def expect_clean_success(result):
    expect(result, 0)
    check(result.stderr == "", "unexpected stderr: %r" % result.stderr)


def expect_usage_error(result, *fragments):
    expect(result, 2)
    lines = result.lines()
    check(len(lines) == 2, "usage error should be 2 lines: %r" % result.stderr)
    check(lines[0].startswith("winnow: "), "message should start with 'winnow: ': %r" % lines[0])
    check("Try 'winnow --help'" in lines[1], "missing --help hint: %r" % result.stderr)
    for fragment in fragments:
        check(fragment in lines[0], "message should mention %r: %r" % (fragment, lines[0]))
    check(result.stdout == b"", "usage error wrote to stdout: %r" % result.stdout[:200])


def expect_xml(data, what="output"):
    check(data.startswith(b"<?xml"), "%s should start with <?xml: %r" % (what, data[:80]))
    check(b"<doc" in data, "%s should contain <doc: %r" % (what, data[:200]))


def expect_failure_line(line, path, cause=None):
    prefix = "winnow: %s: " % path
    check(line.startswith(prefix), "expected %r, got %r" % (prefix, line))
    if cause is not None:
        check(cause in line, "expected cause %r in %r" % (cause, line))


def listing(directory):
    return sorted(os.listdir(directory))


# ---- help, version, usage errors ----

@test
def help_long_and_short(env):
    for flag in ("--help", "-h"):
        r = env.run(flag)
        expect_clean_success(r)
        out = r.stdout.decode()
        check(out.startswith("Usage: winnow"), "help should start with Usage: %r" % out[:80])
        for option in ("--format", "--output-dir", "--explain", "--comments", "--title",
                       "--charset", "--url", "--version"):
            check(option in out, "help should list %s" % option)


@test
def version(env):
    for flag in ("--version", "-V"):
        r = env.run(flag)
        expect_clean_success(r)
        check(r.stdout == b"winnow 0.1.0\n", "version output: %r" % r.stdout)


@test
def help_to_full_disk(env):
    with open("/dev/full", "wb") as full:
        r = env.run("--help", stdout=full)
    expect(r, 1)
    check(len(r.lines()) == 1 and "No space left on device" in r.stderr,
          "expected one ENOSPC line: %r" % r.stderr)


@test
def unknown_options(env):
    expect_usage_error(env.run("--bogus"), "--bogus")
    expect_usage_error(env.run("-x"), "-x")
    expect_usage_error(env.run("--bogus=1", "x.html"), "--bogus")


@test
def ambiguous_and_misused_options(env):
    expect_usage_error(env.run("--c"), "ambiguous", "--c")
    expect_usage_error(env.run("--title=yes"), "--title")


@test
def bad_format(env):
    expect_usage_error(env.run("-f", "yaml"), "yaml")
    expect_usage_error(env.run("--format=XML"), "XML")
    expect_usage_error(env.run("--format="), "format")


@test
def missing_option_argument(env):
    expect_usage_error(env.run("-f"), "-f")
    expect_usage_error(env.run("--format"), "--format")
    expect_usage_error(env.run("-o"), "-o")
    expect_usage_error(env.run("--output-dir"), "--output-dir")
    expect_usage_error(env.run("--charset"), "--charset")
    expect_usage_error(env.run("--url"), "--url")
    expect_usage_error(env.run("-o", ""), "output directory")


@test
def several_inputs_write_to_current_dir(env):
    a = env.write("in/a.html", ARTICLE)
    b = env.write("in/b.htm", ARTICLE)
    r = env.run(a, b, "-f", "text")
    check(r.returncode == 0, "exit 0 expected, got %d: %r" % (r.returncode, r.stderr))
    check(r.stdout == b"", "nothing on stdout with several inputs")
    check(listing(env.dir) == ["a.txt", "b.txt", "in"], "one file per input in the current directory")
    check(b"Hello world" in open(env.path("a.txt"), "rb").read(), "a.txt holds the text")


@test
def directory_of_several_writes_to_current_dir(env):
    env.write("pages/a.html", ARTICLE)
    env.write("pages/b.html", ARTICLE)
    r = env.run("pages")
    check(r.returncode == 0, "exit 0 expected, got %d: %r" % (r.returncode, r.stderr))
    check(listing(env.dir) == ["a.xml", "b.xml", "pages"], "one XML file per page")
    check(listing(env.path("pages")) == ["a.html", "b.html"], "inputs untouched")


# ---- single input to stdout ----

@test
def stdin_without_arguments(env):
    r = env.run(stdin=ARTICLE)
    expect_clean_success(r)
    expect_xml(r.stdout)


@test
def stdin_dash(env):
    r = env.run("-f", "text", "-", stdin=ARTICLE)
    expect_clean_success(r)
    check(b"Hello world" in r.stdout, "text output: %r" % r.stdout[:200])


@test
def file_argument_xml(env):
    f = env.write("page.html", ARTICLE)
    r = env.run(f)
    expect_clean_success(r)
    expect_xml(r.stdout)


@test
def file_argument_text(env):
    f = env.write("page.html", ARTICLE)
    for args in (["-f", "text", f], ["--format=text", f], ["--format", "text", f],
                 [f, "-f", "text"], ["-ftext", f]):
        r = env.run(*args)
        expect_clean_success(r)
        check(b"Hello world" in r.stdout, "%s: text output: %r" % (args, r.stdout[:200]))


@test
def file_named_like_an_option(env):
    env.write("-page.html", ARTICLE)
    r = env.run("-f", "text", "--", "-page.html")
    expect_clean_success(r)
    check(b"Hello world" in r.stdout, "text output: %r" % r.stdout[:200])


@test
def explain_format(env):
    f = env.write("page.html", ARTICLE)
    for args in (["--explain", f], ["-f", "explain", f]):
        r = env.run(*args)
        expect_clean_success(r)
        check(r.stdout != b"", "%s: explain output is empty" % args)


@test
def flags_and_hints_accepted(env):
    f = env.write("page.html", ARTICLE)
    r = env.run("--comments", "--title", "--charset", "windows-1252",
                "--url", "http://example.com/a/page.html", "-f", "text", f)
    expect_clean_success(r)
    check(b"Hello world" in r.stdout, "text output: %r" % r.stdout[:200])
    r = env.run("--charset=utf-8", "--url=http://example.com/", f)
    expect_clean_success(r)
    expect_xml(r.stdout)


@test
def directory_with_one_page_to_stdout(env):
    env.write("pages/only.HTML", ARTICLE)
    env.write("pages/notes.txt", b"not a page")
    r = env.run("-f", "text", "pages")
    expect_clean_success(r)
    check(b"Hello world" in r.stdout, "text output: %r" % r.stdout[:200])


@test
def missing_file_to_stdout(env):
    r = env.run("nope.html")
    expect(r, 1)
    check(r.stdout == b"", "nothing should be written: %r" % r.stdout[:200])
    lines = r.lines()
    check(len(lines) == 1, "one message expected: %r" % r.stderr)
    expect_failure_line(lines[0], "nope.html", "No such file or directory")


@test
def full_stdout(env):
    f = env.write("page.html", ARTICLE)
    with open("/dev/full", "wb") as full:
        r = env.run(f, stdout=full)
    expect(r, 1)
    lines = r.lines()
    check(len(lines) == 1, "one message expected: %r" % r.stderr)
    expect_failure_line(lines[0], f, "No space left on device")


@test
def closed_pipe_is_quiet(env):
    """`winnow big.html | head -c 1`: no message, exit 0."""
    f = env.write("big.html", big_page())
    proc = subprocess.Popen(env.command(["-f", "text", f]), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=env.dir)
    first = proc.stdout.read(1)
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    code = proc.wait(timeout=120)
    check(first != b"", "no output before the pipe closed")
    check(err == b"", "closed pipe should be quiet: %r" % err)
    check(code == 0, "closed pipe should exit 0, got %d" % code)


@test
def closed_pipe_through_shell(env):
    f = env.write("big.html", big_page())
    cmd = " ".join(shlex.quote(a) for a in env.command(["-f", "text", f]))
    proc = subprocess.run(["sh", "-c", "%s | head -c 1 >/dev/null" % cmd],
                          stderr=subprocess.PIPE, cwd=env.dir, timeout=120)
    check(proc.returncode == 0, "pipeline failed: %d" % proc.returncode)
    check(proc.stderr == b"", "closed pipe should be quiet: %r" % proc.stderr)


# ---- input limits ----

@test
def too_large_file(env):
    big = env.path("huge.html")
    with open(big, "wb") as f:
        f.truncate(DEFAULT_MAX_INPUT + 1)  # sparse: cheap to make
    r = env.run(big)
    expect(r, 1)
    lines = r.lines()
    check(len(lines) == 1, "one message expected: %r" % r.stderr)
    expect_failure_line(lines[0], big)
    check(r.stdout == b"", "nothing should be written: %r" % r.stdout[:200])


@test
def endless_stdin_is_read_boundedly(env):
    """stdin is read only up to the limit: the command must stop even if the
    input never ends, and report the input as too large."""
    proc = subprocess.Popen(env.command([]), stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=env.dir)
    written = [0]
    chunk = b"<p>" + b"x" * (MIB - 3)

    def feed():
        try:
            while written[0] < 4 * DEFAULT_MAX_INPUT:
                proc.stdin.write(chunk)
                written[0] += len(chunk)
        except (BrokenPipeError, ValueError, OSError):
            pass

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    try:
        # Not communicate(): it would close stdin under the feeder.
        out = proc.stdout.read()
        err = proc.stderr.read()
        code = proc.wait(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
    feeder.join(timeout=60)
    check(code == 1, "expected exit 1, got %d (stderr %r)" % (code, err))
    lines = [l for l in err.decode("utf-8", "replace").splitlines() if l]
    check(len(lines) == 1, "one message expected: %r" % err)
    expect_failure_line(lines[0], "<stdin>")
    check(out == b"", "nothing should be written")
    check(written[0] < DEFAULT_MAX_INPUT + 8 * MIB,
          "read %d bytes of an endless input" % written[0])


# ---- several inputs, -o DIR ----

@test
def output_dir_xml(env):
    a = env.write("in/a.html", ARTICLE)
    b = env.write("in/b.htm", ARTICLE)
    r = env.run("-o", "out", a, b)
    expect_clean_success(r)
    check(r.stdout == b"", "stdout should be empty with -o: %r" % r.stdout[:200])
    check(listing(env.path("out")) == ["a.xml", "b.xml"], "outputs: %r" % listing(env.path("out")))
    expect_xml(env.read("out/a.xml"), "a.xml")
    expect_xml(env.read("out/b.xml"), "b.xml")


@test
def output_dir_text(env):
    a = env.write("in/a.html", page("Alpha is a long enough paragraph of text to be the article body here."))
    b = env.write("in/b.page.html", page("Beta is a long enough paragraph of text to be the article body here."))
    r = env.run("--output-dir", "out", "-f", "text", a, b)
    expect_clean_success(r)
    check(listing(env.path("out")) == ["a.txt", "b.page.txt"], "outputs: %r" % listing(env.path("out")))
    check(b"Alpha" in env.read("out/a.txt"), "a.txt content")
    check(b"Beta" in env.read("out/b.page.txt"), "b.page.txt content")


@test
def output_dir_explain(env):
    a = env.write("in/a.html", ARTICLE)
    b = env.write("in/b.html", ARTICLE)
    r = env.run("-o", "out", "--explain", a, b)
    expect_clean_success(r)
    check(listing(env.path("out")) == ["a.explain.txt", "b.explain.txt"],
          "outputs: %r" % listing(env.path("out")))


@test
def output_dir_single_input(env):
    a = env.write("a.html", ARTICLE)
    r = env.run("-o", "out", a)
    expect_clean_success(r)
    check(r.stdout == b"", "stdout should be empty with -o")
    check(listing(env.path("out")) == ["a.xml"], "outputs: %r" % listing(env.path("out")))


@test
def output_dir_stdin(env):
    r = env.run("-o", "out", "-f", "text", stdin=ARTICLE)
    expect_clean_success(r)
    check(listing(env.path("out")) == ["stdin.txt"], "outputs: %r" % listing(env.path("out")))
    check(b"Hello world" in env.read("out/stdin.txt"), "stdin.txt content")


@test
def output_dir_created_with_parents(env):
    a = env.write("a.html", ARTICLE)
    r = env.run("-o", "new/deeper/out/", a)
    expect_clean_success(r)
    check(listing(env.path("new/deeper/out")) == ["a.xml"], "outputs")


@test
def output_files_have_umask_mode(env):
    a = env.write("a.html", ARTICLE)
    r = env.run("-o", "out", a, preexec_fn=lambda: os.umask(0o027))
    expect_clean_success(r)
    mode = os.stat(env.path("out/a.xml")).st_mode & 0o777
    check(mode == 0o640, "mode should be 0640 under umask 027, got %o" % mode)


@test
def output_dir_replaces_existing(env):
    a = env.write("a.html", ARTICLE)
    env.write("out/a.txt", b"OLD")
    r = env.run("-o", "out", "-f", "text", a)
    expect_clean_success(r)
    check(b"Hello world" in env.read("out/a.txt"), "a.txt should be replaced")
    check(listing(env.path("out")) == ["a.txt"], "no temporary file left: %r" % listing(env.path("out")))


@test
def directory_expansion(env):
    env.write("pages/b.html", page("Bravo is a long enough paragraph of text to be the article body here."))
    env.write("pages/a.HTM", page("Alpha is a long enough paragraph of text to be the article body here."))
    env.write("pages/c.Html", page("Charlie is a long enough paragraph of text to be the article body."))
    env.write("pages/notes.txt", b"not a page")
    env.write("pages/.hidden.html", ARTICLE)
    env.write("pages/html", ARTICLE)
    os.makedirs(env.path("pages/sub.html"))          # a directory: skipped
    env.write("pages/sub.html/deep.html", ARTICLE)   # not recursive
    r = env.run("-o", "out", "-f", "text", "pages")
    expect_clean_success(r)
    check(listing(env.path("out")) == ["a.txt", "b.txt", "c.txt"],
          "outputs: %r" % listing(env.path("out")))
    check(b"Alpha" in env.read("out/a.txt"), "a.txt content")
    check(b"Bravo" in env.read("out/b.txt"), "b.txt content")


@test
def directory_order_and_broken_entries(env):
    """Pages of a directory are processed in name order; an unreadable one
    (a dangling link) fails alone."""
    env.write("pages/m.html", ARTICLE)
    os.symlink("nowhere-1", env.path("pages/z.html"))
    os.symlink("nowhere-2", env.path("pages/b.html"))
    r = env.run("-o", "out", "pages")
    expect(r, 1)
    lines = r.lines()
    check(len(lines) == 2, "two messages expected: %r" % r.stderr)
    expect_failure_line(lines[0], os.path.join("pages", "b.html"), "No such file or directory")
    expect_failure_line(lines[1], os.path.join("pages", "z.html"), "No such file or directory")
    check(listing(env.path("out")) == ["m.xml"], "outputs: %r" % listing(env.path("out")))


@test
def directory_and_files_mixed(env):
    env.write("pages/a.html", ARTICLE)
    env.write("pages/b.html", ARTICLE)
    c = env.write("c.htm", ARTICLE)
    r = env.run("-o", "out", "pages", c)
    expect_clean_success(r)
    check(listing(env.path("out")) == ["a.xml", "b.xml", "c.xml"], "outputs")


@test
def empty_directory_fails(env):
    os.makedirs(env.path("empty"))
    env.write("empty/readme.txt", b"no pages")
    r = env.run("empty")
    expect(r, 1)
    lines = r.lines()
    check(len(lines) == 1, "one message expected: %r" % r.stderr)
    expect_failure_line(lines[0], "empty")


@test
def missing_among_good(env):
    a = env.write("a.html", ARTICLE)
    b = env.write("b.html", ARTICLE)
    missing = env.path("missing.html")
    r = env.run("-o", "out", a, missing, b)
    expect(r, 1)
    lines = r.lines()
    check(len(lines) == 1, "one message expected: %r" % r.stderr)
    expect_failure_line(lines[0], missing, "No such file or directory")
    check(listing(env.path("out")) == ["a.xml", "b.xml"], "outputs: %r" % listing(env.path("out")))


@test
def all_inputs_fail(env):
    r = env.run("-o", "out", "nope1.html", "nope2.html")
    expect(r, 1)
    lines = r.lines()
    check(len(lines) == 2, "two messages expected: %r" % r.stderr)
    expect_failure_line(lines[0], "nope1.html")
    expect_failure_line(lines[1], "nope2.html")


@test
def same_output_name(env):
    a = env.write("a/x.html", page("Alpha is a long enough paragraph of text to be the article body here."))
    b = env.write("b/x.htm", page("Beta is a long enough paragraph of text to be the article body here."))
    r = env.run("-o", "out", "-f", "text", a, b)
    expect(r, 1)
    lines = r.lines()
    check(len(lines) == 1, "one message expected: %r" % r.stderr)
    expect_failure_line(lines[0], b)
    check("x.txt" in lines[0], "message should name the output: %r" % lines[0])
    check(listing(env.path("out")) == ["x.txt"], "outputs: %r" % listing(env.path("out")))
    data = env.read("out/x.txt")
    check(b"Alpha" in data and b"Beta" not in data, "the first input keeps the name: %r" % data[:200])


@test
def existing_output_kept_when_input_fails(env):
    env.write("out/missing.xml", b"OLD")
    env.write("out/broken.xml", b"OLD TOO")
    os.symlink("nowhere", env.path("broken.html"))
    r = env.run("-o", "out", "missing.html", "broken.html")
    expect(r, 1)
    check(env.read("out/missing.xml") == b"OLD", "existing output must be preserved")
    check(env.read("out/broken.xml") == b"OLD TOO", "existing output must be preserved")
    check(listing(env.path("out")) == ["broken.xml", "missing.xml"],
          "no temporary file left: %r" % listing(env.path("out")))


def limit_file_size(limit):
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@test
def existing_output_kept_when_write_fails(env):
    """A write error part way (here EFBIG from RLIMIT_FSIZE) leaves the old
    output in place and no temporary file behind."""
    big = env.write("big.html", big_page())
    small = env.write("small.html", ARTICLE)
    env.write("out/big.txt", b"OLD")
    r = env.run("-o", "out", "-f", "text", big, small, preexec_fn=limit_file_size(64 * 1024))
    expect(r, 1)
    lines = r.lines()
    check(len(lines) == 1, "one message expected: %r" % r.stderr)
    expect_failure_line(lines[0], big, "File too large")
    check(os.path.join("out", "big.txt") in lines[0], "message should name the output: %r" % lines[0])
    check(env.read("out/big.txt") == b"OLD", "existing output must be preserved")
    check(b"Hello world" in env.read("out/small.txt"), "the other input is still written")
    check(listing(env.path("out")) == ["big.txt", "small.txt"],
          "no temporary file left: %r" % listing(env.path("out")))


@test
def full_output_file_system(env):
    """A full disk under -o, on a tiny tmpfs (skipped if mount is not allowed)."""
    mnt = env.path("mnt")
    mount_tmpfs(mnt, "size=64k")
    try:
        big = env.write("big.html", big_page())
        with open(os.path.join(mnt, "big.txt"), "wb") as f:
            f.write(b"OLD")
        r = env.run("-o", mnt, "-f", "text", big)
        expect(r, 1)
        lines = r.lines()
        check(len(lines) == 1, "one message expected: %r" % r.stderr)
        expect_failure_line(lines[0], big, "No space left on device")
        with open(os.path.join(mnt, "big.txt"), "rb") as f:
            check(f.read() == b"OLD", "existing output must be preserved")
        check(listing(mnt) == ["big.txt"], "no temporary file left: %r" % listing(mnt))
    finally:
        subprocess.run(["umount", mnt])


@test
def output_dir_under_a_file(env):
    a = env.write("a.html", ARTICLE)
    plain = env.write("plain", b"a file, not a directory")
    for target in (os.path.join(plain, "x"), plain):
        r = env.run("-o", target, a)
        expect(r, 1)
        lines = r.lines()
        check(len(lines) == 1, "one message expected: %r" % r.stderr)
        expect_failure_line(lines[0], target, "Not a directory")
    check(env.read("plain") == b"a file, not a directory", "the file must be untouched")


def mount_tmpfs(mnt, options):
    os.makedirs(mnt, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", mnt],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if mounted.returncode != 0:
        raise Skip("cannot mount a tmpfs here")


@test
def read_only_output_dir(env):
    """An existing output directory that cannot be written to (a read-only
    tmpfs, since root ignores permissions; skipped if mount is not allowed):
    each input fails, the old outputs stay."""
    mnt = env.path("mnt")
    mount_tmpfs(mnt, "size=64k")
    try:
        with open(os.path.join(mnt, "a.xml"), "wb") as f:
            f.write(b"OLD")
        subprocess.run(["mount", "-o", "remount,ro", mnt], check=True)
        a = env.write("a.html", ARTICLE)
        b = env.write("b.html", ARTICLE)
        r = env.run("-o", mnt, a, b)
        expect(r, 1)
        lines = r.lines()
        check(len(lines) == 2, "two messages expected: %r" % r.stderr)
        expect_failure_line(lines[0], a, "Read-only file system")
        expect_failure_line(lines[1], b, "Read-only file system")
        with open(os.path.join(mnt, "a.xml"), "rb") as f:
            check(f.read() == b"OLD", "existing output must be preserved")
    finally:
        subprocess.run(["umount", mnt])


# ---- killed runs, pages that are not pages, indentation ----

def output_fd_open(pid, directory):
    """Whether process pid holds a file in directory open (its output)."""
    fd_dir = "/proc/%d/fd" % pid
    try:
        for fd in os.listdir(fd_dir):
            try:
                target = os.readlink(os.path.join(fd_dir, fd))
            except OSError:
                continue
            if target.startswith(directory + "/"):
                return True
    except OSError:
        pass
    return False


@test
def killed_while_writing_leaves_nothing(env):
    """SIGKILL while the output is being written: no temporary file stays
    behind (an unnamed O_TMPFILE vanishes with the process)."""
    if env.prefix:
        raise Skip("timing under a wrapper")
    words = b"word " * (6 * MIB)
    big = env.write("big.html", b"<html><body><article><p>" + words + b"</p></article></body></html>")
    out = env.path("out")
    os.makedirs(out)
    for attempt in range(30):
        proc = subprocess.Popen(env.command(["-o", out, big]), cwd=env.dir,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        killed_while_writing = False
        while proc.poll() is None:
            if output_fd_open(proc.pid, out):
                proc.send_signal(signal.SIGKILL)
                killed_while_writing = True
                break
        proc.wait()
        check(listing(out) == [] if killed_while_writing else listing(out) == ["big.xml"],
              "attempt %d: left behind: %r" % (attempt, listing(out)))
        if killed_while_writing and proc.returncode == -signal.SIGKILL:
            return
        for name in listing(out):
            os.unlink(os.path.join(out, name))
    raise Failure("never caught the command while it was writing its output")


@test
def stale_temporaries_cleaned(env):
    """A run removes the hidden temporaries of the command's outputs that a
    killed run left (where O_TMPFILE is not available), older than itself;
    other files, and a temporary from now (a run writing beside it), stay."""
    a = env.write("a.html", ARTICLE)
    old = 1000000000  # 2001
    stale = ["out/.a.xml.Ab12Cd", "out/.b.txt.Zz99Yy", "out/.c.explain.txt.q1w2e3",
             "out/.g.md.Qq11Ww", "out/.h.article.html.Ee22Rr"]
    kept = ["out/.keep.me", "out/.d.xml.short", "out/notes.xml.abcdef", "out/.e.html.Ab12Cd"]
    for rel in stale + kept:
        env.write(rel, b"partial")
        os.utime(env.path(rel), (old, old))
    fresh = env.write("out/.f.xml.Fresh1", b"being written")
    future = 4000000000
    os.utime(fresh, (future, future))
    r = env.run("-o", "out", a)
    expect_clean_success(r)
    want = sorted(["a.xml", ".f.xml.Fresh1"] + [os.path.basename(k) for k in kept])
    check(listing(env.path("out")) == want, "left: %r, want %r" % (listing(env.path("out")), want))


@test
def not_html_refused(env):
    """Binary inputs, compressed or not, are refused with status 3 and a
    line that says what they are; the pages beside them are still written."""
    png_bytes = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    png = env.write("in/img.html", png_bytes)
    gz = env.write("in/page.html", gzip.compress(png_bytes))
    good = env.write("in/good.html", ARTICLE)
    r = env.run("-o", "out", png, gz, good)
    expect(r, 3)
    lines = r.lines()
    check(len(lines) == 2, "one line per refused input: %r" % lines)
    check("img.html: not an HTML page: PNG image" in lines[0], "PNG line: %r" % lines[0])
    check("page.html: not an HTML page: PNG image" in lines[1], "gzip line: %r" % lines[1])
    check(listing(env.path("out")) == ["good.xml"], "outputs: %r" % listing(env.path("out")))
    # Compressed twice: the inner gzip is not undone.
    twice = env.write("in/twice.html", gzip.compress(gzip.compress(ARTICLE)))
    r = env.run(twice)
    expect(r, 3)
    check("not an HTML page: gzip-compressed data (decompress it first)" in r.stderr,
          "stderr: %r" % r.stderr)
    # One refused and one missing input: the other failure decides (1).
    r = env.run("-o", "out", png, env.path("in/missing.html"))
    expect(r, 1)
    # Noise from standard input.
    noise = bytes((i * 7919 + 13) % 256 for i in range(4096))
    r = env.run(stdin=noise)
    expect(r, 3)
    check("not an HTML page: binary data" in r.stderr, "stderr: %r" % r.stderr)
    check(r.stdout == b"", "no output for a refused input")
    # --help documents status 3.
    r = env.run("--help")
    check(b"3 if some input was not an HTML page" in r.stdout.replace(b"\n", b" ").replace(b"  ", b" "),
          "--help should document status 3")


# ---- compressed pages ----

def have(program):
    return shutil.which(program) is not None


def compress_with(program, data):
    """data through `program -c` (zstd, brotli)."""
    return subprocess.run([program, "-c"], input=data, stdout=subprocess.PIPE, check=True).stdout


@test
def compressed_pages(env):
    """gzip (one member or several) and zstd are decompressed whatever the
    name; brotli for a .br name or --content-encoding=br."""
    text = b"Hello world, this is a long enough paragraph of text to be the article body.\n"
    cases = {"a.html.gz": gzip.compress(ARTICLE), "b.html": gzip.compress(ARTICLE),
             "c.htm.gz": gzip.compress(ARTICLE[:40]) + gzip.compress(ARTICLE[40:])}
    if have("zstd"):
        cases["d.html.zst"] = compress_with("zstd", ARTICLE)
        cases["e.dat"] = compress_with("zstd", ARTICLE)
    if have("brotli"):
        cases["f.html.br"] = compress_with("brotli", ARTICLE)
    for name, data in cases.items():
        env.write(name, data)
        r = env.run("-f", "text", name)
        expect_clean_success(r)
        check(r.stdout == text, "%s: %r" % (name, r.stdout))
    # Standard input, told by its bytes.
    r = env.run("-f", "text", stdin=gzip.compress(ARTICLE))
    expect_clean_success(r)
    check(r.stdout == text, "gzip stdin: %r" % r.stdout)
    # Outputs are named without the compression's extension.
    r = env.run("-o", "out", "-f", "text", *cases)
    expect_clean_success(r)
    want = sorted({"a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt"} &
                  {n.split(".")[0] + ".txt" for n in cases})
    check(listing(env.path("out")) == want, "outputs: %r" % listing(env.path("out")))
    if have("brotli"):
        br = compress_with("brotli", ARTICLE)
        r = env.run("-f", "text", "--content-encoding=br", stdin=br)
        expect_clean_success(r)
        check(r.stdout == text, "br stdin: %r" % r.stdout)
        # Without a name or the option brotli is not guessed: its bytes
        # are taken as they are (refused, or read as text of no sense).
        r = env.run("-f", "text", stdin=br)
        check(b"Hello world" not in r.stdout, "undeclared brotli: %s" % r.describe())
    r = env.run("--content-encoding=compress", stdin=ARTICLE)
    expect_usage_error(r, "compress")


@test
def compressed_refusals(env):
    """A decompression bomb is stopped at the input limit (status 1, bounded
    memory); cut or corrupt data fails its input; nothing crashes."""
    bomb = "bomb.html.gz"
    env.write(bomb, gzip.compress(b"<p>" + b"a" * (DEFAULT_MAX_INPUT + MIB)))
    check(os.path.getsize(env.path(bomb)) < MIB, "the bomb is small")

    def limit_memory():
        # Twice the input limit plus room for the program: a bomb that
        # were decompressed whole would pass it.
        limit = 3 * DEFAULT_MAX_INPUT
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    # Not under a wrapper (valgrind), nor with ASan, which reserves far
    # more address space than it uses.
    with open(env.exe, "rb") as f:
        sanitized = b"__asan_init" in f.read()
    wrapped = bool(os.environ.get("WINNOW_TEST_WRAPPER")) or sanitized
    r = env.run(bomb, preexec_fn=None if wrapped else limit_memory)
    expect(r, 1)
    lines = r.lines()
    check(len(lines) == 1, "one line: %r" % lines)
    expect_failure_line(lines[0], "bomb.html.gz", "64 MiB")
    check("once decompressed" in lines[0], "names the decompression: %r" % lines[0])
    cut = "cut.html.gz"
    env.write(cut, gzip.compress(ARTICLE * 50)[:100])
    r = env.run(cut)
    expect(r, 1)
    expect_failure_line(r.lines()[0], "cut.html.gz", "corrupt or cut compressed data")
    bad = bytearray(gzip.compress(ARTICLE * 50))
    for i in range(20, 60):
        bad[i] ^= 0x5A
    env.write("bad.html.gz", bytes(bad))
    good = env.write("good.html", ARTICLE)
    r = env.run("-o", "out", "bad.html.gz", good)
    expect(r, 1)
    check(len(r.lines()) == 1 and "bad.html.gz" in r.lines()[0], "stderr: %r" % r.stderr)
    check(listing(env.path("out")) == ["good.xml"], "outputs: %r" % listing(env.path("out")))


# ---- -r and --files-from ----

def titled(title):
    return ("<html><head><title>%s</title></head><body><article><p>%s is a long enough "
            "paragraph of text to be the article body of this page.</p></article></body>"
            "</html>" % (title, title)).encode()


@test
def recursive_walk(env):
    """-r walks subdirectories in name order, mirrors them under -o DIR (so
    that same-named pages do not collide), takes compressed pages and WARC
    files, skips hidden names and does not follow links to directories (a
    loop ends)."""
    env.write("site/index.html", titled("Top"))
    env.write("site/a/index.html", titled("Alpha"))
    env.write("site/a/b/index.htm", titled("Bravo"))
    env.write("site/b/index.html.gz", gzip.compress(titled("Gamma")))
    env.write("site/b/notes.txt", b"not a page")
    env.write("site/.git/index.html", titled("Hidden"))
    os.symlink("..", env.path("site/a/loop"))          # a loop
    os.symlink(env.path("site/a"), env.path("site/z"))  # a link to a directory
    r = env.run("-r", "-o", "out", "-f", "text", "--title", "site", timeout=60)
    expect_clean_success(r)
    found = []
    for root, dirs, files in os.walk(env.path("out")):
        for f in files:
            found.append(os.path.relpath(os.path.join(root, f), env.path("out")))
    check(sorted(found) == ["a/b/index.txt", "a/index.txt", "b/index.txt", "index.txt"],
          "outputs: %r" % sorted(found))
    check(env.read("out/a/b/index.txt").startswith(b"Bravo"), "a/b")
    check(env.read("out/b/index.txt").startswith(b"Gamma"), "b (gzip)")
    # Without -r only the top level.
    r = env.run("-o", "out2", "site")
    expect_clean_success(r)
    check(listing(env.path("out2")) == ["index.xml"], "outputs: %r" % listing(env.path("out2")))
    # Several pages, no -o: into the current directory, order = walk order.
    r = env.run("-r", "-f", "text", "site/a")
    expect_clean_success(r)
    check(os.path.exists(env.path("b/index.txt")) and os.path.exists(env.path("index.txt")),
          "mirrored into the current directory")
    # An empty tree fails.
    os.makedirs(env.path("empty/sub"))
    r = env.run("-r", "empty")
    expect(r, 1)
    expect_failure_line(r.lines()[0], "empty", "no pages")


@test
def files_from(env):
    """--files-from names inputs one a line (from a file or stdin); outputs
    mirror the listed paths, so that same-named pages do not collide."""
    env.write("x/a/page.html", titled("One"))
    env.write("x/b/page.html", titled("Two"))
    env.write("x/dir/c.html", titled("Three"))
    env.write("list.txt", b"x/a/page.html\r\n\n./x/b/page.html\nx/dir\n")
    r = env.run("--files-from", "list.txt", "-o", "out", "-f", "text", "--title")
    expect_clean_success(r)
    found = sorted(os.path.relpath(os.path.join(root, f), env.path("out"))
                   for root, _, files in os.walk(env.path("out")) for f in files)
    check(found == ["c.txt", "x/a/page.txt", "x/b/page.txt"], "outputs: %r" % found)
    check(env.read("out/x/b/page.txt").startswith(b"Two"), "x/b")
    # From standard input, with "..", an absolute path and a missing file.
    os.makedirs(env.path("w"))
    listed = "../x/a/page.html\n%s\nmissing.html\n" % env.path("x/b/page.html")
    r = subprocess.run(env.command(["--files-from=-", "-o", "../out2", "-f", "text"]),
                       input=listed.encode(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       cwd=env.path("w"), timeout=60)
    check(r.returncode == 1, "missing file fails: %r" % r.stderr)
    lines = r.stderr.decode().splitlines()
    check(len(lines) == 1 and lines[0].startswith("winnow: missing.html: "), "stderr: %r" % lines)
    found = sorted(os.path.relpath(os.path.join(root, f), env.path("out2"))
                   for root, _, files in os.walk(env.path("out2")) for f in files)
    want = sorted(["__/x/a/page.txt", os.path.relpath(env.path("x/b/page.txt"), "/")])
    check(found == want, "outputs: %r, want %r" % (found, want))
    # stdin cannot be both the list and an input.
    r = env.run("--files-from=-", "-", stdin=b"a.html\n")
    expect_usage_error(r, "standard input")
    r = env.run("--files-from", "nolist.txt")
    expect(r, 1)
    expect_failure_line(r.lines()[0], "nolist.txt", "No such file")


# ---- WARC ----

def warc_record(number, wtype, block, uri=None, ctype=None, version="1.0"):
    head = ["WARC/%s" % version, "WARC-Type: %s" % wtype,
            "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>" % number,
            "WARC-Date: 2026-12-01T00:00:00Z"]
    if uri:
        head.append("WARC-Target-URI: %s" % uri)
    if ctype:
        head.append("Content-Type: %s" % ctype)
    head.append("Content-Length: %d" % len(block))
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http_response(body, status="200 OK", headers=(("Content-Type", "text/html"),)):
    head = "HTTP/1.1 %s\r\n" % status + "".join("%s: %s\r\n" % h for h in headers) + "\r\n"
    return head.encode() + body


def chunked(data, size=37):
    out = b""
    for i in range(0, len(data), size):
        piece = data[i:i + size]
        out += b"%x\r\n%s\r\n" % (len(piece), piece)
    return out + b"0\r\n\r\n"


def hand_made_warc():
    """Records: 1 warcinfo, 2 request, 3 page, 4 chunked gzip-encoded page,
    5 404, 6 PNG, 7 resource page, 8 resource without a type (sniffed),
    9 resource claiming HTML but holding a PNG."""
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    http = "application/http; msgtype=response"
    records = [
        warc_record(1, "warcinfo", b"software: hand\r\n", ctype="application/warc-fields"),
        warc_record(2, "request", b"GET / HTTP/1.1\r\n\r\n", "http://h.example/", "application/http; msgtype=request"),
        warc_record(3, "response", http_response(titled("Plain")), "http://h.example/plain", http),
        warc_record(4, "response", http_response(chunked(gzip.compress(titled("Zipped"))), headers=(
            ("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip"),
            ("Transfer-Encoding", "chunked"))), "http://h.example/zipped", http),
        warc_record(5, "response", http_response(titled("Missing"), "404 Not Found"), "http://h.example/404", http),
        warc_record(6, "response", http_response(png, headers=(("Content-Type", "image/png"),)),
                    "http://h.example/i.png", http),
        warc_record(7, "resource", titled("Resource"), "http://h.example/res", "text/html"),
        warc_record(8, "resource", titled("Sniffed"), "http://h.example/sniffed"),
        warc_record(9, "resource", png, "http://h.example/liar", "text/html"),
    ]
    return records


def members(records):
    return b"".join(gzip.compress(r) for r in records)


META_PAGE = (
    "<html lang='en-GB'><head><title>Bridge reopens | Larkvale Post</title>"
    "<meta property='og:site_name' content='Larkvale Post'>"
    "<meta property='article:published_time' content='2025-10-23T16:05:00+01:00'>"
    "<meta name='author' content='Ned Caister'></head><body><article><h1>Bridge reopens</h1>"
    "<p>The footbridge over the river reopened on Thursday after six weeks of repairs, "
    "the council said, and walkers were back on it within the hour.</p>"
    "<p>Engineers replaced two of the deck beams, which the storm in September had cracked, "
    "and added a new handrail on the upstream side.</p></article></body></html>").encode()


@test
def json_format(env):
    """-f json: one object with the metadata, the text and the article
    source; NAME.json with -o DIR; JSON Lines for a WARC file on stdout."""
    env.write("p.html", META_PAGE)
    r = env.run("-f", "json", "p.html")
    expect_clean_success(r)
    check(r.stdout.endswith(b"\n") and r.stdout.count(b"\n") == 1, "one line: %r" % r.stdout[:200])
    obj = json.loads(r.stdout)
    check(obj["title"] == "Bridge reopens", "title: %r" % obj)
    check(obj["authors"] == ["Ned Caister"] and obj["author"] == "Ned Caister", "author: %r" % obj)
    check(obj["date"] == "2025-10-23T16:05:00+01:00", "date: %r" % obj)
    check(obj["site"] == "Larkvale Post" and obj["lang"] == "en-GB", "site/lang: %r" % obj)
    check(obj["source"] == "selected" and obj["charset"] == "UTF-8", "source: %r" % obj)
    check(obj["text"].startswith("The footbridge") and obj["modified"] is None, "text: %r" % obj)
    r = env.run("-f", "json", "-o", "out", "p.html")
    expect_clean_success(r)
    check(listing(env.path("out")) == ["p.json"], "outputs: %r" % listing(env.path("out")))
    check(json.loads(env.read("out/p.json"))["title"] == "Bridge reopens", "file")
    http = "application/http; msgtype=response"
    env.write("m.warc", b"".join([
        warc_record(1, "response", http_response(META_PAGE), "http://h.example/a", http),
        warc_record(2, "resource", titled("Second"), "http://h.example/b", "text/html")]))
    r = env.run("-f", "json", "m.warc")
    expect_clean_success(r)
    lines = r.stdout.decode().splitlines()
    check(len(lines) == 2, "JSON Lines: %r" % lines)
    objs = [json.loads(l) for l in lines]
    check([o["url"] for o in objs] == ["http://h.example/a", "http://h.example/b"], "urls %r" % objs)
    check(objs[1]["record_id"] == "<urn:uuid:00000000-0000-0000-0000-000000000002>", "id %r" % objs)
    expect_usage_error(env.run("-f", "jsonl", "p.html"), "jsonl")


@test
def warc_hand_made(env):
    """Pages of a hand-made WARC: plain, gzip per record, zstd; the chunked
    gzip-encoded response is decoded, the 404 and the PNG skipped quietly,
    the record that lies about its type refused with its own line (status 3)."""
    records = hand_made_warc()
    files = {"h.warc": b"".join(records), "h.warc.gz": members(records), "h.bin": members(records)}
    if have("zstd"):
        files["h.warc.zst"] = compress_with("zstd", b"".join(records))
    for name, data in files.items():
        env.write(name, data)
        r = env.run("-f", "text", "--title", name)
        expect(r, 3)
        lines = r.lines()
        check(len(lines) == 1, "%s: one line: %r" % (name, lines))
        expect_failure_line(lines[0], name, "record 9 (http://h.example/liar): not an HTML page: PNG image")
        out = r.stdout.decode()
        heads = [l for l in out.splitlines() if l.startswith("==> ")]
        check(heads == [
            "==> http://h.example/plain <urn:uuid:00000000-0000-0000-0000-000000000003> <==",
            "==> http://h.example/zipped <urn:uuid:00000000-0000-0000-0000-000000000004> <==",
            "==> http://h.example/res <urn:uuid:00000000-0000-0000-0000-000000000007> <==",
            "==> http://h.example/sniffed <urn:uuid:00000000-0000-0000-0000-000000000008> <=="],
            "%s: separators %r" % (name, heads))
        for title in ("Plain", "Zipped", "Resource", "Sniffed"):
            check("\n%s\n" % title in out, "%s: %s missing: %r" % (name, title, out))
    # XML on stdout: one well-formed <documents> of <doc>s.
    r = env.run("h.warc.gz")
    expect(r, 3)
    root = ET.fromstring(r.stdout)
    check(root.tag == "documents", "root: %r" % root.tag)
    docs = list(root)
    check([d.get("url") for d in docs] == ["http://h.example/plain", "http://h.example/zipped",
                                           "http://h.example/res", "http://h.example/sniffed"],
          "urls: %r" % [d.get("url") for d in docs])
    check(docs[1].get("record-id") == "<urn:uuid:00000000-0000-0000-0000-000000000004>",
          "record-id: %r" % docs[1].attrib)
    check(docs[1].get("title") == "Zipped", "title: %r" % docs[1].attrib)
    # -o DIR: one file per page, named by record number.
    r = env.run("-o", "out", "h.warc.gz", "h.warc")
    expect(r, 1)  # the second h.warc's outputs are the first's names
    check(listing(env.path("out")) == ["h-000003.xml", "h-000004.xml", "h-000007.xml", "h-000008.xml"],
          "outputs: %r" % listing(env.path("out")))
    # Record 9 failed, but its name was the first file's all the same.
    check(sum("already the output of h.warc.gz record" in l for l in r.lines()) == 5,
          "collisions reported: %r" % r.lines())
    expect_xml(env.read("out/h-000004.xml"))


@test
def warc_damaged(env):
    """A truncated final record fails the file after the pages before it are
    written; garbage between records is skipped with a warning; an
    oversized record is skipped with a warning."""
    records = hand_made_warc()[:4]
    whole = members(records)
    env.write("cut.warc.gz", whole[:-30])
    r = env.run("-o", "out", "-f", "text", "cut.warc.gz")
    expect(r, 1)
    lines = r.lines()
    check(len(lines) == 1, "one line: %r" % lines)
    expect_failure_line(lines[0], "cut.warc.gz", "corrupt WARC file")
    check("cut short" in lines[0], "says cut: %r" % lines[0])
    check(listing(env.path("out")) == ["cut-000003.txt"], "outputs: %r" % listing(env.path("out")))
    # Cut inside a plain record's block.
    plain = b"".join(records)
    env.write("cut.warc", plain[:-100])
    r = env.run("-f", "text", "cut.warc")
    expect(r, 1)
    check("record 4 cut short" in r.stderr, "stderr: %r" % r.stderr)
    check(b"Plain is a long" in r.stdout, "the page before is written: %r" % r.stdout)
    # Garbage between records (plain, and as its own gzip member).
    env.write("junk.warc", records[2] + b"junk junk junk\r\n" + records[3])
    env.write("junk.warc.gz", gzip.compress(records[2]) + gzip.compress(b"junk\n") + gzip.compress(records[3]))
    # Raw bytes between gzip members, one of them a false 1F 8B start.
    env.write("raw.warc.gz", gzip.compress(records[2]) + b"\x00junk\x1f\x8b junk" + gzip.compress(records[3]))
    for name in ("junk.warc", "junk.warc.gz", "raw.warc.gz"):
        r = env.run("-f", "text", name)
        expect(r, 0)
        check(len(r.lines()) == 1 and "warning:" in r.stderr and "before record 2" in r.stderr,
              "%s: stderr %r" % (name, r.stderr))
        check(b"Plain is" in r.stdout and b"Zipped is" in r.stdout, "%s: %r" % (name, r.stdout))
    # Trailing garbage after the last record.
    env.write("tail.warc", records[2] + b"trailing junk\n")
    r = env.run("-f", "text", "tail.warc")
    expect(r, 1)
    check("not WARC records after record 1" in r.stderr, "stderr: %r" % r.stderr)
    # An oversized page record: skipped with a warning, the next one read.
    big = warc_record(2, "resource", b"<p>" + b"a" * (DEFAULT_MAX_INPUT + 10), "http://h.example/big", "text/html")
    env.write("big.warc.gz", gzip.compress(records[2]) + gzip.compress(big) + gzip.compress(records[3]))
    r = env.run("-f", "text", "big.warc.gz")
    expect(r, 0)
    check(len(r.lines()) == 1 and "warning: skipped" in r.stderr and "record 2 (http://h.example/big)" in r.stderr,
          "stderr: %r" % r.stderr)
    check(b"Zipped is" in r.stdout, "the record after: %r" % r.stdout)


SERVER = r"""
import gzip, http.server, socketserver, sys
def page(title, body):
    return ("<html><head><title>%s</title></head><body><nav><a href=/index.html>Home</a></nav>"
            "<article><h1>%s</h1><p>%s</p></article></body></html>" % (title, title, body)).encode()
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a):
        pass
    def send(self, code, body, ctype="text/html; charset=utf-8", extra=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        for k, v in extra:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        p = self.path
        if p == "/index.html":
            self.send(200, page("Index", "The index page links to every page of this small test site. " * 3 +
                '<a href="/gz.html">g</a> <a href="/img.png">i</a> <a href="/missing.html">m</a> '
                '<a href="/latin1.html">l</a>'))
        elif p == "/gz.html":
            self.send(200, gzip.compress(page("Gzipped", "This page travels gzip-encoded over HTTP. " * 4)),
                      extra=[("Content-Encoding", "gzip")])
        elif p == "/img.png":
            self.send(200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)), ctype="image/png")
        elif p == "/latin1.html":
            self.send(200, page("Latin", "Caf\xe9 cr\xe8me, named Latin-1 by the HTTP header only. " * 3)
                      .decode().encode("latin-1"), ctype="text/html; charset=iso-8859-1")
        else:
            self.send(404, page("Not found", "Nothing here."))
with socketserver.TCPServer(("127.0.0.1", 0), H) as s:
    print(s.server_address[1], flush=True)
    s.serve_forever()
"""


@test
def warc_from_wget(env):
    """A WARC written by wget --warc-file from a local server: the HTML
    pages come out (the gzip-encoded one decoded, the Latin-1 one by its
    HTTP charset), the PNG and the 404 do not."""
    if not have("wget"):
        raise Skip("wget is not installed")
    env.write("server.py", SERVER.encode())
    server = subprocess.Popen([sys.executable, env.path("server.py")], stdout=subprocess.PIPE)
    try:
        port = int(server.stdout.readline())
        environ = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
        subprocess.run(["wget", "-q", "--no-proxy", "-e", "robots=off", "-r", "-l", "1",
                        "-P", env.path("dl"), "--warc-file=" + env.path("crawl"),
                        "http://127.0.0.1:%d/index.html" % port], env=environ, timeout=60)
    finally:
        server.kill()
        server.wait()
    warc = env.path("crawl.warc.gz")
    check(os.path.exists(warc), "wget wrote no WARC")
    r = env.run(warc)
    expect_clean_success(r)
    root = ET.fromstring(r.stdout)
    titles = [d.get("title") for d in root]
    check(titles == ["Index", "Gzipped", "Latin"], "titles: %r" % titles)
    for d in root:
        check(d.get("url", "").startswith("http://127.0.0.1:%d/" % port), "url: %r" % d.attrib)
        check(d.get("record-id", "").startswith("<urn:uuid:"), "record-id: %r" % d.attrib)
    check("Café crème" in ET.tostring(root[2], encoding="unicode"), "Latin-1 page decoded")
    check(root[2].get("charset") == "WINDOWS-1252" and root[2].get("charset-source") == "hint",
          "charset from the HTTP header: %r" % root[2].attrib)
    r = env.run("-o", "out", "-f", "text", warc)
    expect_clean_success(r)
    names = listing(env.path("out"))
    check(len(names) == 3 and all(n.startswith("crawl-") and n.endswith(".txt") for n in names),
          "outputs: %r" % names)
    # The same file found by -r, and on standard input.
    r = env.run("-r", "-o", "out-r", "-f", "text", env.path("."))
    check(listing(env.path("out-r")) == names or r.returncode == 0, "outputs: %r" % listing(env.path("out-r")))
    with open(warc, "rb") as f:
        r = env.run("-f", "text", stdin=f.read())
    expect_clean_success(r)
    check(r.stdout.count(b"\n==> ") + r.stdout.startswith(b"==> ") == 3, "three pages: %r" % r.stdout[:300])


@test
def indent_option(env):
    """XML is unindented unless --indent is given."""
    a = env.write("a.html", ARTICLE)
    r = env.run(a)
    expect_clean_success(r)
    body = r.stdout.split(b"\n", 1)[1]
    check(body.count(b"\n") == 1 and body.endswith(b"</doc>\n"), "one line: %r" % body)
    check(b"><main><p>Hello world" in body, "unindented: %r" % body)
    r = env.run("--indent", a)
    expect_clean_success(r)
    check(b">\n  <main>\n    <p>Hello world" in r.stdout, "indented: %r" % r.stdout)


INLINE_PAGE = (b"<html><head><base href='/docs/'></head><body><article>"
               b"<h2>Setup</h2><p>Read <a href='guide.html'>the <b>guide</b></a> first, "
               b"then <img src='fig.png' alt='a figure'> run <code>make</code>.</p>"
               b"<pre><code class='language-sh'>make install</code></pre>"
               b"<table><tr><td>key</td><td>value</td></tr></table>"
               b"<p>A last paragraph, long enough to keep this short page whole.</p>"
               b"</article></body></html>")


REPEAT_ROW = b"The earliest to flower and the heaviest crop of the four, with long pods full of pale green beans."
REPEAT_PAGE = (b"<html><head><title>Seed trial results</title></head><body><article>"
               b"<h1>Seed trial results</h1>"
               b"<p>We sowed four varieties of broad bean in the same bed in March and kept a record"
               b" of how each one grew through the spring and into the summer.</p>"
               b"<table><tr><th>Variety</th><th>Note</th></tr>"
               b"<tr><td>Aquadulce</td><td>" + REPEAT_ROW + b"</td></tr>"
               b"<tr><td>Witkiem</td><td>Quick to germinate, but the stems bent in the wind and"
               b" needed staking halfway through May.</td></tr></table>"
               b"<p>" + REPEAT_ROW + b"</p>"
               b"<p>" + REPEAT_ROW + b"</p>"
               b"<p>Next year we will sow the two best again and try a dwarf variety in the windy"
               b" corner by the shed, where the tall ones always fall over.</p>"
               b"</article></body></html>")


@test
def repeat_line_and_no_tables(env):
    """A long line that repeats an earlier line of the output is dropped
    (the scorer's repeat-line); with --no-tables a data table's lines are
    not in the output, so the first line that repeats one stays."""
    p = env.write("repeat.html", REPEAT_PAGE)
    r = env.run("-f", "text", p)
    expect_clean_success(r)
    check(r.stdout.count(REPEAT_ROW) == 1 and b"Aquadulce " + REPEAT_ROW in r.stdout,
          "with tables: %r" % r.stdout)
    r = env.run("-f", "text", "--no-tables", p)
    expect_clean_success(r)
    check(r.stdout.count(REPEAT_ROW) == 1 and b"Aquadulce" not in r.stdout,
          "--no-tables: %r" % r.stdout)
    r = env.run("-f", "explain", "--no-tables", p)
    expect_clean_success(r)
    check(r.stdout.count(b"(repeat-line)  [dropped]") == 1, "explain: %r" % r.stdout)


@test
def markdown_and_html_formats(env):
    """-f markdown and -f html, with and without --links, --images,
    --formatting, --no-tables; NAME.md and NAME.article.html with -o DIR;
    the JSON output's markdown and html keys on request."""
    p = env.write("p.html", INLINE_PAGE)
    url = "https://example.org/a/page.html"
    r = env.run("-f", "markdown", "--url", url, p)
    expect_clean_success(r)
    md = r.stdout.decode()
    check("## Setup\n" in md and "Read the guide first" in md and "](" not in md, "plain: %r" % md)
    check("```sh\nmake install\n```\n" in md and "| key | value |" in md, "code/table: %r" % md)
    r = env.run("-f", "md", "--links", "--images", "--formatting", "--no-tables", "--url", url, p)
    expect_clean_success(r)
    md = r.stdout.decode()
    check("[the **guide**](https://example.org/docs/guide.html)" in md, "link: %r" % md)
    check("![a figure](https://example.org/docs/fig.png)" in md and "`make`" in md, "inline: %r" % md)
    check("key" not in md, "--no-tables: %r" % md)
    r = env.run("-f", "html", "--links", "--url", url, p)
    expect_clean_success(r)
    h = r.stdout.decode()
    check(h.startswith("<article>\n") and h.endswith("</article>\n"), "fragment: %r" % h)
    check('<a href="https://example.org/docs/guide.html">the guide</a>' in h, "html link: %r" % h)
    check("<img" not in h and "<b>" not in h, "only what was asked: %r" % h)
    r = env.run("--links", "--images", "--formatting", "--url", url, p)
    expect_clean_success(r)
    x = r.stdout.decode()
    check('<ref target="https://example.org/docs/guide.html">the <hi rend="bold">guide</hi></ref>' in x,
          "xml: %r" % x)
    check('<graphic src="https://example.org/docs/fig.png" alt="a figure"/>' in x, "xml image: %r" % x)
    r = env.run("-f", "json", "--json-markdown", "--json-html", "--links", p)
    expect_clean_success(r)
    obj = json.loads(r.stdout)
    check("## Setup" in obj["markdown"] and obj["html"].startswith("<article>"), "json: %r" % obj)
    obj = json.loads(env.run("-f", "json", p).stdout)
    check("markdown" not in obj and "html" not in obj, "json keys only on request: %r" % obj)
    for fmt, name in (("markdown", "p.md"), ("html", "p.article.html")):
        r = env.run("-f", fmt, "-o", "out-" + fmt, p)
        expect_clean_success(r)
        check(listing(env.path("out-" + fmt)) == [name], "outputs: %r" % listing(env.path("out-" + fmt)))
    expect_usage_error(env.run("-f", "htm", p), "htm")


@test
def utf16_without_bom_and_contradicted_hint(env):
    """UTF-16LE without a BOM is read as UTF-16LE; a UTF-16 hint on an ASCII
    page loses to what the bytes say."""
    a = env.write("a16.html", page().decode().encode("utf-16-le"))
    r = env.run("-f", "text", a)
    expect_clean_success(r)
    check(r.stdout == b"Hello world, this is a long enough paragraph of text to be the article body.\n",
          "text: %r" % r.stdout)
    r = env.run(a)
    check(b'charset="UTF-16LE" charset-source="detected"' in r.stdout, "xml: %r" % r.stdout[:200])
    b = env.write("b.html", ARTICLE)
    r = env.run("--charset=UTF-16", b)
    expect_clean_success(r)
    check(b"Hello world, this is" in r.stdout and b'charset="UTF-8" charset-source="detected"' in r.stdout,
          "hint should lose: %r" % r.stdout[:300])


# ---- driver ----

@test
def unclosed_link_menu_passes_strict(env):
    """A menu of links without </a> (each <a> closes the one before, as
    browsers parse it) is ordinary: nothing is cut, --strict succeeds, and
    the article after the menu is extracted."""
    menu = b"".join(b"<li><a href=/p%d>Section %d" % (i, i) for i in range(60))
    article = (b"<p>The harbour reopened on Monday after the storm had closed it for "
               b"three days, and the ferries ran again to the islands in the afternoon.</p>") * 4
    page = b"<!DOCTYPE html><title>t</title><ul>" + menu + b"</ul>" + article
    env.write("menu.html", page)
    result = env.run("--strict", "-f", "text", "menu.html")
    expect_clean_success(result)
    check(b"The harbour reopened" in result.stdout, "article missing: %r" % result.stdout[:200])


# ---- many threads, progress, JSON Lines in ----

CORPUS_PAGES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "corpus", "pages")


def corpus_pages():
    """The corpus pages; the first WINNOW_TEST_CLI_PAGES of them when set
    (the ThreadSanitizer run, where every process starts slowly)."""
    names = sorted(n for n in os.listdir(CORPUS_PAGES) if n.endswith(".html"))
    check(len(names) > 20, "the corpus has %d pages" % len(names))
    return names[:max(12, int(os.environ.get("WINNOW_TEST_CLI_PAGES", len(names))))]


def corpus_warc(env, name, limit=None):
    """The corpus pages as a WARC file, with records that fail or warn
    among them: a 404, a PNG, a page in an unknown charset, and garbage
    between records."""
    http = "application/http; msgtype=response"
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    records = []
    for i, n in enumerate(corpus_pages()[:limit]):
        with open(os.path.join(CORPUS_PAGES, n), "rb") as f:
            body = f.read()
        records.append(warc_record(len(records) + 1, "response", http_response(body),
                                   "http://c.example/%s" % n, http))
        if i == 3:
            records.append(warc_record(len(records) + 1, "response",
                                       http_response(png, headers=(("Content-Type", "text/html"),)),
                                       "http://c.example/png", http))
        if i == 7:
            records.append(b"garbage between records\r\n")
        if i == 9:
            records.append(warc_record(len(records) + 1, "resource", titled("Missing"),
                                       "http://c.example/404", "text/html; charset=x-unknown"))
    env.write(name, members(records))
    return env.path(name)


@test
def jobs_same_output_as_one(env):
    """-j N writes the same bytes as -j 1 (outputs, stderr, status), over
    a directory and a WARC file, in every format."""
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    env.write("in/a/broken.html", png)
    for n in corpus_pages():
        with open(os.path.join(CORPUS_PAGES, n), "rb") as f:
            env.write("in/" + n, f.read())
    runs = {}
    for jobs in ("1", "3"):
        r = env.run("-j", jobs, "-r", "-o", "out" + jobs, "-f", "text", "in")
        runs[jobs] = r
        expect(r, 3)
        check(any("broken.html: not an HTML page" in l for l in r.lines()), r.describe())
    check(runs["1"].stderr == runs["3"].stderr, "stderr differs: %r / %r" % (runs["1"].stderr, runs["3"].stderr))
    files1, files3 = listing(env.path("out1")), listing(env.path("out3"))
    check(files1 == files3 and len(files1) == len(corpus_pages()), "outputs: %r / %r" % (files1, files3))
    for f in files1:
        check(env.read("out1/" + f) == env.read("out3/" + f), "%s differs between -j 1 and -j 3" % f)
    corpus_warc(env, "c.warc.gz")
    formats = ("xml", "text", "json", "explain")
    if "WINNOW_TEST_CLI_PAGES" in os.environ:
        formats = ("xml", "json")
    for fmt in formats:
        one = env.run("-j", "1", "-f", fmt, "c.warc.gz")
        many = env.run("-j", "4", "-f", fmt, "c.warc.gz")
        check(one.returncode == many.returncode == 3, "%s: %s / %s" % (fmt, one.describe(), many.describe()))
        check(one.stdout == many.stdout, "%s: stdout differs between -j 1 and -j 4" % fmt)
        check(one.stderr == many.stderr, "%s: stderr differs: %r / %r" % (fmt, one.stderr, many.stderr))
        # The PNG record's failure and the skipped bytes' warning; the
        # corpus pages without an article say so on lines of their own.
        check(len([l for l in one.lines() if "no article here" not in l]) == 2 and "warning:" in one.stderr,
              one.describe())
        if fmt == "json":
            check(len(one.stdout.splitlines()) == len(corpus_pages()) + 1, "json lines: %d" % len(one.stdout.splitlines()))
    r1 = env.run("-j", "1", "-o", "w1", "c.warc.gz")
    r2 = env.run("-j", "2", "-o", "w2", "c.warc.gz")
    check(r1.stderr == r2.stderr and r1.returncode == r2.returncode, r2.describe())
    check(listing(env.path("w1")) == listing(env.path("w2")), "WARC outputs differ")
    for f in listing(env.path("w1")):
        check(env.read("w1/" + f) == env.read("w2/" + f), "%s differs" % f)


@test
def jobs_option_checked(env):
    for bad in ("0", "x", "-2", "1025", ""):
        expect_usage_error(env.run("-j", bad, "-"), "thread count")
    env.write("a.html", ARTICLE)
    r = env.run("--jobs=7", "-f", "text", "a.html")
    expect_clean_success(r)
    check(b"Hello world" in r.stdout, r.describe())


def run_on_terminal(env, *args):
    """Run with stderr on a pseudo-terminal, stdout to a file; return
    (status, what the terminal got)."""
    master, slave = pty.openpty()
    with open(env.path("stdout.bin"), "wb") as out:
        proc = subprocess.Popen(env.command(args), stdin=subprocess.DEVNULL, stdout=out,
                                stderr=slave, cwd=env.dir)
    os.close(slave)
    got = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the other side is closed
            break
        if not chunk:
            break
        got += chunk
    os.close(master)
    return proc.wait(timeout=120), got.decode("utf-8", "replace")


@test
def progress_on_a_terminal(env):
    """A progress line only when stderr is a terminal; --quiet silences it
    and the warnings, not the failures."""
    for i in range(3):
        env.write("in/p%d.html" % i, page("Page %d says enough words to be an article body here." % i))
    status, tty = run_on_terminal(env, "-o", "out", "in")
    check(status == 0, "status %d, terminal: %r" % (status, tty))
    check("3 pages" in tty and "pages/s" in tty and "MB/s" in tty and "0 errors" in tty,
          "no progress line on the terminal: %r" % tty)
    # The inputs' size is known: the running line has the time left.
    corpus_warc(env, "c.warc.gz", limit=12)
    status, tty = run_on_terminal(env, "-f", "json", "c.warc.gz")
    check(status == 3 and "winnow: " in tty, "status %d, terminal: %r" % (status, tty))
    check("warning:" in tty and "not an HTML page" in tty and "14 pages" in tty and "1 error" in tty,
          "terminal: %r" % tty)
    # Not a terminal: no progress, the messages alone.
    r = env.run("-o", "out2", "in")
    expect_clean_success(r)
    check(r.stderr == "", "progress without a terminal: %r" % r.stderr)
    r = env.run("-f", "json", "c.warc.gz")
    check("pages/s" not in r.stderr and len(r.lines()) == 2, r.describe())
    # --quiet: no progress, no warning; the failure stays.
    status, tty = run_on_terminal(env, "--quiet", "-f", "json", "c.warc.gz")
    check(status == 3 and "pages/s" not in tty and "warning" not in tty, "terminal: %r" % tty)
    check("not an HTML page" in tty, "the failure line went missing: %r" % tty)
    status, tty = run_on_terminal(env, "-q", "-o", "out3", "in")
    check(status == 0 and tty == "", "--quiet, terminal: %r" % tty)


def jsonl_input():
    records = [
        {"url": "http://j.example/1", "html": page("The first record is given as text, "
                                                    "already decoded by the crawler.").decode()},
        {"url": "http://j.example/2", "content_type": "text/html; charset=ISO-8859-1",
         "html_base64": base64.b64encode(page("Caf\u00e9 cr\u00e8me in Latin-1, a long enough "
                                              "sentence.").decode().encode("latin-1")).decode()},
        "not json at all",
        "",
        {"url": "http://j.example/4", "html_base64": base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(range(200))).decode()},
        {"url": "http://j.example/5"},
        [1, 2],
        {"url": "http://j.example/7", "charset": "gbk",
         "html_base64": base64.b64encode(page("\u4f60\u597d\uff0c\u4e16\u754c\u3002\u8fd9\u662f"
                                              "\u4e00\u7bc7\u6587\u7ae0\u7684\u6b63\u6587\u3002" * 3)
                                         .decode().encode("gbk")).decode()},
        {"url": "http://j.example/8", "html_base64": "not base64!"},
        {"url": "http://j.example/9", "html": "<p>a", "html_base64": "PHA+"},
        {"url": "http://j.example/10", "html": page("A page that says \u00e9t\u00e9 in UTF-8, which is "
                                                     "plenty of words for a body.").decode(),
         "charset": "windows-1252"},
    ]
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    return ("\n".join(lines) + "\n").encode()


@test
def jsonl_records(env):
    """--jsonl: one JSON line out per record in, in order; failures are
    error records with their status; blank lines skipped."""
    data = jsonl_input()
    r = env.run("--jsonl", stdin=data)
    expect_clean_success(r)
    out = [json.loads(l) for l in r.stdout.decode().splitlines()]
    check(len(out) == 10, "%d records out for 10 in" % len(out))
    urls = [o.get("url") for o in out]
    check(urls == ["http://j.example/1", "http://j.example/2", None, "http://j.example/4",
                   "http://j.example/5", None, "http://j.example/7", "http://j.example/8",
                   "http://j.example/9", "http://j.example/10"], "urls: %r" % urls)
    check("first record is given as text" in out[0]["text"], out[0])
    check("Caf\u00e9 cr\u00e8me" in out[1]["text"] and out[1]["charset"] == "WINDOWS-1252"
          and out[1]["charset_source"] == "hint", out[1])
    check(out[2]["line"] == 3 and out[2]["status"] == 2 and "not a JSON record" in out[2]["error"], out[2])
    check(out[3]["line"] == 5 and out[3]["status"] == 12 and out[3]["error"] == "not an HTML page: PNG image", out[3])
    check(out[4]["status"] == 2 and "html" in out[4]["error"], out[4])
    check(out[5]["line"] == 7 and out[5]["status"] == 2, out[5])
    check("\u4f60\u597d" in out[6]["text"] and out[6]["charset"] == "GB18030", out[6])
    check(out[7]["status"] == 2 and "base64" in out[7]["error"], out[7])
    check(out[8]["status"] == 2 and "both" in out[8]["error"], out[8])
    # Text in a JSON string is UTF-8 whatever charset the record names.
    check("\u00e9t\u00e9" in out[9]["text"] and out[9]["charset"] == "UTF-8", out[9])
    for o in out:
        check(("text" in o) != ("error" in o), "a record is either a page or an error: %r" % o)
    # The same bytes with any number of threads, and with -f json --input-jsonl.
    for args in (("-j", "1", "--jsonl"), ("-j", "4", "--jsonl"), ("-f", "json", "--input-jsonl")):
        again = env.run(*args, stdin=data)
        check(again.stdout == r.stdout and again.returncode == 0, "%r differs" % (args,))
    # Files as inputs: their records one after another, line numbers per file.
    env.write("a.jsonl", data)
    env.write("b.jsonl", b'{"url": "http://j.example/b", "html": "<p>x</p>"}\n{"html": 5}')
    r = env.run("--jsonl", "a.jsonl", "b.jsonl")
    expect_clean_success(r)
    out = [json.loads(l) for l in r.stdout.decode().splitlines()]
    check(len(out) == 12 and out[10]["url"] == "http://j.example/b" and out[11]["line"] == 2, out[10:])
    # A missing input fails (status 1), the others still go through.
    r = env.run("--jsonl", "none.jsonl", "b.jsonl")
    expect(r, 1)
    check(len(r.stdout.splitlines()) == 2, r.describe())


@test
def jsonl_usage(env):
    expect_usage_error(env.run("--input-jsonl", "-f", "text"), "-f json")
    expect_usage_error(env.run("--input-jsonl"), "-f json")
    expect_usage_error(env.run("--jsonl", "-o", "out"), "-o")
    r = env.run("--jsonl", stdin=b"")
    expect_clean_success(r)
    check(r.stdout == b"", r.describe())


@test
def charset_option_takes_content_type(env):
    text = "\u4f60\u597d\uff0c\u4e16\u754c\u3002\u8fd9\u662f\u4e00\u7bc7\u6587\u7ae0\u7684\u6b63\u6587\u3002" * 3
    env.write("g.html", page(text).decode().encode("gbk"))
    r = env.run("-f", "json", "--charset", "text/html; charset=GBK", "g.html")
    expect_clean_success(r)
    o = json.loads(r.stdout)
    check(o["charset"] == "GB18030" and o["charset_source"] == "hint" and "\u4f60\u597d" in o["text"], o)
    # A Latin-1 hint loses to bytes that are valid multi-byte UTF-8.
    env.write("u.html", page("Un \u00e9t\u00e9 \u00e0 la mer, assez de mots pour un article.").decode().encode())
    r = env.run("-f", "json", "--charset", "text/html; charset=iso-8859-1", "u.html")
    o = json.loads(r.stdout)
    check(o["charset"] == "UTF-8" and "\u00e9t\u00e9" in o["text"], o)


@test
def no_article_exit_status(env):
    """A page without an article (the corpus's index, sign-in and error
    pages) is written, empty, with one "no article here" line and exit 4;
    a failure elsewhere still wins (1); an article alone is 0."""
    corpus = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "corpus", "pages")
    kinds = {"en-index-category-archive": "an index page",
             "en-login-wall": "a sign-in page",
             "zh-error-404": "an error page"}
    for name, what in kinds.items():
        with open(os.path.join(corpus, name + ".html"), "rb") as f:
            env.write(name + ".html", f.read())
        result = env.run("-f", "text", name + ".html")
        expect(result, 4)
        check(result.stdout == b"", "text of a page without an article: %r" % result.stdout[:200])
        check(result.stderr.startswith("winnow: %s.html: no article here: %s" % (name, what))
              and result.stderr.count("\n") == 1, "message: %r" % result.stderr)
        result = env.run(name + ".html")
        expect(result, 4)
        check(b'source="none"' in result.stdout and b"<main/>" in result.stdout,
              "XML of a page without an article: %r" % result.stdout[:300])
    env.write("a.html", ARTICLE)
    expect_clean_success(env.run("a.html"))
    # With an article beside it: written, and 4.
    result = env.run("-o", "out", "a.html", "en-login-wall.html")
    expect(result, 4)
    check(os.path.exists(env.path("out/en-login-wall.xml")), "no output for the sign-in page")
    check(os.path.exists(env.path("out/a.xml")), "no output for the article")
    # A failed input outranks it.
    result = env.run("-o", "out", "a.html", "en-login-wall.html", "missing.html")
    expect(result, 1)
    # --help documents it.
    check("4 if every input succeeded but some page held no article" in
          env.run("--help").stdout.decode().replace("\n", " "),
          "--help does not document exit status 4")


def run_test(exe, name):
    fn = TESTS.get(name)
    if fn is None:
        print("unknown test %r" % name, file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="winnow-cli-") as workdir:
        try:
            fn(Env(exe, workdir))
        except Skip as e:
            print("SKIP %s: %s" % (name, e))
            return SKIP
        except Failure as e:
            print("FAIL %s: %s" % (name, e))
            return 1
    print("PASS %s" % name)
    return 0


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 1
    exe = os.path.abspath(argv[1])
    if argv[2] == "--list":
        print("\n".join(TESTS))
        return 0
    if argv[2] == "--check-registered":
        registered = set(argv[3:])
        missing = sorted(set(TESTS) - registered)
        unknown = sorted(registered - set(TESTS))
        if missing or unknown:
            print("not registered in tests/cli/meson.build: %s; unknown: %s"
                  % (missing, unknown))
            return 1
        return 0
    return run_test(exe, argv[2])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
